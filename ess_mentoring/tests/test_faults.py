from datetime import date, timedelta

from freezegun import freeze_time

from odoo import api
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import SQL, mute_logger

from .common import EssMentoringCommon

BATCH_LOGGER = "odoo.addons.ess_office_base.tools.batch"
# A Monday: the reminders look at the week of 2026-03-02.
CRON_DAY = "2026-03-09 06:00:00"


@tagged("post_install", "-at_install")
class TestBatchFaults(EssMentoringCommon):
    """A contract whose reminder or alert the database refuses (a check constraint that
    its row violates, as a constraint added by another module or a damaged row would) is
    logged and skipped; the others are done, and running again does not repeat them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_c = cls._create_entity("C")[0]
        cls.contract_c = cls._contract(cls, cls.entity_c, cls.mentor_a, state="active")

    def _refuse_activities_on(self, contract):
        self.env.cr.execute(
            SQL(
                "ALTER TABLE mail_activity ADD CONSTRAINT ess_test_refused "
                "CHECK (res_model != 'ess.mentoring.contract' OR res_id != %s) NOT VALID",
                contract.id,
            )
        )

    def _accept_activities_again(self):
        self.env.cr.execute(SQL("ALTER TABLE mail_activity DROP CONSTRAINT ess_test_refused"))

    def _activities(self, contracts, xmlid):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "ess.mentoring.contract"),
                ("res_id", "in", contracts.ids),
                ("activity_type_id", "=", self.env.ref(xmlid).id),
            ]
        )

    @freeze_time(CRON_DAY)
    def test_the_reminders_skip_the_contract_that_fails_and_do_the_others(self):
        contracts = self.contract_a | self.contract_b | self.contract_c
        reminders = "ess_mentoring.mail_activity_type_ess_followup_missing"
        self._refuse_activities_on(self.contract_b)
        with mute_logger("odoo.sql_db"), self.assertLogs(BATCH_LOGGER, level="ERROR") as logs:
            self.env["ess.mentoring.contract"]._cron_followup_reminders()
        self.assertEqual(
            [record.getMessage() for record in logs.records],
            [f"Follow-up reminders: ess.mentoring.contract[{self.contract_b.id}] failed and was skipped"],
        )
        done = self._activities(contracts, reminders)
        self.assertEqual(sorted(done.mapped("res_id")), sorted((self.contract_a | self.contract_c).ids))
        # Again: the bad one is tried (and logged) again, the others are not reminded twice.
        with mute_logger("odoo.sql_db"), self.assertLogs(BATCH_LOGGER, level="ERROR"):
            self.env["ess.mentoring.contract"]._cron_followup_reminders()
        self.assertEqual(self._activities(contracts, reminders), done)
        # Repaired, it is reminded once, with nothing logged.
        self._accept_activities_again()
        with self.assertNoLogs(BATCH_LOGGER, level="WARNING"):
            self.env["ess.mentoring.contract"]._cron_followup_reminders()
        self.assertEqual(len(self._activities(contracts, reminders)), 3)
        self.assertEqual(self._activities(self.contract_b, reminders).user_id, self.user_mentor_b)

    def test_the_budget_alert_that_fails_is_skipped_and_the_follow_ups_are_saved(self):
        alerts = "ess_mentoring.mail_activity_type_ess_budget"
        self._refuse_activities_on(self.contract_b)
        with mute_logger("odoo.sql_db"), self.assertLogs(BATCH_LOGGER, level="ERROR") as logs:
            followups = self.env["ess.mentoring.followup"].create(
                [
                    {"contract_id": contract.id, "week_start": self.MONDAY, "hours": 40}  # 80 % of 50
                    for contract in (self.contract_a, self.contract_b, self.contract_c)
                ]
            )
        self.assertEqual(
            [record.getMessage() for record in logs.records],
            [f"Hours budget alerts: ess.mentoring.contract[{self.contract_b.id}] failed and was skipped"],
        )
        self.assertEqual(len(followups.exists()), 3, "the follow-ups are saved all the same")
        alerted = self.contract_a | self.contract_c
        self.assertEqual(
            sorted(self._activities(alerted | self.contract_b, alerts).mapped("res_id")), alerted.ids
        )
        self.assertEqual(
            (self.contract_a | self.contract_b | self.contract_c).mapped("consumption_alerted"),
            [True, False, True],
        )
        # The next change of the hours tries the skipped one again; the others are not alerted twice.
        self._accept_activities_again()
        followups.write({"hours": 40})
        self.assertEqual(len(self._activities(alerted | self.contract_b, alerts)), 3)
        self.assertTrue(self.contract_b.consumption_alerted)


@tagged("post_install", "-at_install")
class TestWeekGridAllOrNothing(EssMentoringCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_c = cls._create_entity("C")[0]
        cls.contract_c = cls._contract(cls, cls.entity_c, cls.mentor_a, state="active")
        cls.logged = cls._followup(cls, cls.contract_a, hours=3, week=date(2026, 3, 16))

    def _grid(self, hours):
        """The mentor's grid up to the week of 2026-03-23, with ``hours`` by (contract, week)."""
        grid = (
            self.env["ess.mentoring.week.grid"]
            .with_user(self.user_mentor)
            .create({"week_start": "2026-03-23"})
        )
        for line in grid.line_ids:
            if (line.contract_id, line.week_start) in hours:
                line.hours = hours[line.contract_id, line.week_start]
        return grid

    def _followups(self):
        return self.env["ess.mentoring.followup"].search(
            [
                ("contract_id", "in", (self.contract_a | self.contract_c).ids),
                ("member_id", "=", self.mentor_a.id),
            ]
        )

    def test_every_cell_is_saved(self):
        self._grid(
            {(self.contract_a, date(2026, 3, 16)): 5, (self.contract_c, date(2026, 3, 23)): 2}
        ).action_save()
        self.assertEqual(
            {(followup.contract_id, followup.week_start, followup.hours) for followup in self._followups()},
            {(self.contract_a, date(2026, 3, 16), 5), (self.contract_c, date(2026, 3, 23), 2)},
        )

    def test_one_invalid_cell_saves_nothing(self):
        valid = {(self.contract_a, date(2026, 3, 16)): 5, (self.contract_a, date(2026, 3, 2)): 4}
        for bad_hours in (-2, 41):
            grid = self._grid({**valid, (self.contract_c, date(2026, 3, 9)): bad_hours})
            with self.assertRaisesRegex(
                UserError, r"week of \S+: log between 0 and 40 hours .*Nothing was saved"
            ):
                grid.action_save()
            self.assertEqual(self._followups(), self.logged, "no cell saved")
            self.assertEqual(self.logged.hours, 3, "nor changed")

    def test_a_cell_on_a_contract_the_mentor_is_not_on_saves_nothing(self):
        grid = self._grid({(self.contract_a, date(2026, 3, 16)): 5, (self.contract_c, date(2026, 3, 23)): 2})
        # Over RPC a mentor may point a cell of his own grid at another mentor's contract.
        grid.line_ids.filtered(lambda line: line.contract_id == self.contract_c).contract_id = self.contract_b
        with self.assertRaises(UserError):  # an access or a validation error
            grid.action_save()
        self.assertEqual(self._followups(), self.logged)
        self.assertEqual(self.logged.hours, 3)
        self.assertFalse(self.contract_b.followup_ids)

    def test_the_message_is_translated(self):
        self.env["res.lang"]._activate_lang("ca_ES")
        grid = self._grid({(self.contract_c, date(2026, 3, 9)): -1})
        with self.assertRaisesRegex(UserError, "No s'ha desat res"):
            grid.with_context(lang="ca_ES").action_save()


@tagged("post_install", "-at_install")
class TestConcurrentWeekSaves(BaseCase):
    """Two people save the same member's week of a demo contract in two transactions at
    once: one follow-up stays, the second save gets a clear message. The rows are
    committed, and removed afterwards."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            contract = env.ref("ess_mentoring.ess_mentoring_contract_lafornal")
            member = contract.mentor_id
            taken = set(contract.followup_ids.filtered(lambda f: f.member_id == member).mapped("week_start"))
            week = contract.date_start - timedelta(days=contract.date_start.weekday())
            while week in taken:
                week += timedelta(days=7)
            self.assertLessEqual(week, contract.date_end)
            self.assertLess(contract.hours_consumed + 3, 0.8 * contract.hours_budget, "no budget alert")
            self.contract_id, self.member_id, self.week = contract.id, member.id, week
            self.user_id = member.user_ids[:1].id
        self.addCleanup(self._remove_followups)

    def _remove_followups(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            self._followups(env).unlink()

    def _followups(self, env):
        return env["ess.mentoring.followup"].search(
            [
                ("contract_id", "=", self.contract_id),
                ("member_id", "=", self.member_id),
                ("week_start", "=", self.week),
            ]
        )

    def _grid(self, env, hours):
        grid = env["ess.mentoring.week.grid"].create({"week_start": self.week, "member_id": self.member_id})
        line = grid.line_ids.filtered(
            lambda line: line.contract_id.id == self.contract_id and line.week_start == self.week
        )
        self.assertFalse(line.followup_id, "both grids open on an empty week")
        line.hours = hours
        return grid

    def test_the_second_of_two_simultaneous_saves_gets_a_clear_message(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            env1 = api.Environment(cr1, self.user_id, {"lang": "en_US"})
            env2 = api.Environment(cr2, self.user_id, {"lang": "en_US"})
            grid1, grid2 = self._grid(env1, 2), self._grid(env2, 3)
            grid1.action_save()
            cr1.commit()
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaisesRegex(UserError, "Someone has just saved hours"),
            ):
                grid2.action_save()
            cr2.rollback()
        with self.registry.cursor() as cr:
            followups = self._followups(api.Environment(cr, api.SUPERUSER_ID, {}))
            self.assertEqual(followups.mapped("hours"), [2.0], "one row, the first save's")

from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import EssMentoringCommon


@tagged("post_install", "-at_install")
class TestFollowup(EssMentoringCommon):
    def test_week_start_is_always_a_monday(self):
        followup = self._followup(self.contract_a, week=date(2026, 3, 5))  # a Thursday
        self.assertEqual(followup.week_start, date(2026, 3, 2))
        followup.week_start = "2026-03-15"  # a Sunday
        self.assertEqual(followup.week_start, date(2026, 3, 9))
        with Form(self.env["ess.mentoring.followup"].with_user(self.user_mentor)) as form:
            form.contract_id = self.contract_a
            form.week_start = date(2026, 4, 10)
            form.hours = 1.5
        self.assertEqual(form.record.week_start, date(2026, 4, 6))
        self.assertEqual(form.record.member_id, self.mentor_a, "the user's own partner, on the team")

    def test_team_member_defaults_to_me_on_the_team_else_the_main_mentor(self):
        with Form(self.env["ess.mentoring.followup"].with_user(self.user_expert)) as form:
            form.contract_id = self.contract_a
            form.hours = 1
        self.assertEqual(form.record.member_id, self.expert)
        with Form(self.env["ess.mentoring.followup"].with_user(self.user_officer)) as form:
            form.contract_id = self.contract_a
            form.week_start = date(2026, 5, 4)
            form.hours = 1
        self.assertEqual(form.record.member_id, self.mentor_a)

    def test_hours_are_above_zero_and_at_most_forty(self):
        for hours in (0, -1, 40.5):
            with (
                self.subTest(hours=hours),
                self.assertRaisesRegex(ValidationError, "at most 40 hours"),
                self.env.cr.savepoint(),
            ):
                self._followup(self.contract_a, hours=hours)
        self.assertEqual(self._followup(self.contract_a, hours=40, week=date(2026, 6, 1)).hours, 40)

    def test_the_week_falls_inside_an_active_contract(self):
        with self.assertRaisesRegex(ValidationError, "outside"), self.env.cr.savepoint():
            self._followup(self.contract_a, week=date(2025, 12, 22))
        # The contract starts on Thursday 2026-01-01: its first week starts on Monday 2025-12-29.
        self.assertTrue(self._followup(self.contract_a, week=date(2026, 1, 1)))
        with self.assertRaisesRegex(ValidationError, "outside"), self.env.cr.savepoint():
            self._followup(self.contract_a, week=date(2027, 1, 4))
        draft = self._contract(self.entity_a, self.mentor_a)
        with self.assertRaisesRegex(ValidationError, "is not active"), self.env.cr.savepoint():
            self._followup(draft)
        with self.assertRaisesRegex(ValidationError, "is not on the team"), self.env.cr.savepoint():
            self._followup(self.contract_a, member=self.mentor_b)

    def test_one_follow_up_per_member_and_week(self):
        self._followup(self.contract_a)
        self._followup(self.contract_a, member=self.expert)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self._followup(self.contract_a, week=date(2026, 3, 4))

    def test_hours_consumed_is_the_sum_of_the_follow_ups(self):
        self._followup(self.contract_a, hours=3)
        self._followup(self.contract_a, hours=2.5, member=self.expert)
        last = self._followup(self.contract_a, hours=1, week=date(2026, 3, 9))
        self.assertEqual(self.contract_a.hours_consumed, 6.5)
        self.assertEqual(self.contract_a.hours_remaining, 43.5)
        self.assertAlmostEqual(self.contract_a.consumption, 13.0)
        last.unlink()
        self.assertEqual(self.contract_a.hours_consumed, 5.5)

    def test_a_follow_up_beyond_the_budget_is_refused_until_an_officer_raises_it(self):
        self.contract_a.hours_budget = 10
        self._followup(self.contract_a, hours=8)
        with (
            self.assertRaisesRegex(ValidationError, r"2\.00 hours remain of 10\.00"),
            self.env.cr.savepoint(),
        ):
            self._followup(self.contract_a.with_user(self.user_mentor), hours=3, week=date(2026, 3, 9))
        self.contract_a.with_user(self.user_officer).hours_budget = 12
        followup = self._followup(self.contract_a, hours=3, week=date(2026, 3, 9))
        self.assertEqual(self.contract_a.hours_remaining, 1)
        with self.assertRaisesRegex(ValidationError, r"4\.00 hours remain"), self.env.cr.savepoint():
            followup.hours = 5
        tracked = self.contract_a.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "hours_budget"
        )
        self.assertEqual(tracked.mapped("new_value_float"), [12.0], "the officer's raise is in the chatter")

    def test_at_eighty_percent_the_referent_gets_one_activity(self):
        budget_type = self.env.ref("ess_mentoring.mail_activity_type_ess_budget")

        def alerts():
            return self.contract_a.activity_ids.filtered(
                lambda activity: activity.activity_type_id == budget_type
            )

        self._followup(self.contract_a, hours=39.5)
        self.assertFalse(alerts(), "79 %")
        self._followup(self.contract_a, hours=0.5, member=self.expert)
        self.assertEqual(len(alerts()), 1, "80 %")
        self.assertEqual(alerts().user_id, self.user_officer)
        self._followup(self.contract_a, hours=5, week=date(2026, 3, 9))
        self.assertEqual(len(alerts()), 1, "one activity, not one per follow-up")
        # A raised budget re-arms the warning for the next time it runs low.
        alerts().action_feedback()
        self.contract_a.hours_budget = 200  # 45 hours used: 22.5 %
        self._followup(self.contract_a, hours=40, week=date(2026, 3, 16))
        self._followup(self.contract_a, hours=40, week=date(2026, 3, 23))
        self.assertFalse(alerts(), "62.5 %")
        self._followup(self.contract_a, hours=40, week=date(2026, 3, 30))
        self.assertEqual(len(alerts()), 1, "82.5 %")

    def test_contracts_at_risk(self):
        today = date(2026, 4, 1)
        Contract = self.env["ess.mentoring.contract"].with_context(ess_today=today)
        self.contract_b.hours_budget = 10
        self._followup(self.contract_a, week=date(2026, 3, 2), status="blocked")
        self._followup(self.contract_a, week=date(2026, 3, 9), status="on_track")
        self._followup(self.contract_b, week=date(2026, 3, 2), hours=9)  # 90 % with 3/4 of the year ahead
        contracts = Contract.browse((self.contract_a | self.contract_b).ids)
        self.assertEqual(contracts.mapped("is_at_risk"), [True, True])
        self.assertIn("Blocked", contracts[0].risk_reason)
        self.assertIn("90 % of the hours used", contracts[1].risk_reason)
        self.assertEqual(Contract.search([("is_at_risk", "=", True), ("id", "in", contracts.ids)]), contracts)
        # Two good weeks since the block: no longer at risk.
        self._followup(self.contract_a, week=date(2026, 3, 16), status="on_track")
        # Late in the year, 90 % used is on schedule.
        late = Contract.with_context(ess_today=date(2026, 11, 1))
        self.assertFalse(late.search([("is_at_risk", "=", True), ("id", "in", contracts.ids)]))
        self.assertEqual(
            Contract.search([("is_at_risk", "=", False), ("id", "in", contracts.ids)]), self.contract_a
        )

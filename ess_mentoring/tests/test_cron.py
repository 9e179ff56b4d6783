from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import EssMentoringCommon

# A Monday: the cron looks at the week of 2026-03-02.
CRON_DAY = "2026-03-09 06:00:00"
LAST_WEEK = date(2026, 3, 2)


@tagged("post_install", "-at_install")
class TestFollowupReminders(EssMentoringCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reminder_type = cls.env.ref("ess_mentoring.mail_activity_type_ess_followup_missing")
        cls.Contract = cls.env["ess.mentoring.contract"]

    def _reminders(self, contracts):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "ess.mentoring.contract"),
                ("res_id", "in", contracts.ids),
                ("activity_type_id", "=", self.reminder_type.id),
            ]
        )

    @freeze_time(CRON_DAY)
    def test_the_main_mentor_of_a_contract_without_last_weeks_follow_up_is_reminded_once(self):
        logged = self._contract(self.entity_b, self.mentor_b, state="active")
        self._followup(logged, week=LAST_WEEK)
        draft = self._contract(self.entity_a, self.mentor_a)
        self.Contract._cron_followup_reminders()
        reminders = self._reminders(self.contract_a | self.contract_b | logged | draft)
        self.assertEqual(
            {(reminder.res_id, reminder.user_id) for reminder in reminders},
            {(self.contract_a.id, self.user_mentor), (self.contract_b.id, self.user_mentor_b)},
            "the main mentor of each active contract with no follow-up; never the expert",
        )
        self.assertEqual(reminders.mapped("date_deadline"), [date(2026, 3, 9)] * 2)
        self.Contract._cron_followup_reminders()
        self.assertEqual(
            self._reminders(self.contract_a | self.contract_b | logged), reminders, "twice: nothing more"
        )
        # An expert's follow-up of the week is the entity's follow-up too: nobody is chased.
        reminders.unlink()
        self._followup(self.contract_a, week=LAST_WEEK, member=self.expert)
        self.Contract._cron_followup_reminders()
        self.assertEqual(self._reminders(self.contract_a | self.contract_b).res_id, self.contract_b.id)

    def _active_contracts(self, size):
        return self.Contract.create(
            [
                {
                    "partner_id": (self.entity_a if index % 2 else self.entity_b).id,
                    "mentor_id": (self.mentor_a if index % 2 else self.mentor_b).id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                    "hours_budget": 50,
                    "state": "active",
                }
                for index in range(size)
            ]
        )

    def _cron_queries(self):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.Contract._cron_followup_reminders()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    @freeze_time(CRON_DAY)
    def test_the_cron_runs_the_same_queries_for_ten_and_a_thousand_contracts(self):
        (self.contract_a | self.contract_b).state = "cancelled"
        warm_up = self._active_contracts(10)
        self._cron_queries()  # caches of the ORM and of the registry
        warm_up.state = "cancelled"
        counts = {}
        for size in (10, 1000):
            contracts = self._active_contracts(size)
            counts[size] = self._cron_queries()
            contracts.state = "cancelled"
        self.assertEqual(counts[10], counts[1000], f"queries: {counts}")
        self.assertLess(counts[10], 30)

    @freeze_time(CRON_DAY)
    def test_the_cron_runner_calls_again_until_every_contract_is_reminded(self):
        # Only this test's contracts are active: the demo office's, dated from the day the
        # database was built, may be due a reminder on CRON_DAY too.
        self.Contract.search([("state", "=", "active")]).state = "cancelled"
        contracts = self._active_contracts(250)
        progress = self.env["ir.cron.progress"].create({"cron_id": self.env.ref(
            "ess_mentoring.ir_cron_ess_mentoring_followup_reminders").id})  # fmt: skip
        Cron = self.Contract.with_context(ir_cron_progress_id=progress.id)
        remaining = []
        for _call in range(4):
            Cron._cron_followup_reminders()
            remaining.append(progress.remaining)
        self.assertEqual(remaining, [150, 50, 0, 0])
        self.assertEqual(len(self._reminders(contracts)), 250)

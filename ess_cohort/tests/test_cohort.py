from datetime import date, timedelta

import pytz

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import EssCohortCommon


@tagged("post_install", "-at_install")
class TestCohort(EssCohortCommon):
    def test_capacity_counts_active_members_and_refuses_with_a_message(self):
        cohort = self._cohort("Small cohort", self.entity_a, capacity=1, state="open")
        with self.assertRaisesRegex(ValidationError, "Small cohort is full"), self.env.cr.savepoint():
            cohort._ess_apply(self.entity_c)
        self.env["ess.cohort.member"].create({"cohort_id": cohort.id, "partner_id": self.entity_b.id})
        with (
            self.assertRaisesRegex(ValidationError, "is full: 1 active members at most"),
            self.env.cr.savepoint(),
        ):
            cohort.member_ids.filtered(lambda member: member.state == "applied").with_user(
                self.user_officer
            ).action_accept()
        cohort.member_ids.filtered(lambda member: member.partner_id == self.entity_a).action_withdraw()
        cohort.member_ids.filtered(lambda member: member.partner_id == self.entity_b).with_user(
            self.user_officer
        ).action_accept()
        self.assertEqual(cohort.active_member_count, 1)

    def test_an_entity_applies_and_the_office_accepts_it_with_an_itinerary(self):
        cohort = self._cohort("Open cohort", state="open")
        self.assertFalse(self.env["project.project"].search([("ess_entity_id", "=", self.entity_c.id)]))
        member = cohort._ess_apply(self.entity_c)
        self.assertEqual(member.state, "applied")
        self.assertEqual(member.activity_ids.user_id, self.user_officer, "the entity's referent is asked")
        with self.assertRaisesRegex(UserError, "already belongs"), self.env.cr.savepoint():
            cohort._ess_apply(self.entity_c)
        with self.assertRaisesRegex(UserError, "does not accept applications"), self.env.cr.savepoint():
            self.cohort_a._ess_apply(self.entity_c)
        member.with_user(self.user_officer).action_accept()
        self.assertEqual(member.state, "active")
        self.assertTrue(member.project_id.is_ess_itinerary)
        self.assertEqual(member.project_id.ess_entity_id, self.entity_c)

    def test_monthly_sessions_are_generated_within_the_cohort(self):
        # The first Thursday on or after the 15th, month after month.
        days = self.env["ess.cohort.session.generate"]._ess_session_days(date(2026, 1, 15), 3, 4)
        self.assertEqual(days, [date(2026, 1, 15), date(2026, 2, 19), date(2026, 3, 19), date(2026, 4, 16)])
        cohort = self._cohort("Generated", state="open")
        self.user_officer.tz = "Europe/Madrid"
        wizard = self.env["ess.cohort.session.generate"].with_user(self.user_officer).create(
            {"cohort_id": cohort.id, "count": 3, "first_date": self.today - timedelta(days=150), "weekday": "1",
             "hour": 18.5, "topic": "Ajuda mútua"}
        )  # fmt: skip
        wizard.action_generate()
        sessions = cohort.session_ids
        self.assertEqual(sessions.mapped("topic"), ["Ajuda mútua 1", "Ajuda mútua 2", "Ajuda mútua 3"])
        madrid = pytz.timezone("Europe/Madrid")
        local = [pytz.utc.localize(session.date).astimezone(madrid) for session in sessions]
        self.assertEqual({(moment.weekday(), moment.hour, moment.minute) for moment in local}, {(1, 18, 30)},
                         "Tuesdays at 18:30, Madrid time")  # fmt: skip
        self.assertTrue(all(session.calendar_event_id for session in sessions))
        wizard.write({"count": 12, "first_date": self.today})
        with (
            self.assertRaisesRegex(ValidationError, "is outside the dates of Generated"),
            self.env.cr.savepoint(),
        ):
            wizard.action_generate()

    def test_sessions_invite_the_active_members_people(self):
        facilitator = self.user_officer.partner_id
        self.assertEqual(self.next_a.calendar_event_id.partner_ids, self.contact_a | facilitator)
        member_c = self.env["ess.cohort.member"].create(
            {"cohort_id": self.cohort_a.id, "partner_id": self.entity_c.id}
        )
        self.assertNotIn(self.contact_c, self.next_a.calendar_event_id.partner_ids, "applied is not invited")
        member_c.with_user(self.user_officer).action_accept()
        self.assertIn(self.contact_c, self.next_a.calendar_event_id.partner_ids)
        self.assertNotIn(self.contact_c, self.past_a.calendar_event_id.partner_ids, "past events keep theirs")
        member_c.with_user(self.user_officer).action_withdraw()
        self.assertNotIn(self.contact_c, self.next_a.calendar_event_id.partner_ids)
        self.next_a.with_user(self.user_officer).topic = "Nou tema"
        self.assertEqual(self.next_a.calendar_event_id.name, "Cohort A: Nou tema")

    def test_attendance_rates_and_who_may_attend(self):
        other_past = self.env["ess.cohort.session"].create(
            {"cohort_id": self.cohort_a.id, "date": self.now - timedelta(days=60), "topic": "Earlier"}
        )
        for session, attended in ((self.past_a, "present"), (other_past, "absent")):
            session.with_user(self.user_officer).action_take_attendance()
            session.attendance_ids.attended = attended
        self.next_a.with_user(self.user_officer).action_take_attendance()  # not recorded yet: not counted
        self.assertEqual(self.member_a.attendance_rate, 50.0)
        self.assertEqual(self.cohort_a.attendance_rate, 50.0)
        with (
            self.assertRaisesRegex(ValidationError, "neither a member of Cohort A nor registered"),
            self.env.cr.savepoint(),
        ):
            self.env["ess.cohort.attendance"].create(
                {"session_id": self.past_a.id, "partner_id": self.entity_c.id}
            )
        with self.assertRaisesRegex(ValidationError, "is not open"), self.env.cr.savepoint():
            self.env["ess.cohort.attendance"].create(
                {"session_id": self.past_a.id, "partner_id": self.entity_c.id, "is_guest": True}
            )

    def test_open_sessions_take_registrations_up_to_their_capacity(self):
        self.next_a.write({"is_open": True, "capacity": 2})
        with self.assertRaisesRegex(UserError, "already expected"), self.env.cr.savepoint():
            self.next_a._ess_register(self.entity_a)
        self.next_a._ess_register(self.entity_c)
        self.assertIn(self.contact_c, self.next_a.calendar_event_id.partner_ids)
        self.assertEqual(self.next_a.guest_count, 1)
        with self.assertRaisesRegex(UserError, "is full"), self.env.cr.savepoint():
            self.next_a._ess_register(self.entity_b)
        self.past_a.is_open = True
        with self.assertRaisesRegex(UserError, "not open to registrations"), self.env.cr.savepoint():
            self.past_a._ess_register(self.entity_b)
        guest = self.next_a.attendance_ids.filtered("is_guest")
        guest.attended = "present"
        self.assertEqual(self.cohort_a.attendance_rate, 0.0, "guests are not the members' attendance")

    def test_sessions_outside_the_cohort_dates_are_refused(self):
        with (
            self.assertRaisesRegex(ValidationError, "is outside the dates of Cohort A"),
            self.env.cr.savepoint(),
        ):
            self.env["ess.cohort.session"].create(
                {"cohort_id": self.cohort_a.id, "date": self.now + timedelta(days=400), "topic": "Too late"}
            )

    def test_the_dashboard_averages_the_members_diagnoses(self):
        member_c = self.env["ess.cohort.member"].create(
            {"cohort_id": self.cohort_a.id, "partner_id": self.entity_c.id}
        )
        member_c.action_accept()
        baseline_a = self._done_diagnosis(
            self.entity_a, {self.q_data_single: 1, self.q_free: 0}, phase="baseline",
            date=self.today - timedelta(days=170),
        )  # fmt: skip
        final_a = self._done_diagnosis(
            self.entity_a,
            {self.q_data_single: 4, self.q_free: 3},
            phase="final",
            date=self.today - timedelta(days=5),
        )
        baseline_c = self._done_diagnosis(
            self.entity_c, {self.q_data_single: 2, self.q_free: 2}, partner=self.contact_c, phase="baseline",
            date=self.today - timedelta(days=100),
        )  # fmt: skip

        def score(diagnosis, dimension):
            return diagnosis.score_ids.filtered(lambda line: line.dimension_id == dimension).score

        progress = self.cohort_a._ess_progress()
        rows = {row["dimension"]: row for row in progress["dimensions"]}
        for dimension in (self.dim_data, self.dim_free):
            # C's only diagnosis is its baseline and its latest.
            self.assertAlmostEqual(
                rows[dimension]["baseline"], (score(baseline_a, dimension) + score(baseline_c, dimension)) / 2
            )
            self.assertAlmostEqual(
                rows[dimension]["latest"], (score(final_a, dimension) + score(baseline_c, dimension)) / 2
            )
            self.assertEqual(rows[dimension]["entities"], 2)
        self.assertGreater(rows[self.dim_data]["latest"], rows[self.dim_data]["baseline"])
        # Mentoring: entity A's active contract (50 hours budgeted) and its goals.
        self._followup(self.contract_a, hours=3.0)
        self.env["ess.mentoring.goal"].create(
            [{"contract_id": self.contract_a.id, "name": "Fitxers al núvol lliure", "state": "achieved"},
             {"contract_id": self.contract_a.id, "name": "Correu propi"},
             {"contract_id": self.contract_b.id, "name": "Not in cohort A", "state": "achieved"}]
        )  # fmt: skip
        progress = self.cohort_a._ess_progress()
        self.assertEqual((progress["hours_budget"], progress["hours_consumed"]), (50.0, 3.0))
        self.assertEqual((progress["goals_achieved"], progress["goal_count"]), (1, 2))
        self.assertEqual(progress["member_count"], 2)
        self.assertIn("o_ess_cohort_dimensions", str(self.cohort_a.progress_html))

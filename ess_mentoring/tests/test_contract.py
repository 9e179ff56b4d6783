from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import EssMentoringCommon


@tagged("post_install", "-at_install")
class TestContract(EssMentoringCommon):
    def test_sequence_numbers_each_contract(self):
        self.assertTrue(self.contract_a.name.startswith("MEN/"))
        self.assertNotEqual(self.contract_a.name, self.contract_b.name)

    def test_defaults_come_from_the_itinerary(self):
        itinerary = self._start_itinerary(self.entity_a)
        itinerary.write({"date_start": date(2026, 2, 1), "date": date(2027, 1, 31)})
        packages = self.env["ess.service.package"].create(
            [{"name": "Núvol lliure", "estimated_hours": 30}, {"name": "ERP lliure", "estimated_hours": 20}]
        )
        itinerary.ess_service_package_ids = packages
        with Form(self.env["ess.mentoring.contract"].with_user(self.user_officer)) as form:
            form.partner_id = self.entity_a
            form.project_id = itinerary
            self.assertEqual(form.date_start, date(2026, 2, 1))
            self.assertEqual(form.date_end, date(2027, 1, 31))
            self.assertEqual(form.hours_budget, 50)
            self.assertEqual(form.user_id, self.user_officer, "the entity's referent")
        contract = form.record
        self.assertEqual(contract.hours_remaining, 50)

    def test_bad_input_is_refused_with_a_clear_message(self):
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"), self.env.cr.savepoint():
            self._contract(self.entity_a, self.mentor_a, date_start="2026-06-01", date_end="2026-05-31")
        for budget in (0, -5):
            with (
                self.subTest(budget=budget),
                self.assertRaisesRegex(ValidationError, "greater than zero"),
                self.env.cr.savepoint(),
            ):
                self._contract(self.entity_a, self.mentor_a, hours_budget=budget)
        outsider = self.env["res.partner"].create({"name": "Not a mentor"})
        with self.assertRaisesRegex(ValidationError, "Not a mentor is not a mentor"), self.env.cr.savepoint():
            self._contract(self.entity_a, outsider)
        # A mentor profile with no user in the Mentor group cannot log hours: not a team member.
        profile_only = self.env["res.partner"].create({"name": "Profile only", "is_ess_mentor": True})
        with self.assertRaisesRegex(ValidationError, "Profile only is not a mentor"), self.env.cr.savepoint():
            self._contract(self.entity_a, self.mentor_a, experts=profile_only)
        with self.assertRaisesRegex(ValidationError, "belongs to another entity"), self.env.cr.savepoint():
            self._contract(self.entity_a, self.mentor_a, project_id=self._start_itinerary(self.entity_b).id)

    def test_activating_needs_a_mentor_and_the_entity_acceptance_or_a_reason(self):
        contract = self._contract(self.entity_a)
        officer_contract = contract.with_user(self.user_officer)
        with self.assertRaisesRegex(UserError, "has no main mentor"), self.env.cr.savepoint():
            officer_contract.action_activate()
        contract.mentor_id = self.mentor_a
        with self.assertRaisesRegex(UserError, "has not accepted"), self.env.cr.savepoint():
            officer_contract.action_activate()
        contract.activation_override_reason = "The board meets next month; the work cannot wait."
        officer_contract.action_activate()
        self.assertEqual(contract.state, "active")
        self.assertIn(
            "Reason: The board meets next month",
            "\n".join(contract.message_ids.mapped("body")),
            "the override's reason is in the chatter",
        )

    def test_acceptance_records_who_and_when_and_tells_the_referent(self):
        contract = self._contract(self.entity_a, self.mentor_a)
        contract.with_user(self.portal_a)._ess_accept(self.contact_a)
        self.assertEqual(contract.accepted_by_id, self.contact_a)
        self.assertTrue(contract.accepted_date)
        activity = contract.activity_ids.filtered(lambda activity: activity.user_id == self.user_officer)
        self.assertEqual(len(activity), 1)
        self.assertIn("activate", activity.summary)
        with self.assertRaisesRegex(UserError, "not waiting"), self.env.cr.savepoint():
            contract._ess_accept(self.contact_a)
        contract.with_user(self.user_officer).action_activate()
        self.assertEqual(contract.state, "active")
        self.assertNotIn("Activated without", "\n".join(contract.message_ids.mapped("body")))

    def test_a_contract_from_a_diagnosis_proposes_goals_for_its_weakest_dimensions(self):
        diagnosis = self._diagnosis()
        self._answer(diagnosis, {self.q_data_single: 0, self.q_data_multi: [0], self.q_free: 0})
        diagnosis.action_done()
        weakest = diagnosis._ess_weakest_scores()
        self.assertEqual(set(weakest.dimension_id), {self.dim_data, self.dim_free})
        contract = self._contract(self.entity_a, self.mentor_a, diagnosis_id=diagnosis.id)
        self.assertEqual(contract.goal_ids.dimension_id, weakest.dimension_id)
        self.assertEqual(contract.goal_ids.mapped("state"), ["open", "open"])
        self.assertEqual(set(contract.goal_ids.mapped("date_target")), {contract.date_end})
        self.assertIn("Free software", " ".join(contract.goal_ids.mapped("name")))
        # Goals given by hand are kept as they are.
        chosen = self._contract(
            self.entity_a,
            self.mentor_a,
            diagnosis_id=diagnosis.id,
            goal_ids=[Command.create({"name": "Una web pròpia", "dimension_id": self.dim_data.id})],
        )
        self.assertEqual(chosen.goal_ids.mapped("name"), ["Una web pròpia"])

    def test_team_users_accompany_the_entity(self):
        self.assertEqual(self.entity_a.ess_mentor_user_ids, self.user_mentor | self.user_expert)
        self.assertEqual(self.entity_b.ess_mentor_user_ids, self.user_mentor_b)
        self.contract_a.expert_ids = False
        self.assertEqual(self.entity_a.ess_mentor_user_ids, self.user_mentor)
        self.contract_b.with_user(self.user_officer).action_cancel()
        self.assertFalse(self.entity_b.ess_mentor_user_ids, "a cancelled contract gives no access")
        self.contract_b.with_user(self.user_officer).action_draft()
        self.assertFalse(self.entity_b.ess_mentor_user_ids, "a draft the entity never accepted gives none")
        self.contract_b.activation_override_reason = "The entity signed on paper."
        self.contract_b.with_user(self.user_officer).action_activate()
        self.assertEqual(self.entity_b.ess_mentor_user_ids, self.user_mentor_b, "an officer activated it")
        self.contract_b.partner_id = self.entity_a
        self.assertEqual(self.entity_a.ess_mentor_user_ids, self.user_mentor | self.user_mentor_b)
        self.assertFalse(self.entity_b.ess_mentor_user_ids, "the former entity loses the mentor")

    def test_done_sends_the_satisfaction_survey_linked_to_the_contract(self):
        survey = self.env.ref("ess_mentoring.survey_ess_satisfaction")
        self.assertEqual(survey.survey_type, "ess_satisfaction")
        with self.assertRaisesRegex(UserError, "Only an active contract"), self.env.cr.savepoint():
            self._contract(self.entity_a, self.mentor_a).with_user(self.user_officer).action_done()
        self.contract_a.with_user(self.user_officer).action_done()
        self.assertEqual(self.contract_a.state, "done")
        answers = self.contract_a.satisfaction_input_ids
        self.assertEqual(answers.partner_id, self.contact_a)
        self.assertEqual(answers.survey_id, survey)
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.contact_a.ids)], order="id desc", limit=1
        )
        self.assertIn(answers.access_token, mail.body_html, "the invitation carries the person's own link")
        # Officers read the answers; the mentor they rate does not, even as a survey user.
        self.assertEqual(answers.with_user(self.user_officer).read(["state"])[0]["state"], "new")
        self.user_mentor.groups_id |= self.env.ref("survey.group_survey_user")
        self.assertFalse(
            self.env["survey.user_input"].with_user(self.user_mentor).search([("id", "in", answers.ids)])
        )

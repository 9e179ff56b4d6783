from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import EssOfficeCommon


@tagged("post_install", "-at_install")
class TestItinerary(EssOfficeCommon):
    def test_start_itinerary(self):
        self.assertEqual(self.entity_a.ess_itinerary_count, 0)
        itinerary = self._start_itinerary(self.entity_a)
        # The day where the officer who started it is (near midnight UTC, not the server's).
        today = fields.Date.context_today(itinerary.with_user(self.user_officer))

        self.assertTrue(itinerary.is_ess_itinerary)
        self.assertEqual(itinerary.ess_entity_id, self.entity_a)
        self.assertEqual(itinerary.partner_id, self.entity_a)
        self.assertEqual(itinerary.user_id, self.user_officer, "the referent leads the itinerary")
        self.assertIn(self.entity_a.name, itinerary.name)
        self.assertEqual(itinerary.privacy_visibility, "portal")
        self.assertEqual(itinerary.date_start, today)
        self.assertEqual(itinerary.date, today + relativedelta(years=1, days=-1))
        self.assertEqual(
            itinerary.type_ids.sorted("sequence").mapped("name"),
            ["Diagnosis", "Plan", "Mentoring", "Follow-up", "Closed"],
        )
        self.assertLessEqual(self.entity_a | self.contact_a, itinerary.message_partner_ids)
        self.assertNotIn(self.entity_b, itinerary.message_partner_ids)
        self.assertEqual(self.entity_a.ess_itinerary_count, 1)
        self.assertEqual(
            self.env["project.project"].search(self.entity_a.action_ess_view_itineraries()["domain"]),
            itinerary,
        )

    def test_entity_portal_users_see_their_itinerary_only(self):
        itinerary_a = self._start_itinerary(self.entity_a)
        itinerary_b = self._start_itinerary(self.entity_b)
        Project = self.env["project.project"]
        self.assertEqual(
            Project.with_user(self.portal_a).search([("is_ess_itinerary", "=", True)]), itinerary_a
        )
        self.assertEqual(
            Project.with_user(self.portal_b).search([("is_ess_itinerary", "=", True)]), itinerary_b
        )
        with self.assertRaises(AccessError):
            itinerary_b.with_user(self.portal_a).read(["name"])

    def test_new_contact_of_the_entity_follows_later_itineraries(self):
        newcomer = self.env["res.partner"].create({"name": "Nova persona", "parent_id": self.entity_a.id})
        itinerary = self._start_itinerary(self.entity_a)
        self.assertIn(newcomer, itinerary.message_partner_ids)

    def test_only_entities_start_itineraries(self):
        with self.assertRaisesRegex(UserError, "Only an ESS entity"):
            self.user_employee.partner_id.with_user(self.user_officer).action_ess_start_itinerary()

    def test_itinerary_needs_an_entity(self):
        with self.assertRaisesRegex(ValidationError, "needs an ESS entity"):
            self.env["project.project"].create({"name": "Orphan", "is_ess_itinerary": True})
        with self.assertRaisesRegex(ValidationError, "needs an ESS entity"):
            self.env["project.project"].create(
                {
                    "name": "Not ESS",
                    "is_ess_itinerary": True,
                    "ess_entity_id": self.user_employee.partner_id.id,
                }
            )

    def test_mentor_cannot_start_an_itinerary(self):
        with self.assertRaises(AccessError):
            self._start_itinerary(self.entity_a, user=self.user_mentor)

    def test_itinerary_form_from_the_menu(self):
        action = self.env.ref("ess_office_base.project_project_action_itinerary")
        context = dict(self.env.context, **safe_eval(action.context))
        with Form(self.env["project.project"].with_user(self.user_officer).with_context(**context)) as form:
            form.name = "Itinerari B"
            form.ess_entity_id = self.entity_b
        itinerary = form.record
        self.assertTrue(itinerary.is_ess_itinerary)
        self.assertEqual(itinerary.date, itinerary.date_start + relativedelta(years=1, days=-1))
        self.assertIn(self.contact_b, itinerary.message_partner_ids)

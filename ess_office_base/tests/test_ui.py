from odoo.tests import HttpCase, tagged

from .common import EssOfficeCommon


@tagged("post_install", "-at_install")
class TestUi(EssOfficeCommon, HttpCase):
    def test_officer_starts_an_itinerary_from_the_entity(self):
        self.start_tour(
            "/odoo/action-ess_office_base.res_partner_action_ess_entity",
            "ess_office_base_start_itinerary",
            login=self.user_officer.login,
        )
        itinerary = self.env["project.project"].search([("ess_entity_id", "=", self.entity_a.id)])
        self.assertEqual(len(itinerary), 1)
        self.assertIn(self.contact_a, itinerary.message_partner_ids)

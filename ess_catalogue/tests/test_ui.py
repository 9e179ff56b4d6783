from odoo.tests import HttpCase, tagged

from .common import EssCatalogueCommon


@tagged("post_install", "-at_install")
class TestCatalogueTours(EssCatalogueCommon, HttpCase):
    def test_visitor_filters_by_dimension_and_opens_a_resource(self):
        self.start_tour("/catalogue", "ess_catalogue_visitor_filters")

    def test_entity_member_proposes_a_resource(self):
        self.start_tour("/catalogue", "ess_catalogue_member_proposes", login=self.portal_a.login)
        proposal = self.Resource.sudo().search([("name", "=", "Pads de la Coop")])
        self.assertEqual(
            (proposal.state, proposal.proposer_partner_id, proposal.license_type, proposal.url),
            ("submitted", self.contact_a, "free_software", "https://pads.example.org"),
        )
        self.assertFalse(proposal.is_published)

from odoo.tests import tagged

from odoo.addons.ess_office_base.tests.access_matrix import (
    AccessMatrixTests,
    ActionsChangeNothingMixin,
)

from .access_rows import ACCESS_ROWS
from .common import EssCatalogueCommon


@tagged("post_install", "-at_install")
class TestCatalogueAccessMatrix(EssCatalogueCommon, AccessMatrixTests, ActionsChangeNothingMixin):
    access_rows = ACCESS_ROWS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.proposal_a = cls._resource(
            "Proposta d'A",
            state="submitted",
            proposer_partner_id=cls.contact_a.id,
            proposer_name=cls.contact_a.name,
        )
        cls.reject_wizard = (
            cls.env["ess.catalogue.reject"].with_user(cls.user_officer).create(
                {"resource_id": cls.proposal_a.id, "reason": "Ja hi és"})
        )  # fmt: skip

    def test_access_matrix(self):
        self.assertGreater(self.assertAccessMatrix(ACCESS_ROWS), 0)

    def test_moves(self):
        # The catalogue's records belong to no entity or company a write could move them
        # out of: its rows declare no move (the inventory's lines do, in ess_tool_inventory).
        self.assertEqual(self.assertMoves(self.access_rows), 0)

    def test_public_actions_change_nothing_for_mentors_portal_and_visitors(self):
        records = [self.free_cloud, self.proposal_a, self.submitted, self.reject_wizard, self.provider]
        users = [self.user_mentor, self.user_expert, self.user_facilitator, self.portal_a, self.portal_b,
                 self.env.ref("base.public_user")]  # fmt: skip
        calls = self.assertActionsChangeNothing(records, users)
        self.assertGreaterEqual(calls, 6 * 3)

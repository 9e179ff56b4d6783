from odoo.tests import tagged

from odoo.addons.ess_office_base.tests.access_matrix import (
    AccessMatrixTests,
    ActionsChangeNothingMixin,
)

from .access_rows import ACCESS_ROWS
from .common import EssToolInventoryCommon


@tagged("post_install", "-at_install")
class TestToolInventoryAccessMatrix(EssToolInventoryCommon, AccessMatrixTests, ActionsChangeNothingMixin):
    access_rows = ACCESS_ROWS
    company_models = ["ess.tool.inventory.line"]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line_a, cls.line_b = cls.env["ess.tool.inventory.line"].create(
            [{"partner_id": entity.id, "resource_id": cls.proprietary_cloud.id, "usage": "files", "user_count": 3}
             for entity in (cls.entity_a, cls.entity_b)]
        )  # fmt: skip
        cls.migration_wizard = (
            cls.env["ess.tool.migration.plan"]
            .with_user(cls.user_officer)
            .create({"line_id": cls.line_a.id, "alternative_id": cls.free_cloud.id})
        )

    def test_access_matrix(self):
        self.assertGreater(self.assertAccessMatrix(ACCESS_ROWS), 0)

    def test_public_actions_change_nothing_for_mentors_portal_and_visitors(self):
        records = [self.line_a, self.line_b, self.migration_wizard]
        users = [self.user_mentor, self.user_expert, self.user_facilitator, self.portal_a, self.portal_b,
                 self.env.ref("base.public_user")]  # fmt: skip
        calls = self.assertActionsChangeNothing(records, users)
        self.assertGreaterEqual(calls, 6 * 3)

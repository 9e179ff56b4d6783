from odoo.tests import tagged

from odoo.addons.ess_office_base.tests.access_matrix import AccessMatrixTests, ActionsChangeNothingMixin

from .access_rows import ACCESS_ROWS
from .common import EssImpactCommon
from .route_rows import setup_route_records


@tagged("post_install", "-at_install")
class TestImpactAccess(EssImpactCommon, AccessMatrixTests, ActionsChangeNothingMixin):
    access_rows = ACCESS_ROWS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_route_records(cls)

    def test_access_matrix(self):
        self.assertGreater(self.assertAccessMatrix(ACCESS_ROWS), 0)

    def test_public_actions_change_nothing_for_mentors_portal_and_visitors(self):
        records = [self.impact_report_officer, self.impact_report_mentor]
        users = [
            self.user_mentor,
            self.user_expert,
            self.portal_a,
            self.portal_b,
            self.env.ref("base.public_user"),
        ]
        self.assertGreater(self.assertActionsChangeNothing(records, users), 0)

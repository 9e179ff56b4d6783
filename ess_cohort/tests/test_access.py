from odoo.tests import tagged

from odoo.addons.ess_office_base.tests.access_matrix import (
    AccessMatrixTests,
    ActionsChangeNothingMixin,
)

from .access_rows import ACCESS_ROWS
from .common import EssCohortCommon


@tagged("post_install", "-at_install")
class TestCohortAccess(EssCohortCommon, AccessMatrixTests, ActionsChangeNothingMixin):
    access_rows = ACCESS_ROWS
    company_models = ["ess.cohort", "ess.cohort.member", "ess.cohort.session", "ess.cohort.attendance"]

    """Both entities have a done diagnosis (their progress rows) and an attendance line
    on their cohort's coming session; the officer opened a session wizard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Cohort A's facilitator is a mentor who accompanies no entity.
        cls.cohort_a.user_id = cls.user_facilitator
        for entity, contact in ((cls.entity_a, cls.contact_a), (cls.entity_b, cls.contact_b)):
            cls._done_diagnosis(cls, entity, {cls.q_data_single: 2}, partner=contact)
        cls.attendance_a, cls.attendance_b = (
            cls.env["ess.cohort.attendance"].create({"session_id": session.id, "partner_id": entity.id})
            for session, entity in ((cls.next_a, cls.entity_a), (cls.next_b, cls.entity_b))
        )
        Report = cls.env["ess.cohort.progress.report"]
        cls.progress_a = Report.search([("cohort_id", "=", cls.cohort_a.id)], limit=1)
        cls.progress_b = Report.search([("cohort_id", "=", cls.cohort_b.id)], limit=1)
        cls.generate_wizard = (
            cls.env["ess.cohort.session.generate"]
            .with_user(cls.user_officer)
            .create({"cohort_id": cls.cohort_a.id, "count": 1})
        )

    def test_access_matrix(self):
        self.assertTrue(self.progress_a and self.progress_b)
        self.assertGreater(self.assertAccessMatrix(ACCESS_ROWS), 0)

    def test_public_actions_change_nothing_for_mentors_portal_and_visitors(self):
        records = [self.cohort_a, self.cohort_b, self.member_a, self.member_b, self.next_a, self.next_b,
                   self.attendance_a, self.generate_wizard]  # fmt: skip
        users = [
            self.user_mentor,
            self.user_expert,
            self.portal_a,
            self.portal_b,
            self.env.ref("base.public_user"),
        ]
        calls = self.assertActionsChangeNothing(records, users)
        self.assertGreaterEqual(calls, 5 * 5)

from odoo.tests import tagged

from odoo.addons.ess_office_base.tests.access_matrix import AccessMatrixTests, ActionsChangeNothingMixin

from .access_rows import ACCESS_ROWS
from .common import EssLearningCommon


@tagged("post_install", "-at_install")
class TestLearningAccess(EssLearningCommon, AccessMatrixTests, ActionsChangeNothingMixin):
    access_rows = ACCESS_ROWS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.green_reading = cls.course_green.slide_ids[:1]
        memberships = {}
        for scope, user in (("A", cls.portal_a), ("B", cls.portal_b)):
            memberships[scope] = cls._complete(user, cls.course_free)
        cls.membership_a, cls.membership_b = memberships["A"], memberships["B"]
        SlidePartner = cls.env["slide.slide.partner"]
        cls.progress_a, cls.progress_b = (
            SlidePartner.search([("slide_id", "=", cls.free_reading.id), ("partner_id", "=", contact.id)])
            for contact in (cls.contact_a, cls.contact_b)
        )
        for contact in (cls.contact_a, cls.contact_b):
            cls.course_data._action_add_members(contact)
        cls.certification_a, cls.certification_b = (
            cls.certification_survey._create_answer(
                partner=contact, check_attempts=False, slide_id=cls.data_certification.id
            )
            for contact in (cls.contact_a, cls.contact_b)
        )
        cls.goal_a = cls.env["ess.mentoring.goal"].create(
            {"contract_id": cls.contract_a.id, "name": "Matriu", "course_ids": [(6, 0, cls.course_free.ids)]}
        )
        cls.next_a.write({"kind": "training", "course_id": cls.course_free.id})
        # The chatter messages of the set-up's changes are written when the transaction is
        # flushed (precommit): before the actions are called, not by them.
        cls.env.cr.flush()

    def test_access_matrix(self):
        self.assertTrue(self.progress_a and self.progress_b and self.membership_a and self.membership_b)
        self.assertGreater(self.assertAccessMatrix(ACCESS_ROWS), 0)

    def test_moves(self):
        # eLearning's records are moved by nobody here: only officers and managers write
        # them at all (their rows declare no move).
        self.assertEqual(self.assertMoves(self.access_rows), 0)

    def test_public_actions_change_nothing_for_outsiders(self):
        # The goal's courses are completed: its mentors may confirm it, nobody else.
        self.assertTrue(self.goal_a.ess_courses_completed)
        records = [self.goal_a, self.next_a, self.next_b]
        users = [
            self.user_facilitator,
            self.user_mentor_b,
            self.portal_a,
            self.portal_b,
            self.env.ref("base.public_user"),
        ]
        self.assertGreater(self.assertActionsChangeNothing(records, users), 0)

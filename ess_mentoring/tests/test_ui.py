from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.ess_mentoring.models.ess_mentoring_contract import week_monday

from .common import EssMentoringCommon


@tagged("post_install", "-at_install")
class TestMentoringTours(EssMentoringCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        (cls.contract_a | cls.contract_b).write(
            {"date_start": today - timedelta(days=90), "date_end": today + timedelta(days=270)}
        )
        cls.this_week = week_monday(today)

    def test_mentor_logs_a_week_in_the_grid(self):
        self.start_tour(
            "/odoo/action-ess_mentoring.ess_mentoring_week_grid_action",
            "ess_mentoring_week_grid",
            login=self.user_mentor.login,
        )
        followup = self.contract_a.followup_ids
        self.assertEqual(len(followup), 1)
        self.assertEqual(
            (followup.member_id, followup.week_start, followup.hours), (self.mentor_a, self.this_week, 2.5)
        )
        self.assertFalse(self.contract_b.followup_ids, "mentor B's contract is not in mentor A's grid")

    def test_entity_member_comments_on_a_week_in_the_portal(self):
        followup = self._followup(
            self.contract_a, week=self.this_week - timedelta(days=7), summary="Instal·lació del núvol"
        )
        self.start_tour("/my/mentoring", "ess_mentoring_portal_comment", login=self.portal_a.login)
        self.assertEqual(followup.entity_comment, "Ens ha anat molt bé: ja tenim les carpetes ordenades.")
        self.assertTrue(
            followup.message_ids.tracking_value_ids.filtered(
                lambda value: value.field_id.name == "entity_comment"
            ),
            "the comment shows in the week's history",
        )

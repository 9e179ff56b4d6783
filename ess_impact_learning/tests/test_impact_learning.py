from odoo.tests import tagged

from odoo.addons.ess_impact.tests.common import TODAY, EssImpactCommon
from odoo.addons.ess_learning.tests.common import EssLearningCommon


@tagged("post_install", "-at_install")
class TestImpactLearning(EssImpactCommon, EssLearningCommon):
    """On top of the hand-made office of ess_impact: A's contact completes the course on
    free software and A's colleague the green one; B's contact is enrolled in the course
    on data; C's contact completes the course on free software, enrolled before the
    period; X (not counted) completes it too."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague_a = cls.env["res.partner"].create({"name": "Companya A", "parent_id": cls.entity_a.id})
        cls._complete(cls.portal_a, cls.course_free)
        cls.course_green._action_add_members(cls.colleague_a)
        cls.env["slide.slide.partner"].create(
            [{"slide_id": slide.id, "partner_id": cls.colleague_a.id, "completed": True}
             for slide in cls.course_green.slide_ids]
        )  # fmt: skip
        cls.course_data._action_add_members(cls.contact_b)
        membership_c = cls._complete(cls.portal_c, cls.course_free)
        cls._complete(cls.portal_x, cls.course_free)
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE slide_channel_partner SET create_date = '2025-06-01' WHERE id = %s", [membership_c.id]
        )
        cls.env.invalidate_all()

    def _impact(self):
        return self.report.with_context(ess_today=TODAY)._ess_impact()

    def test_people_enrolled_and_courses_completed(self):
        learning = self._impact()["learning"]
        self.assertEqual(learning["people_enrolled"], 3, "A's two people and B's contact; C enrolled before")
        self.assertEqual(learning["people_completed"], 3, "A's two people and C's contact; never X's")
        self.assertEqual(learning["courses_completed"], 3)
        by_code = {
            row["code"]: (row["people_enrolled"], row["courses_completed"]) for row in learning["dimensions"]
        }
        self.assertEqual(
            by_code,
            {self.dim_free.code: (1, 2), self.dim_data.code: (1, 0), self.dim_green.code: (1, 1)},
        )

    def test_per_entity_rows_and_spreadsheet(self):
        impact = self._impact()
        rows = {row["id"]: (row["people_enrolled"], row["courses_completed"]) for row in impact["rows"]}
        self.assertEqual(rows[self.entity_a.id], (2, 2))
        self.assertEqual(rows[self.entity_b.id], (1, 0))
        self.assertEqual(rows[self.entity_c.id], (0, 1))
        self.assertEqual(rows[self.entity_d.id], (0, 0))
        self.assertIn(("courses_completed", "Courses completed"), self.report._ess_impact_entity_columns())
        figures = self.report._ess_impact_figure_rows(impact)
        self.assertIn(("Courses completed", 3), figures)
        self.assertIn((f"{self.dim_free.name} ({self.dim_free.code})", 1, 2), figures)

    def test_a_mentor_counts_the_entities_he_accompanies(self):
        mine = self.env["ess.impact.report"].with_user(self.user_mentor).create(
            {"name": "Mine", "date_from": self.report.date_from, "date_to": self.report.date_to,
             "sector_ids": [(6, 0, self.impact_sector.ids)]}
        )  # fmt: skip
        learning = mine.with_context(ess_today=TODAY)._ess_impact()["learning"]
        self.assertEqual(
            (learning["people_enrolled"], learning["courses_completed"]), (2, 2), "entity A only"
        )

    def test_the_report_shows_the_bootcamp(self):
        html = str(self.report.with_context(ess_today=TODAY).summary_html)
        section = html[html.index("o_ess_impact_learning") :]
        self.assertIn("Courses completed", section)
        self.assertIn(self.dim_green.name, section)

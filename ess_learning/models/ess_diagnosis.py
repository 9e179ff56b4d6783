from odoo import fields, models

RECOMMENDED_COURSES = 3


class EssDiagnosis(models.Model):
    _inherit = "ess.diagnosis"

    recommended_course_ids = fields.Many2many(
        "slide.channel",
        string="Recommended courses",
        compute="_compute_recommended_course_ids",
        help="Published courses of the bootcamp for the weakest dimensions, those for the lowest level first.",
    )

    def _compute_recommended_course_ids(self):
        for diagnosis in self:
            diagnosis.recommended_course_ids = diagnosis._ess_recommended_courses()

    def _ess_recommended_courses(self, limit=RECOMMENDED_COURSES):
        """Published courses for the dimensions the diagnosis recommends on (its weakest,
        the same helper as the packages and resources), the weakest dimension's first,
        then those for the lowest level. Public records: read as superuser."""
        self.ensure_one()
        dimensions = self._ess_weakest_scores().dimension_id
        if not dimensions:
            return self.env["slide.channel"]
        courses = (
            self.env["slide.channel"]
            .sudo()
            .search([("ess_dimension_ids", "in", dimensions.ids), ("is_published", "=", True)])
        )
        rank = {dimension: index for index, dimension in enumerate(dimensions)}
        return courses.sorted(
            lambda course: (
                min(rank.get(dimension, len(rank)) for dimension in course.ess_dimension_ids),
                course.ess_level_id.min_score if course.ess_level_id else 0.0,
                course.name,
                course.id,
            )
        )[:limit]

    def _ess_result_values(self):
        values = super()._ess_result_values()
        values["recommended_courses"] = self._ess_recommended_courses()
        return values

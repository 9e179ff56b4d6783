from odoo import api, fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    survey_type = fields.Selection(
        selection_add=[("ess_satisfaction", "ESS mentoring satisfaction")],
        ondelete={"ess_satisfaction": "set default"},
    )

    @api.depends("survey_type")
    def _compute_allowed_survey_types(self):
        res = super()._compute_allowed_survey_types()
        for survey in self:
            survey.allowed_survey_types = (survey.allowed_survey_types or []) + ["ess_satisfaction"]
        return res

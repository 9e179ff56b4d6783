from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    survey_type = fields.Selection(
        selection_add=[("ess_diagnosis", "ESS diagnosis")], ondelete={"ess_diagnosis": "set default"}
    )

    @api.depends("survey_type")
    def _compute_allowed_survey_types(self):
        res = super()._compute_allowed_survey_types()
        for survey in self:
            survey.allowed_survey_types = (survey.allowed_survey_types or []) + ["ess_diagnosis"]
        return res

    @api.constrains("survey_type", "question_and_page_ids")
    def _check_ess_scored_questions(self):
        self.filtered(lambda survey: survey.survey_type == "ess_diagnosis")._ess_check_questions()

    def _ess_check_questions(self):
        for survey in self:
            orphans = survey.question_ids.filtered(
                lambda q: q._ess_max_score() > 0 and not q.ess_dimension_id
            )
            if orphans:
                raise ValidationError(
                    self.env._(
                        "In the questionnaire %(survey)s, these scored questions have no dimension: "
                        "%(questions)s. Give each one the dimension it measures, or no score.",
                        survey=survey.title,
                        questions=", ".join(orphans.mapped("title")),
                    )
                )

    def _ess_scored_questions_by_dimension(self):
        """{dimension: [(question, maximum score)]} for the questions that can score."""
        self.ensure_one()
        result = defaultdict(list)
        for question in self.question_ids.filtered("ess_dimension_id"):
            maximum = question._ess_max_score()
            if maximum > 0:
                result[question.ess_dimension_id].append((question, maximum))
        return result

from odoo import api, fields, models


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    ess_factor_value = fields.Integer(
        string="Factor value", help="For a key-factor question: the value (1-5) this answer gives the factor."
    )

    @api.constrains("answer_score", "question_id")
    def _check_ess_dimension(self):
        self.question_id.survey_id.filtered(
            lambda survey: survey.survey_type == "ess_diagnosis"
        )._ess_check_questions()

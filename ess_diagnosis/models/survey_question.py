from odoo import api, fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    ess_survey_type = fields.Selection(related="survey_id.survey_type", string="Survey type")
    ess_dimension_id = fields.Many2one(
        "ess.dimension",
        string="Dimension",
        index="btree_not_null",
        ondelete="restrict",
        help="The maturity dimension this question measures (ESS diagnoses).",
    )
    ess_key_factor = fields.Selection(
        [
            ("change_readiness", "Predisposition to change"),
            ("market_digitalisability", "Market digitalisability"),
        ],
        string="Key factor",
        help="The answers' factor values (1-5) update this key factor of the entity's profile.",
    )

    def _ess_max_score(self):
        """The most a response can score on this question, by survey's own rule."""
        self.ensure_one()
        positive = [score for score in self.suggested_answer_ids.mapped("answer_score") if score > 0]
        if self.question_type == "simple_choice":
            return max(positive, default=0.0)
        if self.question_type == "multiple_choice":
            return sum(positive)
        return self.answer_score if self.is_scored_question else 0.0

    @api.constrains("ess_dimension_id", "suggested_answer_ids", "answer_score", "question_type")
    def _check_ess_dimension(self):
        self.survey_id.filtered(lambda survey: survey.survey_type == "ess_diagnosis")._ess_check_questions()

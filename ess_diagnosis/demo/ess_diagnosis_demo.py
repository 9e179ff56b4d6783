from odoo import api, models


class EssDiagnosisDemo(models.AbstractModel):
    """What the demo data does that no user does: its ``<function>`` tags call these
    methods, which stay private (a leading underscore: never callable over RPC)."""

    _name = "ess.diagnosis.demo"
    _description = "Diagnosis demo data"

    @api.model
    def _ess_demo_respond(self, diagnosis_id, responses):
        """``responses`` is [(partner_id, levels)], each levels list the answers'
        positions on the maturity ladder (0-4, one per dimension, in their order).
        Everybody is invited first, as an officer does, then each one with levels answers
        and finishes; an empty levels list is an invitation still open."""
        diagnosis = self.env["ess.diagnosis"].browse(diagnosis_id)
        survey = diagnosis.survey_id
        invited = [
            (
                survey._create_answer(
                    partner=self.env["res.partner"].browse(partner_id),
                    check_attempts=False,
                    ess_diagnosis_id=diagnosis.id,
                ),
                levels,
            )
            for partner_id, levels in responses
        ]
        dimensions = self.env["ess.dimension"].search([])
        for response, levels in invited:
            if not levels:
                continue
            level_of = dict(zip(dimensions, levels, strict=False))
            for question in survey.question_ids:
                answers = question.suggested_answer_ids.sorted("sequence")
                level = level_of.get(question.ess_dimension_id, round(sum(levels) / len(levels)))
                if question.question_type == "simple_choice" and answers:
                    response._save_lines(question, answers[min(level, len(answers) - 1)].id)
                elif question.question_type == "multiple_choice" and level:
                    response._save_lines(
                        question, answers.filtered(lambda answer: answer.answer_score > 0)[:level].ids
                    )
            response._mark_done()

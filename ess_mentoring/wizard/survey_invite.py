from odoo import fields, models


class SurveyInvite(models.TransientModel):
    _inherit = "survey.invite"

    ess_mentoring_contract_id = fields.Many2one(
        "ess.mentoring.contract", string="Mentoring contract", readonly=True
    )

    def _get_answers_values(self):
        values = super()._get_answers_values()
        if self.ess_mentoring_contract_id:
            values["ess_mentoring_contract_id"] = self.ess_mentoring_contract_id.id
        return values

    def _prepare_answers(self, partners, emails):
        """For a contract, each person gets an answer of that contract: one who rated an
        earlier contract rates this one afresh."""
        if not self.ess_mentoring_contract_id:
            return super()._prepare_answers(partners, emails)
        existing = self.ess_mentoring_contract_id.satisfaction_input_ids.filtered(
            lambda answer: answer.partner_id in partners
        )
        answers = existing
        for partner in partners - existing.partner_id:
            answers |= self.survey_id._create_answer(
                partner=partner, check_attempts=False, **self._get_answers_values()
            )
        return answers

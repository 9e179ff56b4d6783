from odoo import fields, models


class SurveyInvite(models.TransientModel):
    _inherit = "survey.invite"

    ess_diagnosis_id = fields.Many2one("ess.diagnosis", string="Diagnosis", readonly=True)

    def _get_answers_values(self):
        values = super()._get_answers_values()
        if self.ess_diagnosis_id:
            values["ess_diagnosis_id"] = self.ess_diagnosis_id.id
        return values

    def _prepare_answers(self, partners, emails):
        """For a diagnosis, reuse only that diagnosis' own responses: the same person
        answers the baseline and the final diagnosis separately."""
        if not self.ess_diagnosis_id:
            return super()._prepare_answers(partners, emails)
        existing = self.ess_diagnosis_id.user_input_ids.filtered(lambda answer: answer.partner_id in partners)
        answers = existing
        for partner in partners - existing.partner_id:
            answers |= self.survey_id._create_answer(
                partner=partner, check_attempts=False, **self._get_answers_values()
            )
        for email in emails:
            answers |= self.survey_id._create_answer(
                email=email, check_attempts=False, **self._get_answers_values()
            )
        return answers

    def action_invite(self):
        res = super().action_invite()
        self.ess_diagnosis_id.filtered(lambda diagnosis: diagnosis.state == "draft").state = "in_progress"
        return res

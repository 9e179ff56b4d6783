from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    ess_diagnosis_id = fields.Many2one(
        "ess.diagnosis", string="Diagnosis", index="btree_not_null", ondelete="set null"
    )

    def _mark_done(self):
        res = super()._mark_done()
        self.ess_diagnosis_id.sudo()._ess_response_completed()
        return res

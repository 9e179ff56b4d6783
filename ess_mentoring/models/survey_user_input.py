from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    ess_mentoring_contract_id = fields.Many2one(
        "ess.mentoring.contract", string="Mentoring contract", index="btree_not_null", ondelete="set null"
    )

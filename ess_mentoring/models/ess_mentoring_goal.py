from odoo import fields, models


class EssMentoringGoal(models.Model):
    _name = "ess.mentoring.goal"
    _description = "Mentoring goal"
    _inherit = ["ess.placement.mixin"]
    # A goal moves only to a contract its writer could add goals to.
    _ess_placement_fields = ("contract_id",)
    _order = "contract_id, sequence, id"

    contract_id = fields.Many2one("ess.mentoring.contract", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True, index=True, string="Entity")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Goal", required=True, translate=False)
    dimension_id = fields.Many2one("ess.dimension")
    date_target = fields.Date(string="Target date")
    state = fields.Selection(
        [("open", "Open"), ("achieved", "Achieved"), ("dropped", "Dropped")], required=True, default="open"
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)

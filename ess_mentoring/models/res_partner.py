from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    ess_mentoring_contract_ids = fields.One2many(
        "ess.mentoring.contract", "partner_id", string="Mentoring contracts"
    )
    ess_mentoring_contract_count = fields.Integer(
        string="Mentoring contract count", compute="_compute_ess_mentoring_contract_count"
    )

    def _compute_ess_mentoring_contract_count(self):
        counts = dict(
            self.env["ess.mentoring.contract"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.ess_mentoring_contract_count = counts.get(partner, 0)

    def action_ess_view_mentoring_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ess_mentoring.ess_mentoring_contract_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    ess_diagnosis_ids = fields.One2many("ess.diagnosis", "partner_id", string="Diagnoses")
    ess_diagnosis_count = fields.Integer(compute="_compute_ess_diagnosis_count", string="Diagnosis count")

    @api.depends("ess_diagnosis_ids")
    def _compute_ess_diagnosis_count(self):
        counts = dict(
            self.env["ess.diagnosis"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.ess_diagnosis_count = counts.get(partner, 0)

    def action_ess_view_diagnoses(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ess_diagnosis.ess_diagnosis_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

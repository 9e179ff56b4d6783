from odoo import fields, models


class EssCatalogueReject(models.TransientModel):
    _name = "ess.catalogue.reject"
    _description = "Reject a catalogue proposal"

    resource_id = fields.Many2one("ess.catalogue.resource", required=True, ondelete="cascade")
    reason = fields.Text(required=True, help="Mailed to the person who proposed the resource.")

    def action_reject(self):
        self.ensure_one()
        self.resource_id.check_access("write")
        self.resource_id._ess_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    ess_catalogue_resource_ids = fields.One2many(
        "ess.catalogue.resource", "provider_id", string="Catalogue resources"
    )
    ess_catalogue_resource_count = fields.Integer(
        string="Catalogue resource count", compute="_compute_ess_catalogue_resource_count"
    )

    @api.depends("ess_catalogue_resource_ids")
    def _compute_ess_catalogue_resource_count(self):
        counts = dict(
            self.env["ess.catalogue.resource"]._read_group(
                [("provider_id", "in", self.ids)], ["provider_id"], ["__count"]
            )
        )
        for partner in self:
            partner.ess_catalogue_resource_count = counts.get(partner, 0)

    def action_ess_view_catalogue_resources(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ess_catalogue.ess_catalogue_resource_action")
        action["domain"] = [("provider_id", "=", self.id)]
        action["context"] = {"default_provider_id": self.id}
        return action

from odoo import api, fields, models

from .ess_tool_inventory_line import USED_STATUSES


class ResPartner(models.Model):
    _inherit = "res.partner"

    ess_tool_line_ids = fields.One2many("ess.tool.inventory.line", "partner_id", string="Digital tools")
    ess_free_software_share = fields.Float(
        string="Free software share",
        compute="_compute_ess_sovereignty",
        store=True,
        digits=(5, 1),
        aggregator="avg",
        help="Of the people's uses of the tools still in use (in use, migrating, kept), the share "
        "on free software, in %: each tool weighs the number of people using it.",
    )
    ess_sovereignty_risk_count = fields.Integer(
        string="Tools with data at risk",
        compute="_compute_ess_sovereignty",
        store=True,
        aggregator="sum",
        help="Tools still used that hold personal data outside the EU or whose vendor sells data.",
    )

    @api.depends(
        "ess_tool_line_ids.status",
        "ess_tool_line_ids.user_count",
        "ess_tool_line_ids.is_free_software",
        "ess_tool_line_ids.is_sovereignty_risk",
    )
    def _compute_ess_sovereignty(self):
        for partner in self:
            share, risks = partner._ess_sovereignty(partner.ess_tool_line_ids)
            partner.ess_free_software_share = share
            partner.ess_sovereignty_risk_count = risks

    @api.model
    def _ess_sovereignty(self, lines):
        """(free software share in %, tools with data at risk) of an inventory: replaced
        tools are left out; a tool not in the catalogue counts as not free."""
        used = lines.filtered(lambda line: line.status in USED_STATUSES)
        people = sum(used.mapped("user_count"))
        free = sum(used.filtered("is_free_software").mapped("user_count"))
        return (100.0 * free / people if people else 0.0), len(used.filtered("is_sovereignty_risk"))

    # --- personal data (see ess_office_base's res_partner.py) ---------------------
    def _ess_privacy_export_data(self):
        """The digital inventory is the entity's: in an entity's export."""
        data = super()._ess_privacy_export_data()
        if self.is_company:
            data["inventory"] = self._ess_privacy_rows(
                self.env["ess.tool.inventory.line"].search([("partner_id", "=", self.id)]),
                ("name", "resource_id", "usage", "user_count", "data_location", "holds_personal_data", "status",
                 "kept_reason", "chosen_alternative_id", "task_id"),
            )  # fmt: skip
        return data

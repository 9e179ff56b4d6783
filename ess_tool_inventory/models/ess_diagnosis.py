from odoo import fields, models

RECOMMENDED_RESOURCES = 6


class EssDiagnosis(models.Model):
    _inherit = "ess.diagnosis"

    recommended_resource_ids = fields.Many2many(
        "ess.catalogue.resource",
        string="Recommended resources",
        compute="_compute_recommended_resource_ids",
        help="Published catalogue resources for the weakest dimensions: free software and ESS providers first.",
    )

    # The entity's digital inventory when the diagnosis was done: kept, so that the final
    # diagnosis shows the change since the baseline.
    ess_inventory_snapshot_date = fields.Datetime(string="Inventory taken on", readonly=True, copy=False)
    ess_free_software_share = fields.Float(
        string="Free software share", readonly=True, copy=False, digits=(5, 1), aggregator="avg",
        help="The entity's free software share (%) when the diagnosis was done.",
    )  # fmt: skip
    ess_sovereignty_risk_count = fields.Integer(
        string="Tools with data at risk", readonly=True, copy=False,
        help="Tools holding personal data outside the EU or with a vendor that sells data, when the diagnosis "
        "was done.",
    )  # fmt: skip
    ess_free_software_share_delta = fields.Float(
        string="Free software share change", compute="_compute_ess_free_software_share_delta", digits=(5, 1),
        help="Change of the free software share since the previous diagnosis (percentage points).",
    )  # fmt: skip

    def _compute_ess_free_software_share_delta(self):
        for diagnosis in self:
            previous = diagnosis.previous_id
            diagnosis.ess_free_software_share_delta = (
                diagnosis.ess_free_software_share - previous.ess_free_software_share
                if diagnosis.ess_inventory_snapshot_date and previous.ess_inventory_snapshot_date
                else 0.0
            )

    def action_done(self):
        res = super().action_done()
        self._ess_snapshot_inventory()
        return res

    def _ess_snapshot_inventory(self):
        """Keep the entity's inventory indicators on the diagnosis (callers check rights)."""
        for diagnosis in self:
            entity = diagnosis.partner_id.sudo()
            diagnosis.sudo().write(
                {
                    "ess_inventory_snapshot_date": fields.Datetime.now(),
                    "ess_free_software_share": entity.ess_free_software_share,
                    "ess_sovereignty_risk_count": entity.ess_sovereignty_risk_count,
                }
            )

    def _compute_recommended_resource_ids(self):
        for diagnosis in self:
            diagnosis.recommended_resource_ids = diagnosis._ess_recommended_resources()

    def _ess_recommended_resources(self, limit=RECOMMENDED_RESOURCES):
        """Published resources for the dimensions the diagnosis recommends on (its
        weakest), free software first, then ESS providers, then the best rated."""
        self.ensure_one()
        dimensions = self._ess_weakest_scores().dimension_id
        if not dimensions:
            return self.env["ess.catalogue.resource"]
        return (
            self.env["ess.catalogue.resource"]
            .sudo()
            .search(
                [("dimension_ids", "in", dimensions.ids), ("is_published", "=", True)],
                order="is_free_software desc, provider_is_ess desc, review_avg desc, name, id",
                limit=limit,
            )
        )

    def _ess_result_values(self):
        values = super()._ess_result_values()
        values["recommended_resources"] = self._ess_recommended_resources()
        return values

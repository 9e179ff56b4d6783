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

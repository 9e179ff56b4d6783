from datetime import timedelta

from odoo import api, fields, models


class EssToolInventoryDemo(models.AbstractModel):
    """What the demo data does that no user does: its ``<function>`` tags call these
    methods, which stay private (a leading underscore: never callable over RPC)."""

    _name = "ess.tool.inventory.demo"
    _description = "Tool inventory demo data"

    @api.model
    def _ess_demo_snapshot_inventory(self, diagnosis_ids):
        """The diagnoses' inventory snapshot, as if taken on each diagnosis's date."""
        diagnoses = self.env["ess.diagnosis"].browse(diagnosis_ids)
        diagnoses._ess_snapshot_inventory()
        for diagnosis in diagnoses:
            diagnosis.ess_inventory_snapshot_date = fields.Datetime.to_datetime(diagnosis.date) + timedelta(
                hours=12
            )

    @api.model
    def _ess_demo_migrate(self, line_ids, alternative_id, done=False):
        """Plan the lines' move to ``alternative_id``, and close its task when ``done``."""
        alternative = self.env["ess.catalogue.resource"].browse(alternative_id)
        for line in self.env["ess.tool.inventory.line"].browse(line_ids):
            task = line._ess_plan_migration(alternative)
            if done:
                task.state = "1_done"

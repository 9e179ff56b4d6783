from odoo import api, fields, models


class ProjectProject(models.Model):
    _inherit = "project.project"

    ess_diagnosis_ids = fields.One2many("ess.diagnosis", "project_id", string="Diagnoses")
    ess_diagnosis_count = fields.Integer(compute="_compute_ess_diagnosis_count", string="Diagnosis count")

    @api.depends("ess_diagnosis_ids")
    def _compute_ess_diagnosis_count(self):
        counts = dict(
            self.env["ess.diagnosis"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.ess_diagnosis_count = counts.get(project, 0)

    def action_ess_view_diagnoses(self):
        """The itinerary's diagnoses; a new one belongs to the itinerary and its entity."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ess_diagnosis.ess_diagnosis_action")
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id, "default_partner_id": self.ess_entity_id.id}
        return action

from odoo import fields, models


class ProjectTaskType(models.Model):
    _inherit = "project.task.type"

    ess_itinerary_stage = fields.Boolean(string="Itinerary stage", help="New ESS itineraries get this stage.")

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_partner import ITINERARY_MONTHS


class ProjectProject(models.Model):
    _inherit = "project.project"

    is_ess_itinerary = fields.Boolean(
        string="ESS itinerary", help="A year-long accompaniment of an ESS entity by the office."
    )
    ess_entity_id = fields.Many2one(
        "res.partner",
        string="Entity",
        domain=[("is_ess_entity", "=", True)],
        index="btree_not_null",
        tracking=True,
    )
    ess_service_package_ids = fields.Many2many(
        "ess.service.package",
        "ess_project_service_package_rel",
        "project_id",
        "package_id",
        string="Service packages",
    )

    @api.constrains("is_ess_itinerary", "ess_entity_id")
    def _check_ess_entity(self):
        for project in self.filtered("is_ess_itinerary"):
            if not project.ess_entity_id.is_ess_entity:
                raise ValidationError(
                    self.env._("The itinerary %s needs an ESS entity.", project.display_name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("is_ess_itinerary"):
                continue
            vals.setdefault("privacy_visibility", "portal")
            if not vals.get("partner_id") and vals.get("ess_entity_id"):
                vals["partner_id"] = vals["ess_entity_id"]
            start = fields.Date.to_date(vals.get("date_start")) or fields.Date.context_today(self)
            vals["date_start"] = start
            if not vals.get("date"):
                vals["date"] = start + relativedelta(months=ITINERARY_MONTHS, days=-1)
        projects = super().create(vals_list)
        itineraries = projects.filtered("is_ess_itinerary")
        if itineraries:
            stages = self.env["project.task.type"].search([("ess_itinerary_stage", "=", True)])
            itineraries.filtered(lambda project: not project.type_ids).type_ids = stages
            itineraries._ess_subscribe_entity()
        return projects

    def write(self, vals):
        res = super().write(vals)
        if vals.get("ess_entity_id") or vals.get("is_ess_itinerary"):
            self.filtered("is_ess_itinerary")._ess_subscribe_entity()
        return res

    def _ess_subscribe_entity(self):
        """The entity and its contacts follow the itinerary: its portal users see it."""
        for project in self.filtered("ess_entity_id"):
            entity = project.ess_entity_id
            project.message_subscribe(partner_ids=(entity | entity.child_ids).ids)

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
        former_entities = (
            {project: project.ess_entity_id for project in self} if "ess_entity_id" in vals else {}
        )
        res = super().write(vals)
        for project, former in former_entities.items():
            if former and former != project.ess_entity_id:
                project._ess_unsubscribe_entity(former)
        if vals.get("ess_entity_id") or vals.get("is_ess_itinerary"):
            self.filtered("is_ess_itinerary")._ess_subscribe_entity()
        return res

    def _ess_subscribe_entity(self):
        """The entity and its contacts follow the itinerary: its portal users see it."""
        for project in self.filtered("ess_entity_id"):
            entity = project.ess_entity_id
            project.message_subscribe(partner_ids=(entity | entity.child_ids).ids)

    def _ess_unsubscribe_entity(self, entity):
        """The former entity and its people stop following the itinerary (and so stop seeing
        it in the portal); it stops being the itinerary's customer too."""
        self.ensure_one()
        people = self.message_partner_ids.filtered(
            lambda partner: partner.commercial_partner_id == entity.commercial_partner_id
        )
        self.message_unsubscribe(partner_ids=people.ids)
        if self.partner_id == entity:
            self.partner_id = self.ess_entity_id

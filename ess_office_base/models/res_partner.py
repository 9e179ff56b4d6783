from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Size classes by number of workers (EU SME thresholds): upper bound excluded.
SIZE_CLASSES = [("micro", 10), ("small", 50), ("medium", 250), ("large", None)]
# Points a size class adds to the accompaniment effort (see _compute_ess_accompaniment).
SIZE_POINTS = {"micro": 0, "small": 1, "medium": 2, "large": 3}
# Internal dedication an entity should plan for, in hours per week, by intensity.
DEDICATION_HOURS = {"light": 2.0, "standard": 4.0, "intensive": 6.0}
ITINERARY_MONTHS = 12

INTENSITY_HELP = (
    "Computed from the three key factors. Effort points = (6 - predisposition to change) "
    "+ (6 - market digitalisability) + size points (micro 0, small 1, medium 2, large 3), "
    "from 2 to 13: up to 5 is light, 6 to 8 standard, 9 or more intensive."
)
DEDICATION_HELP = (
    "Hours per week the entity should dedicate internally to the itinerary: "
    "2 (light), 4 (standard) or 6 (intensive), plus one hour per size point."
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    # --- entity ------------------------------------------------------------------------
    is_ess_entity = fields.Boolean(
        string="ESS entity", help="A social and solidarity economy entity the office accompanies."
    )
    ess_legal_form = fields.Selection(
        [
            ("worker_coop", "Worker cooperative"),
            ("consumer_coop", "Consumer cooperative"),
            ("housing_coop", "Housing cooperative"),
            ("other_coop", "Other cooperative"),
            ("association", "Association"),
            ("foundation", "Foundation"),
            ("mutual", "Mutual society"),
            ("labour_company", "Labour company"),
            ("insertion_company", "Insertion company"),
            ("special_employment_centre", "Special employment centre"),
            ("other", "Other"),
        ],
        string="Legal form",
    )
    ess_sector_id = fields.Many2one("ess.sector", string="Sector", index="btree_not_null")
    ess_worker_count = fields.Integer(string="Workers")
    ess_member_count = fields.Integer(string="Members")
    ess_volunteer_count = fields.Integer(string="Volunteers")
    ess_size_class = fields.Selection(
        [("micro", "Micro"), ("small", "Small"), ("medium", "Medium"), ("large", "Large")],
        string="Size",
        compute="_compute_ess_size_class",
        store=True,
        help="From the number of workers: micro under 10, small under 50, medium under 250, large from 250.",
    )
    ess_change_readiness = fields.Integer(
        string="Predisposition to change",
        default=3,
        help="How ready the entity is to change how it works, from 1 (resistant) to 5 (eager).",
    )
    ess_market_digitalisability = fields.Integer(
        string="Market digitalisability",
        default=3,
        help="How easily the entity's market and activity can be digitalised, from 1 (hardly) to 5 (fully).",
    )
    ess_accompaniment_intensity = fields.Selection(
        [("light", "Light"), ("standard", "Standard"), ("intensive", "Intensive")],
        string="Accompaniment intensity",
        compute="_compute_ess_accompaniment",
        store=True,
        help=INTENSITY_HELP,
    )
    ess_recommended_dedication = fields.Float(
        string="Recommended dedication (h/week)",
        compute="_compute_ess_accompaniment",
        store=True,
        help=DEDICATION_HELP,
    )
    ess_referent_id = fields.Many2one(
        "res.users",
        string="Referent",
        domain=lambda self: [("groups_id", "in", self.env.ref("ess_office_base.group_ess_officer").ids)],
        help="The office person who follows the entity through its whole itinerary.",
    )
    ess_mentor_user_ids = fields.Many2many(
        "res.users",
        "ess_partner_mentor_user_rel",
        "partner_id",
        "user_id",
        string="Accompanied by",
        help="The mentors who accompany the entity (kept by the mentoring contracts): they see its "
        "diagnoses and mentoring records.",
    )
    ess_itinerary_ids = fields.One2many("project.project", "ess_entity_id", string="Itineraries")
    ess_itinerary_count = fields.Integer(string="Itinerary count", compute="_compute_ess_itinerary_count")

    # --- mentor ------------------------------------------------------------------------
    is_ess_mentor = fields.Boolean(string="ESS mentor")
    ess_mentor_type = fields.Selection(
        [
            ("staff", "Office staff"),
            ("volunteer", "Volunteer"),
            ("peer", "Peer from another ESS entity"),
            ("consultancy", "Consultancy"),
        ],
        string="Mentor type",
    )
    ess_expertise_ids = fields.Many2many(
        "ess.dimension",
        "ess_partner_expertise_rel",
        "partner_id",
        "dimension_id",
        string="Expertise",
    )
    ess_is_bridge_profile = fields.Boolean(
        string="Bridge profile",
        help="Translates between technical and non-technical people.",
    )
    ess_mentor_capacity = fields.Float(
        string="Capacity (h/month)", help="Hours per month available for mentoring."
    )
    ess_mentor_entity_id = fields.Many2one(
        "res.partner",
        string="Mentor's entity",
        domain=[("is_ess_entity", "=", True)],
        help="For a peer mentor, the ESS entity they belong to.",
    )

    # --- provider ----------------------------------------------------------------------
    is_ess_provider = fields.Boolean(
        string="ESS provider", help="An entity that already helps others digitalise."
    )
    ess_provider_description = fields.Html(
        string="Public description", translate=True, help="Shown to the public in the catalogue."
    )

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("ess_worker_count")
    def _compute_ess_size_class(self):
        for partner in self:
            partner.ess_size_class = next(
                size for size, limit in SIZE_CLASSES if limit is None or partner.ess_worker_count < limit
            )

    @api.depends("ess_change_readiness", "ess_market_digitalisability", "ess_size_class")
    def _compute_ess_accompaniment(self):
        for partner in self:
            size_points = SIZE_POINTS[partner.ess_size_class or "micro"]
            effort = (
                (6 - partner.ess_change_readiness) + (6 - partner.ess_market_digitalisability) + size_points
            )
            intensity = "light" if effort <= 5 else "standard" if effort <= 8 else "intensive"
            partner.ess_accompaniment_intensity = intensity
            partner.ess_recommended_dedication = DEDICATION_HOURS[intensity] + size_points

    @api.depends("ess_itinerary_ids")
    def _compute_ess_itinerary_count(self):
        counts = dict(
            self.env["project.project"]._read_group(
                [("ess_entity_id", "in", self.ids)], ["ess_entity_id"], ["__count"]
            )
        )
        for partner in self:
            partner.ess_itinerary_count = counts.get(partner, 0)

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("ess_worker_count", "ess_member_count", "ess_volunteer_count", "ess_mentor_capacity")
    def _check_ess_counts(self):
        for partner in self:
            if min(partner.ess_worker_count, partner.ess_member_count, partner.ess_volunteer_count) < 0:
                raise ValidationError(
                    self.env._(
                        "%s: workers, members and volunteers cannot be negative.", partner.display_name
                    )
                )
            if partner.ess_mentor_capacity < 0:
                raise ValidationError(
                    self.env._("%s: a mentor's capacity cannot be negative.", partner.display_name)
                )

    @api.constrains("ess_change_readiness", "ess_market_digitalisability")
    def _check_ess_key_factors(self):
        for partner in self:
            for value in (partner.ess_change_readiness, partner.ess_market_digitalisability):
                if not 1 <= value <= 5:
                    raise ValidationError(
                        self.env._(
                            "%(partner)s: predisposition to change and market digitalisability "
                            "go from 1 to 5 (got %(value)s).",
                            partner=partner.display_name,
                            value=value,
                        )
                    )

    @api.constrains("is_ess_mentor", "ess_mentor_type", "ess_mentor_entity_id")
    def _check_ess_peer_mentor(self):
        for partner in self:
            if (
                partner.is_ess_mentor
                and partner.ess_mentor_type == "peer"
                and not partner.ess_mentor_entity_id
            ):
                raise ValidationError(
                    self.env._(
                        "%s is a peer mentor: say which ESS entity they belong to.", partner.display_name
                    )
                )
            if partner.ess_mentor_entity_id and not partner.ess_mentor_entity_id.is_ess_entity:
                raise ValidationError(
                    self.env._(
                        "%s: a mentor's entity must be an ESS entity.",
                        partner.ess_mentor_entity_id.display_name,
                    )
                )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_ess_start_itinerary(self):
        """Open a year-long itinerary for the entity, shared with its people on the portal."""
        itinerary = self._ess_start_itinerary()
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.project",
            "res_id": itinerary.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _ess_start_itinerary(self):
        """A new year-long itinerary of the entity (the project), created with the
        caller's rights."""
        self.ensure_one()
        if not self.is_ess_entity:
            raise UserError(self.env._("Only an ESS entity can start an itinerary."))
        return self.env["project.project"].create(
            {
                "name": self.env._("Itinerary: %s", self.name),
                "is_ess_itinerary": True,
                "ess_entity_id": self.id,
                "user_id": (self.ess_referent_id or self.env.user).id,
            }
        )

    def _ess_latest_itinerary(self):
        """The entity's most recent itinerary, read with the caller's rights (empty: none)."""
        self.ensure_one()
        return self.env["project.project"].search(
            [("is_ess_itinerary", "=", True), ("ess_entity_id", "=", self.id)],
            order="date_start desc, id desc",
            limit=1,
        )

    def action_ess_view_itineraries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ess_office_base.project_project_action_itinerary"
        )
        action["domain"] = [("ess_entity_id", "=", self.id)]
        action["context"] = {"default_ess_entity_id": self.id, "default_is_ess_itinerary": True}
        return action

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EssCohortMember(models.Model):
    _name = "ess.cohort.member"
    _description = "Member entity of a cohort"
    _inherit = ["mail.thread", "mail.activity.mixin", "ess.placement.mixin"]
    _order = "cohort_id, state, partner_id"
    _rec_name = "partner_id"
    _ess_placement_fields = ("cohort_id", "partner_id")

    cohort_id = fields.Many2one("ess.cohort", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Entity", required=True, index=True, domain=[("is_ess_entity", "=", True)]
    )
    project_id = fields.Many2one(
        "project.project",
        string="Itinerary",
        domain="[('is_ess_itinerary', '=', True), ('ess_entity_id', '=', partner_id)]",
        help="Started when the office accepts the entity, if it has none.",
    )
    state = fields.Selection(
        [("applied", "Applied"), ("active", "Active"), ("withdrawn", "Withdrawn")],
        required=True,
        default="applied",
        tracking=True,
    )
    share_contacts = fields.Boolean(
        string="Shares its contacts",
        help="The entity agrees that the other members see its contact people.",
    )
    company_id = fields.Many2one(related="cohort_id.company_id", store=True, index=True)
    attendance_ids = fields.One2many("ess.cohort.attendance", "member_id", string="Attendance lines")
    # An entity's own figure: the office reads it; its people see it on their cohort's page.
    attendance_rate = fields.Float(
        string="Attendance", compute="_compute_attendance_rate", digits=(5, 1),
        groups="ess_office_base.group_ess_officer",
        help="Of the sessions whose attendance was recorded, the share the entity attended (%).",
    )  # fmt: skip

    _sql_constraints = [
        ("entity_once", "UNIQUE(cohort_id, partner_id)", "An entity belongs to a cohort once."),
    ]

    @api.depends("attendance_ids.attended")
    def _compute_attendance_rate(self):
        rates = self.env["ess.cohort.attendance"]._ess_attendance_rates("member_id", self.ids)
        for member in self:
            member.attendance_rate = rates.get(member.id, 0.0)

    @api.constrains("state", "cohort_id")
    def _check_capacity(self):
        self.cohort_id._ess_check_room()

    @api.constrains("partner_id")
    def _check_entity(self):
        for member in self:
            if not member.partner_id.is_ess_entity:
                raise ValidationError(self.env._("%s is not an ESS entity.", member.partner_id.name))

    def action_accept(self):
        """The office accepts the entity: it gets an itinerary if it has none, and the
        cohort's coming sessions invite its people."""
        self.check_access("write")
        for member in self:
            if member.state == "active":
                continue
            entity = member.partner_id
            itinerary = member.project_id or entity._ess_latest_itinerary() or entity._ess_start_itinerary()
            member.write({"state": "active", "project_id": itinerary.id})
        self.cohort_id._ess_coming_sessions()._ess_sync_calendar()

    def action_withdraw(self):
        self.check_access("write")
        self.write({"state": "withdrawn"})
        self.cohort_id._ess_coming_sessions()._ess_sync_calendar()

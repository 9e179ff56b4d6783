from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, format_date

from ..tools.date_utils import week_monday

MAX_WEEK_HOURS = 40


class EssMentoringFollowup(models.Model):
    """One team member's week with the entity: hours against the budget, what happened,
    what comes next, and a thread the entity's people join from the portal."""

    _name = "ess.mentoring.followup"
    _description = "Weekly mentoring follow-up"
    _inherit = ["mail.thread", "portal.mixin", "ess.placement.mixin"]
    _order = "week_start desc, id desc"
    # A follow-up keeps its contract and its author unless its writer could create it
    # there, as that author: an officer, or a mentor for his own weeks on his own teams.
    _ess_placement_fields = ("contract_id", "member_id")
    # Entity members who read the follow-up may write in its thread (as on project tasks).
    _mail_post_access = "read"

    name = fields.Char(compute="_compute_name")
    contract_id = fields.Many2one(
        "ess.mentoring.contract",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("state", "=", "active")],
    )
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True, index=True, string="Entity")
    member_id = fields.Many2one(
        "res.partner",
        string="Team member",
        required=True,
        index=True,
        compute="_compute_member_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('id', 'in', team_partner_ids)]",
    )
    team_partner_ids = fields.Many2many(related="contract_id.team_partner_ids")
    week_start = fields.Date(
        string="Week of",
        required=True,
        default=lambda self: week_monday(fields.Date.context_today(self)),
        help="Always a Monday: any day given is moved to its week's Monday.",
    )
    hours = fields.Float(required=True)
    summary = fields.Text(string="What we did")
    next_steps = fields.Text(string="Next steps")
    blockers = fields.Text()
    status = fields.Selection(
        [("on_track", "On track"), ("at_risk", "At risk"), ("blocked", "Blocked")],
        required=True,
        default="on_track",
    )
    entity_comment = fields.Text(
        string="Entity's comment", tracking=True, help="The entity's own word on the week, from the portal."
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "week_member_unique",
            "UNIQUE(contract_id, week_start, member_id)",
            "A team member logs one follow-up per contract and week: edit the existing one.",
        ),
    ]

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("contract_id.name", "week_start")
    @api.depends_context("lang")
    def _compute_name(self):
        for followup in self:
            followup.name = self.env._(
                "%(contract)s, week of %(week)s",
                contract=followup.contract_id.name or "",
                week=format_date(self.env, followup.week_start),
            )

    @api.depends("contract_id")
    def _compute_member_id(self):
        me = self.env.user.partner_id
        for followup in self:
            contract = followup.contract_id
            if me in contract.team_partner_ids:
                followup.member_id = me
            elif not followup.member_id or followup.member_id not in contract.team_partner_ids:
                followup.member_id = contract.mentor_id

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for followup in self:
            followup.access_url = f"/my/mentoring/followup/{followup.id}"
        return res

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("hours")
    def _check_hours(self):
        for followup in self:
            if not 0 < followup.hours <= MAX_WEEK_HOURS:
                raise ValidationError(
                    self.env._(
                        "A week's follow-up logs more than 0 and at most %(max)s hours (got %(hours)s).",
                        max=MAX_WEEK_HOURS,
                        hours=followup.hours,
                    )
                )

    @api.constrains("contract_id", "week_start", "hours", "member_id")
    def _check_contract(self):
        for followup in self:
            contract = followup.contract_id
            if contract.state != "active":
                raise ValidationError(
                    self.env._(
                        "%s is not active: follow-ups are logged only on active contracts.", contract.name
                    )
                )
            if (
                followup.week_start > contract.date_end
                or followup.week_start + timedelta(days=6) < contract.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The week of %(week)s is outside %(contract)s, which runs from %(start)s to %(end)s.",
                        week=format_date(self.env, followup.week_start),
                        contract=contract.name,
                        start=format_date(self.env, contract.date_start),
                        end=format_date(self.env, contract.date_end),
                    )
                )
            if followup.member_id not in contract.team_partner_ids:
                raise ValidationError(
                    self.env._(
                        "%(member)s is not on the team of %(contract)s.",
                        member=followup.member_id.display_name,
                        contract=contract.name,
                    )
                )

    @api.constrains("hours", "contract_id")
    def _check_budget(self):
        for contract in self.contract_id:
            if float_compare(contract.hours_consumed, contract.hours_budget, precision_digits=2) > 0:
                mine = sum(
                    self.filtered(lambda followup, c=contract: followup.contract_id == c).mapped("hours")
                )
                raise ValidationError(
                    self.env._(
                        "These hours would exceed the budget of %(contract)s: %(remaining).2f hours remain "
                        "of %(budget).2f. An officer can raise the budget.",
                        contract=contract.name,
                        remaining=max(contract.hours_remaining + mine, 0.0),
                        budget=contract.hours_budget,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalise_week(vals)
        followups = super().create(vals_list)
        followups.contract_id._ess_alert_consumption()
        return followups

    def write(self, vals):
        self._normalise_week(vals)
        contracts = self.contract_id
        res = super().write(vals)
        if {"hours", "contract_id"} & set(vals):
            (contracts | self.contract_id)._ess_alert_consumption()
        return res

    def unlink(self):
        contracts = self.contract_id
        res = super().unlink()
        contracts.exists()._ess_alert_consumption()
        return res

    @api.model
    def _normalise_week(self, vals):
        if vals.get("week_start"):
            vals["week_start"] = week_monday(fields.Date.to_date(vals["week_start"]))

    # ------------------------------------------------------------
    # TOOLING
    # ------------------------------------------------------------

    def _ess_set_entity_comment(self, comment):
        """The entity's word on the week, from the portal (whose controller checked the
        person belongs to the entity)."""
        self.ensure_one()
        self.sudo().entity_comment = comment

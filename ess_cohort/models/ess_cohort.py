from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ess_diagnosis.models.ess_diagnosis import BENCHMARK_MIN_ENTITIES
from odoo.addons.ess_diagnosis.tools.radar import radar_chart

COHORT_STATES = [("draft", "Draft"), ("open", "Open"), ("running", "Running"), ("closed", "Closed")]


class EssCohort(models.Model):
    """About ten entities that follow their itineraries together: monthly mutual-help
    sessions, shared learnings, and the progress of the group."""

    _name = "ess.cohort"
    _description = "Cohort of entities"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    capacity = fields.Integer(default=10, required=True, tracking=True, help="Active members at most.")
    user_id = fields.Many2one(
        "res.users",
        string="Facilitator",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    description = fields.Html()
    state = fields.Selection(COHORT_STATES, required=True, default="draft", tracking=True, copy=False)
    members_write_learnings = fields.Boolean(
        string="Members write learnings",
        help="Members add what they learnt to past sessions from the portal.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    member_ids = fields.One2many("ess.cohort.member", "cohort_id", string="Members")
    session_ids = fields.One2many("ess.cohort.session", "cohort_id", string="Sessions")
    active_member_count = fields.Integer(string="Active members", compute="_compute_active_member_count")
    # Read by the office; outside it, the progress shows it over enough entities only.
    attendance_rate = fields.Float(
        string="Attendance", compute="_compute_attendance_rate", digits=(5, 1),
        groups="ess_office_base.group_ess_officer",
        help="Of the members' recorded attendances, the share present (%).",
    )  # fmt: skip
    progress_html = fields.Html(string="Progress", compute="_compute_progress_html", sanitize=False)

    _sql_constraints = [
        ("capacity_positive", "CHECK(capacity > 0)", "A cohort has room for one member at least."),
        ("dates_in_order", "CHECK(date_end >= date_start)", "A cohort ends after it starts."),
    ]

    @api.depends("member_ids.state")
    def _compute_active_member_count(self):
        for cohort in self:
            cohort.active_member_count = len(cohort._ess_active_members())

    def _ess_active_members(self):
        return self.member_ids.filtered(lambda member: member.state == "active")

    def _ess_coming_sessions(self):
        """The sessions still to come: the ones whose invitations follow the members."""
        now = fields.Datetime.now()
        return self.session_ids.filtered(lambda session: session.date >= now)

    @api.depends("member_ids.attendance_rate")
    def _compute_attendance_rate(self):
        rates = self.env["ess.cohort.attendance"]._ess_attendance_rates("cohort_id", self.ids)
        for cohort in self:
            cohort.attendance_rate = rates.get(cohort.id, 0.0)

    @api.depends_context("uid")
    def _compute_progress_html(self):
        for cohort in self:
            cohort.progress_html = self.env["ir.qweb"]._render(
                "ess_cohort.cohort_progress", {"cohort": cohort, "progress": cohort._ess_progress()}
            )

    # ------------------------------------------------------------
    # PROGRESS
    # ------------------------------------------------------------

    def _ess_progress(self):
        """The cohort's aggregate progress, on its form and its members' portal page: the
        average baseline and latest diagnosis score per dimension across active members,
        their radar, attendance, mentoring hours against budgets and goals achieved.
        Never an entity's own scores. Outside the office (the user decides, not sudo), a
        figure is given only over BENCHMARK_MIN_ENTITIES entities or more, as the
        diagnosis benchmark: else it is None, and a dimension is left out."""
        self.ensure_one()
        user = self.env.user
        minimum = (
            0
            if user._is_superuser() or user.has_group("ess_office_base.group_ess_officer")
            else BENCHMARK_MIN_ENTITIES
        )
        # sudo: aggregates over the members, shown to each member without their details.
        rows = (
            self.env["ess.cohort.progress.report"]
            .sudo()
            ._read_group(
                [("cohort_id", "=", self.id)],
                ["dimension_id"],
                ["baseline_score:avg", "latest_score:avg", "partner_id:count_distinct"],
                order="dimension_id",
            )
        )
        dimensions = [
            {"dimension": dimension, "baseline": baseline or 0.0, "latest": latest or 0.0, "entities": count}
            for dimension, baseline, latest, count in rows
            if count >= minimum
        ]
        cohort = self.sudo()
        entities = cohort._ess_active_members().partner_id
        contracts = (
            self.env["ess.mentoring.contract"]
            .sudo()
            .search([("partner_id", "in", entities.ids), ("state", "in", ("active", "done"))])
        )
        goals = contracts.goal_ids.filtered(lambda goal: goal.state != "dropped")
        attended = cohort.session_ids.attendance_ids.filtered(
            lambda line: not line.is_guest and line.attended and line.partner_id in entities
        )
        enough_attendance = len(attended.partner_id) >= minimum
        enough_contracts = len(contracts.partner_id) >= minimum
        enough_goals = len(goals.contract_id.partner_id) >= minimum
        return {
            "dimensions": dimensions,
            "radar": radar_chart(
                [row["dimension"].name for row in dimensions],
                [row["latest"] for row in dimensions],
                [row["baseline"] for row in dimensions],
            )
            if dimensions
            else {},
            "minimum": minimum,
            "attendance_rate": cohort.attendance_rate if enough_attendance else None,
            "hours_budget": sum(contracts.mapped("hours_budget")) if enough_contracts else None,
            "hours_consumed": sum(contracts.mapped("hours_consumed")) if enough_contracts else None,
            "goals_achieved": len(goals.filtered(lambda goal: goal.state == "achieved"))
            if enough_goals
            else None,
            "goal_count": len(goals) if enough_goals else None,
            "member_count": len(entities),
        }

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def _ess_set_state(self, state):
        self.check_access("write")
        self.write({"state": state})

    def action_open(self):
        self._ess_set_state("open")

    def action_start(self):
        self._ess_set_state("running")

    def action_close(self):
        self._ess_set_state("closed")

    def action_draft(self):
        self._ess_set_state("draft")

    def action_generate_sessions(self):
        self.ensure_one()
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Generate monthly sessions"),
            "res_model": "ess.cohort.session.generate",
            "view_mode": "form",
            "target": "new",
            "context": {"default_cohort_id": self.id},
        }

    def _ess_check_room(self, extra=0):
        for cohort in self:
            active = len(cohort.sudo()._ess_active_members())
            if active + extra > cohort.capacity:
                raise ValidationError(
                    self.env._(
                        "%(cohort)s is full: %(capacity)s active members at most.",
                        cohort=cohort.name,
                        capacity=cohort.capacity,
                    )
                )

    def _ess_apply(self, entity):
        """``entity`` applies to the open cohort (callers check who asks)."""
        self.ensure_one()
        if self.state != "open":
            raise UserError(self.env._("%s does not accept applications now.", self.name))
        if not entity.is_ess_entity:
            raise UserError(self.env._("Only ESS entities join cohorts."))
        if self.sudo().member_ids.filtered(lambda member: member.partner_id == entity):
            raise UserError(
                self.env._("%(entity)s already belongs to %(cohort)s.", entity=entity.name, cohort=self.name)
            )
        self._ess_check_room(extra=1)
        member = self.env["ess.cohort.member"].sudo().create({"cohort_id": self.id, "partner_id": entity.id})
        referent = entity.ess_referent_id or self.user_id
        if referent:
            member.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=referent.id,
                summary=self.env._("%(entity)s applies to %(cohort)s", entity=entity.name, cohort=self.name),
            )
        return member

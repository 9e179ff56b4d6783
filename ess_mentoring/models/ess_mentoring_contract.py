from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date

from odoo.addons.ess_office_base.models.res_partner import ITINERARY_MONTHS
from odoo.addons.ess_office_base.tools.batch import run_batch

from ..tools.date_utils import week_monday

# Share of the hours budget at which the referent is warned, once.
ALERT_RATIO = 0.8
# Reminders created per call of the cron (Odoo inserts 100 rows per statement); the cron
# runner calls again while some remain.
REMINDER_BATCH = 100
# A contract consuming fast: over ALERT_RATIO of its hours with more than this share of its time left.
RISK_TIME_LEFT = 1 / 3


class EssMentoringContract(models.Model):
    """A year of accompaniment: a team of mentors with an hours budget, goals and weekly
    follow-ups, accepted by the entity in the portal."""

    _name = "ess.mentoring.contract"
    _description = "Mentoring contract"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin", "ess.placement.mixin"]
    _order = "date_start desc, id desc"
    _rec_names_search = ["name", "partner_id.name"]
    _check_company_auto = True
    # Officers create contracts: a contract moves only to an entity and a company where
    # its writer could have created it.
    _ess_placement_fields = ("partner_id", "company_id")

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    partner_id = fields.Many2one(
        "res.partner",
        string="Entity",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=[("is_ess_entity", "=", True)],
    )
    user_id = fields.Many2one(
        "res.users",
        string="Referent",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("ess_office_base.group_ess_officer").ids)],
        help="The office person who follows the entity's whole itinerary: warned when the budget runs "
        "low and when the entity accepts.",
    )
    project_id = fields.Many2one(
        "project.project",
        string="Itinerary",
        index="btree_not_null",
        check_company=True,
        domain="[('is_ess_itinerary', '=', True), ('ess_entity_id', '=', partner_id)]",
    )
    diagnosis_id = fields.Many2one(
        "ess.diagnosis",
        index="btree_not_null",
        check_company=True,
        domain="[('partner_id', '=', partner_id), ('state', '=', 'done')]",
        help="The diagnosis the mentoring starts from: its weakest dimensions become the first goals.",
    )
    date_start = fields.Date(
        string="Start",
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
    )
    date_end = fields.Date(
        string="End",
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
    )
    entity_lead_id = fields.Many2one(
        "res.partner",
        string="Entity's project lead",
        domain="[('parent_id', '=', partner_id)]",
        help="The person inside the entity who carries the change with the mentors.",
    )
    mentor_id = fields.Many2one(
        "res.partner",
        string="Main mentor",
        index="btree_not_null",
        tracking=True,
        domain=[("is_ess_mentor", "=", True), ("is_company", "=", False)],
    )
    expert_ids = fields.Many2many(
        "res.partner",
        "ess_mentoring_contract_expert_rel",
        "contract_id",
        "partner_id",
        string="Experts",
        domain=[("is_ess_mentor", "=", True), ("is_company", "=", False)],
        help="Mentors for specific areas (marketing, sales, data...), logging hours against the same budget.",
    )
    team_partner_ids = fields.Many2many(
        "res.partner",
        string="Team",
        compute="_compute_team_partner_ids",
        help="The main mentor and the experts.",
    )
    team_user_ids = fields.Many2many(
        "res.users",
        "ess_mentoring_contract_team_user_rel",
        "contract_id",
        "user_id",
        string="Team users",
        compute="_compute_team",
        store=True,
    )
    hours_budget = fields.Float(
        string="Hours budget",
        compute="_compute_hours_budget",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="By default, the estimated hours of the itinerary's service packages.",
    )
    hours_consumed = fields.Float(compute="_compute_hours", store=True, string="Hours consumed")
    hours_remaining = fields.Float(compute="_compute_hours", store=True, string="Hours remaining")
    consumption = fields.Float(compute="_compute_hours", store=True, aggregator="avg", string="Consumed (%)")
    consumption_alerted = fields.Boolean(copy=False, readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    goal_ids = fields.One2many("ess.mentoring.goal", "contract_id", string="Goals", copy=True)
    followup_ids = fields.One2many("ess.mentoring.followup", "contract_id", string="Follow-ups", copy=False)
    followup_count = fields.Integer(compute="_compute_followup_count", string="Follow-up count")
    accepted_by_id = fields.Many2one(
        "res.partner", string="Accepted by", readonly=True, copy=False, tracking=True
    )
    accepted_date = fields.Datetime(string="Accepted on", readonly=True, copy=False)
    opens_entity_data = fields.Boolean(
        string="Opens the entity's data",
        compute="_compute_opens_entity_data",
        store=True,
        help="The team reads the entity's diagnoses, inventory and cohorts: from the entity's acceptance "
        "(or an officer's activation) until the contract is done or cancelled.",
    )
    activation_override_reason = fields.Text(
        string="Reason to activate without acceptance",
        copy=False,
        tracking=True,
        help="An officer may activate the contract before the entity accepts it in the portal: say why.",
    )
    is_at_risk = fields.Boolean(string="At risk", compute="_compute_risk", search="_search_is_at_risk")
    risk_reason = fields.Char(compute="_compute_risk", string="Why at risk")
    satisfaction_input_ids = fields.One2many(
        "survey.user_input", "ess_mentoring_contract_id", string="Satisfaction answers", copy=False
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, required=True, index=True
    )

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("name", "partner_id.name")
    def _compute_display_name(self):
        for contract in self:
            contract.display_name = (
                f"{contract.name} - {contract.partner_id.name}" if contract.partner_id else contract.name
            )

    @api.depends("partner_id")
    def _compute_user_id(self):
        for contract in self:
            contract.user_id = contract.partner_id.ess_referent_id or contract.user_id or self.env.user

    @api.depends("project_id")
    def _compute_dates(self):
        today = fields.Date.context_today(self)
        for contract in self:
            project = contract.project_id
            contract.date_start = project.date_start or contract.date_start or today
            contract.date_end = (
                project.date
                or contract.date_end
                or contract.date_start + relativedelta(months=ITINERARY_MONTHS, days=-1)
            )

    @api.depends("project_id.ess_service_package_ids.estimated_hours")
    def _compute_hours_budget(self):
        for contract in self:
            packages = contract.project_id.ess_service_package_ids
            contract.hours_budget = sum(packages.mapped("estimated_hours")) or contract.hours_budget

    @api.depends("mentor_id", "expert_ids")
    def _compute_team_partner_ids(self):
        for contract in self:
            contract.team_partner_ids = contract.mentor_id | contract.expert_ids

    @api.depends("mentor_id.user_ids.groups_id", "expert_ids.user_ids.groups_id")
    def _compute_team(self):
        mentors = self.env.ref("ess_office_base.group_ess_mentor")
        for contract in self:
            team = contract.mentor_id | contract.expert_ids
            contract.team_user_ids = team.user_ids.filtered(lambda user: mentors in user.groups_id)

    @api.depends("state", "accepted_by_id")
    def _compute_opens_entity_data(self):
        for contract in self:
            contract.opens_entity_data = contract.state == "active" or (
                contract.state == "draft" and bool(contract.accepted_by_id)
            )

    @api.depends("followup_ids.hours", "hours_budget")
    def _compute_hours(self):
        consumed = dict(
            self.env["ess.mentoring.followup"]._read_group(
                [("contract_id", "in", self.ids)], ["contract_id"], ["hours:sum"]
            )
        )
        for contract in self:
            contract.hours_consumed = consumed.get(contract, 0.0)
            contract.hours_remaining = contract.hours_budget - contract.hours_consumed
            contract.consumption = (
                100.0 * contract.hours_consumed / contract.hours_budget if contract.hours_budget > 0 else 0.0
            )

    @api.depends("followup_ids")
    def _compute_followup_count(self):
        for contract in self:
            contract.followup_count = len(contract.followup_ids)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for contract in self:
            contract.access_url = f"/my/mentoring/{contract.id}"
        return res

    # Not stored: it depends on today's date.
    @api.depends(
        "state", "followup_ids.status", "followup_ids.week_start", "consumption", "date_start", "date_end"
    )
    @api.depends_context("ess_today")
    def _compute_risk(self):
        reasons = self._ess_risk_reasons()
        for contract in self:
            contract.risk_reason = reasons.get(contract.id, False)
            contract.is_at_risk = bool(contract.risk_reason)

    def _search_is_at_risk(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search the contracts at risk with 'is set' or 'is not set'."))
        active = self.search([("state", "=", "active")])
        at_risk = list(active._ess_risk_reasons())
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", at_risk)]

    def _ess_risk_reasons(self):
        """{contract id: why it is at risk}, for the active ones of ``self``, in a few
        queries: blocked or at risk in either of its last two follow-ups, or over 80 %
        of its hours consumed with more than a third of its time left."""
        active = self.filtered(lambda contract: contract.state == "active" and contract.id)
        if not active:
            return {}
        self.env["ess.mentoring.followup"].flush_model(["contract_id", "week_start", "status"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT contract_id, status
                  FROM (SELECT contract_id, status,
                               row_number() OVER (PARTITION BY contract_id ORDER BY week_start DESC, id DESC) AS rank
                          FROM ess_mentoring_followup
                         WHERE contract_id IN %s) AS latest
                 WHERE rank <= 2
                """,
                tuple(active.ids),
            )
        )
        troubled = defaultdict(set)
        for contract_id, status in rows:
            if status in ("at_risk", "blocked"):
                troubled[contract_id].add(status)
        today = fields.Date.to_date(self.env.context.get("ess_today")) or fields.Date.context_today(self)
        reasons = {}
        for contract in active:
            if "blocked" in troubled[contract.id]:
                reasons[contract.id] = self.env._("Blocked in one of the last two follow-ups")
            elif "at_risk" in troubled[contract.id]:
                reasons[contract.id] = self.env._("At risk in one of the last two follow-ups")
            elif (
                contract.consumption >= 100 * ALERT_RATIO and contract._ess_time_left(today) > RISK_TIME_LEFT
            ):
                reasons[contract.id] = self.env._(
                    "%(consumed).0f %% of the hours used with %(left).0f %% of the time left",
                    consumed=contract.consumption,
                    left=100 * contract._ess_time_left(today),
                )
        return reasons

    def _ess_time_left(self, today):
        """The share of the contract's duration still ahead on ``today`` (0 to 1)."""
        self.ensure_one()
        total = (self.date_end - self.date_start).days + 1
        left = (self.date_end - today).days + 1
        return min(max(left / total, 0.0), 1.0) if total > 0 else 0.0

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._("%s: the contract cannot end before it starts.", contract.display_name)
                )

    @api.constrains("hours_budget")
    def _check_hours_budget(self):
        for contract in self:
            if contract.hours_budget <= 0:
                raise ValidationError(
                    self.env._(
                        "%s: give the contract an hours budget greater than zero.", contract.display_name
                    )
                )

    @api.constrains("mentor_id", "expert_ids")
    def _check_team(self):
        mentors = self.env.ref("ess_office_base.group_ess_mentor")
        for contract in self:
            for member in contract.mentor_id | contract.expert_ids:
                if not member.is_ess_mentor or not member.user_ids.filtered(
                    lambda user, mentors=mentors: mentors in user.groups_id
                ):
                    raise ValidationError(
                        self.env._(
                            "%s is not a mentor: a team member is an ESS mentor with a user in the "
                            "Mentor group.",
                            member.display_name,
                        )
                    )

    @api.constrains("partner_id", "project_id", "diagnosis_id", "entity_lead_id")
    def _check_entity_links(self):
        for contract in self:
            entity = contract.partner_id
            if not entity.is_ess_entity:
                raise ValidationError(self.env._("%s is not an ESS entity.", entity.display_name))
            if contract.project_id and contract.project_id.ess_entity_id != entity:
                raise ValidationError(
                    self.env._(
                        "The itinerary %s belongs to another entity.", contract.project_id.display_name
                    )
                )
            if contract.diagnosis_id and contract.diagnosis_id.partner_id != entity:
                raise ValidationError(
                    self.env._(
                        "The diagnosis %s belongs to another entity.", contract.diagnosis_id.display_name
                    )
                )
            if contract.entity_lead_id and contract.entity_lead_id.commercial_partner_id != entity:
                raise ValidationError(
                    self.env._("%s is not a person of the entity.", contract.entity_lead_id.display_name)
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("ess.mentoring.contract") or "/"
        contracts = super().create(vals_list)
        contracts.filtered(
            lambda contract: contract.diagnosis_id and not contract.goal_ids
        )._ess_propose_goals()
        contracts._ess_sync_entity_mentors(contracts.partner_id)
        contracts._ess_subscribe_team()
        return contracts

    def write(self, vals):
        former_entities = self.partner_id if "partner_id" in vals else self.env["res.partner"]
        res = super().write(vals)
        if {"partner_id", "mentor_id", "expert_ids", "state", "accepted_by_id"} & set(vals):
            self._ess_sync_entity_mentors(self.partner_id | former_entities)
        if {"mentor_id", "expert_ids"} & set(vals):
            self._ess_subscribe_team()
        if "hours_budget" in vals:
            self._ess_alert_consumption()
        return res

    def unlink(self):
        entities = self.partner_id
        res = super().unlink()
        self._ess_sync_entity_mentors(entities)
        return res

    # ------------------------------------------------------------
    # TOOLING
    # ------------------------------------------------------------

    def _ess_sync_entity_mentors(self, entities):
        """The entities' "Accompanied by" are the team users of their contracts that open
        the entity's data (accepted or active, not yet done or cancelled): every mentor rule
        of every module reads it, so mentors reach those entities and no others."""
        if not entities:
            return
        contracts = (
            self.sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", entities.ids), ("opens_entity_data", "=", True)])
        )
        team_users = defaultdict(lambda: self.env["res.users"])
        for contract in contracts:
            team_users[contract.partner_id.id] |= contract.team_user_ids
        for entity in entities.sudo():
            if entity.ess_mentor_user_ids != team_users[entity.id]:
                entity.ess_mentor_user_ids = [Command.set(team_users[entity.id].ids)]

    def _ess_subscribe_team(self):
        """The team follows the contract: its members read its messages and activities."""
        for team, contracts in self.grouped(
            lambda contract: contract.mentor_id | contract.expert_ids
        ).items():
            if team:
                contracts.message_subscribe(partner_ids=team.ids)

    def _ess_propose_goals(self):
        """One goal per weakest dimension of the diagnosis (the ones it recommends on)."""
        for contract in self:
            # Written once, for the entity: in its people's language.
            lang = contract.entity_lead_id.lang or contract.partner_id.lang or self.env.lang
            weakest = contract.diagnosis_id.sudo().with_context(lang=lang)._ess_weakest_scores()
            contract.goal_ids = [
                Command.create(
                    {
                        "name": weakest.with_context(lang=lang).env._(
                            "Improve %(dimension)s (diagnosis score: %(score).0f/100)",
                            dimension=line.dimension_id.name,
                            score=line.score,
                        ),
                        "dimension_id": line.dimension_id.id,
                        "date_target": contract.date_end,
                    }
                )
                for line in weakest
            ]

    def _ess_alert_consumption(self):
        """Warn the referent once when a contract reaches 80 % of its budget; raising the
        budget back under it re-arms the warning. Runs as superuser: a mentor's follow-up
        triggers it, after the follow-up's own rights were checked."""
        contracts = self.sudo()
        reached = contracts.filtered(
            lambda contract: (
                contract.hours_budget > 0 and contract.hours_consumed >= ALERT_RATIO * contract.hours_budget
            )
        )

        def alert(contracts):
            for contract in contracts:
                contract.activity_schedule(
                    "ess_mentoring.mail_activity_type_ess_budget",
                    user_id=contract.user_id.id or self.env.user.id,
                    note=self.env._(
                        "%(consumed).1f of %(budget).1f hours are used: %(remaining).1f remain.",
                        consumed=contract.hours_consumed,
                        budget=contract.hours_budget,
                        remaining=contract.hours_remaining,
                    ),
                )
            contracts.consumption_alerted = True

        # A contract whose alert fails is logged and skipped, unflagged: the next change of
        # its hours tries again; the follow-up that triggered it is saved all the same.
        run_batch(
            self.env,
            reached.filtered(lambda contract: not contract.consumption_alerted),
            alert,
            "Hours budget alerts",
        )
        (contracts - reached).filtered("consumption_alerted").consumption_alerted = False

    def _ess_accept(self, partner):
        """The entity's person ``partner`` accepts the contract (from the portal, whose
        controller checked they belong to the entity); the referent is told."""
        self.ensure_one()
        contract = self.sudo()
        if contract.state != "draft" or contract.accepted_by_id:
            raise UserError(self.env._("This contract is not waiting for your acceptance."))
        contract.write({"accepted_by_id": partner.id, "accepted_date": fields.Datetime.now()})
        contract.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=contract.user_id.id or self.env.ref("base.user_root").id,
            summary=self.env._("Accepted by the entity: activate the contract"),
            note=self.env._("%(person)s accepted %(contract)s.", person=partner.name, contract=contract.name),
        )

    def _ess_send_satisfaction_survey(self):
        """Invite the entity's people to the satisfaction questionnaire, their answers
        linked to the contract."""
        survey = self.env.ref("ess_mentoring.survey_ess_satisfaction", raise_if_not_found=False)
        if not survey or not survey.active:
            return
        for contract in self.sudo():
            entity = contract.partner_id
            people = (entity.child_ids | contract.entity_lead_id).filtered("email") or entity.filtered(
                "email"
            )
            if not people:
                continue
            invite = (
                self.env["survey.invite"]
                .sudo()
                .with_context(**survey.sudo().action_send_survey()["context"])
                .create(
                    {
                        "survey_id": survey.id,
                        "partner_ids": [Command.set(people.ids)],
                        "ess_mentoring_contract_id": contract.id,
                        "send_email": True,
                    }
                )
            )
            invite.action_invite()

    def _ess_burndown(self):
        """The hours left week by week against the even spending of the budget: one point
        per week from the start to the end (or to today, for the hours actually left)."""
        self.ensure_one()
        weeks = []
        monday = week_monday(self.date_start)
        while monday <= self.date_end:
            weeks.append(monday)
            monday += timedelta(days=7)
        per_week = defaultdict(float)
        for followup in self.followup_ids:
            per_week[followup.week_start] += followup.hours
        today = fields.Date.context_today(self)
        left, actual = self.hours_budget, []
        for week in weeks:
            if week > today:
                break
            left -= per_week[week]
            actual.append(round(left, 2))
        steps = max(len(weeks) - 1, 1)
        return {
            "labels": [format_date(self.env, week, date_format="dd/MM") for week in weeks],
            "ideal": [round(self.hours_budget * (1 - index / steps), 2) for index in range(len(weeks))],
            "actual": actual,
            "ideal_label": self.env._("Even pace"),
            "actual_label": self.env._("Hours left"),
        }

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    # Every public method is an RPC endpoint: each one checks that the caller may change
    # the contract (officers) before it touches anything.

    def action_activate(self):
        self.check_access("write")
        for contract in self:
            if contract.state != "draft":
                raise UserError(self.env._("%s is not a draft: it cannot be activated.", contract.name))
            if not contract.mentor_id:
                raise UserError(
                    self.env._("%s has no main mentor: choose one before activating it.", contract.name)
                )
            if not contract.accepted_by_id and not (contract.activation_override_reason or "").strip():
                raise UserError(
                    self.env._(
                        "The entity has not accepted %s in its portal yet. To activate it anyway, "
                        "write the reason in 'Reason to activate without acceptance'.",
                        contract.name,
                    )
                )
            if not contract.accepted_by_id:
                contract.message_post(
                    body=self.env._(
                        "Activated without the entity's acceptance. Reason: %s",
                        contract.activation_override_reason,
                    )
                )
        self.state = "active"

    def action_done(self):
        self.check_access("write")
        if any(contract.state != "active" for contract in self):
            raise UserError(self.env._("Only an active contract can be marked as done."))
        self.state = "done"
        self._ess_send_satisfaction_survey()

    def action_cancel(self):
        self.check_access("write")
        self.state = "cancelled"

    def action_draft(self):
        self.check_access("write")
        self.state = "draft"

    def action_suggest_mentors(self):
        """Open the mentors ranked for this contract's goals, with the reasons."""
        self.ensure_one()
        self.check_access("write")
        return self.env["ess.mentoring.mentor.suggestion"]._ess_open_for(self)

    def action_view_followups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ess_mentoring.ess_mentoring_followup_action")
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {"default_contract_id": self.id}
        return action

    @api.model
    def _cron_followup_reminders(self):
        """Mondays: one activity for the main mentor of each active contract that has no
        follow-up for the previous week (experts who come now and then are not chased).
        An open reminder on a contract is not repeated. Batched: a call reminds up to
        REMINDER_BATCH contracts in the same queries whether there are ten or thousands,
        and tells the cron runner how many remain, which calls it again."""
        today = fields.Date.context_today(self)
        week = week_monday(today) - timedelta(days=7)
        mentors = self.env.ref("ess_office_base.group_ess_mentor")
        # Ids only: no field of the thousands of contracts is read, only those of the batch.
        contracts = self.search(
            [
                ("state", "=", "active"),
                ("mentor_id.user_ids.groups_id", "in", mentors.ids),
                ("date_start", "<=", week + timedelta(days=6)),
                ("date_end", ">=", week),
            ]
        )
        if not contracts:
            return
        logged = {
            contract.id
            for [contract] in self.env["ess.mentoring.followup"]._read_group(
                [("contract_id", "in", contracts.ids), ("week_start", "=", week)], ["contract_id"]
            )
        }
        activity_type = self.env.ref("ess_mentoring.mail_activity_type_ess_followup_missing")
        reminded = {
            res_id
            for [res_id] in self.env["mail.activity"]._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", contracts.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id"],
            )
        }
        pending = [id_ for id_ in contracts.ids if id_ not in logged and id_ not in reminded]
        batch = self.browse(pending[:REMINDER_BATCH])
        model_id = self.env["ir.model"]._get_id(self._name)

        def remind(contracts):
            self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": contract.id,
                        "activity_type_id": activity_type.id,
                        "user_id": contract.mentor_id.user_ids.filtered(
                            lambda user: mentors in user.groups_id
                        )[:1].id,
                        "date_deadline": today,
                    }
                    for contract in contracts
                ]
            )

        # A contract that cannot be reminded is logged and skipped; it stays pending.
        failed = run_batch(self.env, batch, remind, "Follow-up reminders")
        self.env["ir.cron"]._notify_progress(
            done=len(batch) - len(failed), remaining=len(pending) - len(batch) + len(failed)
        )

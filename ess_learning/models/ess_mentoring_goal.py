from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

OFFICER = "ess_office_base.group_ess_officer"


class EssMentoringGoal(models.Model):
    """A goal may name the bootcamp's courses: the entity's people who completed them show
    on it, and once each course is completed by someone of the entity the goal is
    proposed as achieved to the contract's main mentor, who confirms it."""

    _inherit = "ess.mentoring.goal"

    course_ids = fields.Many2many(
        "slide.channel",
        "ess_mentoring_goal_slide_channel_rel",
        "goal_id",
        "channel_id",
        string="Courses",
        help="Courses the entity's people take for this goal.",
    )
    ess_completion_ids = fields.Many2many(
        "slide.channel.partner",
        string="Completed by",
        compute="_compute_ess_completions",
        help="The entity's people who completed the goal's courses.",
    )
    ess_courses_completed = fields.Boolean(
        string="Courses completed",
        compute="_compute_ess_completions",
        help="Each of the goal's courses was completed by someone of the entity.",
    )
    ess_proposed_date = fields.Datetime(
        string="Proposed as achieved on",
        readonly=True,
        copy=False,
        help="When the goal's courses were all completed and the goal proposed as achieved to the mentor.",
    )

    @api.depends("course_ids", "partner_id")
    @api.depends_context("uid")
    def _compute_ess_completions(self):
        Membership = self.env["slide.channel.partner"]
        followed = self.partner_id._ess_learning_followed_by_user()
        completions = self.course_ids._ess_completions(followed)
        for goal in self:
            mine = (
                completions.filtered(
                    lambda m, goal=goal: (
                        m.ess_entity_id == goal.partner_id and m.channel_id in goal.course_ids
                    )
                )
                if goal.partner_id in followed
                else Membership
            )
            goal.ess_completion_ids = mine
            goal.ess_courses_completed = bool(goal.course_ids) and mine.channel_id >= goal.course_ids

    @api.model
    def _ess_propose_achieved(self, entities):
        """Propose as achieved the open goals of ``entities``' running contracts whose
        courses are now all completed: an activity for the contract's main mentor (callers
        run it as superuser, after a completion)."""
        goals = self.search(
            [
                ("partner_id", "in", entities.ids),
                ("state", "=", "open"),
                ("course_ids", "!=", False),
                ("ess_proposed_date", "=", False),
                ("contract_id.state", "=", "active"),
            ]
        )
        if not goals:
            return
        completed = goals.course_ids._ess_completions(goals.partner_id)
        for goal in goals:
            done = completed.filtered(lambda m, goal=goal: m.ess_entity_id == goal.partner_id).channel_id
            if not goal.course_ids <= done:
                continue
            goal.ess_proposed_date = fields.Datetime.now()
            contract = goal.contract_id
            mentor_user = contract.mentor_id.user_ids[:1] or contract.user_id
            # In the mentor's language, whoever completed the last course.
            env = self.with_context(lang=mentor_user.lang or self.env.lang).env
            contract.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=mentor_user.id or self.env.ref("base.user_root").id,
                summary=env._("Goal's courses completed: confirm it is achieved"),
                note=Markup("<p>%s</p>")
                % env._(
                    "%(entity)s completed each course of the goal “%(goal)s”.",
                    entity=goal.partner_id.name,
                    goal=goal.name,
                ),
            )

    def action_ess_confirm_achieved(self):
        """The mentor (one of the contract's team) confirms that a goal whose courses the
        entity completed is achieved; an officer, any open goal. Mentors read goals only:
        the write runs as superuser after these checks."""
        user = self.env.user
        officer = user.has_group(OFFICER)
        for goal in self:
            if not (officer or user in goal.contract_id.team_user_ids):
                raise AccessError(self.env._("Only the contract's mentors and the officers confirm a goal."))
            if goal.state != "open":
                raise UserError(self.env._("The goal “%s” is no longer open.", goal.name))
            # Mentors read goals only: they confirm one whose courses the entity completed,
            # as proposed; officers change goals anyway.
            if not officer and not goal.ess_courses_completed:
                raise UserError(
                    self.env._(
                        "The goal “%s” is confirmed once the entity has completed its courses.", goal.name
                    )
                )
        self.check_access("read")
        for goal in self.sudo():
            goal.state = "achieved"
            goal.contract_id.message_post(
                body=self.env._(
                    "Goal “%(goal)s” confirmed achieved by %(user)s.", goal=goal.name, user=user.name
                ),
                author_id=user.partner_id.id,
            )
            goal.contract_id.activity_ids.filtered(
                lambda activity, goal=goal: (
                    goal.name in (activity.note or "")
                    and activity.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
                )
            ).action_feedback(feedback=self.env._("Confirmed achieved."))
        return True


class EssMentoringContract(models.Model):
    _inherit = "ess.mentoring.contract"

    ess_course_completion_ids = fields.Many2many(
        "slide.channel.partner",
        string="Courses completed",
        compute="_compute_ess_course_completion_ids",
        help="The entity's people who completed the courses of the contract's goals.",
    )

    @api.depends("goal_ids.course_ids", "partner_id")
    @api.depends_context("uid")
    def _compute_ess_course_completion_ids(self):
        followed = self.partner_id._ess_learning_followed_by_user()
        completions = self.goal_ids.course_ids._ess_completions(followed)
        for contract in self:
            contract.ess_course_completion_ids = completions.filtered(
                lambda m, contract=contract: (
                    m.ess_entity_id == contract.partner_id and m.channel_id in contract.goal_ids.course_ids
                )
            )

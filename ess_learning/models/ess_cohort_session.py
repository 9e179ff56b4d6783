from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class EssCohortSession(models.Model):
    """A training session may name a course of the bootcamp: the cohort's active members'
    people are invited to enrol, and the session shows who completed it."""

    _inherit = "ess.cohort.session"

    course_id = fields.Many2one(
        "slide.channel",
        index="btree_not_null",
        domain="[('is_published', '=', True)]",
        help="The bootcamp's course the session works on: its members' people are invited to enrol.",
    )
    ess_completion_ids = fields.Many2many(
        "slide.channel.partner",
        string="Completed by",
        compute="_compute_ess_completion_ids",
        help="The people of the session's entities who completed its course.",
    )
    ess_completion_count = fields.Integer(string="Completions", compute="_compute_ess_completion_ids")

    @api.depends("course_id", "cohort_id.member_ids.state")
    @api.depends_context("uid")
    def _compute_ess_completion_ids(self):
        for session in self:
            # The entities read as superuser, then filtered with the caller's rights.
            entities = session._ess_attendee_entities().with_env(self.env)._ess_learning_followed_by_user()
            completions = session.course_id._ess_completions(entities) if session.course_id else False
            session.ess_completion_ids = completions or False
            session.ess_completion_count = len(completions or [])

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions.filtered("course_id")._ess_invite_to_course()
        return sessions

    def write(self, vals):
        res = super().write(vals)
        if vals.get("course_id"):
            self._ess_invite_to_course()
        return res

    def action_ess_invite_to_course(self):
        """Invite the cohort's active members' people to enrol in the session's course
        again (those who joined since, say). Only who may change the session may."""
        self.check_access("write")
        if not all(self.mapped("course_id")):
            raise UserError(self.env._("Choose the session's course first."))
        invited = self._ess_invite_to_course()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%s people invited to enrol.", invited),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _ess_invite_to_course(self):
        """Invite each active member's people who are not enrolled yet: one e-mail each,
        from the course's invitation template. Returns how many were invited."""
        count = 0
        for session in self.sudo().filtered("course_id"):
            course = session.course_id
            people = session.cohort_id._ess_active_members().partner_id._ess_cohort_contacts()
            people = people.filtered(lambda person: person.commercial_partner_id.is_ess_entity)
            enrolled = (
                course.with_context(active_test=False)
                .channel_partner_all_ids.filtered(
                    lambda membership: membership.member_status != "invited" and membership.active
                )
                .partner_id
            )
            to_invite = people - enrolled
            if not to_invite:
                continue
            course._action_add_members(to_invite, member_status="invited")
            template = self.env.ref(
                "website_slides.mail_template_slide_channel_invite", raise_if_not_found=False
            )
            memberships = course.channel_partner_all_ids.filtered(
                lambda m, to_invite=to_invite: m.partner_id in to_invite
            )
            for membership in memberships:
                if template:
                    # One e-mail per person, to them alone.
                    template.with_context(lang=membership.partner_id.lang).send_mail(
                        membership.id,
                        email_values={
                            "recipient_ids": [Command.set(membership.partner_id.ids)],
                            "email_to": False,
                        },
                        email_layout_xmlid="website_slides.mail_notification_channel_invite",
                    )
                membership.last_invitation_date = fields.Datetime.now()
            count += len(memberships)
        return count

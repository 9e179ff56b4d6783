from markupsafe import Markup, escape

from odoo import fields, http
from odoo.http import request

from odoo.addons.ess_office_base.controllers.portal import EssOfficePortal
from odoo.addons.ess_office_base.tools import form_text

LEARNING_MAX = 2000


class EssCohortPortal(EssOfficePortal):
    """/my/cohorts: the cohorts of the user's entity, those open to applications, and the
    open sessions any entity may register to."""

    def _ess_active_member(self, cohort_sudo, entity):
        return cohort_sudo._ess_active_members().filtered(lambda member: member.partner_id == entity)

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ess_cohort_count" in counters:
            entity = self._ess_portal_entity()
            values["ess_cohort_count"] = (
                self._ess_count(
                    "ess.cohort",
                    [("member_ids", "any", [("partner_id", "=", entity.id), ("state", "=", "active")])],
                )
                if entity
                else 0
            )
        return values

    @http.route(["/my/cohorts"], type="http", auth="user", website=True)
    def portal_my_ess_cohorts(self, **kw):
        return self._ess_cohorts_page()

    def _ess_cohorts_page(self, error=None, status=200):
        entity = self._ess_portal_entity()
        values = self._prepare_portal_layout_values()
        values.update(page_name="ess_cohort", entity=entity, error=error)
        if entity:
            # sudo: the entity's own memberships, and what is open to every entity (names,
            # dates, descriptions and open sessions), listed for it to apply or register.
            Cohort, Session = request.env["ess.cohort"].sudo(), request.env["ess.cohort.session"].sudo()
            memberships = entity.sudo().ess_cohort_member_ids.filtered(
                lambda member: member.state != "withdrawn"
            )
            open_sessions = Session.search(
                [("is_open", "=", True), ("date", ">=", fields.Datetime.now()),
                 ("cohort_id.state", "in", ("open", "running")),
                 ("cohort_id", "not in", memberships.filtered(lambda member: member.state == "active").cohort_id.ids)],
                order="date",
            )  # fmt: skip
            values.update(
                memberships=memberships,
                open_cohorts=Cohort.search(
                    [("state", "=", "open"), ("id", "not in", memberships.cohort_id.ids)], order="date_start"
                ),
                open_sessions=open_sessions,
                registered=open_sessions.attendance_ids.filtered(
                    lambda line: line.partner_id == entity
                ).session_id,
            )
        return self._ess_render("ess_cohort.portal_my_ess_cohorts", values, status)

    @http.route(["/my/cohorts/<int:cohort_id>"], type="http", auth="user", website=True)
    def portal_my_ess_cohort(self, cohort_id, **kw):
        entity = self._ess_portal_entity()
        cohort = request.env["ess.cohort"].sudo().browse(cohort_id).exists()
        # Only the cohort's active members: others get a 404 that says nothing of it.
        if not entity or not cohort or not self._ess_active_member(cohort, entity):
            raise request.not_found()
        return self._ess_cohort_page(cohort, entity)

    def _ess_cohort_page(self, cohort, entity, error=None, status=200):
        upcoming = cohort._ess_coming_sessions()
        member = self._ess_active_member(cohort, entity)
        rates = request.env["ess.cohort.attendance"].sudo()._ess_attendance_rates("member_id", member.ids)
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="ess_cohort",
            cohort=cohort,
            entity=entity,
            upcoming=upcoming,
            past=(cohort.session_ids - upcoming).sorted("date", reverse=True),
            members=cohort._ess_active_members(),
            progress=cohort._ess_progress(),
            own_attendance=rates.get(member.id),
            error=error,
        )
        return self._ess_render("ess_cohort.portal_my_ess_cohort", values, status)

    @http.route(
        ["/my/cohorts/<int:cohort_id>/apply"], type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_my_ess_cohort_apply(self, cohort_id, **post):
        entity = self._ess_portal_entity()
        cohort = request.env["ess.cohort"].sudo().browse(cohort_id).exists()
        if not entity or not cohort or cohort.state != "open":
            raise request.not_found()
        _member, error = self._ess_attempt(lambda: cohort._ess_apply(entity))
        if error:
            return self._ess_cohorts_page(error=error, status=400)
        return request.redirect("/my/cohorts")

    def _ess_session_for(self, session_id, entity):
        """The session, sudo, when the entity is an active member of its cohort or
        registered to it; None otherwise."""
        session = request.env["ess.cohort.session"].sudo().browse(session_id).exists()
        if not entity or not session:
            return None
        if self._ess_active_member(session.cohort_id, entity):
            return session
        if session.attendance_ids.filtered(lambda line: line.partner_id == entity and line.is_guest):
            return session
        return None

    @http.route(
        ["/my/cohorts/session/<int:session_id>/register"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_ess_session_register(self, session_id, **post):
        entity = self._ess_portal_entity()
        session = request.env["ess.cohort.session"].sudo().browse(session_id).exists()
        if not entity or not session or not session.is_open:
            raise request.not_found()
        _attendance, error = self._ess_attempt(lambda: session._ess_register(entity))
        if error:
            return self._ess_cohorts_page(error=error, status=400)
        return request.redirect("/my/cohorts")

    @http.route(["/my/cohorts/session/<int:session_id>/ics"], type="http", auth="user", website=True)
    def portal_my_ess_session_ics(self, session_id, **kw):
        entity = self._ess_portal_entity()
        session = self._ess_session_for(session_id, entity)
        if session is None or not session.calendar_event_id:
            raise request.not_found()
        return request.make_response(
            session._ess_ics_file(entity),
            headers=[
                ("Content-Type", "text/calendar; charset=utf-8"),
                ("Content-Disposition", f'attachment; filename="session-{session.id}.ics"'),
            ],
        )

    @http.route(
        ["/my/cohorts/session/<int:session_id>/learning"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_ess_session_learning(self, session_id, learning="", **post):
        entity = self._ess_portal_entity()
        session = self._ess_session_for(session_id, entity)
        if session is None or not self._ess_active_member(session.cohort_id, entity):
            raise request.not_found()
        learning = form_text(learning)
        if not session.cohort_id.members_write_learnings or session.date > fields.Datetime.now():
            error = request.env._("The facilitator has not opened this session's learnings to members.")
        elif not learning or len(learning) > LEARNING_MAX:
            error = request.env._("Write what you learnt, in %s characters at most.", LEARNING_MAX)
        else:
            # Escaped: what a member writes is text, shown to the whole cohort. Signed with
            # the entity's name, and marked with its author for their data rights.
            paragraph = Markup('<p class="o_ess_learning" data-id="%s"><strong>%s</strong>: %s</p>') % (
                request.env.user.partner_id.id,
                entity.name,
                escape(learning),
            )
            session.learnings = (session.learnings or Markup()) + paragraph
            return request.redirect(f"/my/cohorts/{session.cohort_id.id}")
        return self._ess_cohort_page(session.cohort_id, entity, error=error, status=400)

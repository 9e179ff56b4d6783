from odoo import http
from odoo.http import request

from odoo.addons.ess_office_base.controllers.portal import EssOfficePortal


class EssLearningPortal(EssOfficePortal):
    """/my/learning: an entity's people see which of them enrolled in and completed the
    bootcamp's courses, and the courses recommended by its latest diagnosis."""

    def _ess_learning_memberships(self, entity):
        # sudo: the people's enrolments of the user's own entity only (portal users have no
        # access to Odoo's enrolments).
        return (
            request.env["slide.channel.partner"]
            .sudo()
            .search(
                [("ess_entity_id", "=", entity.id), ("member_status", "!=", "invited")],
                order="partner_id, channel_id, id",
            )
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ess_learning_count" in counters:
            entity = self._ess_portal_entity()
            values["ess_learning_count"] = len(self._ess_learning_memberships(entity)) if entity else 0
        return values

    @http.route(["/my/learning"], type="http", auth="user", website=True)
    def portal_my_ess_learning(self, **kw):
        entity = self._ess_portal_entity()
        values = self._prepare_portal_layout_values()
        memberships = (
            self._ess_learning_memberships(entity) if entity else request.env["slide.channel.partner"]
        )
        diagnosis = (
            request.env["ess.diagnosis"].search(
                [("partner_id", "=", entity.id), ("state", "=", "done")], order="date desc, id desc", limit=1
            )
            if entity
            else request.env["ess.diagnosis"]
        )
        values.update(
            entity=entity,
            memberships=memberships,
            completed_count=len(memberships.filtered(lambda m: m.member_status == "completed")),
            people_count=len(memberships.partner_id),
            diagnosis=diagnosis,
            recommended_courses=diagnosis._ess_recommended_courses()
            if diagnosis
            else request.env["slide.channel"],
            page_name="ess_learning",
        )
        return self._ess_render("ess_learning.portal_my_ess_learning", values)

import json

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.ess_office_base.controllers.portal import EssOfficePortal
from odoo.addons.ess_office_base.tools import form_text

# The longest comment an entity leaves on a week.
COMMENT_MAX_LENGTH = 5000


class EssMentoringPortal(EssOfficePortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ess_mentoring_count" in counters:
            values["ess_mentoring_count"] = self._ess_count(
                "ess.mentoring.contract", self._prepare_ess_mentoring_domain()
            )
        return values

    def _prepare_ess_mentoring_domain(self):
        return [
            ("partner_id", "=", request.env.user.partner_id.commercial_partner_id.id),
            ("state", "!=", "cancelled"),
        ]

    def _prepare_ess_mentoring_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "date_start desc, id desc"},
            "name": {"label": request.env._("Reference"), "order": "name, id"},
        }

    def _ess_office_readable(self, records_sudo):
        """The part of a contract's ``records_sudo`` an office user reads himself: a
        mentor reads his proposal before the entity accepts it, and his past contracts,
        but not their goals or his team's weeks. The entity's people and the holders of
        the contract's link read them all, as the page shows them."""
        if request.env.user.share:
            return records_sudo
        return records_sudo.with_env(request.env)._filtered_access("read").sudo()

    @http.route(["/my/mentoring", "/my/mentoring/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_ess_mentoring_contracts(self, page=1, sortby="date", **kw):
        sortings = self._prepare_ess_mentoring_sortings()
        sortby = sortby if sortby in sortings else "date"
        contracts, pager = self._ess_list(
            "ess.mentoring.contract",
            self._prepare_ess_mentoring_domain(),
            sortings,
            sortby,
            "/my/mentoring",
            page,
        )
        request.session["my_ess_mentoring_history"] = contracts.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            contracts=contracts,
            page_name="ess_mentoring",
            pager=pager,
            default_url="/my/mentoring",
            searchbar_sortings=sortings,
            sortby=sortby,
        )
        return request.render("ess_mentoring.portal_my_ess_mentoring_contracts", values)

    @http.route(["/my/mentoring/<int:contract_id>"], type="http", auth="public", website=True)
    def portal_my_ess_mentoring_contract(self, contract_id, access_token=None, **kw):
        contract_sudo = self._ess_document_or_none("ess.mentoring.contract", contract_id, access_token)
        if contract_sudo is None:
            # Another entity's contract, or none: nothing of it, not even that it exists.
            raise request.not_found()
        values = {
            "contract": contract_sudo,
            "page_name": "ess_mentoring",
            "followups": self._ess_office_readable(contract_sudo.followup_ids),
            "goals": self._ess_office_readable(contract_sudo.goal_ids),
            "burndown": json.dumps(contract_sudo._ess_burndown()),
            "can_accept": contract_sudo.state == "draft"
            and not contract_sudo.accepted_by_id
            and request.env.user.partner_id.commercial_partner_id == contract_sudo.partner_id,
            "message": kw.get("message"),
        }
        return request.render(
            "ess_mentoring.portal_my_ess_mentoring_contract",
            self._get_page_view_values(
                contract_sudo, access_token, values, "my_ess_mentoring_history", False
            ),
        )

    @http.route(
        ["/my/mentoring/<int:contract_id>/accept"], type="http", auth="user", methods=["POST"], website=True
    )
    def portal_my_ess_mentoring_accept(self, contract_id, **kw):
        contract_sudo = self._ess_document_or_none("ess.mentoring.contract", contract_id)
        person = request.env.user.partner_id
        if contract_sudo is None or person.commercial_partner_id != contract_sudo.partner_id:
            raise request.not_found()
        try:
            contract_sudo._ess_accept(person)
        except UserError:
            return request.redirect(f"/my/mentoring/{contract_id}?message=not_waiting")
        return request.redirect(f"/my/mentoring/{contract_id}?message=accepted")

    @http.route(["/my/mentoring/followup/<int:followup_id>"], type="http", auth="public", website=True)
    def portal_my_ess_mentoring_followup(self, followup_id, access_token=None, **kw):
        followup_sudo = self._ess_document_or_none("ess.mentoring.followup", followup_id, access_token)
        if followup_sudo is None:
            raise request.not_found()
        values = {
            "followup": followup_sudo,
            "contract": followup_sudo.contract_id,
            "page_name": "ess_mentoring_followup",
            "can_comment": request.env.user.partner_id.commercial_partner_id == followup_sudo.partner_id,
            "comment_max_length": COMMENT_MAX_LENGTH,
            "message": kw.get("message"),
        }
        return request.render(
            "ess_mentoring.portal_my_ess_mentoring_followup",
            self._get_page_view_values(followup_sudo, access_token, values, "my_ess_followup_history", False),
        )

    @http.route(
        ["/my/mentoring/followup/<int:followup_id>/comment"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_ess_mentoring_comment(self, followup_id, comment="", **kw):
        followup_sudo = self._ess_document_or_none("ess.mentoring.followup", followup_id)
        if (
            followup_sudo is None
            or request.env.user.partner_id.commercial_partner_id != followup_sudo.partner_id
        ):
            raise request.not_found()
        comment = form_text(comment)
        if len(comment) > COMMENT_MAX_LENGTH:
            return request.redirect(f"/my/mentoring/followup/{followup_id}?message=too_long")
        followup_sudo._ess_set_entity_comment(comment)
        return request.redirect(f"/my/mentoring/followup/{followup_id}?message=saved")

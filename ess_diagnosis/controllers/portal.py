from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class EssDiagnosisPortal(CustomerPortal):
    # --- shared by the ESS modules' portal pages (ess_mentoring extends this class) ---

    def _ess_portal_entity(self):
        """The ESS entity the portal user belongs to (their commercial partner), or None:
        for internal users and for people of organisations that are not ESS entities."""
        entity = request.env.user.partner_id.commercial_partner_id
        return entity if entity.is_ess_entity and not request.env.user._is_internal() else None

    def _ess_attempt(self, action):
        """(what ``action()`` returns, None), or (None, the message) when it refuses with a
        UserError (access and validation errors included): nothing it began is kept."""
        try:
            with request.env.cr.savepoint():
                return action(), None
        except UserError as error:
            return None, error.args[0]

    def _ess_render(self, template, values, status=200):
        """The page, with ``status`` (400 when it shows what was wrong with a form)."""
        response = request.render(template, values)
        response.status_code = status
        return response

    def _ess_count(self, model, domain):
        """The home tile's counter: 0 for a user without the right to read ``model``."""
        Model = request.env[model]
        return Model.search_count(domain) if Model.has_access("read") else 0

    def _ess_list(self, model, domain, sortings, sortby, url, page):
        """One page of the entity's ``model`` records, sorted, and its pager. An internal
        user outside the office reaches the page too: an empty list, not a 403."""
        Model = request.env[model]
        readable = Model.has_access("read")
        pager = portal_pager(
            url=url,
            url_args={"sortby": sortby},
            total=Model.search_count(domain) if readable else 0,
            page=page,
            step=self._items_per_page,
        )
        records = (
            Model.search(
                domain, order=sortings[sortby]["order"], limit=self._items_per_page, offset=pager["offset"]
            )
            if readable
            else Model
        )
        return records, pager

    def _ess_document_or_none(self, model, record_id, access_token=None):
        """The record, sudo, when the user may read it; None for another entity's or a
        missing one, which the pages answer with a 404 that says nothing of it."""
        try:
            return self._document_check_access(model, record_id, access_token)
        except (AccessError, MissingError):
            return None

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ess_diagnosis_count" in counters:
            values["ess_diagnosis_count"] = self._ess_count(
                "ess.diagnosis", self._prepare_ess_diagnosis_domain()
            )
        return values

    def _prepare_ess_diagnosis_domain(self):
        return [
            ("partner_id", "=", request.env.user.partner_id.commercial_partner_id.id),
            ("state", "!=", "cancelled"),
        ]

    def _prepare_ess_diagnosis_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "date desc, id desc"},
            "score": {"label": request.env._("Score"), "order": "score desc, id desc"},
        }

    @http.route(["/my/diagnoses", "/my/diagnoses/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_ess_diagnoses(self, page=1, sortby="date", **kw):
        sortings = self._prepare_ess_diagnosis_sortings()
        sortby = sortby if sortby in sortings else "date"
        diagnoses, pager = self._ess_list(
            "ess.diagnosis", self._prepare_ess_diagnosis_domain(), sortings, sortby, "/my/diagnoses", page
        )
        values = self._prepare_portal_layout_values()
        values.update(
            diagnoses=diagnoses,
            page_name="ess_diagnosis",
            pager=pager,
            default_url="/my/diagnoses",
            searchbar_sortings=sortings,
            sortby=sortby,
        )
        return request.render("ess_diagnosis.portal_my_ess_diagnoses", values)

    @http.route(["/my/diagnoses/<int:diagnosis_id>"], type="http", auth="public", website=True)
    def portal_my_ess_diagnosis(
        self, diagnosis_id, access_token=None, report_type=None, download=False, **kw
    ):
        diagnosis_sudo = self._ess_document_or_none("ess.diagnosis", diagnosis_id, access_token)
        if diagnosis_sudo is None:
            raise request.not_found()
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=diagnosis_sudo,
                report_type=report_type,
                report_ref="ess_diagnosis.action_report_ess_diagnosis",
                download=download,
            )
        response = diagnosis_sudo.user_input_ids.filtered(
            lambda answer: answer.partner_id == request.env.user.partner_id and not answer.test_entry
        )[:1]
        values = {
            "diagnosis": diagnosis_sudo,
            "page_name": "ess_diagnosis",
            "response": response,
            **diagnosis_sudo._ess_result_values(),
        }
        return request.render(
            "ess_diagnosis.portal_my_ess_diagnosis",
            self._get_page_view_values(
                diagnosis_sudo, access_token, values, "my_ess_diagnoses_history", False
            ),
        )

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class EssDiagnosisPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ess_diagnosis_count" in counters:
            Diagnosis = request.env["ess.diagnosis"]
            values["ess_diagnosis_count"] = (
                Diagnosis.search_count(self._prepare_ess_diagnosis_domain())
                if Diagnosis.has_access("read")
                else 0
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
        Diagnosis = request.env["ess.diagnosis"]
        # An internal user outside the office reaches the page too: an empty list, not a 403.
        readable = Diagnosis.has_access("read")
        domain = self._prepare_ess_diagnosis_domain()
        sortings = self._prepare_ess_diagnosis_sortings()
        sortby = sortby if sortby in sortings else "date"
        pager = portal_pager(
            url="/my/diagnoses",
            url_args={"sortby": sortby},
            total=Diagnosis.search_count(domain) if readable else 0,
            page=page,
            step=self._items_per_page,
        )
        diagnoses = (
            Diagnosis.search(
                domain, order=sortings[sortby]["order"], limit=self._items_per_page, offset=pager["offset"]
            )
            if readable
            else Diagnosis
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
        try:
            diagnosis_sudo = self._document_check_access("ess.diagnosis", diagnosis_id, access_token)
        except (AccessError, MissingError):
            # Another entity's diagnosis, or none: nothing of it, not even that it exists.
            return request.not_found()
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

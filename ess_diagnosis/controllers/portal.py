from odoo import http
from odoo.http import request

from odoo.addons.ess_office_base.controllers.portal import EssOfficePortal


class EssDiagnosisPortal(EssOfficePortal):
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

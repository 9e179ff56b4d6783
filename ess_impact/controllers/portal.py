from odoo import http
from odoo.http import request

from odoo.addons.ess_office_base.controllers.portal import EssOfficePortal


class EssImpactPortal(EssOfficePortal):
    def _ess_latest_compared_diagnosis(self):
        """The entity's latest done diagnosis that has a previous one (its before and
        after), read with the portal user's own rights; empty without one."""
        entity = self._ess_portal_entity()
        if entity is None or not request.env["ess.diagnosis"].has_access("read"):
            return request.env["ess.diagnosis"]
        done = request.env["ess.diagnosis"].search(
            [("partner_id", "=", entity.id), ("state", "=", "done")], order="date desc, id desc", limit=2
        )
        return done[:1] if len(done) == 2 else request.env["ess.diagnosis"]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ess_impact_count" in counters:
            values["ess_impact_count"] = len(self._ess_latest_compared_diagnosis())
        return values

    @http.route(["/my/impact"], type="http", auth="user", website=True)
    def portal_my_ess_impact(self, **kwargs):
        """The entity's before and after: the results of its latest diagnosis, which show
        the previous one beside it."""
        diagnosis = self._ess_latest_compared_diagnosis()
        return request.redirect(diagnosis.access_url if diagnosis else "/my/diagnoses")

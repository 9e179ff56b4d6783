from odoo import models
from odoo.tools import SQL


class PrivacyLookupWizard(models.TransientModel):
    _inherit = "privacy.lookup.wizard"

    def _get_query(self):
        """Odoo's lookup, plus the ESS records it would miss (see
        ``res.partner._ess_privacy_lookup_queries``)."""
        query = super()._get_query()
        for select in self.env["res.partner"]._ess_privacy_lookup_queries(
            self.name.strip(), self.email.strip()
        ):
            query = SQL("%s UNION ALL %s", query, select)
        return query

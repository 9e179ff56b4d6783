from odoo import api, models


class EssCohortDemo(models.AbstractModel):
    """What the demo data does that no user does: its ``<function>`` tags call these
    methods, which stay private (a leading underscore: never callable over RPC)."""

    _name = "ess.cohort.demo"
    _description = "Cohort demo data"

    @api.model
    def _ess_demo_attendance(self, session_ids, absent_ids):
        """Every active member of the sessions present but the entities ``absent_ids``."""
        sessions = self.env["ess.cohort.session"].browse(session_ids)
        sessions.action_take_attendance()
        for line in sessions.attendance_ids.filtered(lambda line: not line.is_guest):
            line.attended = "absent" if line.partner_id.id in absent_ids else "present"

    @api.model
    def _ess_demo_register(self, session_ids, entity_id):
        """An entity outside the cohort registers to the sessions."""
        self.env["ess.cohort.session"].browse(session_ids)._ess_register(
            self.env["res.partner"].browse(entity_id)
        )

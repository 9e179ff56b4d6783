from odoo import models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    def _get_ics_file(self):
        """A cohort session's event goes out (invitations, downloads) with the office as
        organiser and no attendee: the cohort's entities do not hand each other their
        people's addresses. The portal's download adds those its reader may see."""
        result = super()._get_ics_file()
        sessions = self.env["ess.cohort.session"].sudo().search([("calendar_event_id", "in", self.ids)])
        for session in sessions.filtered(lambda session: session.calendar_event_id.id in result):
            event_id = session.calendar_event_id.id
            result[event_id] = session._ess_office_ics(result[event_id])
        return result

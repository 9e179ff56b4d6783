from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ess_office_base.tools.batch import run_batch

from ..models.ess_cohort_session import KINDS

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class EssCohortSessionGenerate(models.TransientModel):
    _name = "ess.cohort.session.generate"
    _description = "Generate a cohort's monthly sessions"

    cohort_id = fields.Many2one("ess.cohort", required=True, ondelete="cascade")
    count = fields.Integer(string="Sessions", default=6, required=True)
    first_date = fields.Date(string="From", required=True, default=fields.Date.context_today)
    weekday = fields.Selection(WEEKDAYS, required=True, default="3")
    hour = fields.Float(string="Time", default=18.0, required=True, help="Local time, in hours.")
    duration = fields.Float(default=2.0, required=True)
    kind = fields.Selection(KINDS, required=True, default="mutual_help")
    topic = fields.Char(required=True, default=lambda self: self.env._("Mutual help"))
    location = fields.Char(string="Place")
    video_url = fields.Char(string="Video link")

    @api.model
    def _ess_session_days(self, first_date, weekday, count):
        """Monthly: the first ``weekday`` on or after ``first_date``, then on or after the
        same day of each following month."""
        days = []
        for index in range(count):
            start = first_date + relativedelta(months=index)
            days.append(start + timedelta(days=(weekday - start.weekday()) % 7))
        return days

    def action_generate(self):
        self.ensure_one()
        self.cohort_id.check_access("write")
        if not 1 <= self.count <= 24:
            raise UserError(self.env._("Generate between 1 and 24 sessions."))
        if not 0 <= self.hour < 24:
            raise UserError(self.env._("Give a time of the day, between 0:00 and 23:59."))
        tz = pytz.timezone(self.env.user.tz or self.cohort_id.user_id.tz or "Europe/Madrid")
        hours, minutes = int(self.hour), round(self.hour % 1 * 60)
        values = []
        for index, day in enumerate(
            self._ess_session_days(self.first_date, int(self.weekday), self.count), 1
        ):
            local = tz.localize(datetime.combine(day, time(hours, minutes)))
            values.append(
                {
                    "cohort_id": self.cohort_id.id,
                    "date": local.astimezone(pytz.utc).replace(tzinfo=None),
                    "duration": self.duration,
                    "kind": self.kind,
                    "topic": f"{self.topic} {index}" if self.count > 1 else self.topic,
                    "location": self.location,
                    "video_url": self.video_url,
                }
            )
        Session = self.env["ess.cohort.session"]
        # The officer's choices are checked first, for all the sessions: none is made if
        # one falls outside the cohort.
        for vals in values:
            Session.new(vals)._check_within_cohort()
        # Generating again adds only the sessions that are not there yet.
        existing = set(self.cohort_id.session_ids.mapped("date"))
        values = [vals for vals in values if vals["date"] not in existing]
        failed = run_batch(
            self.env,
            values,
            Session.create,
            f"Session generation for {self.cohort_id.name} (cohort {self.cohort_id.id})",
            label=lambda vals: f"session {vals[0]['topic']!r} on {vals[0]['date']}",
        )
        if not failed:
            return {"type": "ir.actions.act_window_close"}
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "message": self.env._(
                    "%(done)s sessions were created; these could not be and were skipped: %(failed)s. "
                    "Generate again to retry them.",
                    done=len(values) - len(failed),
                    failed=", ".join(vals[0]["topic"] for vals in failed),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

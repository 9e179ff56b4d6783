from datetime import timedelta

import vobject

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

KINDS = [
    ("kickoff", "Kickoff with reference cases"),
    ("mutual_help", "Mutual help"),
    ("training", "Training"),
    ("closing", "Closing"),
]


class EssCohortSession(models.Model):
    """A meeting of the cohort, with its own calendar event: the active members' people
    (and the entities registered to an open session) are its attendees."""

    _name = "ess.cohort.session"
    _description = "Cohort session"
    _inherit = ["mail.thread", "ess.placement.mixin"]
    _order = "date, id"
    _rec_name = "topic"
    _ess_placement_fields = ("cohort_id",)

    cohort_id = fields.Many2one("ess.cohort", required=True, ondelete="cascade", index=True)
    date = fields.Datetime(required=True, tracking=True)
    duration = fields.Float(default=2.0, help="In hours.")
    kind = fields.Selection(KINDS, required=True, default="mutual_help")
    topic = fields.Char(required=True, translate=False)
    location = fields.Char(string="Place")
    video_url = fields.Char(string="Video link")
    learnings = fields.Html(string="Shared learnings")
    is_open = fields.Boolean(
        string="Open to other entities",
        help="Announced to entities outside the cohort, who may register on the portal.",
    )
    capacity = fields.Integer(default=15, help="Entities at most: the members and those registered.")
    calendar_event_id = fields.Many2one("calendar.event", string="Calendar event", copy=False, readonly=True)
    attendance_ids = fields.One2many("ess.cohort.attendance", "session_id")
    guest_count = fields.Integer(string="Registered entities", compute="_compute_guest_count")
    company_id = fields.Many2one(related="cohort_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("capacity_positive", "CHECK(capacity > 0)", "A session has room for one entity at least.")
    ]

    @api.depends("attendance_ids.is_guest")
    def _compute_guest_count(self):
        for session in self:
            session.guest_count = len(session.attendance_ids.filtered("is_guest"))

    @api.constrains("date", "cohort_id")
    def _check_within_cohort(self):
        for session in self:
            day = fields.Datetime.context_timestamp(session, session.date).date()
            if not session.cohort_id.date_start <= day <= session.cohort_id.date_end:
                raise ValidationError(
                    self.env._(
                        "%(topic)s (%(day)s) is outside the dates of %(cohort)s (%(start)s - %(end)s).",
                        topic=session.topic, day=day, cohort=session.cohort_id.name,
                        start=session.cohort_id.date_start, end=session.cohort_id.date_end,
                    )
                )  # fmt: skip

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions._ess_sync_calendar()
        return sessions

    def write(self, vals):
        res = super().write(vals)
        if {"date", "duration", "topic", "location", "video_url"} & set(vals):
            self._ess_sync_calendar()
        return res

    def unlink(self):
        events = self.sudo().calendar_event_id
        res = super().unlink()
        events.unlink()
        return res

    # ------------------------------------------------------------
    # CALENDAR
    # ------------------------------------------------------------

    def _ess_attendee_entities(self):
        self.ensure_one()
        members = self.cohort_id.sudo()._ess_active_members()
        return members.partner_id | self.sudo().attendance_ids.filtered("is_guest").partner_id

    def _ess_sync_calendar(self):
        """One calendar event per session; its attendees are the people of the active
        members and of the registered entities, and the facilitator. Past sessions keep
        theirs."""
        now = fields.Datetime.now()
        for session in self.sudo():
            values = {
                "name": f"{session.cohort_id.name}: {session.topic}",
                "start": session.date,
                "stop": session.date + timedelta(hours=session.duration or 1),
                "location": session.location or False,
                "videocall_location": session.video_url or False,
                "description": session.cohort_id.description or False,
                "user_id": session.cohort_id.user_id.id,
            }
            event = session.calendar_event_id
            if not event or session.date >= now:
                people = (
                    session._ess_attendee_entities()._ess_cohort_contacts()
                    | session.cohort_id.user_id.partner_id
                )
                values["partner_ids"] = [Command.set(people.ids)]
            if event:
                event.write(values)
            else:
                session.calendar_event_id = self.env["calendar.event"].sudo().create(values)

    def _ess_contact_entities_for(self, entity):
        """The entities whose people ``entity``'s people may see at the session: their own,
        and, for an active member of the cohort, its fellow active members that share their
        contacts. An entity registered from outside sees its own people only."""
        self.ensure_one()
        members = self.cohort_id.sudo()._ess_active_members()
        if entity not in members.partner_id:
            return entity
        return entity | members.filtered("share_contacts").partner_id

    def _ess_ics_file(self, entity):
        """The session's calendar file for ``entity``'s people (callers check that it is
        expected): its attendees are the people ``entity`` may see, never the others'
        addresses."""
        self.ensure_one()
        event = self.sudo().calendar_event_id
        visible = self._ess_contact_entities_for(entity)
        attendees = event.attendee_ids.filtered(
            lambda attendee: attendee.email and attendee.partner_id.commercial_partner_id in visible
        )
        return self._ess_office_ics(event._get_ics_file()[event.id], attendees.mapped("email"))

    def _ess_office_ics(self, content, emails=()):
        """``content``, the session's iCalendar file, with the office as organiser and
        ``emails`` as its only attendees."""
        self.ensure_one()
        calendar = vobject.readOne(content.decode())
        vevent = calendar.vevent
        vevent.contents.pop("attendee", None)
        vevent.contents.pop("organizer", None)
        for email in emails:
            vevent.add("attendee").value = f"MAILTO:{email}"
        office = self.sudo().company_id.partner_id
        if office.email:
            organizer = vevent.add("organizer")
            organizer.value = f"MAILTO:{office.email}"
            organizer.params["CN"] = [office.name.replace('"', "'")]
        return calendar.serialize().encode()

    # ------------------------------------------------------------
    # ATTENDANCE AND REGISTRATION
    # ------------------------------------------------------------

    def action_take_attendance(self):
        """A line per active member not yet listed, to mark present or absent."""
        self.check_access("write")
        for session in self:
            listed = session.attendance_ids.partner_id
            members = session.cohort_id._ess_active_members().filtered(
                lambda member, listed=listed: member.partner_id not in listed
            )
            self.env["ess.cohort.attendance"].create(
                [{"session_id": session.id, "partner_id": member.partner_id.id} for member in members]
            )

    def _ess_register(self, entity):
        """``entity``, outside the cohort, registers to the open session (callers check
        who asks)."""
        self.ensure_one()
        session = self.sudo()
        if session.cohort_id.state == "closed":
            raise UserError(
                self.env._(
                    "%(cohort)s is closed: %(topic)s takes no registrations.",
                    cohort=session.cohort_id.name,
                    topic=session.topic,
                )
            )
        if not session.is_open or session.date < fields.Datetime.now() or session.cohort_id.state == "draft":
            raise UserError(self.env._("%s is not open to registrations.", session.topic))
        expected = session._ess_attendee_entities()
        if entity in expected:
            raise UserError(
                self.env._(
                    "%(entity)s is already expected at %(topic)s.", entity=entity.name, topic=session.topic
                )
            )
        if len(expected) >= session.capacity:
            raise UserError(self.env._("%s is full.", session.topic))
        attendance = (
            self.env["ess.cohort.attendance"]
            .sudo()
            .create({"session_id": session.id, "partner_id": entity.id, "is_guest": True})
        )
        session._ess_sync_calendar()
        return attendance


class EssCohortAttendance(models.Model):
    _name = "ess.cohort.attendance"
    _description = "Attendance at a cohort session"
    _inherit = ["ess.placement.mixin"]
    _order = "session_id, partner_id"
    _rec_name = "partner_id"
    _ess_placement_fields = ("session_id", "partner_id")

    session_id = fields.Many2one("ess.cohort.session", required=True, ondelete="cascade", index=True)
    cohort_id = fields.Many2one(related="session_id.cohort_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Entity", required=True, index=True)
    member_id = fields.Many2one(
        "ess.cohort.member", compute="_compute_member_id", store=True, index="btree_not_null"
    )
    is_guest = fields.Boolean(
        string="Registered guest", help="An entity outside the cohort, registered to an open session."
    )
    attended = fields.Selection([("present", "Present"), ("absent", "Absent")], string="Attendance")
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("entity_once", "UNIQUE(session_id, partner_id)", "An entity is listed once per session."),
    ]

    @api.depends("session_id.cohort_id.member_ids.partner_id", "partner_id", "is_guest")
    def _compute_member_id(self):
        for line in self:
            line.member_id = (
                False
                if line.is_guest
                else line.session_id.cohort_id.member_ids.filtered(
                    lambda member, line=line: member.partner_id == line.partner_id
                )[:1]
            )

    @api.model
    def _ess_attendance_rates(self, field_name, ids):
        """{id: attendance in %} of the members' recorded attendance, by ``field_name``
        (cohort_id or member_id); registered guests are not the members' attendance."""
        groups = self.sudo()._read_group(
            [(field_name, "in", ids), ("is_guest", "=", False), ("attended", "!=", False)],
            [field_name, "attended"],
            ["__count"],
        )
        recorded, present = {}, {}
        for record, attended, count in groups:
            recorded[record.id] = recorded.get(record.id, 0) + count
            if attended == "present":
                present[record.id] = count
        return {record_id: 100.0 * present.get(record_id, 0) / total for record_id, total in recorded.items()}

    @api.constrains("partner_id", "is_guest", "session_id")
    def _check_member_or_registered(self):
        for line in self:
            if line.is_guest:
                if not line.session_id.is_open:
                    raise ValidationError(
                        self.env._("%s is not open: only members attend it.", line.session_id.topic)
                    )
                continue
            member = line.member_id
            if not member or member.state == "applied":
                raise ValidationError(
                    self.env._(
                        "%(entity)s is neither a member of %(cohort)s nor registered to %(topic)s.",
                        entity=line.partner_id.name,
                        cohort=line.session_id.cohort_id.name,
                        topic=line.session_id.topic,
                    )
                )

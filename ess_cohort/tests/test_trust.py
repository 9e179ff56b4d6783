import base64
import re
from datetime import timedelta

import vobject

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import EssCohortCommon


@tagged("post_install", "-at_install")
class TestCohortTrust(EssCohortCommon, HttpCase):
    """Cohort A: entity A shares its contacts, entity C (active) does not; cohort B: entity
    B shares its contacts. The office has an address of its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write({"name": "Oficina Tècnica", "email": "oficina@example.com"})
        for contact in (cls.contact_a, cls.contact_b, cls.contact_c):
            contact.email = f"{contact.name.lower().replace(' ', '.')}@example.com"
        cls.member_c = cls.env["ess.cohort.member"].create(
            {"cohort_id": cls.cohort_a.id, "partner_id": cls.entity_c.id}
        )
        cls.member_c.action_accept()
        cls.member_b.share_contacts = True

    def _post(self, url, **data):
        page = self.url_open("/my/cohorts").text
        data.setdefault("csrf_token", re.search(r'name="csrf_token" value="([^"]+)"', page).group(1))
        return self.url_open(url, data=data)

    def _ics(self, session):
        response = self.url_open(f"/my/cohorts/session/{session.id}/ics")
        self.assertEqual(response.status_code, 200)
        event = vobject.readOne(response.text).vevent
        attendees = {
            line.value.lower().removeprefix("mailto:") for line in event.contents.get("attendee", [])
        }
        organizer = event.contents["organizer"][0].value.lower().removeprefix("mailto:")
        return event, attendees, organizer

    def _xmlrpc(self, user, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, list(args), kwargs
        )

    def _entities_with_diagnoses(self, cohort, letters):
        """More active members of ``cohort``, each with a done diagnosis."""
        for letter in letters:
            entity, contact, _user = self._create_entity(letter)
            member = self.env["ess.cohort.member"].create({"cohort_id": cohort.id, "partner_id": entity.id})
            member.action_accept()
            self._done_diagnosis(entity, {self.q_data_single: 3, self.q_free: 1}, partner=contact)

    # ------------------------------------------------------------
    # 1. The calendar file
    # ------------------------------------------------------------

    def test_the_calendar_file_lists_only_the_people_who_share_with_the_reader(self):
        self.assertIn(self.contact_c, self.next_a.calendar_event_id.partner_ids, "C is invited")
        self.authenticate(self.portal_a.login, self.portal_a.login)
        event, attendees, organizer = self._ics(self.next_a)
        self.assertIn("Cohort A: coming", event.summary.value)
        self.assertEqual(organizer, "oficina@example.com", "the office organises, not a person")
        self.assertIn(self.contact_a.email, attendees, "the reader's own people")
        self.assertNotIn(self.contact_c.email, attendees, "C did not share its contacts")
        self.assertNotIn(self.user_officer.email.lower(), attendees)
        # C reads A's people (A shares with its fellow members) and its own.
        self.authenticate(self.portal_c.login, self.portal_c.login)
        _event, attendees, organizer = self._ics(self.next_a)
        self.assertEqual(attendees, {self.contact_a.email, self.contact_c.email})
        self.assertEqual(organizer, "oficina@example.com")

    def test_an_outside_registrant_reads_only_its_own_people_in_the_calendar_file(self):
        self.next_b.write({"is_open": True})
        self.authenticate(self.portal_a.login, self.portal_a.login)
        self._post(f"/my/cohorts/session/{self.next_b.id}/register")
        self.assertIn(self.contact_b, self.next_b.calendar_event_id.partner_ids)
        _event, attendees, organizer = self._ics(self.next_b)
        self.assertEqual(attendees, {self.contact_a.email}, "B shares with its fellow members only")
        self.assertEqual(organizer, "oficina@example.com")

    def test_invitation_mails_carry_no_other_entity_addresses(self):
        Attachment = self.env["ir.attachment"].sudo()
        before = Attachment.search([("name", "=", "invitation.ics")])
        entity_d, contact_d, _user = self._create_entity("D")
        contact_d.email = "persona.d@example.com"
        self.env["ess.cohort.member"].create(
            {"cohort_id": self.cohort_a.id, "partner_id": entity_d.id, "share_contacts": True}
        ).action_accept()
        self.assertIn(contact_d, self.next_a.calendar_event_id.partner_ids)
        invitations = Attachment.search([("name", "=", "invitation.ics")]) - before
        self.assertTrue(invitations, "D's people are invited")
        for invitation in invitations:
            content = base64.b64decode(invitation.datas).decode()
            for email in (self.contact_a.email, self.contact_c.email, self.user_officer.email):
                self.assertNotIn(email, content)
            self.assertIn("oficina@example.com", content)

    # ------------------------------------------------------------
    # 2. Scores: mentors read the entities they accompany
    # ------------------------------------------------------------

    def test_a_mentor_reads_the_scores_of_the_entities_he_accompanies_only(self):
        for entity, contact in ((self.entity_a, self.contact_a), (self.entity_c, self.contact_c)):
            self._done_diagnosis(entity, {self.q_data_single: 2, self.q_free: 1}, partner=contact)
        rows = self._xmlrpc(
            self.user_mentor, "ess.cohort.progress.report", "search_read",
            [("cohort_id", "=", self.cohort_a.id)], fields=["partner_id", "latest_score"],
        )  # fmt: skip
        self.assertTrue(rows)
        self.assertEqual({row["partner_id"][0] for row in rows}, {self.entity_a.id}, "not entity C's")
        # The same for attendance: the lines of the entities he accompanies.
        self.past_a.action_take_attendance()
        lines = self.env["ess.cohort.attendance"].with_user(self.user_mentor).search([])
        self.assertEqual(lines.partner_id, self.entity_a)
        # Facilitating the cohort gives no more.
        self.cohort_a.user_id = self.user_mentor
        rows = self.env["ess.cohort.progress.report"].with_user(self.user_mentor).search([])
        self.assertEqual(rows.partner_id, self.entity_a)
        officer_rows = (
            self.env["ess.cohort.progress.report"]
            .with_user(self.user_officer)
            .search([("cohort_id", "=", self.cohort_a.id)])
        )
        self.assertEqual(officer_rows.partner_id, self.entity_a | self.entity_c)

    # ------------------------------------------------------------
    # 10. Attendance: the cohort's rate and the entity's own
    # ------------------------------------------------------------

    def test_members_read_the_cohort_attendance_and_their_own_only(self):
        self.past_a.action_take_attendance()
        for line in self.past_a.attendance_ids:
            line.attended = "present" if line.partner_id == self.entity_a else "absent"
        members = self.env["ess.cohort.member"].with_user(self.portal_a)
        with self.assertRaises(AccessError):
            members.browse(self.member_c.id).read(["attendance_rate"])
        self.assertFalse(members.browse(self.member_c.id).read(["attendance_ids"])[0]["attendance_ids"])
        lines = self._xmlrpc(
            self.portal_a, "ess.cohort.attendance", "search_read", [("cohort_id", "=", self.cohort_a.id)],
            fields=["partner_id", "attended"],
        )  # fmt: skip
        self.assertEqual({line["partner_id"][0] for line in lines}, {self.entity_a.id})
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open(f"/my/cohorts/{self.cohort_a.id}").text
        self.assertIn("o_ess_own_attendance", page, "the entity's own attendance")
        self.assertIn("100 %", page)

    # ------------------------------------------------------------
    # 11. Aggregates outside the office: five entities at least
    # ------------------------------------------------------------

    def test_members_and_mentors_see_averages_over_five_entities_only(self):
        self.past_a.action_take_attendance()
        self.past_a.attendance_ids.attended = "present"
        for entity, contact in ((self.entity_a, self.contact_a), (self.entity_c, self.contact_c)):
            self._done_diagnosis(entity, {self.q_data_single: 2, self.q_free: 1}, partner=contact)
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open(f"/my/cohorts/{self.cohort_a.id}").text
        self.assertIn("o_ess_too_few", page)
        self.assertNotIn("o_ess_baseline_avg", page, "two entities: no average")
        self.assertNotIn("o_ess_cohort_attendance", page)
        self.assertEqual(self.cohort_a.with_user(self.user_mentor)._ess_progress()["dimensions"], [])
        # Over RPC the cohort's figures are not the way around.
        with self.assertRaises(AccessError):
            self.cohort_a.with_user(self.portal_a).read(["attendance_rate"])
        self.assertNotIn(
            "o_ess_baseline_avg",
            self.cohort_a.with_user(self.portal_a).read(["progress_html"])[0]["progress_html"],
        )
        # The office sees every figure.
        self.assertEqual(len(self.cohort_a.with_user(self.user_officer)._ess_progress()["dimensions"]), 2)
        # Five entities: the averages are shown.
        self._entities_with_diagnoses(self.cohort_a, "DEF")
        self.cohort_a.invalidate_recordset()
        page = self.url_open(f"/my/cohorts/{self.cohort_a.id}").text
        self.assertIn("o_ess_baseline_avg", page)
        self.assertNotIn("o_ess_too_few", page.split("o_ess_cohort_dimensions")[1].split("</table>")[0])
        self.assertEqual(len(self.cohort_a.with_user(self.user_mentor)._ess_progress()["dimensions"]), 2)

    def test_too_few_entities_is_said_in_catalan_and_spanish(self):
        progress = self.cohort_a.with_user(self.portal_a).sudo()._ess_progress()
        for lang in ("ca_ES", "es_ES"):
            html = str(
                self.env["ir.qweb"]
                .with_context(lang=lang)
                ._render("ess_cohort.cohort_progress", {"cohort": self.cohort_a, "progress": progress})
            )
            self.assertIn("o_ess_too_few", html, lang)
            self.assertNotIn("Too few entities", html, lang)

    # ------------------------------------------------------------
    # 12. A closed cohort's sessions
    # ------------------------------------------------------------

    def test_a_closed_cohort_takes_no_registrations(self):
        self.next_b.is_open = True
        self.cohort_b.action_close()
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open("/my/cohorts").text
        self.assertNotIn(f"/my/cohorts/session/{self.next_b.id}/register", page, "no register button")
        response = self._post(f"/my/cohorts/session/{self.next_b.id}/register")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Cohort B is closed", response.text)
        self.assertFalse(self.next_b.attendance_ids.filtered("is_guest"))

    # ------------------------------------------------------------
    # 13. Moves
    # ------------------------------------------------------------

    def test_a_facilitator_moves_nothing_to_a_cohort_he_does_not_facilitate(self):
        self.cohort_a.user_id = self.user_mentor
        # Entity A is also a member of cohort B: its line could belong there.
        self.env["ess.cohort.member"].create(
            {"cohort_id": self.cohort_b.id, "partner_id": self.entity_a.id}
        ).action_accept()
        self.next_a.with_user(self.user_mentor).action_take_attendance()
        line = self.next_a.attendance_ids.filtered(lambda line: line.partner_id == self.entity_a)
        line.with_user(self.user_mentor).attended = "present"
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            line.with_user(self.user_mentor).session_id = self.past_b
        session = self.env["ess.cohort.session"].create(
            {"cohort_id": self.cohort_a.id, "date": self.now + timedelta(days=50), "topic": "Moved"}
        )
        session.with_user(self.user_mentor).topic = "Still in A"
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            session.with_user(self.user_mentor).cohort_id = self.cohort_b
        self.assertEqual((line.session_id, session.cohort_id), (self.next_a, self.cohort_a))
        # An officer may.
        line.with_user(self.user_officer).session_id = self.past_b
        session.with_user(self.user_officer).cohort_id = self.cohort_b
        self.member_c.with_user(self.user_officer).cohort_id = self.cohort_b
        self.assertEqual(
            (line.session_id, session.cohort_id, self.member_c.cohort_id),
            (self.past_b, self.cohort_b, self.cohort_b),
        )

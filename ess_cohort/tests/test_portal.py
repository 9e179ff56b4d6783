import re

from odoo.tests import HttpCase, tagged

from .common import EssCohortCommon


@tagged("post_install", "-at_install")
class TestCohortPortal(EssCohortCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact_a.email = "persona.a@example.com"
        cls.contact_c.write({"email": "persona.c@example.com", "phone": "+34 600 000 333"})
        # Entity C joins cohort A without sharing its contacts.
        cls.member_c = cls.env["ess.cohort.member"].create(
            {"cohort_id": cls.cohort_a.id, "partner_id": cls.entity_c.id}
        )
        cls.member_c.action_accept()

    def _csrf(self, url="/my/cohorts"):
        return re.search(r'name="csrf_token" value="([^"]+)"', self.url_open(url).text).group(1)

    def _post(self, url, **data):
        data.setdefault("csrf_token", self._csrf())
        return self.url_open(url, data=data)

    def test_members_see_their_cohort_and_only_what_members_shared(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        self.assertIn("/my/cohorts", self.url_open("/my/home").text)
        page = self.url_open("/my/cohorts").text
        self.assertIn(f"/my/cohorts/{self.cohort_a.id}", page)
        self.assertNotIn(f"/my/cohorts/{self.cohort_b.id}", page)
        self.assertNotIn("Cohort B: ", page)
        page = self.url_open(f"/my/cohorts/{self.cohort_a.id}").text
        self.assertIn("Cohort A: coming", page)
        self.assertIn("Shared in March", page, "past sessions' learnings")
        self.assertIn("o_ess_cohort_progress", page)
        self.assertIn("Cooperativa C", page, "the other member entities by name")
        self.assertIn(f"mailto:{self.contact_a.email}", page, "A shares its contacts")
        self.assertNotIn(self.contact_c.email, page, "C did not consent")
        self.assertNotIn("+34 600 000 333", page)
        # Another cohort, by URL: not found, nothing of it.
        response = self.url_open(f"/my/cohorts/{self.cohort_b.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Cohort B: ", response.text)
        self.assertEqual(self.url_open(f"/my/cohorts/session/{self.next_b.id}/ics").status_code, 404)

    def test_visitors_and_office_staff(self):
        self.assertEqual(self.url_open("/my/cohorts", allow_redirects=False).status_code, 303)
        self.assertEqual(
            self.url_open(f"/my/cohorts/{self.cohort_a.id}", allow_redirects=False).status_code, 303
        )
        self.authenticate(self.user_officer.login, self.user_officer.login)
        self.assertIn("Cohorts gather the ESS entities", self.url_open("/my/cohorts").text)
        self.assertEqual(self.url_open(f"/my/cohorts/{self.cohort_a.id}").status_code, 404)

    def test_a_member_downloads_a_session_calendar_file(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self.url_open(f"/my/cohorts/session/{self.next_a.id}/ics")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("text/calendar"))
        self.assertIn("BEGIN:VEVENT", response.text)
        self.assertIn("Cohort A: coming", response.text)

    def test_an_entity_applies_and_registers_to_an_open_session(self):
        open_cohort = self._cohort("Cohort oberta", state="open")
        self.next_b.write({"is_open": True, "capacity": 2})
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open("/my/cohorts").text
        self.assertIn("Cohort oberta", page)
        self.assertIn("Cohort B: coming", page, "the open session of another cohort")
        self._post(f"/my/cohorts/{open_cohort.id}/apply")
        self.assertEqual(open_cohort.member_ids.partner_id, self.entity_a)
        self.assertEqual(open_cohort.member_ids.state, "applied")
        self.assertEqual(
            self._post(f"/my/cohorts/{self.cohort_b.id}/apply").status_code, 404, "running: no applications"
        )
        self._post(f"/my/cohorts/session/{self.next_b.id}/register")
        self.assertIn(self.entity_a, self.next_b.attendance_ids.filtered("is_guest").partner_id)
        response = self.url_open(f"/my/cohorts/session/{self.next_b.id}/ics")
        self.assertEqual(response.status_code, 200, "registered: the guest gets the calendar file")
        self.assertEqual(
            self.url_open(f"/my/cohorts/{self.cohort_b.id}").status_code, 404, "not the cohort's page"
        )
        # The session is now full (B and A): C is refused with a message.
        self.authenticate(self.portal_c.login, self.portal_c.login)
        response = self._post(f"/my/cohorts/session/{self.next_b.id}/register")
        self.assertEqual(response.status_code, 400)
        self.assertIn("is full", response.text)
        self.assertEqual(
            self._post(f"/my/cohorts/session/{self.next_a.id}/register").status_code, 404, "not open"
        )

    def test_members_share_learnings_when_the_facilitator_allows_it(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self._post(f"/my/cohorts/session/{self.past_a.id}/learning", learning="Sense permís")
        self.assertEqual(response.status_code, 400)
        self.cohort_a.members_write_learnings = True
        self._post(
            f"/my/cohorts/session/{self.past_a.id}/learning",
            learning="<script>alert(1)</script> Fem servir Loomio",
        )
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; Fem servir Loomio", str(self.past_a.learnings))
        self.assertIn("<strong>Cooperativa A</strong>", str(self.past_a.learnings))
        self.assertNotIn("Sense permís", str(self.past_a.learnings))
        self.assertEqual(
            self._post(f"/my/cohorts/session/{self.past_b.id}/learning", learning="Intrús").status_code, 404
        )

    def test_a_member_opens_the_cohort_and_downloads_a_calendar_file(self):
        self.start_tour("/my/cohorts", "ess_cohort_member_opens_cohort", login=self.portal_a.login)

from odoo import http
from odoo.tests import HttpCase, tagged

from odoo.addons.ess_office_base.tests.privacy import PrivacyMixin

from .common import EssCohortCommon

LEARNING_A = "Hem après a migrar el correu"
LEARNING_B = "La B ha après a fer còpies"
PERSONAL_LEARNING = "La Persona A ha après a fer servir Nextcloud"


@tagged("post_install", "-at_install")
class TestCohortPrivacy(EssCohortCommon, PrivacyMixin, HttpCase):
    """Entity A is in cohort A: its attendance and the learnings it shared are the
    entity's, in its export; a person's export holds none of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.past_a.learnings = (
            f"<p>Shared in March</p><p><strong>Cooperativa A</strong>: {LEARNING_A}</p>"
            f"<p><strong>Cooperativa B</strong>: {LEARNING_B}</p>"
        )
        # What the person then shares from the portal (the route marks its author).
        cls.cohort_a.members_write_learnings = True
        cls.past_a.with_user(cls.user_officer).action_take_attendance()
        cls.attendance_a = cls.past_a.attendance_ids.filtered(lambda line: line.partner_id == cls.entity_a)
        cls.attendance_a.attended = "present"

    def test_entity_export(self):
        files = self._export(self.entity_a)
        memberships = self._rows(files, "cohort_memberships")
        self.assertEqual([(row["cohort_id"], row["state"]) for row in memberships], [("Cohort A", "active")])
        attendance = self._rows(files, "attendance")
        self.assertIn(
            ("Cohort A: past", "present"), [(row["session_id"], row["attended"]) for row in attendance]
        )
        learnings = self._rows(files, "learnings")
        self.assertEqual(
            [(row["session"], row["learning"]) for row in learnings], [("Cohort A: past", LEARNING_A)]
        )
        self.assertInExport(files, "learnings", LEARNING_A)
        self.assertNowhereInExport(files, LEARNING_B)
        self.assertNowhereInExport(files, "Cohort B")

    def test_person_export_and_erasure(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self.url_open(
            f"/my/cohorts/session/{self.past_a.id}/learning",
            data={"learning": PERSONAL_LEARNING, "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200, "redirected to the cohort's page")
        self.assertIn(PERSONAL_LEARNING, self.past_a.learnings)
        files = self._export(self.contact_a)
        self.assertFalse({"cohort_memberships.json", "attendance.json"} & set(files))
        self.assertEqual([row["learning"] for row in self._rows(files, "learnings")], [PERSONAL_LEARNING])
        self.assertNowhereInExport(files, LEARNING_A)
        self.assertNowhereInExport(files, LEARNING_B)
        self._erase(self.contact_a)
        self.assertFalse(self.portal_a.active)
        self.assertEqual(self.attendance_a.attended, "present", "the entity's attendance stays")
        learnings = str(self.past_a.learnings)
        self.assertNotIn(PERSONAL_LEARNING, learnings, "what the person wrote is gone")
        for kept in ("Shared in March", LEARNING_A, LEARNING_B):
            self.assertIn(kept, learnings, "the entity's and the others' learnings stay")
        logs = self.env["ess.privacy.log"].search([("partner_id", "=", self.contact_a.id)])
        self.assertEqual(logs.mapped("kind"), ["erasure", "export"])

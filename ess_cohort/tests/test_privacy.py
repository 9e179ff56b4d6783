from odoo.tests import tagged

from odoo.addons.ess_office_base.tests.privacy import PrivacyMixin

from .common import EssCohortCommon

LEARNING_A = "Hem après a migrar el correu"
LEARNING_B = "La B ha après a fer còpies"


@tagged("post_install", "-at_install")
class TestCohortPrivacy(EssCohortCommon, PrivacyMixin):
    """Entity A is in cohort A: its attendance and the learnings it shared are the
    entity's, in its export; a person's export holds none of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.past_a.learnings = (
            f"<p>Shared in March</p><p><strong>Cooperativa A</strong>: {LEARNING_A}</p>"
            f"<p><strong>Cooperativa B</strong>: {LEARNING_B}</p>"
        )
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
        files = self._export(self.contact_a)
        self.assertFalse({"cohort_memberships.json", "attendance.json", "learnings.json"} & set(files))
        self.assertNowhereInExport(files, LEARNING_A)
        self._erase(self.contact_a)
        self.assertFalse(self.portal_a.active)
        self.assertEqual(self.attendance_a.attended, "present", "the entity's attendance stays")
        self.assertIn(
            LEARNING_A, self.past_a.learnings, "the learnings are signed by the entity, not the person"
        )
        logs = self.env["ess.privacy.log"].search([("partner_id", "=", self.contact_a.id)])
        self.assertEqual(logs.mapped("kind"), ["erasure", "export"])

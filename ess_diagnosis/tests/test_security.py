from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import EssDiagnosisCommon


@tagged("post_install", "-at_install")
class TestDiagnosisSecurity(EssDiagnosisCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.diagnosis_a = cls.env["ess.diagnosis"].create(
            {"partner_id": cls.entity_a.id, "survey_id": cls.survey.id}
        )
        cls.diagnosis_b = cls.env["ess.diagnosis"].create(
            {"partner_id": cls.entity_b.id, "survey_id": cls.survey.id}
        )

    def test_portal_users_see_only_their_entity(self):
        self._answer(self.diagnosis_a, {self.q_free: 2})
        Diagnosis = self.env["ess.diagnosis"].with_user(self.portal_a)
        self.assertEqual(Diagnosis.search([]), self.diagnosis_a)
        self.assertEqual(
            self.diagnosis_a.with_user(self.portal_a).score_ids.dimension_id, self.dim_free | self.dim_data
        )
        with self.assertRaises(AccessError):
            self.diagnosis_b.with_user(self.portal_a).read(["score"])
        self.assertFalse(self.env["ess.diagnosis.score"].with_user(self.portal_b).search([]))
        with self.assertRaises(AccessError):
            self.diagnosis_a.with_user(self.portal_a).write({"phase": "final"})
        # Survey answers stay out of the portal user's reach through RPC.
        with self.assertRaises(AccessError):
            self.env["survey.user_input"].with_user(self.portal_a).search([])

    def test_cancelled_diagnosis_leaves_the_portal(self):
        self.diagnosis_a.action_cancel()
        self.assertFalse(self.env["ess.diagnosis"].with_user(self.portal_a).search([]))

    def test_mentor_reads_officer_manages(self):
        self.assertEqual(self.diagnosis_a.with_user(self.user_mentor).partner_id, self.entity_a)
        with self.assertRaises(AccessError):
            self.diagnosis_a.with_user(self.user_mentor).write({"phase": "final"})
        with self.assertRaises(AccessError):
            self.env["ess.diagnosis"].with_user(self.user_mentor).create(
                {"partner_id": self.entity_a.id, "survey_id": self.survey.id}
            )
        diagnosis = (
            self.env["ess.diagnosis"]
            .with_user(self.user_officer)
            .create({"partner_id": self.entity_b.id, "survey_id": self.survey.id, "phase": "final"})
        )
        diagnosis.action_cancel()
        self.assertTrue(self.user_officer.has_group("survey.group_survey_user"))

    def test_only_managers_configure_levels(self):
        level = self.env.ref("ess_diagnosis.ess_diagnosis_level_basic")
        with self.assertRaises(AccessError):
            level.with_user(self.user_officer).write({"min_score": 5})
        level.with_user(self.user_manager).write({"min_score": 0})

    def test_public_reads_nothing(self):
        public = self.env.ref("base.public_user")
        for model in ("ess.diagnosis", "ess.diagnosis.score", "ess.diagnosis.level"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(public).search([])

from odoo.tests import tagged

from odoo.addons.ess_office_base.tests.privacy import PrivacyMixin

from .common import EssDiagnosisCommon

OWN = "Resposta pròpia de la Persona A"
COLLEAGUE = "Resposta de la col·lega"


@tagged("post_install", "-at_install")
class TestDiagnosisPrivacy(EssDiagnosisCommon, PrivacyMixin):
    """A diagnosis of entity A answered by its contact A and a colleague."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague_a = cls.env["res.partner"].create(
            {"name": "Col·lega A", "parent_id": cls.entity_a.id, "email": "colleague.a@example.com"}
        )
        cls.diagnosis = cls._diagnosis(cls)
        cls.own = cls._answer(cls, cls.diagnosis, {cls.q_data_single: 3, cls.q_free: 2, cls.q_text: OWN})
        cls.colleague = cls._answer(
            cls,
            cls.diagnosis,
            {cls.q_data_single: 1, cls.q_free: 4, cls.q_text: COLLEAGUE},
            partner=cls.colleague_a,
        )
        cls.diagnosis.action_done()

    def _scores(self):
        return (
            self.diagnosis.score,
            self.diagnosis.respondent_count,
            self.diagnosis.score_ids.read(["dimension_id", "score", "respondent_count"]),
        )

    def test_entity_export(self):
        files = self._export(self.entity_a)
        diagnoses = self._rows(files, "diagnoses")
        self.assertEqual(len(diagnoses), 1)
        self.assertEqual(diagnoses[0]["score"], self.diagnosis.score)
        self.assertEqual(diagnoses[0]["state"], "done")
        scores = self._rows(files, "scores")
        self.assertEqual(
            {(row["dimension_id"], row["score"]) for row in scores},
            {(score.dimension_id.display_name, score.score) for score in self.diagnosis.score_ids},
        )
        answers = self._rows(files, "diagnosis_answers")
        self.assertEqual(
            {row["respondent"] for row in answers}, {"Cooperativa A, Persona A", "Cooperativa A, Col·lega A"}
        )
        own_choice = [row["answer"] for row in answers if row["respondent"] == "Cooperativa A, Persona A"
                      and row["question"] == "Data single"]  # fmt: skip
        self.assertEqual(own_choice, ["Data single 3"])
        self.assertInExport(files, "diagnosis_answers", OWN)
        self.assertInExport(files, "diagnosis_answers", COLLEAGUE)

    def test_person_export_holds_only_their_answers(self):
        files = self._export(self.contact_a)
        self.assertEqual(len(self._rows(files, "diagnoses")), 1)
        answers = self._rows(files, "diagnosis_answers")
        self.assertEqual({row["respondent"] for row in answers}, {"Cooperativa A, Persona A"})
        self.assertEqual(len(answers), 3)
        self.assertInExport(files, "diagnosis_answers", OWN)
        self.assertNowhereInExport(files, COLLEAGUE)
        self.assertNotIn("scores.json", files, "the scores are the entity's")

    def test_erasure_detaches_the_answers_and_keeps_the_scores(self):
        scores = self._scores()
        score_rows = self.env["ess.diagnosis.score"].search([("diagnosis_id", "=", self.diagnosis.id)])
        self._erase(self.contact_a)
        self.env.invalidate_all()
        self.assertFalse(self.own.partner_id or self.own.email or self.own.nickname)
        self.assertEqual(
            self.own.ess_diagnosis_id, self.diagnosis, "the answer still counts for the diagnosis"
        )
        self.assertEqual(self.own.state, "done")
        self.assertFalse(self.env["survey.user_input.line"].search_count([("value_text_box", "=", OWN)]))
        chosen = self.own.user_input_line_ids.filtered("suggested_answer_id").mapped(
            "suggested_answer_id.value"
        )
        self.assertEqual(sorted(chosen), ["Data single 3", "Free single 2"], "the choices stay")
        self.assertEqual(self._scores(), scores, "the diagnosis's scores do not change")
        self.assertEqual(
            self.env["ess.diagnosis.score"].search([("diagnosis_id", "=", self.diagnosis.id)]), score_rows
        )
        self.assertEqual(self.colleague.partner_id, self.colleague_a, "a colleague's answers stay theirs")
        self.assertInExport(self._export(self.entity_a), "diagnosis_answers", COLLEAGUE)
        self.assertNowhereInExport(self._export(self.entity_a), OWN)
        # Again: harmless.
        self.contact_a.with_user(self.user_officer).anonymize_partner_data()
        self.assertEqual(self._scores(), scores)

    def test_privacy_lookup_finds_the_answers(self):
        wizard = self.env["privacy.lookup.wizard"].create(
            {"name": "Col·lega A", "email": "colleague.a@example.com"}
        )
        wizard.action_lookup()
        found = {(line.res_model, line.res_id) for line in wizard.line_ids}
        self.assertIn(("survey.user_input", self.colleague.id), found)
        self.assertNotIn(("survey.user_input", self.own.id), found)

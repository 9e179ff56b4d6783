from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import EssDiagnosisCommon


@tagged("post_install", "-at_install")
class TestScoring(EssDiagnosisCommon):
    def test_scores_against_hand_computed_values(self):
        diagnosis = self._diagnosis()
        # Response 1: data 3 + (1 + 1) of 4 + 3 -> 5/7; free 4/4.
        self._answer(diagnosis, {self.q_data_single: 3, self.q_data_multi: [0, 1], self.q_free: 4,
                                 self.q_text: "We share files by email", self.q_readiness: 4})  # fmt: skip
        # Response 2: data 1, multiple choice left unanswered -> 1/7; free 2/4.
        self._answer(diagnosis, {self.q_data_single: 1, self.q_free: 2}, partner=self.entity_a)
        # An unfinished response counts for nothing.
        self._answer(diagnosis, {self.q_data_single: 4, self.q_free: 4}, partner=self.contact_b, done=False)

        scores = {line.dimension_id: line for line in diagnosis.score_ids}
        self.assertEqual(set(scores), {self.dim_data, self.dim_free}, "only dimensions with scored questions")
        self.assertAlmostEqual(scores[self.dim_data].score, (500 / 7 + 100 / 7) / 2, places=6)
        self.assertAlmostEqual(scores[self.dim_free].score, (100 + 50) / 2, places=6)
        self.assertEqual(scores[self.dim_data].respondent_count, 2)
        # Weighted mean: data weighs 1, free software 3.
        self.assertAlmostEqual(diagnosis.score, (300 / 7 * 1 + 75 * 3) / 4, places=6)
        self.assertEqual(diagnosis.level, "moderately_advanced")
        self.assertEqual(diagnosis.respondent_count, 2)
        self.assertEqual(diagnosis.invited_count, 3)
        self.assertEqual(diagnosis.state, "in_progress", "a completed response starts the diagnosis")

    def test_weights_of_zero_fall_back_to_the_plain_mean(self):
        (self.dim_data | self.dim_free).weight = 0
        diagnosis = self._diagnosis()
        self._answer(diagnosis, {self.q_data_single: 4, self.q_data_multi: [0, 1, 2], self.q_free: 0})
        self.assertAlmostEqual(diagnosis.score, 50.0)

    def test_negative_answer_scores_never_go_below_zero(self):
        self.q_free.suggested_answer_ids[:1].answer_score = -2
        diagnosis = self._diagnosis()
        self._answer(diagnosis, {self.q_data_single: 0, self.q_free: 0})
        self.assertEqual(
            diagnosis.score_ids.filtered(lambda line: line.dimension_id == self.dim_free).score, 0.0
        )

    def test_levels_at_the_cut_offs(self):
        Level = self.env["ess.diagnosis.level"].search([])
        for score, code in [(0, "basic"), (24.99, "basic"), (25, "average"), (49.99, "average"),
                            (50, "moderately_advanced"), (74.99, "moderately_advanced"), (75, "advanced"),
                            (100, "advanced")]:  # fmt: skip
            self.assertEqual(Level._reached_by(score).code, code, score)
        # Cut-offs are configurable.
        self.env.ref("ess_diagnosis.ess_diagnosis_level_average").min_score = 30
        self.assertEqual(Level._reached_by(25).code, "basic")
        self.assertTrue(self.env.ref("ess_diagnosis.ess_diagnosis_level_average").interpretation)

    def test_diagnosis_level_follows_its_score(self):
        diagnosis = self._diagnosis()
        self._answer(diagnosis, {self.q_data_single: 1, self.q_data_multi: [], self.q_free: 1})
        # data 1/7 = 14.3 (weight 1), free 25 (weight 3): 22.3 -> basic
        self.assertEqual(diagnosis.level, "basic")
        self._answer(diagnosis, {self.q_data_single: 4, self.q_data_multi: [0, 1, 2], self.q_free: 4})
        self.assertEqual(diagnosis.level, "moderately_advanced")
        self.assertIn("<p>", diagnosis.level_interpretation)

    def test_stored_level_follows_a_changed_cut_off(self):
        diagnosis = self._diagnosis()
        # data 4/7 = 57.1 (weight 1), free 2/4 = 50 (weight 3): 51.8 -> moderately advanced
        self._answer(diagnosis, {self.q_data_single: 4, self.q_free: 2})
        self.assertEqual(diagnosis.level, "moderately_advanced")
        moderately = self.env.ref("ess_diagnosis.ess_diagnosis_level_moderately_advanced")
        moderately.with_user(self.user_manager).min_score = 60
        self.env.flush_all()
        average = self.env.ref("ess_diagnosis.ess_diagnosis_level_average")
        # Read back from the database: the stored level and its code changed.
        stored = self.env["ess.diagnosis"].search_fetch([("id", "=", diagnosis.id)], ["level_id", "level"])
        self.assertEqual(stored.search([("id", "=", diagnosis.id), ("level_id", "=", average.id)]), diagnosis)
        self.assertEqual(stored.search([("id", "=", diagnosis.id), ("level", "=", "average")]), diagnosis)
        moderately.with_user(self.user_manager).min_score = 50
        self.assertEqual(diagnosis.level, "moderately_advanced")
        # A level removed hands its diagnoses to the level below.
        moderately.with_user(self.user_manager).unlink()
        self.assertEqual(diagnosis.level_id, average)

    def test_key_factor_answers_update_the_entity(self):
        diagnosis = self._diagnosis()
        self.entity_a.ess_change_readiness = 1
        self._answer(diagnosis, {self.q_free: 1, self.q_readiness: 4})  # factor value 5
        self.assertEqual(self.entity_a.ess_change_readiness, 5)
        self._answer(diagnosis, {self.q_free: 1, self.q_readiness: 1})  # factor value 2: mean 3.5
        self.assertEqual(self.entity_a.ess_change_readiness, 4)

    def test_referent_is_told_when_everybody_answered(self):
        diagnosis = self._diagnosis()
        first = self._answer(diagnosis, {self.q_free: 1}, done=False)
        self._answer(diagnosis, {self.q_free: 2}, partner=self.entity_a)
        self.assertFalse(diagnosis.activity_ids)
        first._mark_done()
        self.assertEqual(diagnosis.activity_ids.user_id, self.user_officer)

    def test_everybody_answered_once_in_the_referent_language(self):
        self.user_officer.lang = "ca_ES"
        self.contact_a.lang = "es_ES"
        diagnosis = self._diagnosis()
        first = self._answer(diagnosis, {self.q_free: 1}, done=False)
        second = self._answer(diagnosis, {self.q_free: 2}, partner=self.entity_a, done=False)
        first.with_context(lang="es_ES")._mark_done()
        second.with_context(lang="es_ES")._mark_done()
        # Answered again (a respondent's retake is marked done once more): still one to-do.
        second.with_context(lang="es_ES")._mark_done()
        activity = diagnosis.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.summary, "Totes les persones participants han respost: reviseu la diagnosi")

    def test_done_needs_a_completed_response(self):
        diagnosis = self._diagnosis()
        self._answer(diagnosis, {self.q_free: 1}, done=False)
        with self.assertRaisesRegex(UserError, "no completed response"):
            diagnosis.action_done()
        self._answer(diagnosis, {self.q_free: 3}, partner=self.entity_a)
        diagnosis.action_done()
        self.assertEqual(diagnosis.state, "done")

    def test_scored_question_without_dimension_is_refused(self):
        with self.assertRaises(ValidationError) as refused:
            self._question("Orphan", "simple_choice", False, [0, 2])
        self.assertIn("these scored questions have no dimension: Orphan", str(refused.exception))
        # Unscored questions need no dimension.
        self._question("Context choice", "simple_choice", False, [0, 0])

    def test_invitation_links_responses_to_the_diagnosis(self):
        baseline = self._diagnosis()
        final = self._diagnosis(phase="final")
        for diagnosis in (baseline, final):
            action = diagnosis.with_user(self.user_officer).action_invite_respondents()
            wizard = (
                self.env["survey.invite"]
                .with_user(self.user_officer)
                .with_context(**action["context"])
                .create({"survey_id": self.survey.id})
            )
            self.assertEqual(wizard.partner_ids, self.contact_a)
            wizard.action_invite()
            self.assertEqual(diagnosis.state, "in_progress")
        # The same person gets one response per diagnosis.
        self.assertEqual(baseline.user_input_ids.partner_id, self.contact_a)
        self.assertEqual(final.user_input_ids.partner_id, self.contact_a)
        self.assertNotEqual(baseline.user_input_ids, final.user_input_ids)

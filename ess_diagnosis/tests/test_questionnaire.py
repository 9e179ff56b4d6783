from odoo.tests import tagged

from .common import EssDiagnosisCommon


@tagged("post_install", "-at_install")
class TestShippedQuestionnaire(EssDiagnosisCommon):
    def test_every_dimension_has_four_scored_questions(self):
        survey = self.env.ref("ess_diagnosis.survey_ess_diagnosis")
        self.assertEqual(survey.survey_type, "ess_diagnosis")
        by_dimension = survey._ess_scored_questions_by_dimension()
        self.assertEqual(set(by_dimension), set(self.env["ess.dimension"].search([])))
        for dimension, questions in by_dimension.items():
            self.assertGreaterEqual(len(questions), 4, dimension.name)
            for question, maximum in questions:
                self.assertIn(question.question_type, ("simple_choice", "multiple_choice"))
                if question.question_type == "simple_choice":
                    self.assertEqual(question.suggested_answer_ids.mapped("answer_score"), [0, 1, 2, 3, 4])
                    self.assertEqual(maximum, 4)
        factors = survey.question_ids.filtered("ess_key_factor")
        self.assertEqual(
            set(factors.mapped("ess_key_factor")), {"change_readiness", "market_digitalisability"}
        )
        for question in factors:
            self.assertEqual(question.suggested_answer_ids.mapped("ess_factor_value"), [1, 2, 3, 4, 5])

    def test_best_answers_score_one_hundred(self):
        survey = self.env.ref("ess_diagnosis.survey_ess_diagnosis")
        diagnosis = self.env["ess.diagnosis"].create({"partner_id": self.entity_a.id})
        self.assertEqual(diagnosis.survey_id, survey, "the shipped questionnaire is the default")
        response = survey._create_answer(
            partner=self.contact_a, check_attempts=False, ess_diagnosis_id=diagnosis.id
        )
        for question in survey.question_ids:
            answers = question.suggested_answer_ids
            if question.question_type == "simple_choice":
                response._save_lines(question, answers.sorted("answer_score")[-1].id)
            elif question.question_type == "multiple_choice":
                response._save_lines(question, answers.filtered(lambda a: a.answer_score > 0).ids)
        response._mark_done()
        self.assertEqual(len(diagnosis.score_ids), 9)
        self.assertEqual(set(diagnosis.score_ids.mapped("score")), {100.0})
        self.assertAlmostEqual(diagnosis.score, 100.0)
        self.assertEqual(diagnosis.level, "advanced")
        self.assertEqual(self.entity_a.ess_change_readiness, 5)
        self.assertEqual(self.entity_a.ess_market_digitalisability, 5)

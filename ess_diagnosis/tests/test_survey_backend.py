from odoo.tests import Form, HttpCase, tagged

from .common import EssDiagnosisCommon


@tagged("post_install", "-at_install")
class TestSurveyBackend(EssDiagnosisCommon, HttpCase):
    def test_survey_trigger_tour_still_passes(self):
        """Odoo's own tour of the question dialog's conditional display: our fields once
        pushed the triggers below the dialog's fold, out of the suggestions' reach."""
        self.start_tour("/odoo", "survey_tour_test_survey_form_triggers", login="admin")

    def test_ess_fields_on_ess_questionnaires_only(self):
        question = Form(self.q_free, view="survey.survey_question_form")
        question.ess_dimension_id = self.dim_data
        question.save()
        self.assertEqual(self.q_free.ess_dimension_id, self.dim_data)
        plain = self.env["survey.survey"].create({"title": "Satisfacció de la formació"})
        other = self.env["survey.question"].create(
            {"survey_id": plain.id, "title": "Us ha agradat?", "question_type": "simple_choice"}
        )
        question = Form(other, view="survey.survey_question_form")
        with self.assertRaises(AssertionError):  # invisible: not on other surveys' questions
            question.ess_dimension_id = self.dim_data

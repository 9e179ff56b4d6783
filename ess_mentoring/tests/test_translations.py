from odoo.tests import TransactionCase, tagged

from odoo.addons.ess_office_base.tests.common import TranslationsCase


@tagged("post_install", "-at_install")
class TestTranslations(TranslationsCase, TransactionCase):
    def test_catalan_and_spanish_translate_every_term(self):
        self.assertTranslated("ess_mentoring", at_least=250)

    def test_satisfaction_questionnaire_in_catalan_and_spanish(self):
        for code in ("ca_ES", "es_ES"):
            self.env["res.lang"]._activate_lang(code)
        self.env["ir.module.module"]._load_module_terms(["ess_mentoring"], ["ca_ES", "es_ES"], overwrite=True)
        survey = self.env.ref("ess_mentoring.survey_ess_satisfaction")
        for lang in ("ca_ES", "es_ES"):
            translated = survey.with_context(lang=lang)
            with self.subTest(lang=lang):
                self.assertNotEqual(translated.title, survey.title)
                self.assertNotEqual(translated.question_ids[0].title, survey.question_ids[0].title)
                self.assertNotEqual(
                    translated.question_ids[0].suggested_answer_ids[0].value,
                    survey.question_ids[0].suggested_answer_ids[0].value,
                )

from odoo.tests import TransactionCase, tagged

from odoo.addons.ess_office_base.tests.common import TranslationsCase


@tagged("post_install", "-at_install")
class TestTranslations(TranslationsCase, TransactionCase):
    def test_catalan_and_spanish_translate_every_term(self):
        self.assertTranslated("ess_diagnosis")

    def test_questionnaire_in_catalan_and_spanish(self):
        for code in ("ca_ES", "es_ES"):
            self.env["res.lang"]._activate_lang(code)
        self.env["ir.module.module"]._load_module_terms(["ess_diagnosis"], ["ca_ES", "es_ES"], overwrite=True)
        survey = self.env.ref("ess_diagnosis.survey_ess_diagnosis")
        for lang in ("ca_ES", "es_ES"):
            translated = survey.with_context(lang=lang)
            self.assertNotEqual(translated.title, survey.title, lang)
            questions = translated.question_ids
            self.assertNotEqual(questions[0].title, survey.question_ids[0].title, lang)
        self.assertEqual(
            self.env.ref("ess_diagnosis.ess_diagnosis_level_basic").with_context(lang="ca_ES").name, "Bàsic"
        )

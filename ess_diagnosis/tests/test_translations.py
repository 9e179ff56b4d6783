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

    def test_diagnosis_name_speaks_the_reader_language(self):
        self.env["res.lang"]._activate_lang("ca_ES")
        self.env["ir.module.module"]._load_module_terms(["ess_diagnosis"], ["ca_ES"], overwrite=True)
        entity = self.env["res.partner"].create({"name": "Cooperativa C", "is_ess_entity": True})
        diagnosis = self.env["ess.diagnosis"].create({"partner_id": entity.id, "phase": "baseline"})
        self.assertIn("Baseline", diagnosis.with_context(lang="en_US").name)
        self.assertIn("Inicial", diagnosis.with_context(lang="ca_ES").name)
        self.assertEqual(self.env["ess.diagnosis"].name_search("Cooperativa C")[0][0], diagnosis.id)

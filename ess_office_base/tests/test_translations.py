from odoo.tests import TransactionCase, tagged

from .common import TranslationsCase


@tagged("post_install", "-at_install")
class TestTranslations(TranslationsCase, TransactionCase):
    def test_catalan_and_spanish_translate_every_term(self):
        self.assertTranslated("ess_office_base")

    def test_seeded_names_in_catalan_and_spanish(self):
        for code in ("ca_ES", "es_ES"):
            self.env["res.lang"]._activate_lang(code)
        self.env["ir.module.module"]._load_module_terms(
            ["ess_office_base"], ["ca_ES", "es_ES"], overwrite=True
        )
        dimension = self.env.ref("ess_office_base.ess_dimension_data_management")
        self.assertEqual(dimension.with_context(lang="ca_ES").name, "Gestió de dades")
        self.assertEqual(dimension.with_context(lang="es_ES").name, "Gestión de datos")
        sector = self.env.ref("ess_office_base.ess_sector_housing")
        self.assertEqual(sector.with_context(lang="ca_ES").name, "Habitatge")
        self.assertEqual(sector.with_context(lang="es_ES").name, "Vivienda")
        field = self.env["ir.model.fields"]._get("res.partner", "ess_change_readiness")
        self.assertEqual(field.with_context(lang="ca_ES").field_description, "Predisposició al canvi")

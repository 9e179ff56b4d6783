from odoo.tests import TransactionCase, tagged

from odoo.addons.ess_office_base.tests.common import TranslationsCase


@tagged("post_install", "-at_install")
class TestTranslations(TranslationsCase, TransactionCase):
    def test_catalan_and_spanish_translate_every_term(self):
        self.assertTranslated("ess_impact_learning", at_least=8)

"""The coverage checks of the access matrix can fail: a model loaded for the test only,
with no row and a personal field, is named by both."""

from odoo_test_helper import FakeModelLoader

from odoo.tests import TransactionCase, tagged

from .access_matrix import AccessRow, models_without_row, personal_fields_without_rule


@tagged("post_install", "-at_install")
class TestMatrixCoverageFails(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .fake_models import EssMatrixOrphan

        cls.loader.update_registry((EssMatrixOrphan,))
        cls.addClassCleanup(cls.loader.restore_registry)

    def test_a_model_without_row_is_named(self):
        self.assertIn("ess.matrix.orphan", models_without_row(self.env))

    def test_a_personal_field_without_rule_is_named(self):
        row = AccessRow(
            model="ess.matrix.orphan",
            label="orphan",
            records=dict,
            create=dict,
            write=dict,
            access={},
            private_fields={"name": ("officer",)},
        )
        self.assertEqual(
            personal_fields_without_rule(self.env, [row]), {"ess.matrix.orphan": {"contact_email"}}
        )
        row.private_fields["contact_email"] = ("officer", "manager")
        self.assertEqual(personal_fields_without_rule(self.env, [row]), {})

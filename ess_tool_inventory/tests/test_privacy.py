from odoo.tests import tagged

from odoo.addons.ess_office_base.tests.privacy import PrivacyMixin

from .common import EssToolInventoryCommon


@tagged("post_install", "-at_install")
class TestInventoryPrivacy(EssToolInventoryCommon, PrivacyMixin):
    """The digital inventory is the entity's: in its export, in none of its people's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Line = cls.env["ess.tool.inventory.line"]
        cls.line_a = Line.create(
            {"partner_id": cls.entity_a.id, "resource_id": cls.proprietary_cloud.id, "usage": "files",
             "user_count": 7, "holds_personal_data": True, "kept_reason": "Contracte fins al 2027"}
        )  # fmt: skip
        cls.line_b = Line.create(
            {"partner_id": cls.entity_b.id, "name": "Eina secreta de la B", "user_count": 3}
        )

    def test_entity_export(self):
        files = self._export(self.entity_a)
        rows = self._rows(files, "inventory")
        self.assertEqual(
            [
                (row["name"], row["resource_id"], row["user_count"], row["holds_personal_data"])
                for row in rows
            ],
            [("Big Cloud", "Big Cloud", 7, True)],
        )
        self.assertInExport(files, "inventory", "Contracte fins al 2027")
        self.assertNowhereInExport(files, "Eina secreta de la B")
        # Every addon's records of entity A, in one ZIP.
        self.assertTrue({"profile.json", "diagnoses.json", "reviews.json", "proposals.json"} <= set(files))

    def test_person_export(self):
        files = self._export(self.contact_a)
        self.assertNotIn("inventory.json", files)
        self.assertNowhereInExport(files, "Contracte fins al 2027")

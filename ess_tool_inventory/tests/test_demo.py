from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDemoInventory(HttpCase):
    def test_demo_inventories_show_change_between_baseline_and_final(self):
        entities = self.env["res.partner"].search(
            [("is_ess_entity", "=", True), ("ess_tool_line_ids", "!=", False)]
        )
        self.assertGreaterEqual(len(entities), 6, "every demo entity has an inventory")
        lines = entities.ess_tool_line_ids
        self.assertTrue(
            lines.filtered("is_free_software") and lines.filtered(lambda line: not line.is_free_software)
        )
        self.assertTrue(
            lines.filtered(lambda line: line.status == "replaced" and line.task_id.state == "1_done")
        )
        self.assertTrue(
            lines.filtered(lambda line: line.status == "migrating" and line.task_id.state != "1_done")
        )
        self.assertTrue(lines.filtered(lambda line: line.status == "kept" and line.kept_reason))
        for entity in ("lafornal", "lateulada", "santroc"):
            baseline = self.env.ref(f"ess_diagnosis.ess_diagnosis_{entity}_baseline")
            final = self.env.ref(f"ess_diagnosis.ess_diagnosis_{entity}_final")
            self.assertGreater(final.ess_free_software_share, baseline.ess_free_software_share, entity)
            self.assertLess(baseline.ess_inventory_snapshot_date, final.ess_inventory_snapshot_date)
        # Marta sees La Fornal's tools on the portal, in Catalan.
        self.authenticate("marta@lafornal.example", "portal")
        page = self.url_open("/ca/my/tools").text
        self.assertIn("Nextcloud", page)
        self.assertIn("Quota de programari lliure", page)

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import EssToolInventoryCommon


class EssInventoryCommon(EssToolInventoryCommon):
    """Entity A uses Núvol Lliure (free, 10 people), Big Cloud (proprietary, 4 people,
    personal data outside the EU, its vendor sells data) and its own free-text tool (6
    people, kept); Ofimàtica Lliure (5 people) was replaced. Entity B has no inventory."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Line = cls.env["ess.tool.inventory.line"]
        cls.line_free = cls._line(cls.free_cloud, "files", 10)
        cls.line_big = cls._line(cls.proprietary_cloud, "email", 4, holds_personal_data=True)
        cls.line_own = cls._line(
            False, "other", 6, name="<b>Eina</b> pròpia", status="kept", holds_personal_data=True,
            data_location="eu",
        )  # fmt: skip
        cls.line_old = cls._line(cls.free_office, "other", 5, status="replaced")

    @classmethod
    def _line(cls, resource, usage, people, entity=None, **values):
        vals = {
            "partner_id": (entity or cls.entity_a).id,
            "resource_id": resource.id if resource else False,
            "usage": usage,
            "user_count": people,
        }
        vals.update(values)
        return cls.env["ess.tool.inventory.line"].create(vals)


@tagged("post_install", "-at_install")
class TestInventory(EssInventoryCommon):
    def test_free_software_share_against_hand_computed_values(self):
        # Still used: 10 (free) + 4 + 6 people = 20; the replaced 5 are left out.
        self.assertAlmostEqual(self.entity_a.ess_free_software_share, 50.0)
        # Big Cloud: personal data outside the EU; the entity's own tool keeps its data in the EU.
        self.assertEqual(self.entity_a.ess_sovereignty_risk_count, 1)
        self.assertEqual(self.line_big.data_location, "outside_eu", "the catalogue's data facts")
        self.assertEqual(
            (self.entity_b.ess_free_software_share, self.entity_b.ess_sovereignty_risk_count), (0, 0)
        )
        self.line_own.status = "replaced"
        self.assertAlmostEqual(self.entity_a.ess_free_software_share, 100.0 * 10 / 14, places=1)  # 71.4 %
        self.line_big.user_count = 0
        self.assertAlmostEqual(self.entity_a.ess_free_software_share, 100.0)
        self.line_free.user_count = 0
        self.assertEqual(self.entity_a.ess_free_software_share, 0.0, "nobody uses anything: 0, not an error")
        # A licence changed in the catalogue changes the indicator.
        self.line_free.user_count = 10
        self.line_big.user_count = 10
        self.free_cloud.license_type = "freemium"
        self.assertEqual(self.entity_a.ess_free_software_share, 0.0)

    def test_the_name_comes_from_the_catalogue_and_counts_are_positive(self):
        self.assertEqual(self.line_big.name, "Big Cloud")
        with self.assertRaisesRegex(ValidationError, "cannot be negative"), self.env.cr.savepoint():
            self._line(False, "crm", -1, name="CRM de fulls")
        with self.assertRaisesRegex(ValidationError, "cannot be negative"), self.env.cr.savepoint():
            self.line_free.user_count = -3

    def test_a_tool_listed_twice_for_the_same_use_is_refused(self):
        with (
            self.assertRaisesRegex(ValidationError, "Big Cloud is already in the inventory"),
            self.env.cr.savepoint(),
        ):
            self._line(self.proprietary_cloud, "email", 2)
        with self.assertRaisesRegex(ValidationError, "already in the inventory"), self.env.cr.savepoint():
            self._line(False, "other", 1, name="<B>EINA</B> PRÒPIA")
        # Another use, another entity, or a replaced line: allowed.
        self._line(self.proprietary_cloud, "files", 2)
        self._line(self.proprietary_cloud, "email", 2, entity=self.entity_b)
        self._line(self.free_office, "other", 3)

    def test_the_diagnosis_keeps_the_inventory_when_done(self):
        baseline = self._done_diagnosis(
            self.entity_a, {self.q_data_single: 1, self.q_free: 1}, user=self.user_officer, phase="baseline",
            date="2026-01-12",
        )  # fmt: skip
        self.assertTrue(baseline.ess_inventory_snapshot_date)
        self.assertAlmostEqual(baseline.ess_free_software_share, 50.0)
        self.assertEqual(baseline.ess_sovereignty_risk_count, 1)
        # A year later, Big Cloud is gone.
        self.line_big.status = "replaced"
        final = self._done_diagnosis(
            self.entity_a, {self.q_data_single: 3, self.q_free: 3}, user=self.user_officer, phase="final",
            date="2026-11-16",
        )  # fmt: skip
        self.assertEqual(final.previous_id, baseline)
        self.assertAlmostEqual(final.ess_free_software_share, 62.5)  # 10 of 16
        self.assertAlmostEqual(final.ess_free_software_share_delta, 12.5)
        self.assertEqual(final.ess_sovereignty_risk_count, 0)
        self.assertAlmostEqual(baseline.ess_free_software_share, 50.0, "the baseline keeps its value")
        html = str(self.env["ir.qweb"]._render("ess_diagnosis.diagnosis_results", {
            "diagnosis": final, **final._ess_result_values()}))  # fmt: skip
        text = " ".join(html.split())
        self.assertIn('o_ess_free_software_share">62 %', text)
        self.assertIn("+12 <span>points since</span>", text)

    def test_a_plan_step_becomes_a_task_of_the_itinerary_then_replaces_the_tool(self):
        with self.assertRaisesRegex(UserError, "no itinerary yet"), self.env.cr.savepoint():
            self.line_big._ess_plan_migration(self.free_cloud)
        itinerary = self._start_itinerary(self.entity_a)
        self.provider.is_ess_provider = True
        self.assertEqual(self.line_big.alternative_ids, self.free_cloud | self.free_office)
        self.assertEqual(self.line_big.alternative_ids[0], self.free_cloud, "ESS providers first")
        self.assertFalse(self.line_free.alternative_ids, "a free tool needs no alternative")
        action = self.line_big.with_user(self.user_officer).action_plan_migration()
        wizard = (
            self.env["ess.tool.migration.plan"].with_user(self.user_officer).with_context(**action["context"])
            .create({"alternative_id": self.free_cloud.id, "date_deadline": "2027-03-31"})
        )  # fmt: skip
        wizard._onchange_line_id()
        wizard.alternative_id = self.free_cloud
        self.assertEqual(wizard.user_id, self.user_officer, "the itinerary's manager by default")
        task = self.env["project.task"].browse(wizard.action_plan()["res_id"])
        self.assertEqual(task.project_id, itinerary)
        self.assertEqual(task.ess_inventory_line_id, self.line_big)
        self.assertIn(self.env.ref("ess_tool_inventory.project_tag_migration"), task.tag_ids)
        self.assertEqual(str(task.date_deadline.date()), "2027-03-31")
        self.assertEqual(task.user_ids, self.user_officer)
        self.assertIn("Núvol Lliure", task.name)
        self.assertEqual((self.line_big.status, self.line_big.task_id), ("migrating", task))
        self.assertAlmostEqual(self.entity_a.ess_free_software_share, 50.0, "migrating is still used")
        with self.assertRaisesRegex(UserError, "not a free alternative"), self.env.cr.savepoint():
            self.line_own._ess_plan_migration(self.free_cloud)
        task.with_user(self.user_officer).state = "1_done"
        self.assertEqual(self.line_big.status, "replaced")
        replacement = self.line_big.replacement_line_id
        self.assertEqual(
            (replacement.resource_id, replacement.usage, replacement.user_count, replacement.status),
            (self.free_cloud, "email", 4, "in_use"),
        )
        self.assertAlmostEqual(self.entity_a.ess_free_software_share, 70.0)  # 14 of 20

    def test_the_task_description_escapes_free_text(self):
        self._start_itinerary(self.entity_a)
        self.proprietary_cloud.alternative_ids = self.free_cloud
        line = self._line(self.proprietary_cloud, "crm", 2)
        line.name = "<script>alert(1)</script>"
        task = line._ess_plan_migration(self.free_cloud)
        self.assertNotIn("<script>", str(task.description))
        self.assertIn("&lt;script&gt;", str(task.description))

    def test_each_entity_keeps_only_its_own_inventory(self):
        line_b = self._line(self.proprietary_cloud, "email", 3, entity=self.entity_b)
        Line = self.Line.with_user(self.portal_a)
        self.assertEqual(Line.search([]), self.line_free | self.line_big | self.line_own | self.line_old)
        with self.assertRaises(AccessError):
            line_b.with_user(self.portal_a).read(["name"])
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            Line.create({"partner_id": self.entity_b.id, "name": "Intrusa", "usage": "other"})
        # Through RPC, a member edits the entity's lines but never links them to a task.
        self.line_big.with_user(self.portal_a).user_count = 5
        task = self.env["project.task"].create(
            {"name": "Another task", "project_id": self._start_itinerary(self.entity_b).id}
        )
        with self.assertRaisesRegex(AccessError, "Only the office"), self.env.cr.savepoint():
            self.line_big.with_user(self.portal_a).write({"task_id": task.id})
        # The mentor reads entity A's inventory, not B's, and changes nothing.
        self.assertEqual(
            self.Line.with_user(self.user_mentor).search([("id", "in", (self.line_big | line_b).ids)]),
            self.line_big,
        )
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.line_big.with_user(self.user_mentor).user_count = 1
        self.assertEqual(self.Line.with_user(self.user_officer).search_count([("id", "=", line_b.id)]), 1)

    def test_planning_is_idempotent_one_open_task_per_line(self):
        self._start_itinerary(self.entity_a)
        Task = self.env["project.task"]
        task = self.line_big._ess_plan_migration(self.free_cloud)
        self.assertEqual(
            self.line_big._ess_plan_migration(self.free_cloud), task, "planned again: the same task"
        )
        # The backend's dialog, twice, plans nothing more.
        for _attempt in range(2):
            action = self.line_big.with_user(self.user_officer).action_plan_migration()
            wizard = (
                self.env["ess.tool.migration.plan"].with_user(self.user_officer).with_context(**action["context"])
                .create({"alternative_id": self.free_cloud.id, "date_deadline": "2027-03-31"})
            )  # fmt: skip
            self.assertEqual(wizard.action_plan()["res_id"], task.id)
        # Another alternative while the move is open: refused, said so.
        with self.assertRaisesRegex(UserError, "already planned"), self.env.cr.savepoint():
            self.line_big._ess_plan_migration(self.free_office)
        self.assertEqual(Task.search([("ess_inventory_line_id", "=", self.line_big.id)]), task)
        # Once the task is cancelled, the move is planned anew.
        task.state = "1_canceled"
        again = self.line_big._ess_plan_migration(self.free_office)
        self.assertNotEqual(again, task)
        self.assertEqual(
            Task.search([("ess_inventory_line_id", "=", self.line_big.id), ("state", "!=", "1_canceled")]),
            again,
        )
        self.assertEqual(
            (self.line_big.task_id, self.line_big.chosen_alternative_id), (again, self.free_office)
        )

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .test_inventory import EssInventoryCommon


@tagged("post_install", "-at_install")
class TestInventorySecurity(EssInventoryCommon):
    def test_a_line_links_only_resources_its_author_reads(self):
        Line = self.Line.with_user(self.portal_a)
        for hidden in (self.submitted, self.draft):
            with self.subTest(resource=hidden.name):
                with self.assertRaisesRegex(AccessError, "catalogue"), self.env.cr.savepoint():
                    Line.create({"partner_id": self.entity_a.id, "resource_id": hidden.id, "usage": "crm"})
                with self.assertRaisesRegex(AccessError, "catalogue"), self.env.cr.savepoint():
                    self.line_own.with_user(self.portal_a).write({"resource_id": hidden.id})
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    Line.create({"partner_id": self.entity_a.id, "name": "x", "usage": "crm",
                                 "resource_id": self.free_cloud.id, "chosen_alternative_id": hidden.id})  # fmt: skip
        self.assertFalse(self.Line.search([("resource_id", "in", (self.submitted | self.draft).ids)]))
        self.assertEqual(self.line_own.name, "<b>Eina</b> pròpia")
        # A published tool is linked as before; the office links anything.
        line = Line.create({"partner_id": self.entity_a.id, "resource_id": self.guide.id, "usage": "crm"})
        self.assertEqual(line.name, "Guia de sobirania")
        self.line_own.with_user(self.user_officer).resource_id = self.submitted

    def test_a_task_closes_only_the_migrations_its_author_may_change(self):
        """Closing a migration task replaces its line as superuser: a task is linked only
        to a line its author may change."""
        line_b = self._line(self.proprietary_cloud, "files", 3, entity=self.entity_b)
        line_b.write({"chosen_alternative_id": self.free_cloud.id, "status": "migrating"})
        itinerary = self._start_itinerary(self.entity_a)
        itinerary.message_subscribe(partner_ids=self.user_mentor.partner_id.ids)
        Task = self.env["project.task"].with_user(self.user_mentor)
        task = Task.create({"name": "Feina de la mentora", "project_id": itinerary.id})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            Task.create({"name": "Tancar la de B", "project_id": itinerary.id, "ess_inventory_line_id": line_b.id,
                         "state": "1_done"})  # fmt: skip
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            task.write({"ess_inventory_line_id": line_b.id, "state": "1_done"})
        self.assertEqual((line_b.status, line_b.replacement_line_id.id), ("migrating", False))
        # The office links them.
        task.with_user(self.user_officer).write({"ess_inventory_line_id": self.line_big.id})

    def test_a_member_never_moves_a_line_to_another_entity(self):
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.line_big.with_user(self.portal_a).write({"partner_id": self.entity_b.id})
        self.assertEqual(self.line_big.partner_id, self.entity_a)
        # Within the entity, the member still edits the line.
        self.line_big.with_user(self.portal_a).write({"partner_id": self.entity_a.id, "user_count": 8})
        self.assertEqual(self.line_big.user_count, 8)

    def test_inventory_lines_belong_to_a_company(self):
        main = self.env.company
        other = self.env["res.company"].create({"name": "Oficina del Camp"})
        self.assertEqual(self.line_big.company_id, main, "the current company by default")
        entity_c = self.env["res.partner"].create(
            {
                "name": "Cooperativa del Camp",
                "is_company": True,
                "is_ess_entity": True,
                "company_id": other.id,
            }
        )
        line_c = self.Line.create({"partner_id": entity_c.id, "name": "Eina del Camp", "usage": "crm"})
        self.assertEqual(line_c.company_id, other, "the entity's company")
        # An officer of the main office only sees its inventories, and moves none to the other.
        self.user_officer.write({"company_ids": [(6, 0, main.ids)], "company_id": main.id})
        Line = self.Line.with_user(self.user_officer)
        self.assertFalse(Line.search([("id", "=", line_c.id)]))
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            line_c.with_user(self.user_officer).read(["name"])
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.line_big.with_user(self.user_officer).write({"company_id": other.id})
        self.assertEqual(self.line_big.company_id, main)
        self.user_officer.write({"company_ids": [(4, other.id)]})
        both = Line.with_context(allowed_company_ids=[main.id, other.id])
        self.assertIn(line_c, both.search([]))
        # An entity of the other office keeps its lines there.
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.Line.create(
                {"partner_id": entity_c.id, "company_id": main.id, "name": "Fora", "usage": "crm"}
            )


@tagged("post_install", "-at_install")
class TestInventorySecurityHttp(EssInventoryCommon, HttpCase):
    def test_the_tools_form_links_no_hidden_resource(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open("/my/tools").text
        token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        response = self.url_open(
            "/my/tools/add",
            data={"csrf_token": token, "name": self.submitted.name, "resource_id": str(self.submitted.id),
                  "usage": "crm", "user_count": "2", "data_location": "unknown", "status": "in_use"},
        )  # fmt: skip
        self.assertEqual(response.status_code, 200)
        line = self.Line.search([("partner_id", "=", self.entity_a.id), ("usage", "=", "crm")])
        self.assertEqual((line.name, line.resource_id.id), ("Proposta pendent", False))

    def test_planning_a_migration_twice_makes_one_task(self):
        itinerary = self._start_itinerary(self.entity_a)
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open(f"/my/tools/{self.line_big.id}").text
        token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        for _attempt in range(3):
            self.url_open(
                f"/my/tools/{self.line_big.id}/plan",
                data={
                    "csrf_token": token,
                    "alternative_id": str(self.free_cloud.id),
                    "date_deadline": "2099-01-31",
                },
            )
        tasks = self.env["project.task"].search([("ess_inventory_line_id", "=", self.line_big.id)])
        self.assertEqual(len(tasks), 1)
        self.assertEqual((tasks.project_id, self.line_big.task_id), (itinerary, tasks))

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .test_inventory import EssInventoryCommon

# A proposer's personal data: the office's only.
PROPOSER_FIELDS = ("proposer_name", "proposer_email", "proposer_partner_id", "proposer_ip")


@tagged("post_install", "-at_install")
class TestCatalogueSecurity(EssInventoryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.public_user = cls.env.ref("base.public_user")
        # Proposed by a person of entity B, then published by the office.
        cls.free_office.write(
            {
                "proposer_name": cls.contact_b.name,
                "proposer_email": cls.contact_b.email,
                "proposer_partner_id": cls.contact_b.id,
                "proposer_ip": "192.0.2.7",
            }
        )

    # ------------------------------------------------------------
    # PROPOSERS' PERSONAL DATA
    # ------------------------------------------------------------

    def test_proposers_personal_data_are_the_office_s_only(self):
        for user in (self.portal_a, self.user_mentor, self.public_user):
            with self.subTest(user=user.login):
                Resource = self.Resource.with_user(user)
                self.assertFalse(set(PROPOSER_FIELDS) & set(Resource.fields_get()), "not even listed")
                [row] = Resource.search_read([("id", "=", self.free_office.id)], ["name", "summary"])
                self.assertEqual(row["name"], "Ofimàtica Lliure")
                for field in PROPOSER_FIELDS:
                    with self.assertRaises(AccessError), self.env.cr.savepoint():
                        Resource.search_read([("id", "=", self.free_office.id)], ["name", field])
                    with self.assertRaises(AccessError), self.env.cr.savepoint():
                        self.free_office.with_user(user).read([field])
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    Resource.search([("proposer_email", "=", self.contact_b.email)])
        for user in (self.user_officer, self.user_manager):
            [row] = self.free_office.with_user(user).read(list(PROPOSER_FIELDS))
            self.assertEqual(
                (row["proposer_email"], row["proposer_partner_id"][0], row["proposer_ip"]),
                (self.contact_b.email, self.contact_b.id, "192.0.2.7"),
            )

    # ------------------------------------------------------------
    # COMMENTS AND REVIEWS
    # ------------------------------------------------------------

    def _comments(self, resource):
        return self.env["mail.message"].search(
            [("model", "=", resource._name), ("res_id", "=", resource.id), ("message_type", "=", "comment")]
        )

    def test_only_entity_members_comment_on_resources(self):
        outsider = self.env["res.users"].create(
            {
                "name": "Outsider",
                "login": "outsider",
                "groups_id": [(6, 0, self.env.ref("base.group_portal").ids)],
            }
        )
        for user in (self.public_user, self.user_mentor, outsider):
            with self.subTest(user=user.login):
                # As the mail controller posts: on the thread as superuser, for the user.
                for resource in (self.free_cloud.with_user(user), self.free_cloud.with_user(user).sudo()):
                    with self.assertRaises(AccessError), self.env.cr.savepoint():
                        resource.message_post(
                            body="Spam", message_type="comment", subtype_xmlid="mail.mt_comment"
                        )
                # Nor a message written directly on the resource.
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    self.env["mail.message"].with_user(user).create(
                        {"model": self.free_cloud._name, "res_id": self.free_cloud.id, "body": "Spam",
                         "message_type": "comment", "subtype_id": self.env.ref("mail.mt_comment").id}
                    )  # fmt: skip
        self.assertFalse(self._comments(self.free_cloud))
        # Entity members do (on published resources), and the office too.
        self.free_cloud.with_user(self.portal_a).message_post(
            body="Ens va bé", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.submitted.with_user(self.user_officer).message_post(body="A revisar", message_type="comment")
        self.assertEqual(self._comments(self.free_cloud).mapped("author_id"), self.contact_a)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.submitted.with_user(self.portal_a).sudo().message_post(body="Hola", message_type="comment")

    # ------------------------------------------------------------
    # INVENTORY
    # ------------------------------------------------------------

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
class TestCatalogueSecurityHttp(EssInventoryCommon, HttpCase):
    def _post_comment(self, resource, **post_data):
        return self.make_jsonrpc_request(
            "/mail/message/post",
            {"thread_model": resource._name, "thread_id": resource.id,
             "post_data": dict({"body": "Comentari", "message_type": "comment",
                                "subtype_xmlid": "mail.mt_comment"}, **post_data)},
        )  # fmt: skip

    def _comments(self, resource):
        return self.env["mail.message"].search(
            [("model", "=", resource._name), ("res_id", "=", resource.id), ("message_type", "=", "comment")]
        )

    def test_visitors_do_not_post_on_resources(self):
        with self.assertRaises(JsonRpcException):
            self._post_comment(self.free_cloud, body="Compra ara!")
        self.assertFalse(self._comments(self.free_cloud), "nothing is stored")
        # An entity member reviews through the same route.
        self.authenticate(self.portal_a.login, self.portal_a.login)
        self._post_comment(self.free_cloud, body="Molt útil", rating_value=4)
        self.assertEqual(self._comments(self.free_cloud).author_id, self.contact_a)
        self.assertEqual((self.free_cloud.review_count, self.free_cloud.review_avg), (1, 4.0))

    def test_the_resource_page_renders_without_the_proposer(self):
        self.free_office.write({"proposer_name": "Laia Proposadora", "proposer_email": "laia@example.com"})
        for user in (None, self.portal_a, self.user_mentor):
            with self.subTest(user=user and user.login):
                if user:
                    self.authenticate(user.login, user.login)
                response = self.url_open(self.free_office.website_url)
                self.assertEqual(response.status_code, 200)
                self.assertIn("Ofimàtica Lliure", response.text)
                self.assertNotIn("laia@example.com", response.text)
                self.assertNotIn("Laia Proposadora", response.text)

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

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import EssCatalogueCommon

# A proposer's personal data: the office's only.
PROPOSER_FIELDS = ("proposer_name", "proposer_email", "proposer_partner_id", "proposer_ip")


@tagged("post_install", "-at_install")
class TestCatalogueSecurity(EssCatalogueCommon):
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


@tagged("post_install", "-at_install")
class TestCatalogueSecurityHttp(EssCatalogueCommon, HttpCase):
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

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import EssCatalogueCommon


@tagged("post_install", "-at_install")
class TestCatalogueResource(EssCatalogueCommon):
    def test_state_is_the_moderation_truth(self):
        self.assertTrue(self.free_cloud.is_published)
        self.assertFalse(self.submitted.is_published)
        self.submitted.with_user(self.user_officer).action_publish()
        self.assertEqual((self.submitted.state, self.submitted.is_published), ("published", True))
        self.submitted.with_user(self.user_officer).action_draft()
        self.assertEqual((self.submitted.state, self.submitted.is_published), ("draft", False))
        self.draft.website_published = True  # the website's publish toggle
        self.assertEqual(self.draft.state, "published")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env.cr.execute(
                "UPDATE ess_catalogue_resource SET state = 'draft' WHERE id = %s", [self.draft.id]
            )

    def test_free_alternatives_both_ways(self):
        self.assertEqual(self.proprietary_cloud.alternative_ids, self.free_cloud | self.free_office)
        self.assertEqual(self.free_cloud.replaces_ids, self.proprietary_cloud)
        self.free_cloud.replaces_ids = False
        self.assertEqual(self.proprietary_cloud.alternative_ids, self.free_office)

    def test_links_are_web_links_and_videos_embeddable(self):
        for link in ("javascript:alert(1)", "ftp://example.com", "data:text/html,x"):
            with (
                self.subTest(link=link),
                self.assertRaisesRegex(ValidationError, "http"),
                self.env.cr.savepoint(),
            ):
                self.guide.url = link
        with self.assertRaisesRegex(ValidationError, "not a video"), self.env.cr.savepoint():
            self.guide.video_url = "https://example.com/a-page"
        self.guide.video_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        self.assertIn("youtube", self.guide.video_embed_code)

    def test_ess_badge_follows_the_provider(self):
        self.assertTrue(self.free_cloud.provider_is_ess)
        self.assertFalse(self.free_office.provider_is_ess)
        self.free_office.provider_id = self.entity_a  # an ESS entity that provides services too
        self.assertTrue(self.free_office.provider_is_ess)

    def test_who_sees_what(self):
        Resource = self.env["ess.catalogue.resource"]
        users = {
            "visitor": self.env.ref("base.public_user"),
            "portal": self.portal_a,
            "mentor": self.user_mentor,
        }
        mine = self.published | self.draft | self.submitted
        for role, user in users.items():
            with self.subTest(role=role):
                self.assertEqual(Resource.with_user(user).search([("id", "in", mine.ids)]), self.published)
        self.assertEqual(Resource.with_user(self.user_officer).search([("id", "in", mine.ids)]), mine)

    def test_rejection_mails_the_reason_escaped(self):
        self.submitted.proposer_name = "<b>Visitant</b>"
        wizard = (
            self.env["ess.catalogue.reject"]
            .with_user(self.user_officer)
            .create({"resource_id": self.submitted.id, "reason": "Ja hi és <script>alert(1)</script>"})
        )
        wizard.action_reject()
        self.assertEqual(self.submitted.state, "rejected")
        mail = self.env["mail.mail"].search([("email_to", "=", "visitant@example.com")])
        self.assertEqual(len(mail), 1)
        self.assertIn("Ja hi és &lt;script&gt;alert(1)&lt;/script&gt;", mail.body_html)
        self.assertIn("&lt;b&gt;Visitant&lt;/b&gt;", mail.body_html)
        self.assertNotIn("<script>", mail.body_html)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env["ess.catalogue.reject"].with_user(self.user_mentor).create(
                {"resource_id": self.guide.id, "reason": "No"}
            )

    def test_one_review_per_entity_member(self):
        self.free_cloud.with_user(self.portal_a).message_post(
            body="Molt útil", message_type="comment", subtype_xmlid="mail.mt_comment", rating_value=4
        )
        self.free_cloud.with_user(self.portal_b).message_post(
            body="Bé", message_type="comment", subtype_xmlid="mail.mt_comment", rating_value=2
        )
        self.assertEqual((self.free_cloud.review_count, self.free_cloud.review_avg), (2, 3.0))
        with self.assertRaisesRegex(ValidationError, "already reviewed"), self.env.cr.savepoint():
            self.free_cloud.with_user(self.portal_a).message_post(
                body="Un altre cop", message_type="comment", subtype_xmlid="mail.mt_comment", rating_value=5
            )
        outsider = self.env["res.users"].create(
            {
                "name": "Outsider",
                "login": "outsider",
                "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        with self.assertRaisesRegex(UserError, "people of an ESS entity"), self.env.cr.savepoint():
            self.free_cloud.with_user(outsider).message_post(
                body="Spam", message_type="comment", rating_value=5
            )
        self.assertEqual(self.free_cloud.review_count, 2)

from odoo.tests import tagged

from odoo.addons.ess_office_base.tests.privacy import PrivacyMixin

from .common import EssCatalogueCommon

OWN_REVIEW = "Ressenya pròpia de la Persona A"
COLLEAGUE_REVIEW = "Ressenya de la col·lega"
OWN_DESCRIPTION = "Descripció personal de la Persona A"


@tagged("post_install", "-at_install")
class TestCataloguePrivacy(EssCatalogueCommon, PrivacyMixin):
    """Contact A and a colleague review a tool; contact A proposed two resources, one as a
    visitor (by e-mail only), and the colleague one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague_a, cls.portal_colleague = cls._create_colleague()
        cls.own_review = (
            cls.free_cloud.with_user(cls.portal_a)
            .message_post(
                body=OWN_REVIEW, message_type="comment", subtype_xmlid="mail.mt_comment", rating_value=4
            )
            .with_env(cls.env)
        )
        cls.colleague_review = (
            cls.free_cloud.with_user(cls.portal_colleague)
            .message_post(
                body=COLLEAGUE_REVIEW, message_type="comment", subtype_xmlid="mail.mt_comment", rating_value=2
            )
            .with_env(cls.env)
        )
        cls.own_proposal = cls._resource(
            "Proposta de la Persona A", state="submitted", proposer_name="Persona A",
            proposer_email="persona.a@example.com", proposer_partner_id=cls.contact_a.id,
            proposer_ip="203.0.113.7", description=f"<p>{OWN_DESCRIPTION}</p>",
        )  # fmt: skip
        cls.visitor_proposal = cls._resource(
            "Proposta publicada de la visitant", proposer_name="Una visitant", proposer_email="Persona.A@example.com",
            proposer_ip="203.0.113.8", description="<p>Una eina per a cooperatives</p>",
        )  # fmt: skip
        cls.colleague_proposal = cls._resource(
            "Proposta de la col·lega", state="submitted", proposer_name="Col·lega A",
            proposer_email="colleague.a@example.com", proposer_partner_id=cls.colleague_a.id,
            proposer_ip="203.0.113.9",
        )  # fmt: skip

    def test_person_export(self):
        files = self._export(self.contact_a)
        reviews = self._rows(files, "reviews")
        self.assertEqual([(row["resource"], row["rating"]) for row in reviews], [("Núvol Lliure", 4.0)])
        self.assertInExport(files, "reviews", OWN_REVIEW)
        proposals = self._rows(files, "proposals")
        self.assertEqual(
            {row["name"] for row in proposals},
            {"Proposta de la Persona A", "Proposta publicada de la visitant"},
        )
        self.assertInExport(files, "proposals", "203.0.113.7")
        self.assertInExport(files, "proposals", OWN_DESCRIPTION)
        for text in (COLLEAGUE_REVIEW, "Proposta de la col·lega", "203.0.113.9"):
            self.assertNowhereInExport(files, text)

    def test_entity_export(self):
        files = self._export(self.entity_a)
        self.assertEqual(len(self._rows(files, "reviews")), 2)
        self.assertInExport(files, "reviews", COLLEAGUE_REVIEW)
        self.assertEqual(len(self._rows(files, "proposals")), 3)
        self.assertNowhereInExport(self._export(self.entity_b), OWN_REVIEW)

    def test_erasure(self):
        reviews = (self.free_cloud.review_count, self.free_cloud.review_avg)
        own_rating = self.own_review.rating_ids
        self._erase(self.contact_a)
        self.assertFalse(self.own_review.exists(), "the review's message is deleted")
        self.assertTrue(own_rating.exists(), "its stars stay, anonymous")
        self.assertFalse(own_rating.partner_id or own_rating.feedback)
        self.assertEqual((self.free_cloud.review_count, self.free_cloud.review_avg), reviews)
        self.assertEqual(self.colleague_review.rating_ids.feedback, COLLEAGUE_REVIEW)
        for proposal in self.own_proposal | self.visitor_proposal:
            self.assertFalse(
                proposal.proposer_name or proposal.proposer_email or proposal.proposer_partner_id
                or proposal.proposer_ip
            )  # fmt: skip
        self.assertFalse(
            self.own_proposal.description or self.own_proposal.summary, "never published: cleared"
        )
        self.assertIn("Una eina per a cooperatives", self.visitor_proposal.description, "published: kept")
        self.assertEqual(self.colleague_proposal.proposer_ip, "203.0.113.9")
        self.assertEqual(self.colleague_proposal.proposer_partner_id, self.colleague_a)
        # Again: harmless.
        self.contact_a.with_user(self.user_officer).anonymize_partner_data()
        self.assertEqual((self.free_cloud.review_count, self.free_cloud.review_avg), reviews)

    def test_privacy_lookup_finds_the_proposals_and_reviews(self):
        wizard = self.env["privacy.lookup.wizard"].create(
            {"name": "Persona A", "email": "persona.a@example.com"}
        )
        wizard.action_lookup()
        found = {(line.res_model, line.res_id) for line in wizard.line_ids}
        self.assertIn(("ess.catalogue.resource", self.own_proposal.id), found)
        self.assertIn(("ess.catalogue.resource", self.visitor_proposal.id), found, "by the typed e-mail")
        self.assertIn(("rating.rating", self.own_review.rating_ids.id), found)
        self.assertNotIn(("ess.catalogue.resource", self.colleague_proposal.id), found)

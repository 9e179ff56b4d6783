from datetime import timedelta

from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.ess_office_base.tests.privacy import PrivacyMixin

from .common import EssMentoringCommon

OWN_COMMENT = "Comentari propi de la Persona A"
FIRST_COMMENT = "Primer comentari de la Persona A"
COLLEAGUE_COMMENT = "Comentari de la col·lega"
OWN_MESSAGE = "Missatge de la Persona A al seguiment"
COLLEAGUE_MESSAGE = "Missatge de la col·lega al seguiment"


@tagged("post_install", "-at_install")
class TestMentoringPrivacy(EssMentoringCommon, PrivacyMixin):
    """Contract A's follow-ups, commented from the portal by contact A and a colleague."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague_a, cls.portal_colleague = cls._create_colleague()
        cls.contract_a.write({"accepted_by_id": cls.contact_a.id, "entity_lead_id": cls.colleague_a.id})
        cls.contract_a.goal_ids = [(0, 0, {"name": "Migrar el correu"})]
        cls.commented = cls._followup(cls, cls.contract_a)
        cls.replaced = cls._followup(cls, cls.contract_a, week=cls.MONDAY + timedelta(days=7))
        # The follow-ups' creation is tracked first, as in the office before anyone comments.
        cls._flush_tracking(cls)
        cls.commented.with_user(cls.portal_a)._ess_set_entity_comment(OWN_COMMENT)
        cls.replaced.with_user(cls.portal_a)._ess_set_entity_comment(FIRST_COMMENT)
        cls._flush_tracking(cls)
        # The colleague writes over contact A's comment: their change keeps it as the old value.
        cls.replaced.with_user(cls.portal_colleague)._ess_set_entity_comment(COLLEAGUE_COMMENT)
        cls._flush_tracking(cls)
        cls.own_message = cls.commented.message_post(
            body=OWN_MESSAGE,
            author_id=cls.contact_a.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        cls.colleague_message = cls.commented.message_post(
            body=COLLEAGUE_MESSAGE, author_id=cls.colleague_a.id, message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )  # fmt: skip

    def _flush_tracking(self):
        """Odoo writes the tracking when the transaction commits."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _texts_in_tracking(self, text):
        return self.env["mail.tracking.value"].search_count(
            ["|", ("old_value_text", "=", text), ("new_value_text", "=", text)]
        )

    def test_entity_export(self):
        files = self._export(self.entity_a)
        contracts = self._rows(files, "contracts")
        self.assertEqual([row["name"] for row in contracts], [self.contract_a.name])
        self.assertEqual(contracts[0]["accepted_by_id"], "Cooperativa A, Persona A")
        self.assertEqual([row["name"] for row in self._rows(files, "goals")], ["Migrar el correu"])
        self.assertEqual(
            [row["entity_comment"] for row in self._rows(files, "followups")],
            [OWN_COMMENT, COLLEAGUE_COMMENT],
        )
        for text in (OWN_COMMENT, FIRST_COMMENT, COLLEAGUE_COMMENT, OWN_MESSAGE, COLLEAGUE_MESSAGE):
            self.assertInExport(files, "followup_comments", text)
        self.assertNowhereInExport(self._export(self.entity_b), OWN_COMMENT)

    def test_person_export_holds_no_colleague_comment(self):
        files = self._export(self.contact_a)
        self.assertEqual([row["name"] for row in self._rows(files, "contracts")], [self.contract_a.name])
        comments = self._rows(files, "followup_comments")
        self.assertEqual(
            sorted(row["comment"] for row in comments), sorted([OWN_COMMENT, FIRST_COMMENT, OWN_MESSAGE])
        )
        self.assertNotIn("followups.json", files, "the follow-ups are the entity's")
        self.assertNowhereInExport(files, COLLEAGUE_COMMENT)
        self.assertNowhereInExport(files, COLLEAGUE_MESSAGE)
        self.assertInExport(files, "messages", OWN_MESSAGE)

    def test_export_holds_only_the_officers_offices_records(self):
        """Contract A moved to a second office: the first office's officer exports none of it."""
        other = self.env["res.company"].create({"name": "Second office"})
        self.env.flush_all()
        for table in ("ess_mentoring_contract", "ess_mentoring_followup"):
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET company_id = %s WHERE %s = %s",
                    SQL.identifier(table),
                    other.id,
                    SQL.identifier("id" if table == "ess_mentoring_contract" else "contract_id"),
                    self.contract_a.id,
                )
            )
        self.env.invalidate_all()
        for partner in (self.entity_a, self.contact_a):
            files = self._export(partner)
            with self.subTest(partner=partner.name):
                self.assertEqual(self._rows(files, "contracts"), [])
                self.assertEqual(self._rows(files, "followup_comments"), [])
                self.assertNowhereInExport(files, OWN_COMMENT)

    def test_erasure_clears_the_comments_and_messages(self):
        self._erase(self.contact_a)
        self.assertFalse(self.commented.entity_comment)
        self.assertEqual(self.replaced.entity_comment, COLLEAGUE_COMMENT, "a colleague's comment stays")
        for text in (OWN_COMMENT, FIRST_COMMENT):
            self.assertFalse(self._texts_in_tracking(text), f"{text} is in no tracking")
        self.assertTrue(self._texts_in_tracking(COLLEAGUE_COMMENT))
        self.assertFalse(self.own_message.exists(), "the person's chatter comment is deleted")
        self.assertTrue(self.colleague_message.exists())
        self.assertFalse(self.portal_a.active)
        self.assertTrue(self.portal_colleague.active)
        self.assertEqual(self.contract_a.accepted_by_id, self.contact_a, "who accepted stays, anonymised")
        entity_files = self._export(self.entity_a)
        for text in (OWN_COMMENT, FIRST_COMMENT, OWN_MESSAGE):
            self.assertNowhereInExport(entity_files, text)
        self.assertInExport(entity_files, "followup_comments", COLLEAGUE_MESSAGE)
        # Again: harmless.
        self.contact_a.with_user(self.user_officer).anonymize_partner_data()
        self.assertEqual(self.replaced.entity_comment, COLLEAGUE_COMMENT)

    def test_privacy_lookup_finds_the_commented_followups(self):
        wizard = self.env["privacy.lookup.wizard"].create(
            {"name": "Persona A", "email": "persona.a@example.com"}
        )
        wizard.action_lookup()
        found = {(line.res_model, line.res_id) for line in wizard.line_ids}
        self.assertIn(("ess.mentoring.followup", self.commented.id), found)
        self.assertIn(("ess.mentoring.followup", self.replaced.id), found)
        self.assertIn(("mail.message", self.own_message.id), found)
        self.assertIn(("ess.mentoring.contract", self.contract_a.id), found, "accepted by the person")

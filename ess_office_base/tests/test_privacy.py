import json

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from .common import EssOfficeCommon
from .privacy import PrivacyMixin


@tagged("post_install", "-at_install")
class TestPrivacy(EssOfficeCommon, HttpCase, PrivacyMixin):
    """Export and erasure of a contact's personal data, on the contact and its chatter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact_a.write({"phone": "+34 600 111 222", "function": "Treasurer"})
        cls.colleague_a, cls.user_portal_colleague = cls._create_colleague()
        cls.entity_a.message_post(body="Missatge propi de la Persona A", author_id=cls.contact_a.id)
        cls.entity_a.message_post(body="Comentari de la col·lega", author_id=cls.colleague_a.id)

    def _log(self, partner):
        return self.env["ess.privacy.log"].search([("partner_id", "=", partner.id)])

    def test_export_entity(self):
        files = self._export(self.entity_a)
        self.assertLessEqual(
            {"manifest.json", "profile.json", "profile.csv", "messages.json", "messages.csv"}, set(files)
        )
        stems = {name.rsplit(".", 1)[0] for name in files} - {"manifest"}
        self.assertEqual(
            set(files) - {"manifest.json"}, {f"{stem}.{kind}" for stem in stems for kind in ("json", "csv")}
        )
        profile = self._rows(files, "profile")
        self.assertEqual(profile[0]["name"], "Cooperativa A")
        self.assertEqual(profile[0]["ess_legal_form"], "worker_coop")
        self.assertEqual(profile[0]["ess_sector_id"], self.sector.display_name)
        self.assertIn("persona.a@example.com", [row["email"] for row in profile])
        self.assertInExport(files, "profile", "colleague.a@example.com")
        self.assertInExport(files, "messages", "Missatge propi de la Persona A")
        self.assertInExport(files, "messages", "Comentari de la col·lega")
        manifest = json.loads(files["manifest.json"])
        self.assertEqual(manifest["exported_by"], self.user_officer.name)
        self.assertEqual(manifest["partner"], "Cooperativa A")
        self.assertEqual(manifest["kind"], "entity")
        self.assertEqual(manifest["files"]["messages"], len(self._rows(files, "messages")))
        log = self._log(self.entity_a)
        self.assertEqual(
            (log.kind, log.user_id, log.partner_name), ("export", self.user_officer, "Cooperativa A")
        )

    def test_export_person_holds_no_colleague_data(self):
        files = self._export(self.contact_a, self.user_manager)
        profile = self._rows(files, "profile")
        self.assertEqual([row["name"] for row in profile], ["Persona A"])
        self.assertEqual(profile[0]["phone"], "+34 600 111 222")
        self.assertEqual(profile[0]["parent_id"], "Cooperativa A")
        self.assertInExport(files, "messages", "Missatge propi de la Persona A")
        self.assertNowhereInExport(files, "Comentari de la col·lega")
        self.assertNowhereInExport(files, "colleague.a@example.com")
        self.assertEqual(self._log(self.contact_a).user_id, self.user_manager)

    def test_csv_cells_are_never_formulas(self):
        self.contact_a.function = '=HYPERLINK("https://evil.example.com")'
        files = self._export(self.contact_a)
        self.assertIn("'=HYPERLINK", files["profile.csv"])
        self.assertEqual(
            self._rows(files, "profile")[0]["function"], '=HYPERLINK("https://evil.example.com")'
        )

    def test_erasure(self):
        own = self.env["mail.message"].search([("author_id", "=", self.contact_a.id)])
        self.assertTrue(own)
        self._erase(self.contact_a)
        self.assertFalse(own.exists(), "the messages the person wrote are deleted")
        self.assertTrue(self.env["mail.message"].search_count([("author_id", "=", self.colleague_a.id)]))
        self.assertFalse(self.portal_a.active, "the person's portal user is deactivated")
        self.assertNotEqual(self.portal_a.login, "portal_a")
        self.assertEqual(self.contact_a.name, "PA Anonymized")
        self.assertFalse(self.contact_a.phone or self.contact_a.function or self.contact_a.active)
        self.assertNotIn("persona.a", self.contact_a.email)
        self.assertEqual(self.colleague_a.name, "Col·lega A", "a colleague is untouched")
        self.assertTrue(self.user_portal_colleague.active)
        log = self._log(self.contact_a)
        self.assertEqual(
            (log.kind, log.user_id, log.partner_name),
            ("erasure", self.user_officer, "Cooperativa A, Persona A"),
        )
        self.assertTrue(log.date)
        # Again: nothing more to erase, nothing breaks, logged again.
        self.contact_a.with_user(self.user_officer).anonymize_partner_data()
        self.assertEqual(self.contact_a.name, "PA Anonymized")
        self.assertEqual(self._log(self.contact_a).mapped("kind"), ["erasure", "erasure"])
        self.assertEqual(self.colleague_a.name, "Col·lega A")

    def _unchanged(self):
        return (
            self.contact_a.name,
            self.contact_a.email,
            self.contact_a.active,
            self.portal_a.active,
            self.env["mail.message"].search_count([("author_id", "=", self.contact_a.id)]),
            self.env["ess.privacy.log"].search_count([]),
        )

    def test_refused_through_the_orm(self):
        before = self._unchanged()
        for user in (
            self.user_mentor,
            self.user_expert,
            self.portal_a,
            self.user_portal_colleague,
            self.user_employee,
        ):
            for partner in (self.contact_a, self.entity_a):
                mine = partner.with_user(user)
                with self.subTest(user=user.login, partner=partner.name):
                    with self.assertRaises(AccessError):
                        mine.action_ess_privacy_export()
                    with self.assertRaises(AccessError):
                        mine._ess_privacy_export_zip()
                    with self.assertRaises(AccessError):
                        mine.anonymize_partner_data()
                    with self.assertRaises(AccessError):
                        self._erase(partner, user)
        self.assertEqual(self._unchanged(), before)

    def test_erasure_is_the_right_of_ocas_group(self):
        """Officers and managers hold OCA's anonymisation group; a user an administrator
        gives that group erases (OCA's own grant) but exports nothing: that is the office's."""
        eraser = "privacy_partner_to_be_forgotten.group_partner_anonymize"
        self.assertTrue(self.user_officer.has_group(eraser))
        for user in (self.user_mentor, self.user_expert, self.portal_a, self.user_employee):
            self.assertFalse(user.has_group(eraser), user.login)
        self.user_employee.groups_id = [
            Command.link(self.env.ref(eraser).id),
            Command.link(self.env.ref("base.group_partner_manager").id),
        ]
        with self.assertRaises(AccessError):
            self.contact_a.with_user(self.user_employee).action_ess_privacy_export()
        self.contact_a.with_user(self.user_employee).anonymize_partner_data()
        self.assertFalse(self.portal_a.active)
        log = self._log(self.contact_a)
        self.assertEqual((log.kind, log.user_id), ("erasure", self.user_employee))

    def test_the_anonymisation_speaks_the_officers_language(self):
        """OCA ships no Catalan: its wizard, its menu entry and its messages come from
        ess_office_base's translations."""
        officer = self.user_officer
        officer.lang = "ca_ES"
        action = self.env.ref("privacy_partner_to_be_forgotten.action_partner_anonymize")
        self.assertEqual(action.with_context(lang="ca_ES").name, "Anonimitza (RGPD)")
        # As in the officer's requests: the context's language is the user's.
        wizards = self.env["partner.anonymize.wizard"].with_user(officer).with_context(lang=officer.lang)
        self.assertIn("Confirma l'anonimització", wizards.get_view(view_type="form")["arch"])
        wizard = wizards.with_context(active_ids=self.contact_a.ids).create({})
        result = wizard.action_confirm()
        self.assertEqual(result["params"]["title"], "Resultat de l'anonimització")
        self.assertIn("S'han anonimitzat 1 contactes", result["params"]["message"])
        note = self.contact_a.message_ids[:1]
        self.assertIn("S'ha anonimitzat aquest contacte", note.body)
        self.assertIn(officer.name, note.body)

    def test_refused_over_json_rpc(self):
        wizard = self.env["partner.anonymize.wizard"].create({"partner_ids": self.contact_a.ids})
        before = self._unchanged()
        calls = [
            ("res.partner", "action_ess_privacy_export", self.contact_a.ids),
            ("res.partner", "anonymize_partner_data", self.contact_a.ids),
            ("res.partner", "anonymize_partner_data", self.entity_a.ids),
            ("partner.anonymize.wizard", "action_confirm", wizard.ids),
        ]
        for user in (self.user_mentor, self.portal_b, self.user_portal_colleague):
            self.authenticate(user.login, user.login)
            for model, method, ids in calls:
                with self.subTest(user=user.login, method=method):
                    with self.assertRaises(JsonRpcException) as refusal, mute_logger("odoo.http"):
                        self.make_jsonrpc_request(
                            "/web/dataset/call_kw",
                            {"model": model, "method": method, "args": [ids], "kwargs": {}},
                        )
                    self.assertEqual(refusal.exception.args[0], "odoo.exceptions.AccessError")
        self.assertEqual(self._unchanged(), before)
        # The officer's call goes through.
        self.authenticate(self.user_officer.login, self.user_officer.login)
        action = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": "res.partner", "method": "action_ess_privacy_export", "args": [self.contact_a.ids],
             "kwargs": {}},
        )  # fmt: skip
        self.assertEqual(action["url"], f"/ess/privacy/export/{self.contact_a.id}")

    def test_export_route(self):
        url = f"/ess/privacy/export/{self.contact_a.id}"
        for user in (None, self.user_mentor, self.portal_a, self.user_employee):
            self.authenticate(user and user.login, user and user.login)
            with self.subTest(user=user and user.login), mute_logger("odoo.http"):
                response = self.url_open(url, allow_redirects=False)
                if user:
                    self.assertEqual(response.status_code, 403)
                else:
                    self.assertIn("/web/login", response.headers["Location"])
                self.assertNotIn("zip", response.headers.get("Content-Type", ""))
                self.assertNotIn("persona.a@example.com", response.text)
        self.assertFalse(self._log(self.contact_a), "a refused download logs nothing")
        self.authenticate(self.user_officer.login, self.user_officer.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/zip")
        self.assertIn("attachment", response.headers["Content-Disposition"])
        files = self._unzip(response.content)
        self.assertInExport(files, "profile", "persona.a@example.com")
        self.assertEqual(self._log(self.contact_a).user_id, self.user_officer)
        self.assertEqual(self.url_open("/ess/privacy/export/987654321").status_code, 404)

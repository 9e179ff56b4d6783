"""Helpers of the personal data tests (export and erasure), for every ESS addon."""

import csv
import io
import json
import zipfile

from odoo.tests import new_test_user


class PrivacyMixin:
    """To mix into a test case that has the users of ``EssOfficeCommon``."""

    @classmethod
    def _create_colleague(cls):
        """Contact A's colleague at entity A, with a portal user: (partner, user). Contact
        A gets their own e-mail back (new_test_user gave every partner a default one)."""
        colleague = cls.env["res.partner"].create(
            {"name": "Col·lega A", "parent_id": cls.entity_a.id, "email": "colleague.a@example.com"}
        )
        user = new_test_user(
            cls.env,
            "portal_colleague_a",
            groups="base.group_portal",
            partner_id=colleague.id,
            name="Col·lega A",
            email="colleague.a@example.com",
        )
        cls.contact_a.email = "persona.a@example.com"
        return colleague, user

    @classmethod
    def _unzip(cls, content):
        """{file name: text} of an export's ZIP."""
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return {name: archive.read(name).decode() for name in archive.namelist()}

    def _export(self, partner, user=None):
        """{file name: text} of ``partner``'s export, made as ``user`` (the officer)."""
        return self._unzip(partner.with_user(user or self.user_officer)._ess_privacy_export_zip())

    def _rows(self, files, stem):
        """The rows of ``stem``.json, checked against ``stem``.csv (same rows, same order)."""
        rows = json.loads(files[f"{stem}.json"])
        table = list(csv.DictReader(io.StringIO(files[f"{stem}.csv"])))
        self.assertEqual(len(table), len(rows), f"{stem}.csv has a line per row of {stem}.json")
        return rows

    def assertInExport(self, files, stem, text):
        """``text`` is in ``stem``'s JSON and CSV files."""
        self.assertIn(text, files[f"{stem}.json"], f"{stem}.json")
        self.assertIn(text, files[f"{stem}.csv"], f"{stem}.csv")

    def assertNowhereInExport(self, files, text):
        """``text`` is in no file of the export, whatever its escaping in JSON."""
        for name, content in files.items():
            with self.subTest(file=name):
                self.assertNotIn(text, content, f"{name} holds {text!r}")
                self.assertNotIn(json.dumps(text)[1:-1], content, f"{name} holds {text!r}")

    def _erase(self, partner, user=None):
        """Erase ``partner`` as ``user`` (the officer) with OCA's wizard, as the button does."""
        wizard = (
            self.env["partner.anonymize.wizard"]
            .with_user(user or self.user_officer)
            .with_context(active_ids=partner.ids, active_test=False)
            .create({})
        )
        self.assertEqual(wizard.partner_ids, partner, "the wizard erases the person")
        return wizard.action_confirm()

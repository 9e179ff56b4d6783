from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tools import config

from odoo.addons.base.models import ir_actions_report

from .common import EssDiagnosisCommon


@tagged("post_install", "-at_install")
class TestPdfWithoutWkhtmltopdf(EssDiagnosisCommon, HttpCase):
    """Without wkhtmltopdf (Odoo's own state for a server where it is not installed), the
    diagnosis's PDF is a page that says so in the reader's language and offers the report
    on screen, not a server error."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.diagnosis_a = cls.env["ess.diagnosis"].create(
            {"partner_id": cls.entity_a.id, "survey_id": cls.survey.id, "phase": "baseline"}
        )
        cls._answer(cls, cls.diagnosis_a, {cls.q_data_single: 2, cls.q_free: 1})

    def _pdf_without_wkhtmltopdf(self, url):
        # Under test Odoo answers a report's HTML instead of printing it: print it for real,
        # on a server where wkhtmltopdf is missing.
        with (
            patch.dict(config.options, {"test_enable": False, "test_file": False}),
            patch.object(ir_actions_report, "wkhtmltopdf_state", "install"),
            self.assertLogs("odoo.addons.ess_office_base.controllers.portal", level="WARNING") as logs,
        ):
            response = self.url_open(url)
        self.assertIn(f"The PDF of ess.diagnosis[{self.diagnosis_a.id}] could not be printed", logs.output[0])
        return response

    def test_the_portal_pdf_says_it_cannot_be_printed_and_offers_the_report_on_screen(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self._pdf_without_wkhtmltopdf(
            self.diagnosis_a.get_portal_url(report_type="pdf", download=True)
        )
        self.assertEqual(response.status_code, 503)
        self.assertIn("text/html", response.headers["Content-Type"])
        self.assertIn("The PDF cannot be printed right now", response.text)
        # Its button opens the same report on screen (not downloaded).
        self.assertIn(
            f'href="/my/diagnoses/{self.diagnosis_a.id}?access_token={self.diagnosis_a.access_token}'
            '&amp;report_type=html">Open the report on screen</a>',
            response.text,
        )
        # The link shows the report on screen.
        response = self.url_open(f"/my/diagnoses/{self.diagnosis_a.id}?report_type=html")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.diagnosis_a.name, response.text)

    def test_the_page_is_in_the_reader_s_language(self):
        catalan = self.env["res.lang"]._activate_lang("ca_ES")
        self.env["ir.module.module"]._load_module_terms(["ess_office_base"], ["ca_ES"], overwrite=True)
        self.portal_a.lang = "ca_ES"
        if "website" in self.env:  # with the catalogue installed, the website picks the language
            self.env["website"].search([]).language_ids |= catalan
        self.authenticate(self.portal_a.login, self.portal_a.login)
        self.opener.cookies.set("frontend_lang", "ca_ES")
        response = self._pdf_without_wkhtmltopdf(f"/my/diagnoses/{self.diagnosis_a.id}?report_type=pdf")
        self.assertEqual(response.status_code, 503)
        self.assertIn("Ara no es pot imprimir el PDF", response.text)

    def test_the_backend_falls_back_to_the_report_on_screen(self):
        # The web client asks first, and on "install" shows its message and the HTML report.
        self.authenticate(self.user_officer.login, self.user_officer.login)
        with patch.object(ir_actions_report, "wkhtmltopdf_state", "install"):
            self.assertEqual(self.make_jsonrpc_request("/report/check_wkhtmltopdf"), "install")
        response = self.url_open(f"/report/html/ess_diagnosis.report_ess_diagnosis/{self.diagnosis_a.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.diagnosis_a.name, response.text)

import csv
import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import PERIOD, EssImpactCommon


@tagged("post_install", "-at_install")
class TestImpactHttp(EssImpactCommon, HttpCase):
    """The public page, the DMA file, the spreadsheet and the PDF, through real requests.
    The database may hold the demo office: its entities are archived, so that the public
    page counts the hand-made office only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        others = [("is_ess_entity", "=", True), ("id", "not in", cls.office_entities.ids)]
        cls.env["res.partner"].search(others).active = False
        # D and E get a second and two diagnoses: five entities to compare, before and after.
        q_data, q_free = cls.q_data_single, cls.q_free
        cls._dated_diagnosis(cls.entity_d, cls.contact_d, "2026-10-01", "final", {q_data: 2, q_free: 2})
        cls._dated_diagnosis(cls.entity_e, cls.contact_e, "2026-02-01", "baseline", {q_data: 0, q_free: 0})
        cls._dated_diagnosis(cls.entity_e, cls.contact_e, "2026-10-01", "final", {q_data: 1, q_free: 1})
        cls.report_mentor = cls.env["ess.impact.report"].create(
            dict(PERIOD, name="Mentor's", user_id=cls.user_mentor.id)
        )

    def _impact_page(self):
        response = self.url_open("/impact?year=2026")
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_public_page_shows_aggregates_over_five_entities(self):
        page = self._impact_page()
        self.assertNotIn("o_ess_impact_hidden", page)
        self.assertIn("o_ess_impact_figures", page)
        self.assertIn(self.dim_data.name, page, "five entities have a diagnosis before and after")
        for entity in self.entity_a | self.entity_b | self.entity_c:
            self.assertNotIn(entity.name, page, "the public page names no entity")

    def test_public_page_hides_a_group_of_four(self):
        self.contract_e.state = "cancelled"
        page = self._impact_page()
        self.assertIn("o_ess_impact_hidden", page)
        self.assertNotIn("o_ess_impact_figures", page)
        self.assertNotIn(self.dim_data.name, page)
        self.assertNotIn("10.5", page, "not even the hours")

    def test_public_page_in_catalan_and_a_bad_year(self):
        self.env["res.lang"]._activate_lang("ca_ES")
        response = self.url_open("/ca/impact?year=2026")
        self.assertEqual(response.status_code, 200)
        self.assertIn('lang="ca-ES"', response.text)
        for year in ("1900", "abc", "2026.5", "99999999999999999999", "-1"):
            self.assertEqual(self.url_open(f"/impact?year={year}").status_code, 200, year)

    def test_dma_csv_per_role(self):
        self.entity_b.name = '=HYPERLINK("http://evil.example")'
        self.authenticate("ess_officer", "ess_officer")
        response = self.url_open(f"/ess_impact/dma/{self.report.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("text/csv", response.headers["Content-Type"])
        rows = list(csv.reader(io.StringIO(response.text)))
        self.assertEqual(rows[0][:7], ["entity_id", "entity", "vat", "diagnosis_id", "date", "phase", "mark"])
        entities = {row[1] for row in rows[1:]}
        self.assertIn(self.entity_a.name, entities)
        self.assertIn('\'=HYPERLINK("http://evil.example")', entities, "a name is never a formula")
        self.assertNotIn(self.entity_x.name, entities)

        self.authenticate("ess_mentor", "ess_mentor")
        self.assertEqual(self.url_open(f"/ess_impact/dma/{self.report.id}").status_code, 403)
        response = self.url_open(f"/ess_impact/dma/{self.report_mentor.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            {row[1] for row in list(csv.reader(io.StringIO(response.text)))[1:]}, {self.entity_a.name}
        )

        self.authenticate("portal_a", "portal_a")
        response = self.url_open(f"/ess_impact/dma/{self.report.id}", allow_redirects=False)
        self.assertIn(response.status_code, (403, 404))
        self.assertNotIn(self.entity_a.name, response.text)

    def test_spreadsheet_in_the_readers_language(self):
        self.env["res.lang"]._activate_lang("ca_ES")
        self.env["ir.module.module"].search([("name", "=", "ess_impact")])._update_translations("ca_ES")
        self.user_officer.lang = "ca_ES"
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_xlsx("ess_impact.ess_impact_report_action_xlsx", self.report.ids, {})
        )
        figures, entities = openpyxl.load_workbook(io.BytesIO(content)).worksheets
        self.assertIn("Maduresa digital", [row[0].value for row in figures.iter_rows()])
        self.assertEqual(entities.cell(1, 1).value, "Entitat")

    def test_spreadsheet_holds_every_figure_and_entity(self):
        report = self.report.with_user(self.user_officer)
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_xlsx("ess_impact.ess_impact_report_action_xlsx", report.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        figures, entities = book.worksheets
        labels = {row[0].value: [cell.value for cell in row[1:]] for row in figures.iter_rows()}
        self.assertEqual(labels["Entities accompanied"][0], 5)
        self.assertEqual(labels["Mentoring contracts"][0], 5)
        self.assertEqual(labels["Hours"][:2], [250.0, 10.5])
        self.assertEqual(labels["Entities with a baseline and a later diagnosis"][0], 5)
        names = [row[0].value for row in entities.iter_rows(min_row=2)]
        self.assertEqual(sorted(names), sorted(self.accompanied.mapped("name")))
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.portal_a)._render_xlsx(
                "ess_impact.ess_impact_report_action_xlsx", self.report.ids, {}
            )


@tagged("post_install", "-at_install")
class TestImpactDemo(HttpCase):
    """On the demo office: its reports of the year, its six entities and their cohort."""

    def test_the_demo_report_of_the_year_shows_the_six_entities(self):
        report = self.env.ref("ess_impact.ess_impact_report_demo_year").with_user(
            self.env.ref("ess_office_base.res_users_ess_officer")
        )
        impact = report._ess_impact()
        self.assertEqual(impact["entities"], 6)
        self.assertEqual(
            impact["maturity"]["compared"], 3, "La Fornal, La Teulada and Sant Roc have a final diagnosis"
        )
        self.assertGreater(impact["accompaniment"]["hours_used"], 0)
        self.assertGreater(impact["cohorts"]["sessions_held"], 0)
        self.assertTrue(impact["maturity"]["radar"], "the radar of the office's dimensions")
        cohort = (
            self.env.ref("ess_impact.ess_impact_report_demo_cohort").with_user(report.env.user)._ess_impact()
        )
        self.assertEqual(cohort["cohorts"]["cohorts"], 1)

    def test_officer_drills_down_in_the_browser(self):
        self.start_tour("/odoo/action-ess_impact.ess_impact_report_action", "ess_impact_officer_drills_down",
                        login="officer")  # fmt: skip

    def test_visitor_reads_the_public_summary(self):
        self.start_tour("/impact", "ess_impact_visitor_reads_impact")

    def test_pdf_in_the_readers_language(self):
        self.env["res.lang"]._activate_lang("ca_ES")
        self.env["ir.module.module"].search([("name", "=", "ess_impact")])._update_translations("ca_ES")
        officer = self.env.ref("ess_office_base.res_users_ess_officer")
        officer.lang = "ca_ES"
        report = self.env.ref("ess_impact.ess_impact_report_demo_year")
        # The reader's language, whatever the request's (a download link carries none).
        Report = self.env["ir.actions.report"].with_user(officer).with_context(lang="en_US")
        html = Report._render_qweb_html("ess_impact.ess_impact_report_action_pdf", report.ids)[0].decode()
        self.assertIn("Maduresa digital", html)
        self.assertNotIn("Digital maturity", html)
        self.assertIn("Gestió de dades", html, "the dimensions in Catalan too")
        self.assertIn("o_ess_diagnosis_radar", html, "the radar is drawn for print")
        # Odoo's tests render reports as HTML unless told: the real PDF, through wkhtmltopdf.
        pdf, kind = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            "ess_impact.ess_impact_report_action_pdf", report.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import HttpCase, tagged

from odoo.addons.ess_office_base.tests.fuzz import (
    EssFuzzCase,
    broken_query,
    fuzz_settings,
    markup_payloads,
    numbers,
    path_ids,
    rpc_values,
    texts,
)

from .common import EssImpactCommon

MODELS = ("ess.impact.report", "res.partner", "mail.message", "ir.attachment")
FIELDS = ("name", "date_from", "date_to", "user_id", "company_ids", "cohort_id", "sector_ids", "size_class",
          "intensity", "summary_html", "no_such_field")  # fmt: skip
METHODS = ("read", "write", "search_read", "create", "copy", "unlink", "action_ess_drill", "action_ess_dma_csv",
           "_ess_impact", "_ess_dma_rows")  # fmt: skip


@tagged("post_install", "-at_install")
class TestImpactFuzz(EssFuzzCase, EssImpactCommon, HttpCase):
    """Bad input in /impact's year, in the DMA file's route, and in the reports' JSON-RPC
    methods; payloads in what the report shows again (the form and the PDF)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report_mentor = cls.env["ess.impact.report"].create(
            {"name": "Del mentor", "user_id": cls.user_mentor.id}
        )

    def _report_snapshot(self):
        self.env.invalidate_all()
        return self.report.read(["name", "date_from", "date_to", "user_id", "company_ids", "sector_ids"])

    def test_public_page_and_its_year(self):
        @fuzz_settings(30)
        @given(
            year=st.one_of(numbers(), texts(max_huge=3000)),
            query=broken_query(["year", "page"]),
            broken=st.booleans(),
        )
        def open_page(year, query, broken):
            url = f"/impact?{query}" if broken else f"/impact?{self.fuzz_query(year=year)}"
            response = self.fuzz_open("/impact", url)
            self.assertEqual(response.status_code, 200, url)
            self.assertEscaped(response.text, year, url)
            for entity in self.entity_a | self.entity_b:
                self.assertNotIn(entity.name, response.text, "the public page names no entity")

        open_page()
        self.assertFuzzed(30)

    def test_dma_file_of_another_report(self):
        users = {"portal": self.portal_a, "mentor": self.user_mentor}

        @fuzz_settings(20)
        @given(
            who=st.sampled_from(sorted(users)), report_id=path_ids((self.report.id, self.report_mentor.id))
        )
        def download(who, report_id):
            self.authenticate(users[who].login, users[who].login)
            response = self.fuzz_open("/ess_impact/dma/<int:report_id>", f"/ess_impact/dma/{report_id}")
            if who == "mentor" and report_id == self.report_mentor.id:
                self.assertEqual(response.status_code, 200)
                self.assertNotIn(self.entity_b.name, response.text)
            else:
                self.assertIn(response.status_code, (303, 403, 404), f"{who} {report_id}")
                self.assertNotIn(self.entity_a.name, response.text)

        download()
        self.assertFuzzed(20)

    def test_json_routes_as_portal_user_and_mentor(self):
        users = {"portal": self.portal_a, "mentor": self.user_mentor}

        @fuzz_settings(40)
        @given(
            who=st.sampled_from(sorted(users)),
            method=st.sampled_from(METHODS),
            ids=st.lists(path_ids((self.report.id, self.report_mentor.id)), min_size=1, max_size=2),
            values=st.dictionaries(st.sampled_from(FIELDS), rpc_values(), max_size=3),
        )
        def call(who, method, ids, values):
            if getattr(getattr(self, "session", None), "uid", None) != users[who].id:
                self.authenticate(users[who].login, users[who].login)
            before, office = self.fuzz_rows(*MODELS), self._report_snapshot()
            params = {"model": "ess.impact.report", "method": method,
                      "args": self.fuzz_rpc_args("ess.impact.report", method, ids, values), "kwargs": {}}  # fmt: skip
            result, error = self.fuzz_rpc("/web/dataset/call_kw", "/web/dataset/call_kw", params)
            self.assertEqual(self._report_snapshot(), office, f"{who} {method}({ids}, {values!r:.200})")
            if error or who == "portal":
                self.assertNothingCreated(before, params)
            if who == "portal" and not error:
                # Only core's reading of id 0 answers (a new record's defaults, as on any model).
                read = {row.get("id") for row in result} if isinstance(result, list) else {result}
                self.assertFalse(
                    read & {self.report.id, self.report_mentor.id}, "a portal user reads no report"
                )
            self.assertNotIn(self.entity_b.name, str(result))

        call()
        self.assertFuzzed(40)

    def test_payloads_are_escaped_in_the_form_and_the_pdf(self):
        self.authenticate(self.user_officer.login, self.user_officer.login)

        @fuzz_settings(8)
        @given(payload=markup_payloads())
        def show(payload):
            text, marker = payload
            # What the office types (a sector's name, the report's name) is shown as text.
            self.impact_sector.name = f"Sector {text}"
            self.report.name = f"Informe {text}"
            self.env.flush_all()
            self.env.invalidate_all()
            self.assertShownEscaped(self.report.summary_html, text, marker, "the form's figures")
            url = f"/report/html/ess_impact.report_ess_impact/{self.report.id}"
            page = self.fuzz_open("/report/html/<reportname>/<docids>", url)
            self.assertEqual(page.status_code, 200)
            self.assertShownEscaped(page.text, text, marker, "the PDF's HTML")

        show()
        self.assertFuzzed(8)

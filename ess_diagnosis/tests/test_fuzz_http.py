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

from .common import EssDiagnosisCommon

MODELS = ("ess.diagnosis", "ess.diagnosis.score", "survey.user_input", "mail.message", "ir.attachment")
FIELDS = ("name", "state", "partner_id", "score", "survey_id", "date", "user_input_ids", "no_such_field")


@tagged("post_install", "-at_install")
class TestDiagnosisFuzz(EssFuzzCase, EssDiagnosisCommon, HttpCase):
    """Bad input in the diagnoses' portal pages' parameters, payloads in what the pages
    and the PDF show again, and the JSON routes that reach the diagnoses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        answers = {cls.q_data_single: 3, cls.q_data_multi: [0, 1], cls.q_free: 2}
        cls.diagnosis_a = cls._done_diagnosis(cls, cls.entity_a, answers)
        cls.diagnosis_b = cls._done_diagnosis(cls, cls.entity_b, answers, partner=cls.contact_b)
        cls.others = (cls.diagnosis_b.id,)

    def _b_snapshot(self):
        self.env.invalidate_all()
        return self.diagnosis_b.read(["state", "score", "partner_id", "access_token"])

    def test_pages_and_their_parameters(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        token_b = self.diagnosis_b.sudo()._portal_ensure_token()

        @fuzz_settings(60)
        @given(
            route=st.sampled_from(("/my/diagnoses", "/my/diagnoses/page/<page>", "/my/diagnoses/<id>", "broken")),
            target=st.one_of(path_ids(self.others), st.just(self.diagnosis_a.id)),
            params=st.dictionaries(
                st.sampled_from(("page", "sortby", "filterby", "report_type", "access_token", "download", "search")),
                st.one_of(texts(max_huge=3000), numbers(), st.sampled_from(("html", "pdf", "text", "date", "score",
                                                                             token_b[:-1], "1", "true"))),
                max_size=4,
            ),
            query=broken_query(["page", "sortby", "filterby", "report_type", "access_token", "download"]),
        )  # fmt: skip
        def open_page(route, target, params, query):
            before, others = self.fuzz_rows(*MODELS[:4]), self._b_snapshot()
            if route == "broken":
                route, url = "/my/diagnoses/<id>", f"/my/diagnoses/{target}?{query}"
            else:
                path = route.replace("<id>", str(target)).replace("<page>", str(target))
                url = f"{path}?{self.fuzz_query(**params)}"
            response = self.fuzz_open(route, url)
            self.assertIn(response.status_code, (200, 303, 404), url)
            self.assertEqual(self._b_snapshot(), others)
            self.assertNothingCreated(before, url)
            if target == self.diagnosis_b.id and route == "/my/diagnoses/<id>":
                self.assertEqual(response.status_code, 404, "another entity's diagnosis, whatever the token")
            self.assertNotIn("Cooperativa B", response.text)
            for value in params.values():
                if "<" in value:
                    self.assertEscaped(response.text, value, url)

        open_page()
        self.assertFuzzed(60)

    def test_payloads_are_escaped_in_the_page_and_the_pdf(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        report = "ess_diagnosis.action_report_ess_diagnosis"

        @fuzz_settings(10)
        @given(payload=markup_payloads())
        def show(payload):
            text, marker = payload
            # What the office types about the entity (its name, say) is shown as text.
            self.entity_a.name = f"Cooperativa {text}"
            self.env.flush_all()
            for url in (
                f"/my/diagnoses/{self.diagnosis_a.id}",
                f"/my/diagnoses/{self.diagnosis_a.id}?report_type=html",
            ):
                page = self.fuzz_open("/my/diagnoses/<id>", url)
                self.assertEqual(page.status_code, 200)
                self.assertShownEscaped(page.text, text, marker, url)
            html = self.env["ir.actions.report"]._render_qweb_html(report, self.diagnosis_a.ids)[0].decode()
            self.assertShownEscaped(html, text, marker, "the PDF's HTML")

        show()
        self.assertFuzzed(20)

    def test_json_routes_as_portal_user_and_mentor(self):
        users = {"portal": self.portal_a, "mentor": self.user_mentor}

        @fuzz_settings(30)
        @given(
            who=st.sampled_from(sorted(users)),
            method=st.sampled_from(("read", "write", "search_read", "action_done", "action_cancel", "action_draft",
                                    "copy", "unlink", "create", "_ess_result_values")),
            ids=st.lists(path_ids(self.others + (self.diagnosis_a.id,)), min_size=1, max_size=2),
            values=st.dictionaries(st.sampled_from(FIELDS), rpc_values(), max_size=3),
        )  # fmt: skip
        def call(who, method, ids, values):
            if getattr(getattr(self, "session", None), "uid", None) != users[who].id:
                self.authenticate(users[who].login, users[who].login)
            before, others = self.fuzz_rows(*MODELS), self._b_snapshot()
            params = {"model": "ess.diagnosis", "method": method,
                      "args": self.fuzz_rpc_args("ess.diagnosis", method, ids, values), "kwargs": {}}  # fmt: skip
            _result, error = self.fuzz_rpc("/web/dataset/call_kw", "/web/dataset/call_kw", params)
            self.assertEqual(self._b_snapshot(), others, f"{who} {method}({ids}, {values!r:.200})")
            if error:
                self.assertNothingCreated(before, params)

        call()
        self.assertFuzzed(30)

    def test_searching_by_name_searches_the_entity(self):
        # Found by the fuzzer: the computed name could not be searched (core logged an
        # error and ignored the condition, returning every diagnosis).
        self.authenticate(self.user_officer.login, self.user_officer.login)
        rows, error = self.fuzz_rpc(
            "/web/dataset/call_kw",
            "/web/dataset/call_kw",
            {"model": "ess.diagnosis", "method": "search_read",
             "args": [[["name", "ilike", "Cooperativa A"], ["id", "in", (self.diagnosis_a | self.diagnosis_b).ids]],
                      ["name"]], "kwargs": {}},
        )  # fmt: skip
        self.assertIsNone(error)
        self.assertEqual([row["id"] for row in rows], self.diagnosis_a.ids)

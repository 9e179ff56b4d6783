import html
import json

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import HttpCase, tagged

from odoo.addons.ess_office_base.tests.fuzz import (
    EssFuzzCase,
    fuzz_settings,
    markup_payloads,
    numbers,
    path_ids,
    raw_bodies,
    rpc_values,
    texts,
)

from ..controllers.portal import KEPT_REASON_MAX, TOOL_NAME_MAX, USER_COUNT_MAX
from ..models.ess_tool_inventory_line import STATUSES, USAGES
from .test_inventory import EssInventoryCommon

MODELS = ("ess.tool.inventory.line", "project.task", "mail.message", "ess.catalogue.resource")
FORM_KEYS = ("name", "resource_id", "usage", "user_count", "data_location", "status", "kept_reason",
             "holds_personal_data", "partner_id", "alternative_id", "date_deadline")  # fmt: skip


def choices(valid):
    """A selection's value: one of ``valid`` most often, anything else sometimes."""
    return st.one_of(st.sampled_from(valid), st.sampled_from(valid), texts(max_huge=2000))


@tagged("post_install", "-at_install")
class TestInventoryFuzz(EssFuzzCase, EssInventoryCommon, HttpCase):
    """Bad input on /my/tools: the inventory lines' forms, plans, deletions and the
    suggestions, and the JSON routes that reach the lines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.itinerary_a = cls._start_itinerary(cls.entity_a)
        cls.line_b = cls._line(cls.proprietary_cloud, "email", 3, entity=cls.entity_b, name="Secret de B")
        cls.others = (cls.line_b.id, cls.draft.id, cls.submitted.id)

    def _b_snapshot(self):
        self.env.invalidate_all()
        return self.line_b.read(["name", "status", "user_count", "partner_id", "resource_id", "task_id"])

    def _form(self, draw_text, draw_number):
        return {
            "name": draw_text, "usage": "files", "user_count": draw_number, "status": "in_use",
            "data_location": "unknown",
        }  # fmt: skip

    def _valid(self, form):
        name, reason = form.get("name", "").strip(), form.get("kept_reason", "").strip()
        try:
            count = int(form.get("user_count", "").strip() or 0)
        except ValueError:
            return False
        return (
            0 < len(name) <= TOOL_NAME_MAX and len(reason) <= KEPT_REASON_MAX and 0 <= count <= USER_COUNT_MAX
            and form.get("usage", "").strip() in dict(USAGES)
            and form.get("status", "").strip() in set(dict(STATUSES)) - {"replaced"}
        )  # fmt: skip

    def test_adding_and_editing_lines(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        csrf = self.fuzz_csrf("/my/tools")
        line_own = self.line_own

        @fuzz_settings(60)
        @given(
            target=st.one_of(st.sampled_from(("add", "add", "own")), path_ids(self.others)),
            name=st.one_of(markup_payloads().map(lambda pair: pair[0]), texts()),
            kept_reason=st.one_of(st.just(""), markup_payloads().map(lambda pair: pair[0]), texts()),
            usage=choices([code for code, _label in USAGES]),
            status=choices([code for code, _label in STATUSES]),
            user_count=st.one_of(st.integers(0, 50).map(str), numbers()),
            resource_id=st.one_of(st.just(""), numbers(self.others + tuple(self.published.ids))),
            extra=st.dictionaries(st.sampled_from(("partner_id", "data_location", "holds_personal_data")),
                                  numbers((self.entity_b.id,)), max_size=2),
        )  # fmt: skip
        def submit(target, name, kept_reason, usage, status, user_count, resource_id, extra):
            form = dict(extra, name=name, kept_reason=kept_reason, usage=usage, status=status,
                        user_count=user_count, resource_id=resource_id, csrf_token=csrf)  # fmt: skip
            url = {"add": "/my/tools/add", "own": f"/my/tools/{line_own.id}"}.get(
                target, f"/my/tools/{target}"
            )
            before, others = self.fuzz_rows(*MODELS), self._b_snapshot()
            response = self.fuzz_open(
                "/my/tools/add" if target == "add" else "/my/tools/<id>", url, data=form
            )
            self.assertEqual(self._b_snapshot(), others, "another entity's line is unchanged")
            if target not in ("add", "own"):
                self.assertEqual(response.status_code, 404)
                self.assertNothingCreated(before, form)
                return
            if not self._valid(form):
                self.assertEqual(response.status_code, 400, form)
                self.assertNothingCreated(before, form)
                for payload in (name, kept_reason):
                    if "<" in payload:
                        self.assertEscaped(response.text, payload.strip(), "the form shown again")
                return
            if response.status_code == 400:  # a valid form that a rule refuses: a tool listed twice
                self.assertIn("is already in the inventory of", html.unescape(response.text), form)
                self.assertNothingCreated(before, form)
                self.assertEscaped(response.text, name.strip(), "the refusal")
                return
            self.assertEqual(response.status_code, 303, form)
            line = self.Line.search(
                [("partner_id", "=", self.entity_a.id)], order="write_date desc, id desc", limit=1
            )
            if target == "own":
                line = line_own
            self.assertEqual(line.partner_id, self.entity_a, "a line of the user's own entity only")
            self.assertEqual(line.name, name.replace("\x00", "").strip())
            if "<" in name + kept_reason:
                for page_url in ("/my/tools", f"/my/tools/{line.id}"):
                    page = self.fuzz_open("/my/tools/<id>" if line.id else "/my/tools", page_url)
                    self.assertEqual(page.status_code, 200)
                    self.assertEscaped(page.text, name.strip(), page_url)
                    if kept_reason.strip():
                        self.assertEscaped(page.text, kept_reason.strip(), page_url)

        submit()
        self.assertFuzzed(60)

    def test_plans_deletions_and_broken_bodies(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        csrf = self.fuzz_csrf("/my/tools")

        @fuzz_settings(45)
        @given(
            action=st.sampled_from(("plan", "delete", "add-raw", "plan-raw", "add-file", "plan-file")),
            target=st.one_of(st.sampled_from((self.line_big.id, self.line_old.id)), path_ids(self.others)),
            alternative_id=st.one_of(numbers(self.others + tuple(self.published.ids)),
                                     st.just(str(self.free_cloud.id))),
            date_deadline=st.one_of(st.sampled_from(("2020-01-01", "2999-12-31", "2026-02-30", "31/12/2027", "")),
                                    texts(max_huge=2000)),
            body=raw_bodies(list(FORM_KEYS)),
        )  # fmt: skip
        def post(action, target, alternative_id, date_deadline, body):
            before, others = self.fuzz_rows(*MODELS), self._b_snapshot()
            lines_a = self.Line.search([("partner_id", "=", self.entity_a.id)])
            if action == "delete":
                target = target if target not in lines_a.ids else self.line_b.id  # A's lines stay
                response = self.fuzz_open("/my/tools/<id>/delete", f"/my/tools/{target}/delete",
                                          data={"csrf_token": csrf})  # fmt: skip
                self.assertEqual(response.status_code, 404)
                self.assertNothingCreated(before, target)
            elif action == "plan":
                data = {"alternative_id": alternative_id, "date_deadline": date_deadline, "csrf_token": csrf}
                response = self.fuzz_open("/my/tools/<id>/plan", f"/my/tools/{target}/plan", data=data)
                if response.status_code != 303:
                    self.assertIn(response.status_code, (400, 404))
                    self.assertNothingCreated(before, data)
                    if "<" in date_deadline and response.status_code == 400:
                        self.assertEscaped(response.text, date_deadline, "the plan form")
                else:
                    self.assertEqual(target, self.line_big.id)
                    task = self.line_big.task_id
                    self.assertTrue(task)
                    self.assertMailsSafe(self.line_big.name, "<")
            elif action.endswith("file"):  # files sent where the form's texts are expected
                url = "/my/tools/add" if action == "add-file" else f"/my/tools/{target}/plan"
                files = {
                    key: (f"{key}.txt", body)
                    for key in ("name", "kept_reason", "date_deadline", "resource_id")
                }
                data = {"csrf_token": csrf, "usage": "files", "status": "in_use"}
                response = self.fuzz_open(f"/my/tools/<{action}>", url, data=data, files=files)
                self.assertIn(response.status_code, (400, 404))
                self.assertNothingCreated(before, action)
            else:
                url = "/my/tools/add" if action == "add-raw" else f"/my/tools/{target}/plan"
                response = self.fuzz_open(f"/my/tools/<{action}>", url, data=body + b"&csrf_token=" + csrf.encode(),
                                          headers={"Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
                if response.status_code != 303:
                    self.assertNothingCreated(before, body)
            self.assertEqual(self._b_snapshot(), others)

        post()
        self.assertFuzzed(45)

    def test_pages_and_suggestions(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)

        @fuzz_settings(30)
        @given(
            route=st.sampled_from(("/my/tools/suggest", "/my/tools/<id>", "/my/tools")),
            term=texts(max_huge=5000),
            target=st.one_of(path_ids(self.others), st.just(self.line_own.id)),
        )
        def open_page(route, term, target):
            query = self.fuzz_query(term=term, message=term)
            url = {"/my/tools/<id>": f"/my/tools/{target}?{query}", "/my/tools": f"/my/tools?{query}"}.get(
                route, f"/my/tools/suggest?{query}"
            )
            response = self.fuzz_open(route, url)
            if route == "/my/tools/suggest":
                self.assertEqual(response.status_code, 200)
                suggestions = json.loads(response.text)
                self.assertLessEqual(
                    {row["id"] for row in suggestions}, set(self.published.ids), "published tools only"
                )
                return
            self.assertIn(response.status_code, (200, 404))
            self.assertNotIn("Secret de B", response.text)
            if "<" in term:
                self.assertEscaped(response.text, term, url)

        open_page()
        self.assertFuzzed(30)

    def test_json_routes_as_portal_user_and_mentor(self):
        users = {"portal": self.portal_a, "mentor": self.user_mentor}
        line_fields = ("name", "status", "partner_id", "user_count", "resource_id", "task_id", "kept_reason",
                       "usage", "no_such_field")  # fmt: skip

        @fuzz_settings(40)
        @given(
            who=st.sampled_from(sorted(users)),
            method=st.sampled_from(("read", "write", "create", "unlink", "action_plan_migration", "search_read",
                                    "_ess_plan_migration", "copy")),
            ids=st.lists(path_ids(self.others + (self.line_big.id,)), min_size=1, max_size=2),
            values=st.dictionaries(st.sampled_from(line_fields), rpc_values(), max_size=3),
        )  # fmt: skip
        def call(who, method, ids, values):
            if getattr(getattr(self, "session", None), "uid", None) != users[who].id:
                self.authenticate(users[who].login, users[who].login)
            before, others = self.fuzz_rows(*MODELS), self._b_snapshot()
            args = self.fuzz_rpc_args("ess.tool.inventory.line", method, ids, values)
            params = {"model": "ess.tool.inventory.line", "method": method, "args": args, "kwargs": {}}
            _result, error = self.fuzz_rpc("/web/dataset/call_kw", "/web/dataset/call_kw", params)
            self.assertEqual(self._b_snapshot(), others, f"{who} {method}({ids}, {values!r:.200})")
            if error:
                self.assertNothingCreated(before, params)

        call()
        self.assertFuzzed(40)

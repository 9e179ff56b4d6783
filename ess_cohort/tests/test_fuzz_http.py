from datetime import timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from odoo.tests import HttpCase, tagged

from odoo.addons.ess_office_base.tests.fuzz import (
    EssFuzzCase,
    fuzz_settings,
    markup_payloads,
    path_ids,
    raw_bodies,
    rpc_values,
    texts,
)

from ..controllers.portal import LEARNING_MAX
from .common import EssCohortCommon

MODELS = ("ess.cohort", "ess.cohort.member", "ess.cohort.session", "ess.cohort.attendance", "mail.message",
          "mail.activity", "calendar.event")  # fmt: skip
RPC_CALLS = (
    ("ess.cohort", ("read", "write", "action_open", "action_start", "action_close", "action_draft",
                    "action_generate_sessions", "_ess_apply", "unlink", "copy")),
    ("ess.cohort.member", ("read", "write", "create", "action_accept", "action_withdraw", "unlink")),
    ("ess.cohort.session", ("read", "write", "action_take_attendance", "_ess_register", "unlink", "copy")),
    ("ess.cohort.attendance", ("read", "write", "create", "unlink")),
)  # fmt: skip
FIELDS = ("name", "state", "learnings", "topic", "cohort_id", "partner_id", "member_ids", "is_open", "capacity",
          "members_write_learnings", "session_id", "present", "date", "no_such_field")  # fmt: skip


@tagged("post_install", "-at_install")
class TestCohortFuzz(EssFuzzCase, EssCohortCommon, HttpCase):
    """Bad input on /my/cohorts: applications, registrations, learnings and the
    calendar file, and the JSON routes that reach cohorts, members and sessions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cohort_a.members_write_learnings = True
        cls.cohort_b.members_write_learnings = True
        cls.cohort_open = cls._cohort("Cohort open", state="open")
        cls.open_session = cls.env["ess.cohort.session"].create(
            {"cohort_id": cls.cohort_b.id, "date": cls.now + timedelta(days=10), "topic": "Open to all",
             "is_open": True, "capacity": 30}
        )  # fmt: skip
        cls.others = (cls.cohort_b.id, cls.past_b.id, cls.next_b.id, cls.cohort_open.id, cls.open_session.id)

    def _b_snapshot(self):
        self.env.invalidate_all()
        return (
            (self.past_b | self.next_b).read(["learnings", "topic", "date", "cohort_id"]),
            self.cohort_b.read(["name", "state", "member_ids"]),
        )

    def test_learnings(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        csrf = self.fuzz_csrf("/my/cohorts")

        @fuzz_settings(40)
        @example(target=self.past_a.id, learning=("Bé\x00", None), with_csrf=True)
        @given(
            target=st.one_of(st.sampled_from((self.past_a.id, self.past_a.id, self.next_a.id)), path_ids(self.others)),
            learning=st.one_of(markup_payloads(), texts().map(lambda text: (text, None))),
            with_csrf=st.booleans(),
        )  # fmt: skip
        def write_learning(target, learning, with_csrf):
            payload, marker = learning
            before, others = self.fuzz_rows(*MODELS), self._b_snapshot()
            old = self.past_a.learnings
            data = {"learning": payload, **({"csrf_token": csrf} if with_csrf else {})}
            url = f"/my/cohorts/session/{target}/learning"
            response = self.fuzz_open("/my/cohorts/session/<id>/learning", url, data=data)
            self.assertEqual(self._b_snapshot(), others, "another cohort's sessions are unchanged")
            self.assertNothingCreated(before, data)
            text = payload.strip()
            if not (target == self.past_a.id and with_csrf and text and len(text) <= LEARNING_MAX):
                self.assertIn(response.status_code, (400, 404))
                self.assertEqual(self.past_a.learnings, old)
                if response.status_code == 400 and "<" in text:
                    self.assertEscaped(response.text, text, "the cohort's page with the error")
                return
            self.assertEqual(response.status_code, 303)
            self.assertSanitized(self.past_a.learnings, marker, "the session's learnings")
            if marker:
                self.assertIn(marker, str(self.past_a.learnings))
                page = self.fuzz_open("/my/cohorts/<id>", f"/my/cohorts/{self.cohort_a.id}")
                self.assertShownEscaped(page.text, text, marker, "the cohort's page")

        write_learning()
        self.assertFuzzed(40)

    def test_applications_registrations_and_pages(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        csrf = self.fuzz_csrf("/my/cohorts")

        @fuzz_settings(50)
        @given(
            route=st.sampled_from(("/my/cohorts/<id>/apply", "/my/cohorts/session/<id>/register",
                                   "/my/cohorts/session/<id>/ics", "/my/cohorts/<id>", "/my/cohorts",
                                   "raw")),
            target=st.one_of(path_ids(self.others), st.sampled_from((self.cohort_a.id, self.next_a.id))),
            extra=st.dictionaries(st.sampled_from(("partner_id", "entity_id", "cohort_id", "state")),
                                  texts(max_huge=2000), max_size=2),
            body=raw_bodies(["learning", "partner_id", "csrf_token"]),
            with_csrf=st.booleans(),
        )  # fmt: skip
        def request(route, target, extra, body, with_csrf):
            before, others = self.fuzz_rows(*MODELS), self._b_snapshot()
            url = route.replace("<id>", str(target))
            if route == "raw":
                url = f"/my/cohorts/session/{target}/learning"
                response = self.fuzz_open(
                    "/my/cohorts/session/<id>/learning", url, data=body + b"&csrf_token=" + csrf.encode(),
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                )  # fmt: skip
            elif route.endswith(("apply", "register")):
                data = dict(extra, **({"csrf_token": csrf} if with_csrf else {}))
                response = self.fuzz_open(route, url, data=data or {"x": "1"})
            else:
                response = self.fuzz_open(route, f"{url}?{self.fuzz_query(**extra)}")
            self.assertEqual(self._b_snapshot(), others)
            accepted = response.status_code in (200, 303) and route.endswith(("apply", "register"))
            if not accepted and route != "raw":
                self.assertNothingCreated(before, (url, extra))
            if accepted:
                self.assertIn(target, (self.cohort_open.id, self.open_session.id), "only what is open to all")
            for value in extra.values():
                if "<" in value:
                    self.assertEscaped(response.text, value, url)

        request()
        self.assertFuzzed(50)

    def test_json_routes_as_portal_user_and_mentor(self):
        users = {"portal": self.portal_a, "mentor": self.user_facilitator}
        calls = [(model, method) for model, methods in RPC_CALLS for method in methods]

        @fuzz_settings(40)
        @given(
            who=st.sampled_from(sorted(users)),
            call=st.sampled_from(calls),
            ids=st.lists(path_ids(self.others + (self.past_a.id, self.cohort_a.id)), min_size=1, max_size=2),
            values=st.dictionaries(st.sampled_from(FIELDS), rpc_values(), max_size=3),
        )
        def call(who, call, ids, values):
            model, method = call
            if getattr(getattr(self, "session", None), "uid", None) != users[who].id:
                self.authenticate(users[who].login, users[who].login)
            before, others = self.fuzz_rows(*MODELS), self._b_snapshot()
            params = {"model": model, "method": method, "args": self.fuzz_rpc_args(model, method, ids, values),
                      "kwargs": {}}  # fmt: skip
            _result, error = self.fuzz_rpc("/web/dataset/call_kw", "/web/dataset/call_kw", params)
            self.assertEqual(self._b_snapshot(), others, f"{who} {model}.{method}({ids}, {values!r:.200})")
            if error:
                self.assertNothingCreated(before, params)

        call()
        self.assertFuzzed(40)

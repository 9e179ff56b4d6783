from hypothesis import example, given
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

from ..controllers.portal import COMMENT_MAX_LENGTH
from .common import EssMentoringCommon

MODELS = ("ess.mentoring.contract", "ess.mentoring.followup", "mail.message", "project.task")
CONTRACT_METHODS = ("read", "write", "search_read", "action_activate", "action_done", "action_cancel",
                    "action_draft", "action_suggest_mentors", "action_view_followups", "_ess_accept",
                    "unlink")  # fmt: skip
FOLLOWUP_METHODS = ("read", "write", "search_read", "unlink", "copy", "_ess_set_entity_comment")
FIELDS = ("name", "hours_budget", "state", "partner_id", "mentor_id", "entity_comment", "summary", "hours",
          "contract_id", "week_start", "accepted_by_id", "date_start", "no_such_field")  # fmt: skip


@tagged("post_install", "-at_install")
class TestMentoringFuzz(EssFuzzCase, EssMentoringCommon, HttpCase):
    """Bad input on the mentoring pages and forms, and on the JSON routes that reach
    contracts and follow-ups, as entity A's person and as A's mentor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.followup_a = cls._followup(cls, cls.contract_a, summary="Setmana d'A")
        cls.followup_b = cls._followup(cls, cls.contract_b, summary="Setmana de B", entity_comment="De B")
        cls.draft_b = cls._contract(cls, cls.entity_b, cls.mentor_b, hours_budget=30)
        cls.others = cls.followup_b.ids + (cls.contract_b | cls.draft_b).ids

    def _b_snapshot(self):
        self.env.invalidate_all()
        return (
            self.followup_b.read(["entity_comment", "summary", "hours", "contract_id"]),
            (self.contract_b | self.draft_b).read(["state", "hours_budget", "accepted_by_id", "partner_id"]),
        )

    def test_follow_up_comment_form(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        csrf = self.fuzz_csrf()

        @fuzz_settings(45)
        @example(target="own", comment="Bé\x00", with_csrf=True)
        @example(target="own", comment="<script>ess-fuzz-1</script>", with_csrf=True)
        @given(
            target=st.one_of(st.just("own"), path_ids(self.others)),
            comment=st.one_of(texts(), markup_payloads().map(lambda pair: pair[0])),
            with_csrf=st.booleans(),
        )
        def post_a_comment(target, comment, with_csrf):
            followup_id = self.followup_a.id if target == "own" else target
            before, others = self.fuzz_rows(*MODELS), self._b_snapshot()
            old_comment = self.followup_a.entity_comment
            data = {"comment": comment, **({"csrf_token": csrf} if with_csrf else {"x": "1"})}
            url = f"/my/mentoring/followup/{followup_id}/comment"
            response = self.fuzz_open("/my/mentoring/followup/<id>/comment", url, data=data)
            self.assertEqual(self._b_snapshot(), others, "another entity's records are unchanged")
            accepted = target == "own" and with_csrf and len(comment.strip()) <= COMMENT_MAX_LENGTH
            if not accepted:
                self.assertIn(
                    response.status_code, (400, 404) if target != "own" or not with_csrf else (303,)
                )
                self.assertNothingCreated(before, data)
                self.assertEqual(self.followup_a.entity_comment, old_comment)
                return
            self.assertEqual(response.status_code, 303)
            self.assertTrue(response.headers["Location"].endswith("?message=saved"))
            # NUL characters are dropped (PostgreSQL stores none), the rest is kept as typed.
            self.assertEqual(self.followup_a.entity_comment or "", comment.replace("\x00", "").strip())
            if "<" in comment:
                page = self.fuzz_open("/my/mentoring/followup/<id>", self.followup_a.access_url)
                self.assertEqual(page.status_code, 200)
                self.assertEscaped(page.text, comment.strip(), "the follow-up's page")
                self.assertMailsSafe("ess", comment.strip())

        post_a_comment()
        self.assertFuzzed(45)

    def test_broken_form_bodies(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        csrf = self.fuzz_csrf()

        @fuzz_settings(25)
        @given(
            body=raw_bodies(["comment", "csrf_token", "accept", "x"]),
            route=st.sampled_from(("comment", "accept", "file")),
            with_csrf=st.booleans(),
        )
        def post_broken(body, route, with_csrf):
            # A comment may be accepted (an empty one, say): it changes A's week only.
            before, others = self.fuzz_rows(*MODELS[:2], *MODELS[3:]), self._b_snapshot()
            if with_csrf:
                body += b"&csrf_token=" + csrf.encode()
            url = (
                f"/my/mentoring/{self.draft_b.id}/accept"
                if route == "accept"
                else f"/my/mentoring/followup/{self.followup_a.id}/comment"
            )
            if route == "file":  # a file sent where the comment's text is expected
                self.fuzz_open("/my/mentoring/followup/<id>/comment", url, data={"csrf_token": csrf},
                               files={"comment": ("comment.txt", body)})  # fmt: skip
            else:
                self.fuzz_open(
                    f"/my/mentoring/<{route}>", url, data=body,
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                )  # fmt: skip
            self.assertEqual(self._b_snapshot(), others)
            self.assertNothingCreated(before, body)

        post_broken()
        self.assertFuzzed(25)

    def test_pages_and_their_parameters(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        routes = {
            "/my/mentoring": "/my/mentoring?sortby={text}&page={number}",
            "/my/mentoring/page/<page>": "/my/mentoring/page/{path_id}?sortby={text}",
            "/my/mentoring/<id>": "/my/mentoring/{target}?access_token={text}&message={text}",
            "/my/mentoring/followup/<id>": "/my/mentoring/followup/{target}?access_token={text}&message={text}",
        }

        @fuzz_settings(40)
        @given(
            route=st.sampled_from(sorted(routes)),
            text=texts(max_huge=3000),
            number=numbers(),
            path_id=path_ids(),
            target=st.one_of(
                path_ids(self.others), st.sampled_from((self.contract_a.id, self.followup_a.id))
            ),
        )
        def open_page(route, text, number, path_id, target):
            quoted = self.fuzz_query(t=text)[2:]
            url = routes[route].format(text=quoted, number=self.fuzz_query(n=number)[2:], path_id=path_id,
                                       target=target)  # fmt: skip
            response = self.fuzz_open(route, url)
            self.assertIn(response.status_code, (200, 303, 404))
            if "<" in text:
                self.assertEscaped(response.text, text, url)
            for secret in ("Setmana de B", "De B"):
                self.assertNotIn(secret, response.text)

        open_page()
        self.assertFuzzed(40)

    def test_accepting_a_contract(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        csrf = self.fuzz_csrf()

        @fuzz_settings(20)
        @given(
            target=path_ids(self.others + self.contract_a.ids),
            extra=st.dictionaries(
                st.sampled_from(("accept", "partner_id", "state", "accepted_by_id")),
                numbers(self.others),
                max_size=3,
            ),
        )
        def accept(target, extra):
            before, others = self.fuzz_rows(*MODELS), self._b_snapshot()
            state_a = self.contract_a.state
            response = self.fuzz_open(
                "/my/mentoring/<id>/accept",
                f"/my/mentoring/{target}/accept",
                data=dict(extra, csrf_token=csrf),
            )
            self.assertEqual(self._b_snapshot(), others)
            self.assertNothingCreated(before, (target, extra))
            if target == self.contract_a.id:
                self.assertEqual(response.status_code, 303, "an active contract is not accepted again")
                self.assertIn("not_waiting", response.headers["Location"])
                self.assertEqual(self.contract_a.state, state_a)
            else:
                self.assertEqual(response.status_code, 404)

        accept()
        self.assertFuzzed(20)

    def test_json_routes_as_portal_user_and_mentor(self):
        users = {"portal": self.portal_a, "mentor": self.user_mentor}

        @fuzz_settings(60)
        @given(
            who=st.sampled_from(sorted(users)),
            call=st.one_of(
                st.tuples(st.just("ess.mentoring.contract"), st.sampled_from(CONTRACT_METHODS)),
                st.tuples(st.just("ess.mentoring.followup"), st.sampled_from(FOLLOWUP_METHODS)),
                st.tuples(
                    st.sampled_from(("ess.mentoring.followup", "ess.mentoring.contract")), st.just("post")
                ),
            ),
            ids=st.lists(
                path_ids(self.others + self.followup_a.ids + self.contract_a.ids), min_size=1, max_size=2
            ),
            values=st.dictionaries(st.sampled_from(FIELDS), rpc_values(), max_size=3),
            body=texts(max_huge=20_000),
        )
        def call(who, call, ids, values, body):
            model, method = call
            if getattr(getattr(self, "session", None), "uid", None) != users[who].id:
                self.authenticate(users[who].login, users[who].login)
            before, others = self.fuzz_rows(*MODELS), self._b_snapshot()
            if method == "post":
                params = {
                    "thread_model": model,
                    "thread_id": ids[0],
                    "post_data": {"body": body, "message_type": "comment"},
                }
                result, error = self.fuzz_rpc("/mail/message/post", "/mail/message/post", params)
            else:
                args = (
                    [ids, body]
                    if method == "_ess_set_entity_comment"
                    else self.fuzz_rpc_args(model, method, ids, values)
                )
                result, error = self.fuzz_rpc(
                    "/web/dataset/call_kw", "/web/dataset/call_kw",
                    {"model": model, "method": method, "args": args, "kwargs": {}},
                )  # fmt: skip
            self.assertEqual(self._b_snapshot(), others, f"{who} {model}.{method}({ids}) changed B's records")
            if error:
                self.assertNothingCreated(before, (who, model, method, ids))
            if method == "post" and not error:
                self.assertIn(ids[0], self.followup_a.ids, "posted only on entity A's follow-up")
                message = self.env["mail.message"].search([], order="id desc", limit=1)
                self.assertSanitized(message.body, body[:20], "the posted message")

        call()
        self.assertFuzzed(60)

from urllib.parse import urlencode

from hypothesis import example, given
from hypothesis import strategies as st

from odoo.tests import HttpCase, tagged

from odoo.addons.ess_office_base.tests.fuzz import EssFuzzCase, fuzz_settings, numbers, rpc_values, texts

from .common import EssLearningCommon

MODELS = ("slide.channel.partner", "slide.slide.partner", "ess.mentoring.goal", "mail.mail")


@tagged("post_install", "-at_install")
class TestLearningFuzz(EssFuzzCase, EssLearningCommon, HttpCase):
    """Bad input on the bootcamp's pages and actions: the listing's dimension filter and
    search, /my/learning, and the goal's and session's actions called over RPC with any
    ids and arguments."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.goal = cls.env["ess.mentoring.goal"].create(
            {"contract_id": cls.contract_a.id, "name": "Fuzz", "course_ids": [(6, 0, cls.course_free.ids)]}
        )

    def test_the_listing_and_my_learning(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)

        @fuzz_settings(40)
        @example(dimension="1" * 40, search="%", path="/slides/all")
        @example(dimension="-1", search="<b>x</b>", path="/my/learning")
        @given(
            dimension=st.one_of(numbers(ids=(self.dim_free.id, self.dim_data.id)), texts(max_huge=500)),
            search=texts(max_huge=500),
            path=st.sampled_from(("/slides/all", "/my/learning", "/slides")),
        )
        def browse(dimension, search, path):
            query = urlencode({"dimension": dimension, "search": search, "prevent_redirect": "1"})
            page = self.fuzz_open(path, f"{path}?{query}").text
            if path == "/slides/all" and dimension == str(self.dim_free.id) and not search:
                self.assertIn(self.course_free.name, page)
                self.assertNotIn(self.course_green.name, page)

        browse()
        self.assertFuzzed(40)

    def test_actions_over_rpc(self):
        before = self.fuzz_rows(*MODELS)
        self.authenticate(self.portal_b.login, self.portal_b.login)

        @fuzz_settings(30)
        @example(
            model="ess.mentoring.goal", method="action_ess_confirm_achieved", ids=[self.goal.id], context={}
        )
        @example(
            model="ess.cohort.session", method="action_ess_invite_to_course", ids=[self.next_a.id], context={}
        )
        @given(
            model=st.sampled_from(("ess.mentoring.goal", "ess.cohort.session")),
            method=st.sampled_from(("action_ess_confirm_achieved", "action_ess_invite_to_course")),
            ids=st.lists(
                st.one_of(
                    st.sampled_from([self.goal.id, self.next_a.id, self.next_b.id]),
                    st.integers(-(2**31), 2**31 - 1),
                ),
                max_size=3,
            ),
            context=st.dictionaries(
                st.sampled_from(("lang", "active_test", "uid", "ess_x")), rpc_values(), max_size=2
            ),
        )
        def call(model, method, ids, context):
            self.fuzz_rpc(
                "/web/dataset/call_kw",
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": [ids], "kwargs": {"context": context}},
            )

        call()
        self.assertNothingCreated(before, "the bootcamp's actions as another entity's person")
        self.goal.invalidate_recordset()
        self.assertEqual(self.goal.state, "open")
        self.assertFuzzed(30)

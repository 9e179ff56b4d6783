import html
import json
import re
from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.ess_office_base.tests.common import page_queries

from .common import EssMentoringCommon


@tagged("post_install", "-at_install")
class TestMentoringPortal(EssMentoringCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract_a.goal_ids = [(0, 0, {"name": "Tenir un núvol propi", "dimension_id": cls.dim_free.id})]
        cls.followup_a = cls._followup(
            cls, cls.contract_a, hours=3, summary="Instal·lació del núvol", next_steps="Migrar les carpetes"
        )
        cls.followup_b = cls._followup(cls, cls.contract_b, summary="Setmana de B, confidencial")

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def csrf_token(self):
        """The session's CSRF token, as a page of the portal carries it."""
        return re.search(r'csrf_token: "([^"]+)"', self.url_open("/my").text).group(1)

    def test_home_counter_and_list_show_only_the_entitys_contracts(self):
        self._login(self.portal_a)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["ess_mentoring_count"]})
        self.assertEqual(counters["ess_mentoring_count"], 1)
        page = self.url_open("/my/mentoring").text
        self.assertIn(self.contract_a.name, page)
        self.assertNotIn(self.contract_b.name, page)

    def test_contract_page_shows_terms_team_goals_hours_and_timeline(self):
        self._login(self.portal_a)
        response = self.url_open(f"/my/mentoring/{self.contract_a.id}")
        self.assertEqual(response.status_code, 200)
        page = response.text
        for expected in (self.mentor_a.name, self.expert.name, "Tenir un núvol propi", "Instal·lació del núvol",
                         "o_ess_hours_gauge", self.followup_a.access_url):  # fmt: skip
            self.assertIn(expected, page)
        burndown = json.loads(html.unescape(page.split('data-burndown="')[1].split('"')[0]))
        self.assertEqual(burndown["ideal"][0], 50)
        self.assertEqual(burndown["ideal"][-1], 0)
        self.assertEqual(burndown["actual"][9], 47, "3 hours used in the week of 2 March, the 10th week")
        self.assertNotIn("o_ess_accept", page, "an active contract is not accepted again")

    def test_an_employee_outside_the_office_gets_an_empty_list(self):
        self._login(self.user_employee)
        response = self.url_open("/my/mentoring")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your entity has no mentoring contract yet", response.text)

    def test_another_entity_and_the_public_get_nothing(self):
        self._login(self.portal_b)
        for url in (self.contract_a.access_url, self.followup_a.access_url):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(self.contract_a.name, response.text)
                self.assertNotIn("Instal·lació del núvol", response.text)
        self.authenticate(None, None)
        self.assertEqual(self.url_open(f"/my/mentoring/{self.contract_a.id}").status_code, 404)
        self.assertIn("/web/login", self.url_open("/my/mentoring").url)

    def test_the_entity_accepts_with_a_protected_post(self):
        draft = self._contract(self.entity_a, self.mentor_a)
        self._login(self.portal_b)
        response = self.url_open(f"/my/mentoring/{draft.id}/accept", data={"csrf_token": self.csrf_token()})
        self.assertEqual(response.status_code, 404)
        self._login(self.portal_a)
        page = self.url_open(f"/my/mentoring/{draft.id}").text
        self.assertIn("o_ess_accept", page)
        response = self.url_open(f"/my/mentoring/{draft.id}/accept", data={"accept": "1"})
        self.assertEqual(response.status_code, 400, "no CSRF token, no acceptance")
        self.assertFalse(draft.accepted_by_id)
        response = self.url_open(f"/my/mentoring/{draft.id}/accept", data={"csrf_token": self.csrf_token()})
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_ess_accepted_message", response.text)
        self.assertEqual(draft.accepted_by_id, self.contact_a)
        self.assertEqual(draft.activity_ids.user_id, self.user_officer)

    def test_the_entity_comments_on_its_week_only(self):
        self._login(self.portal_b)
        response = self.url_open(
            f"/my/mentoring/followup/{self.followup_a.id}/comment",
            data={"comment": "B was here", "csrf_token": self.csrf_token()},
        )
        self.assertEqual(response.status_code, 404)
        self._login(self.portal_a)
        response = self.url_open(
            f"/my/mentoring/followup/{self.followup_a.id}/comment",
            data={"comment": "<script>alert(1)</script> Molt útil", "csrf_token": self.csrf_token()},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.followup_a.entity_comment, "<script>alert(1)</script> Molt útil")
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; Molt útil", response.text, "escaped where shown")
        self.assertNotIn("<script>alert(1)", response.text)
        response = self.url_open(
            f"/my/mentoring/followup/{self.followup_a.id}/comment",
            data={"comment": "x" * 5001, "csrf_token": self.csrf_token()},
        )
        self.assertIn("too long", response.text)
        self.assertTrue(self.followup_a.entity_comment.endswith("Molt útil"))
        page = self.url_open(self.followup_a.access_url).text
        self.assertIn('data-res_model="ess.mentoring.followup"', page, "the week's portal chatter")

    def test_the_entity_member_posts_in_the_follow_up_thread(self):
        self._login(self.portal_a)
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "ess.mentoring.followup",
                "thread_id": self.followup_a.id,
                "post_data": {"body": "Una pregunta sobre les carpetes", "message_type": "comment"},
            },
        )
        self.assertIn("Una pregunta sobre les carpetes", self.followup_a.message_ids[0].body)
        self.assertEqual(self.followup_a.message_ids[0].author_id, self.contact_a)

    def test_contract_page_queries_do_not_grow_with_a_year_of_follow_ups(self):
        self.contract_a.hours_budget = 2000
        weeks = self._weeks(date(2026, 1, 5), 50)
        url = f"/my/mentoring/{self.contract_a.id}"
        self._login(self.portal_a)
        counts = {}
        created = self.env["ess.mentoring.followup"]
        for size in (5, 50):
            created |= self.env["ess.mentoring.followup"].create(
                [
                    {
                        "contract_id": self.contract_a.id,
                        "member_id": self.expert.id,
                        "week_start": week,
                        "hours": 2,
                        "summary": f"Setmana {index}",
                        "entity_comment": f"Comentari {index}",
                    }
                    for index, week in enumerate(weeks[:size])
                    if week not in created.mapped("week_start")
                ]
            )
            self.env.flush_all()
            counts[size] = page_queries(self, url)[0]
        self.assertEqual(len(self.contract_a.followup_ids), 51)
        self.assertEqual(counts[5], counts[50], f"queries: {counts}")
        self.assertLess(counts[50], 40)

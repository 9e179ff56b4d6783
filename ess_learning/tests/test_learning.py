import html

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import EssLearningCommon


class EssLearningCase(EssLearningCommon):
    @classmethod
    def _weak_diagnosis(cls, entity=None, partner=None):
        """A diagnosis of entity A done with zero on data management and free software."""
        return cls._done_diagnosis(
            cls,
            entity or cls.entity_a,
            {cls.q_data_single: 0, cls.q_data_multi: [3], cls.q_free: 0},
            partner=partner,
        )


@tagged("post_install", "-at_install")
class TestRecommendedCourses(EssLearningCase):
    def test_the_weakest_dimensions_recommend_their_published_courses(self):
        diagnosis = self._weak_diagnosis()
        self.assertEqual(diagnosis._ess_weakest_scores().dimension_id, self.dim_data | self.dim_free)
        recommended = diagnosis._ess_recommended_courses()
        self.assertEqual(set(recommended), {self.course_free, self.course_data})
        self.assertNotIn(
            self.course_green, recommended, "green digitalisation is not a gap of this diagnosis"
        )
        weakest = diagnosis._ess_weakest_scores()[0].dimension_id
        self.assertIn(weakest, recommended[0].ess_dimension_ids, "the weakest dimension's course first")
        self.assertEqual(diagnosis.recommended_course_ids, recommended)

        self.course_free.is_published = False
        self.assertEqual(
            diagnosis._ess_recommended_courses(), self.course_data, "unpublished courses are left out"
        )

    def test_the_lowest_level_first_within_a_dimension(self):
        advanced = self._course(
            "Curs de dades avançat", self.dim_data, self.env.ref("ess_diagnosis.ess_diagnosis_level_advanced")
        )
        self.course_free.ess_dimension_ids = self.dim_data
        diagnosis = self._weak_diagnosis()
        recommended = diagnosis._ess_recommended_courses(limit=10)
        self.assertLess(list(recommended).index(self.course_data), list(recommended).index(advanced))

    def test_a_strong_diagnosis_recommends_nothing(self):
        strong = self._done_diagnosis(
            self.entity_b,
            {self.q_data_single: 4, self.q_data_multi: [0, 1, 2], self.q_free: 4},
            partner=self.contact_b,
        )
        self.assertFalse(strong._ess_recommended_courses())

    def test_the_report_lists_the_recommended_courses_after_the_resources(self):
        diagnosis = self._weak_diagnosis()
        html = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_html("ess_diagnosis.action_report_ess_diagnosis", diagnosis.ids)[0]
            .decode()
        )
        section = html[html.index("o_ess_recommended_courses") :]
        self.assertIn(self.course_free.name, section)
        self.assertIn(self.course_data.name, section)
        self.assertNotIn(self.course_green.name, section)


@tagged("post_install", "-at_install")
class TestGoalsAndSessions(EssLearningCase):
    def _goal(self, courses, contract=None):
        return self.env["ess.mentoring.goal"].create(
            {"contract_id": (contract or self.contract_a).id, "name": "Passar-se al programari lliure",
             "dimension_id": self.dim_free.id, "course_ids": [(6, 0, courses.ids)]}
        )  # fmt: skip

    def test_a_goal_is_proposed_achieved_once_each_course_is_completed(self):
        goal = self._goal(self.course_free | self.course_green)
        with self.assertRaises(UserError):
            goal.with_user(self.user_mentor).action_ess_confirm_achieved()
        self._complete(self.portal_a, self.course_free)
        goal.invalidate_recordset()
        self.assertEqual(goal.ess_completion_ids.partner_id, self.contact_a)
        self.assertFalse(goal.ess_courses_completed, "one of its two courses only")
        self.assertFalse(goal.ess_proposed_date)

        self._complete(self.portal_a, self.course_green)
        goal.invalidate_recordset()
        self.assertTrue(goal.ess_courses_completed)
        self.assertTrue(goal.ess_proposed_date)
        self.assertEqual(goal.state, "open", "proposed, not achieved: the mentor confirms")
        activity = self.contract_a.activity_ids.filtered(lambda a: "confirm it is achieved" in a.summary)
        self.assertEqual(activity.user_id, self.user_mentor, "the contract's main mentor is asked")

        # Who sees the completions: the goal's mentors and officers, the entity's people.
        for user in (self.user_mentor, self.user_officer):
            self.assertEqual(goal.with_user(user).ess_completion_ids.partner_id, self.contact_a)
            self.assertEqual(
                self.contract_a.with_user(user).ess_course_completion_ids.channel_id,
                self.course_free | self.course_green,
            )
        self.assertEqual(goal.with_user(self.portal_a).ess_completion_ids.partner_id, self.contact_a)

        with self.assertRaises(AccessError):
            goal.with_user(self.user_mentor_b).action_ess_confirm_achieved()
        with self.assertRaises(AccessError):
            goal.with_user(self.portal_a).action_ess_confirm_achieved()
        self.assertEqual(goal.state, "open")
        goal.with_user(self.user_mentor).action_ess_confirm_achieved()
        self.assertEqual(goal.state, "achieved")
        self.assertFalse(
            self.contract_a.activity_ids.filtered(lambda a: "confirm it is achieved" in a.summary)
        )

    def test_completions_of_another_entity_do_not_count(self):
        goal = self._goal(self.course_free)
        self._complete(self.portal_b, self.course_free)
        goal.invalidate_recordset()
        self.assertFalse(goal.ess_completion_ids)
        self.assertFalse(goal.ess_proposed_date)

    def test_a_training_session_invites_the_members_people_and_shows_completions(self):
        colleague = self.env["res.partner"].create(
            {"name": "Companya A", "parent_id": self.entity_a.id, "email": "companya.a@example.com"}
        )
        self.env["mail.mail"].search([]).unlink()
        session = self.next_a.with_user(self.user_officer)
        session.write({"kind": "training", "course_id": self.course_free.id})
        invited = self.course_free.channel_partner_all_ids.filtered(lambda m: m.member_status == "invited")
        self.assertEqual(
            invited.partner_id, self.contact_a | colleague, "the active members' people, invited"
        )
        self.assertNotIn(
            self.contact_b, self.course_free.channel_partner_all_ids.partner_id, "B is in another cohort"
        )
        mails = self.env["mail.mail"].search([("model", "=", "slide.channel.partner")])
        self.assertEqual(len(mails), 2, "one e-mail per person")
        for mail in mails:
            self.assertEqual(len(mail.recipient_ids), 1, "to that person alone")
            self.assertFalse(mail.email_to)
            membership = self.env["slide.channel.partner"].browse(mail.res_id)
            self.assertEqual(mail.recipient_ids, membership.partner_id)
            self.assertIn(membership.invitation_link, html.unescape(mail.body_html))

        self.assertEqual(session.action_ess_invite_to_course()["params"]["type"], "success")
        self.assertEqual(
            len(self.env["mail.mail"].search([("model", "=", "slide.channel.partner")])), 4, "invited again"
        )
        with self.assertRaises(AccessError):
            self.next_a.with_user(self.portal_a).action_ess_invite_to_course()

        self._complete(self.portal_a, self.course_free)
        session.invalidate_recordset()
        self.assertEqual(session.ess_completion_ids.partner_id, self.contact_a)
        self.assertEqual(session.ess_completion_count, 1)
        # A mentor who does not accompany entity A does not see its people's completions.
        self.assertFalse(self.next_a.with_user(self.user_facilitator).ess_completion_ids)


@tagged("post_install", "-at_install")
class TestLearningIsolation(EssLearningCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.membership_a = cls._complete(cls.portal_a, cls.course_free)
        cls.membership_b = cls._complete(cls.portal_b, cls.course_free)
        cls.outsider_company = cls.env["res.partner"].create(
            {"name": "Empresa qualsevol", "is_company": True}
        )
        outsider = cls.env["res.partner"].create(
            {"name": "Persona de fora", "parent_id": cls.outsider_company.id}
        )
        cls.portal_outsider = new_test_user(
            cls.env, "portal_outsider", groups="base.group_portal", partner_id=outsider.id
        )

    def _read_memberships(self, user):
        return (
            self.env["slide.channel.partner"]
            .with_user(user)
            .search([("channel_id", "=", self.course_free.id), ("ess_entity_id", "!=", False)])
        )

    def test_mentors_follow_only_the_entities_they_accompany(self):
        self.assertEqual(self.membership_a.ess_entity_id, self.entity_a)
        for user in (self.user_mentor, self.user_expert):
            self.assertEqual(self._read_memberships(user), self.membership_a)
        self.assertEqual(self._read_memberships(self.user_facilitator), self.env["slide.channel.partner"])
        self.assertEqual(self._read_memberships(self.user_mentor_b), self.membership_b)
        for user in (self.user_officer, self.user_manager):
            self.assertEqual(self._read_memberships(user), self.membership_a | self.membership_b)
        slide_partners = (
            self.env["slide.slide.partner"]
            .with_user(self.user_mentor)
            .search([("channel_id", "=", self.course_free.id)])
        )
        self.assertEqual(slide_partners.partner_id, self.contact_a)
        with self.assertRaises(AccessError):
            self.membership_b.with_user(self.user_mentor).read(["completion"])
        with self.assertRaises(AccessError):
            self.membership_a.with_user(self.user_mentor).write({"completion": 0})
        with self.assertRaises(AccessError):
            self.membership_a.with_user(self.portal_a).read(["completion"])

    def test_certification_answers_are_the_persons_own(self):
        self.course_data._action_add_members(self.contact_a)
        answer = self.certification_survey._create_answer(
            partner=self.contact_a, check_attempts=False, slide_id=self.data_certification.id
        )
        UserInput = self.env["survey.user_input"]
        self.assertFalse(UserInput.with_user(self.user_mentor).search([("id", "=", answer.id)]))
        with self.assertRaises(AccessError):
            answer.with_user(self.user_mentor).read(["scoring_percentage"])
        self.assertEqual(UserInput.with_user(self.user_officer).search([("id", "=", answer.id)]), answer)
        own = self.certification_survey._create_answer(user=self.user_mentor, check_attempts=False)
        self.assertEqual(UserInput.with_user(self.user_mentor).search([("id", "=", own.id)]), own)

    def test_a_members_only_course_takes_no_one_outside_the_ess_entities(self):
        joined = self.course_data.with_user(self.portal_outsider)._action_add_members(
            self.portal_outsider.partner_id
        )
        self.assertFalse(joined)
        self.assertNotIn(self.portal_outsider.partner_id, self.course_data.channel_partner_ids.partner_id)
        Slide = self.env["slide.slide"]
        self.assertEqual(
            Slide.with_user(self.portal_outsider).search([("channel_id", "=", self.course_data.id)]),
            self.data_preview,
            "the preview only",
        )
        visible_to_public = Slide.with_user(self.env.ref("base.public_user")).search(
            [("channel_id", "=", self.course_data.id)]
        )
        self.assertEqual(visible_to_public, self.data_preview)
        self.assertTrue(self.course_data.with_user(self.portal_a)._action_add_members(self.contact_a))
        self.assertIn(
            self.data_reading,
            Slide.with_user(self.portal_a).search([("channel_id", "=", self.course_data.id)]),
        )
        # An ordinary course takes anyone, as eLearning does.
        self.assertTrue(
            self.course_green.with_user(self.portal_outsider)._action_add_members(
                self.portal_outsider.partner_id
            )
        )

    def test_privacy_export_and_erasure(self):
        data = self.contact_a.with_user(self.user_officer)._ess_privacy_export_data()
        self.assertEqual([row["channel_id"] for row in data["course_enrolments"]], [self.course_free.name])
        self.assertNotIn(self.contact_b.name, str(data["course_enrolments"]))
        self.contact_a.sudo()._ess_privacy_erase()
        self.assertFalse(self.env["slide.channel.partner"].with_context(active_test=False).search(
            [("partner_id", "=", self.contact_a.id)]
        ))  # fmt: skip
        self.assertFalse(self.env["slide.slide.partner"].search([("partner_id", "=", self.contact_a.id)]))
        self.assertTrue(self.membership_b.exists())


@tagged("post_install", "-at_install")
class TestLearningHttp(EssLearningCase, HttpCase):
    def test_the_diagnosis_page_recommends_courses_and_leads_to_them(self):
        diagnosis = self._weak_diagnosis()
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open(f"/my/diagnoses/{diagnosis.id}").text
        section = page[page.index("o_ess_recommended_courses") :]
        self.assertIn(self.course_free.name, section)
        self.assertIn(f'href="{self.course_free.website_url}"', section)
        self.assertNotIn(self.course_green.name, section)
        self.assertLess(page.index("o_ess_recommended_resources") if "o_ess_recommended_resources" in page else 0,
                        page.index("o_ess_recommended_courses"), "after the recommended resources")  # fmt: skip

    def test_the_listing_shows_and_filters_by_dimension(self):
        page = self.url_open("/slides/all").text
        self.assertIn(self.course_free.name, page)
        self.assertIn(self.course_green.name, page)
        self.assertIn("o_ess_dimension_filter", page)
        filtered = self.url_open(f"/slides/all?dimension={self.dim_free.id}").text
        self.assertIn(self.course_free.name, filtered)
        self.assertNotIn(self.course_green.name, filtered)
        self.assertNotIn(self.course_data.name, filtered)
        self.assertIn(self.dim_free.name, filtered)
        for bad in ("abc", "999999999", "-1", "1" * 40):
            self.assertEqual(self.url_open(f"/slides/all?dimension={bad}").status_code, 200)
        course_page = self.url_open(self.course_free.website_url).text
        self.assertIn("o_ess_course_dimension", course_page)
        self.assertIn(self.dim_free.name, course_page)
        self.assertIn(self.level_basic.name, course_page)

    def test_members_only_content_over_http(self):
        reading_url = f"/slides/slide/{self.data_reading.id}"
        # A visitor sees the course's page and preview, with the notice instead of Join.
        page = self.url_open(self.course_data.website_url).text
        self.assertIn("o_ess_members_only_notice", page)
        self.assertNotIn("o_wslides_js_course_join_link", page)
        self.assertNotIn("Secret de curs", self.url_open(reading_url).text)
        # The people of an ESS entity join it and read it.
        self.authenticate(self.portal_a.login, self.portal_a.login)
        self.assertNotIn("o_ess_members_only_notice", self.url_open(self.course_data.website_url).text)
        self.make_jsonrpc_request("/slides/channel/join", {"channel_id": self.course_data.id})
        self.assertIn(self.contact_a, self.course_data.channel_partner_ids.partner_id)
        self.assertIn("Secret de curs", self.url_open(reading_url).text)

    def test_my_learning_shows_the_entitys_own_people(self):
        self._complete(self.portal_a, self.course_free)
        self._complete(self.portal_b, self.course_green)
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open("/my/learning").text
        table = page[page.index("o_ess_learning_table") :]
        self.assertIn(self.course_free.name, table)
        self.assertNotIn(self.course_green.name, table)
        self.assertNotIn(self.contact_b.name, page)
        home = self.url_open("/my").text
        self.assertIn("/my/learning", home)
        self.authenticate(self.user_mentor.login, self.user_mentor.login)
        with mute_logger("odoo.http"):
            mentor_page = self.url_open("/my/learning")
        self.assertEqual(mentor_page.status_code, 200)
        self.assertNotIn(self.course_free.name, mentor_page.text)


@tagged("post_install", "-at_install")
class TestLearningTour(EssLearningCase, HttpCase):
    def test_from_the_diagnosis_to_a_recommended_course_and_through_its_quiz(self):
        diagnosis = self._weak_diagnosis()
        self.start_tour(
            f"/my/diagnoses/{diagnosis.id}", "ess_learning_recommended_course_tour", login=self.portal_a.login
        )
        membership = self.course_free.channel_partner_ids.filtered(lambda m: m.partner_id == self.contact_a)
        self.assertTrue(membership, "enrolled from the course page")
        progress = self.env["slide.slide.partner"].search(
            [("slide_id", "=", self.free_quiz.id), ("partner_id", "=", self.contact_a.id)]
        )
        self.assertTrue(progress.completed, "the quiz is passed")
        self.assertEqual(progress.quiz_attempts_count, 1)
        self.assertGreater(membership.completion, 0)

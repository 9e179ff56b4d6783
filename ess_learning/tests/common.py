from odoo import Command

from odoo.addons.ess_cohort.tests.common import EssCohortCommon


class EssLearningCommon(EssCohortCommon):
    """Three courses, all hand-made: ``course_free`` (free software, basic: two readings and
    a one-question quiz), ``course_data`` (data management, for the ESS entities only: a
    preview, a reading and a certification) and ``course_green`` (green digitalisation).

    The mentors get the groups Odoo gives every new internal user (eLearning manager,
    survey user), as a mentor created in Settings has them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        default_groups = cls.env.ref("website_slides.group_website_slides_manager") | cls.env.ref(
            "survey.group_survey_user"
        )
        (cls.user_mentor | cls.user_expert | cls.user_facilitator | cls.user_mentor_b).write(
            {"groups_id": [Command.link(group.id) for group in default_groups]}
        )
        # The demo's courses, if any, stay out of these tests.
        cls.env["slide.channel"].search([]).action_archive()
        cls.level_basic = cls.env.ref("ess_diagnosis.ess_diagnosis_level_basic")
        cls.level_average = cls.env.ref("ess_diagnosis.ess_diagnosis_level_average")
        cls.dim_green = cls.env.ref("ess_office_base.ess_dimension_green_digitalisation")
        cls.course_free = cls._course("Curs de programari lliure", cls.dim_free, cls.level_basic)
        cls.free_reading = cls._slide(cls.course_free, "Què és el programari lliure", is_preview=True)
        cls.free_reading_2 = cls._slide(cls.course_free, "Llicències")
        cls.free_quiz = cls._slide(cls.course_free, "Qüestionari", slide_category="quiz")
        question = cls.env["slide.question"].create(
            {"slide_id": cls.free_quiz.id, "question": "Què el fa lliure?"}
        )
        cls.right_answer, cls.wrong_answer = cls.env["slide.answer"].create(
            [
                {
                    "question_id": question.id,
                    "text_value": "Les quatre llibertats",
                    "is_correct": True,
                    "sequence": 1,
                },
                {"question_id": question.id, "text_value": "El preu", "sequence": 2},
            ]
        )
        cls.course_data = cls._course(
            "Curs de protecció de dades", cls.dim_data, cls.level_basic, ess_members_only=True
        )
        cls.data_preview = cls._slide(cls.course_data, "El RGPD en una pàgina", is_preview=True)
        cls.data_reading = cls._slide(
            cls.course_data, "Contingut reservat", html_content="<p>Secret de curs</p>"
        )
        cls.certification_survey = cls.env["survey.survey"].create(
            {
                "title": "Certificació de dades",
                "access_mode": "public",
                "users_login_required": True,
                "scoring_type": "scoring_with_answers",
                "scoring_success_min": 50,
                "certification": True,
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "Cal el RGPD?",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create({"value": "Sí", "is_correct": True, "answer_score": 1}),
                                Command.create({"value": "No"}),
                            ],
                        }
                    )
                ],
            }
        )
        cls.data_certification = cls._slide(
            cls.course_data,
            "Certificació",
            slide_category="certification",
            survey_id=cls.certification_survey.id,
        )
        cls.course_green = cls._course("Curs verd", cls.dim_green, cls.level_basic)
        cls._slide(cls.course_green, "Lectura verda")

    @classmethod
    def _course(cls, name, dimensions, level, **values):
        return cls.env["slide.channel"].create(
            {
                "name": name,
                "channel_type": "training",
                "enroll": "public",
                "visibility": "public",
                "is_published": True,
                "user_id": cls.user_officer.id,
                "ess_dimension_ids": [Command.set(dimensions.ids)],
                "ess_level_id": level.id,
                "description_short": f"<p>{name}: resum</p>",
                **values,
            }
        )

    @classmethod
    def _slide(cls, course, name, slide_category="article", **values):
        return cls.env["slide.slide"].create(
            {
                "name": name,
                "channel_id": course.id,
                "slide_category": slide_category,
                "is_published": True,
                "html_content": f"<p>{name}</p>",
                **values,
            }
        )

    @classmethod
    def _complete(cls, user, course):
        """``user`` joins ``course`` and goes through all its contents, as eLearning records it."""
        course._action_add_members(user.partner_id)
        course.slide_ids.with_user(user)._action_mark_completed()
        return course.channel_partner_ids.filtered(
            lambda membership: membership.partner_id == user.partner_id
        )

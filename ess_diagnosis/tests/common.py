from odoo import Command

from odoo.addons.ess_office_base.tests.common import EssOfficeCommon


class EssDiagnosisCommon(EssOfficeCommon):
    """A small questionnaire with hand-countable points:

    - data management (weight 1): q_data_single, single choice scored 0-4 (max 4), and
      q_data_multi, multiple choice with three answers worth 1 and one worth 0 (max 3);
    - free software (weight 3): q_free, single choice scored 0-4 (max 4);
    - q_text, an unscored text question, and q_readiness, the predisposition to change.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dim_data = cls.env.ref("ess_office_base.ess_dimension_data_management")
        cls.dim_free = cls.env.ref("ess_office_base.ess_dimension_free_software")
        cls.dim_free.weight = 3.0
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Test maturity questionnaire",
                "survey_type": "ess_diagnosis",
                "access_mode": "token",
                "scoring_type": "scoring_without_answers",
            }
        )
        cls.q_data_single = cls._question("Data single", "simple_choice", cls.dim_data, [0, 1, 2, 3, 4])
        cls.q_data_multi = cls._question("Data multi", "multiple_choice", cls.dim_data, [1, 1, 1, 0])
        cls.q_free = cls._question("Free single", "simple_choice", cls.dim_free, [0, 1, 2, 3, 4])
        cls.q_text = cls.env["survey.question"].create(
            {"survey_id": cls.survey.id, "title": "Context", "question_type": "text_box", "sequence": 40}
        )
        cls.q_readiness = cls._question("Readiness", "simple_choice", False, [0, 0, 0, 0, 0], key_factor=True)

    @classmethod
    def _question(cls, title, question_type, dimension, scores, key_factor=False):
        return cls.env["survey.question"].create(
            {
                "survey_id": cls.survey.id,
                "title": title,
                "question_type": question_type,
                "ess_dimension_id": dimension and dimension.id,
                "ess_key_factor": key_factor and "change_readiness",
                "suggested_answer_ids": [
                    Command.create({"value": f"{title} {index}", "answer_score": score, "sequence": index,
                                           "ess_factor_value": index + 1 if key_factor else 0})
                    for index, score in enumerate(scores)
                ],
            }
        )  # fmt: skip

    def _diagnosis(self, entity=None, **values):
        return self.env["ess.diagnosis"].create(
            dict({"partner_id": (entity or self.entity_a).id, "survey_id": self.survey.id}, **values)
        )

    def _answer(self, diagnosis, answers, partner=None, done=True):
        """A response of ``partner`` to ``diagnosis``: {question: answer index or [indexes]}."""
        response = self.survey._create_answer(
            partner=partner or self.contact_a, check_attempts=False, ess_diagnosis_id=diagnosis.id
        )
        for question, chosen in answers.items():
            choices = question.suggested_answer_ids.sorted("sequence")
            if isinstance(chosen, list):
                response._save_lines(question, [choices[index].id for index in chosen])
            elif question.question_type == "text_box":
                response._save_lines(question, chosen)
            else:
                response._save_lines(question, choices[chosen].id)
        if done:
            response._mark_done()
        return response

    def _done_diagnosis(self, entity, answers, partner=None, user=None, **values):
        """A diagnosis of ``entity`` answered by ``partner`` (the entity's contact A by
        default, as in _answer) and done, by ``user`` (else the test's user). Also for
        setUpClass, called as ``cls._done_diagnosis(cls, ...)``."""
        diagnosis = EssDiagnosisCommon._diagnosis(self, entity, **values)
        EssDiagnosisCommon._answer(self, diagnosis, answers, partner=partner)
        (diagnosis.with_user(user) if user else diagnosis).action_done()
        return diagnosis

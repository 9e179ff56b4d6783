import json

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.ess_office_base.tests.access_matrix import (
    AccessMatrixMixin,
    AccessMatrixTests,
    ActionsChangeNothingMixin,
)

from .access_rows import ACCESS_ROWS
from .common import EssDiagnosisCommon


class DiagnosisAccessCommon(EssDiagnosisCommon, AccessMatrixMixin, ActionsChangeNothingMixin):
    """A done diagnosis of entity A and one in progress of entity B, each with a response;
    the mentor, who accompanies A, also has the Surveys / User right (every internal user
    created from Settings gets it)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_mentor.groups_id |= cls.env.ref("survey.group_survey_user")
        cls.dim_unscored = cls.env.ref("ess_office_base.ess_dimension_gender_equity")
        cls.diagnosis_a = cls._diagnosis(cls, cls.entity_a)
        cls.response_a = cls._answer(cls, cls.diagnosis_a, {cls.q_data_single: 2, cls.q_free: 3})
        cls.diagnosis_a.action_done()
        cls.diagnosis_b = cls._diagnosis(cls, cls.entity_b)
        cls.response_b = cls._answer(
            cls, cls.diagnosis_b, {cls.q_data_single: 1, cls.q_free: 1}, partner=cls.contact_b
        )
        cls.itinerary_a = cls._start_itinerary(cls.entity_a)
        cls.matrix_package = cls.env["ess.service.package"].create({"name": "Paquet de la matriu"})
        # Four levels, one per code: the advanced one goes, so that a new one can be tried.
        cls.env.ref("ess_diagnosis.ess_diagnosis_level_advanced").unlink()


@tagged("post_install", "-at_install")
class TestDiagnosisAccessMatrix(DiagnosisAccessCommon, AccessMatrixTests):
    access_rows = ACCESS_ROWS
    company_models = ["ess.diagnosis", "ess.diagnosis.score"]

    def test_access_matrix(self):
        self.assertGreater(self.assertAccessMatrix(ACCESS_ROWS), 0)

    def test_public_actions_change_nothing_for_mentor_portal_and_visitor(self):
        self.assertTrue(self.diagnosis_a.score_ids)
        records = [
            self.diagnosis_a,
            self.diagnosis_b,
            self.diagnosis_a.score_ids[:1],
            self.env.ref("ess_diagnosis.ess_diagnosis_level_average"),
            self.entity_a,
            self.itinerary_a,
            self.matrix_package,
            self.dim_data,
        ]
        users = [self.user_mentor, self.portal_a, self.portal_b, self.env.ref("base.public_user")]
        calls = self.assertActionsChangeNothing(records, users)
        self.assertGreaterEqual(calls, 4 * 6, "the diagnosis' own actions at least")


@tagged("post_install", "-at_install")
class TestMentorRpc(DiagnosisAccessCommon, HttpCase):
    def test_mentor_cannot_erase_scores_over_rpc(self):
        """The reported attack: a mentor with Surveys / User recomputes a done diagnosis
        through /jsonrpc; its answers are hidden from them, so the scores would go."""
        score = self.diagnosis_a.score
        self.assertGreater(score, 0)
        self.entity_b.ess_mentor_user_ids = self.user_mentor  # reads both: only rights stop it
        login = self.user_mentor.login
        for diagnosis in (self.diagnosis_a, self.diagnosis_b):
            payload = {
                "jsonrpc": "2.0",
                "method": "call",
                "id": 1,
                "params": {
                    "service": "object",
                    "method": "execute_kw",
                    "args": [
                        self.env.cr.dbname, self.user_mentor.id, login,
                        "ess.diagnosis", "action_recompute_scores", [diagnosis.ids],
                    ],
                },
            }  # fmt: skip
            with mute_logger("odoo.http"):  # the refusal is logged as a warning
                response = self.url_open(
                    "/jsonrpc", data=json.dumps(payload), headers={"Content-Type": "application/json"}
                )
            with self.subTest(diagnosis=diagnosis.id):
                self.assertEqual(response.json()["error"]["data"]["name"], "odoo.exceptions.AccessError")
        self.env.invalidate_all()
        self.assertAlmostEqual(self.diagnosis_a.score, score)
        self.assertEqual(len(self.diagnosis_a.score_ids), 2)

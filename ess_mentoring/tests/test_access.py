import json

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.ess_office_base.tests.access_matrix import AccessMatrixMixin, ActionsChangeNothingMixin

from .access_rows import ACCESS_ROWS
from .common import EssMentoringCommon


class MentoringAccessCommon(EssMentoringCommon, AccessMatrixMixin, ActionsChangeNothingMixin):
    """A goal and a follow-up on each contract, the mentor's week grid and an officer's
    mentor suggestion; entity A and B each have a done diagnosis."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.goal_a = cls.env["ess.mentoring.goal"].create(
            {"contract_id": cls.contract_a.id, "name": "Goal A"}
        )
        cls.goal_b = cls.env["ess.mentoring.goal"].create(
            {"contract_id": cls.contract_b.id, "name": "Goal B"}
        )
        cls.followup_a = cls._followup(cls, cls.contract_a, summary="Week A")
        cls.followup_b = cls._followup(cls, cls.contract_b, summary="Week B")
        cls.followup_expert = cls._followup(cls, cls.contract_a, member=cls.expert, summary="Expert week")
        cls.week_grid = (
            cls.env["ess.mentoring.week.grid"].with_user(cls.user_mentor).create({"week_start": "2026-03-23"})
        )
        cls.suggestion = (
            cls.env["ess.mentoring.mentor.suggestion"]
            .with_user(cls.user_officer)
            .create({"contract_id": cls.contract_a.id, "mentor_id": cls.mentor_a.id})
        )
        cls.diagnosis_a = cls._done_diagnosis(cls, cls.entity_a, {cls.q_data_single: 2})
        cls.diagnosis_b = cls._done_diagnosis(
            cls, cls.entity_b, {cls.q_data_single: 2}, partner=cls.contact_b
        )


@tagged("post_install", "-at_install")
class TestMentoringAccessMatrix(MentoringAccessCommon):
    def test_access_matrix(self):
        self.assertEqual(len(self.week_grid.line_ids), 4, "one cell per week of contract A")
        self.assertGreater(self.assertAccessMatrix(ACCESS_ROWS), 0)

    def test_public_actions_change_nothing_for_mentors_portal_and_visitors(self):
        records = [
            self.contract_a,
            self.contract_b,
            self.goal_a,
            self.followup_a,
            self.followup_b,
            self.week_grid,
            self.suggestion,
            self.entity_a,
        ]
        users = [
            self.user_mentor,
            self.user_expert,
            self.portal_a,
            self.portal_b,
            self.env.ref("base.public_user"),
        ]
        calls = self.assertActionsChangeNothing(records, users)
        self.assertGreaterEqual(calls, 5 * 6, "the contract's own actions at least")


@tagged("post_install", "-at_install")
class TestMentorIsolation(MentoringAccessCommon):
    def test_mentor_a_never_sees_mentor_bs_contracts(self):
        for model in ("ess.mentoring.contract", "ess.mentoring.goal", "ess.mentoring.followup"):
            with self.subTest(model=model):
                mine = self.env[model].with_user(self.user_mentor).search([])
                self.assertTrue(mine)
                self.assertEqual(mine.partner_id, self.entity_a)
                theirs = self.env[model].with_user(self.user_mentor_b).search([])
                self.assertEqual(theirs.partner_id, self.entity_b)
        with self.assertRaises(AccessError):
            self.contract_b.with_user(self.user_mentor).read(["name"])

    def test_mentors_read_only_the_diagnoses_of_the_entities_they_accompany(self):
        Diagnosis = self.env["ess.diagnosis"]
        self.assertEqual(Diagnosis.with_user(self.user_mentor).search([]), self.diagnosis_a)
        self.assertEqual(Diagnosis.with_user(self.user_expert).search([]), self.diagnosis_a)
        self.assertEqual(Diagnosis.with_user(self.user_mentor_b).search([]), self.diagnosis_b)
        # Off the team, off the entity.
        self.contract_a.expert_ids = False
        self.assertFalse(Diagnosis.with_user(self.user_expert).search([]))
        self.assertLessEqual(
            self.diagnosis_a | self.diagnosis_b, Diagnosis.with_user(self.user_officer).search([])
        )

    def test_the_expert_reads_the_contract_and_edits_only_their_own_follow_ups(self):
        self.assertEqual(
            self.env["ess.mentoring.followup"].with_user(self.user_expert).search([]),
            self.followup_a | self.followup_expert,
        )
        self.followup_expert.with_user(self.user_expert).summary = "Sessió de dades"
        with self.assertRaises(AccessError):
            self.followup_a.with_user(self.user_expert).summary = "Not mine"
        with self.assertRaises(AccessError):
            self.contract_a.with_user(self.user_expert).hours_budget = 500
        with self.assertRaises(AccessError):
            self.env["ess.mentoring.followup"].with_user(self.user_expert).create(
                {
                    "contract_id": self.contract_a.id,
                    "member_id": self.mentor_a.id,
                    "week_start": "2026-04-06",
                    "hours": 1,
                }
            )


@tagged("post_install", "-at_install")
class TestMentorRpc(MentoringAccessCommon, HttpCase):
    def _call(self, user, model, method, args, kwargs=None):
        self.authenticate(user.login, user.login)
        with mute_logger("odoo.http"):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )

    def test_over_rpc_a_mentor_reads_only_their_contracts_and_changes_no_budget(self):
        rows = self._call(
            self.user_mentor, "ess.mentoring.contract", "search_read", [[]], {"fields": ["name"]}
        )
        self.assertEqual([row["id"] for row in rows], self.contract_a.ids)
        for method, args in (
            ("read", [self.contract_b.ids, ["name"]]),
            ("write", [self.contract_a.ids, {"hours_budget": 500}]),
            ("action_activate", [self.contract_a.ids]),
        ):
            with self.subTest(method=method), self.assertRaises(JsonRpcException) as refusal:
                self._call(self.user_mentor, "ess.mentoring.contract", method, args)
            self.assertIn("AccessError", str(refusal.exception))
        self.env.invalidate_all()
        self.assertEqual(self.contract_a.hours_budget, 50)

    def test_over_rpc_a_portal_user_cannot_write_the_entity_comment_of_another_entity(self):
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": {
            "service": "object", "method": "execute_kw",
            "args": [self.env.cr.dbname, self.portal_b.id, self.portal_b.login, "ess.mentoring.followup",
                     "write", [self.followup_a.ids, {"entity_comment": "B was here"}]],
        }}  # fmt: skip
        with mute_logger("odoo.http"):
            response = self.url_open(
                "/jsonrpc", data=json.dumps(payload), headers={"Content-Type": "application/json"}
            )
        self.assertEqual(response.json()["error"]["data"]["name"], "odoo.exceptions.AccessError")
        self.env.invalidate_all()
        self.assertFalse(self.followup_a.entity_comment)

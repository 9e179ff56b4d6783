import json
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.ess_office_base.tests.access_matrix import (
    AccessMatrixMixin,
    AccessMatrixTests,
    ActionsChangeNothingMixin,
)

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
class TestMentoringAccessMatrix(MentoringAccessCommon, AccessMatrixTests):
    access_rows = ACCESS_ROWS
    company_models = ["ess.mentoring.contract", "ess.mentoring.goal", "ess.mentoring.followup"]

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
class TestFollowupPlacement(MentoringAccessCommon):
    """A follow-up stays where its writer could have created it: its author and its
    contract change only by an officer's hand."""

    def test_the_expert_cannot_give_his_follow_up_to_the_main_mentor(self):
        expert_week = self.followup_expert.with_user(self.user_expert)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            expert_week.write({"member_id": self.mentor_a.id, "week_start": self.MONDAY + timedelta(days=7)})
        self.env.invalidate_all()
        self.assertEqual(self.followup_expert.member_id, self.expert, "the week is still the expert's")

    def test_a_mentor_cannot_move_his_follow_up_to_another_entitys_contract(self):
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.followup_a.with_user(self.user_mentor).write(
                {"contract_id": self.contract_b.id, "week_start": self.MONDAY + timedelta(days=14)}
            )
        self.env.invalidate_all()
        self.assertEqual(self.followup_a.contract_id, self.contract_a)
        self.assertEqual(self.followup_a.partner_id, self.entity_a)

    def test_a_mentor_still_moves_his_follow_up_inside_his_contract(self):
        self.followup_a.with_user(self.user_mentor).write(
            {"week_start": self.MONDAY + timedelta(days=7), "hours": 3}
        )
        self.assertEqual(
            (self.followup_a.week_start, self.followup_a.hours), (self.MONDAY + timedelta(days=7), 3)
        )

    def test_an_officer_may_change_a_follow_ups_member_and_contract(self):
        officer = self.user_officer
        self.followup_expert.with_user(officer).write(
            {"member_id": self.mentor_a.id, "week_start": self.MONDAY + timedelta(days=7)}
        )
        self.assertEqual(self.followup_expert.member_id, self.mentor_a)
        self.followup_a.with_user(officer).write(
            {"contract_id": self.contract_b.id, "week_start": self.MONDAY + timedelta(days=14)}
        )
        self.assertEqual(self.followup_a.partner_id, self.entity_b)
        self.assertEqual(self.followup_a.member_id, self.mentor_b, "the new contract's main mentor")

    def test_an_officer_moves_no_contract_or_goal_into_a_company_he_is_not_in(self):
        other = self.env["res.company"].create({"name": "Oficina del Camp"})
        contract_c = self._contract(self.entity_b, self.mentor_b, company_id=other.id)
        officer = self.user_officer
        self.assertNotIn(other, officer.company_ids)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.contract_a.with_user(officer).write({"company_id": other.id})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.goal_a.with_user(officer).write({"contract_id": contract_c.id})
        self.env.invalidate_all()
        self.assertEqual(self.contract_a.company_id, self.env.company)
        self.assertEqual(self.goal_a.contract_id, self.contract_a)
        # Within his companies, an officer moves them freely.
        self.goal_a.with_user(officer).write({"contract_id": self.contract_b.id})
        self.assertEqual(self.goal_a.partner_id, self.entity_b)
        self.contract_a.with_user(officer).write({"partner_id": self.entity_b.id})
        self.assertEqual(self.followup_a.partner_id, self.entity_b, "its weeks follow the contract")


@tagged("post_install", "-at_install")
class TestMentorReachesTheEntity(MentoringAccessCommon):
    """A mentor reaches an entity's data from its acceptance (or an officer's activation)
    until the contract is done or cancelled; his contracts and his weeks stay his."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Mentor A proposed to entity B, the expert with him.
        cls.proposal = cls._contract(cls, cls.entity_b, cls.mentor_a, experts=cls.expert)
        cls.env["ess.mentoring.goal"].create({"contract_id": cls.proposal.id, "name": "Goal of B"})

    def _reads(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_a_proposed_mentor_reads_his_contract_not_the_entity_until_it_accepts(self):
        mentor = self.user_mentor
        self.assertEqual(self._reads(mentor, self.proposal), self.proposal, "his own draft contract")
        self.proposal.with_user(mentor).read(["name", "partner_id", "hours_budget"])
        self.assertNotIn(mentor, self.entity_b.ess_mentor_user_ids)
        self.assertFalse(self._reads(mentor, self.diagnosis_b), "the entity has not accepted yet")
        self.assertFalse(self._reads(mentor, self.diagnosis_b.score_ids))
        self.assertFalse(self._reads(mentor, self.proposal.goal_ids), "goals carry the diagnosis' scores")
        with self.assertRaises(AccessError):
            self.diagnosis_b.with_user(mentor).read(["score"])

        self.proposal.with_user(self.portal_b)._ess_accept(self.contact_b)
        self.assertIn(mentor, self.entity_b.ess_mentor_user_ids)
        self.assertEqual(self._reads(mentor, self.diagnosis_b), self.diagnosis_b)
        self.assertEqual(self._reads(mentor, self.proposal.goal_ids), self.proposal.goal_ids)

    def test_an_officers_activation_opens_the_entity_and_done_closes_it(self):
        mentor, officer = self.user_mentor, self.user_officer
        self.proposal.activation_override_reason = "The board meets next month."
        self.proposal.with_user(officer).action_activate()
        self.assertEqual(self._reads(mentor, self.diagnosis_b), self.diagnosis_b)
        mine = self._followup(self.proposal, week=self.MONDAY, member=self.mentor_a, summary="Week of B")
        experts = self._followup(self.proposal, week=self.MONDAY, member=self.expert, summary="Expert on B")
        self.assertEqual(
            self._reads(mentor, mine | experts), mine | experts, "the team's weeks, while active"
        )

        self.proposal.with_user(officer).action_done()
        self.assertNotIn(mentor, self.entity_b.ess_mentor_user_ids)
        self.assertFalse(self._reads(mentor, self.diagnosis_b), "done: the entity's data is closed")
        self.assertEqual(self._reads(mentor, self.proposal), self.proposal, "his contract stays his")
        self.assertEqual(self._reads(mentor, mine | experts), mine, "and the weeks he wrote")
        mine.with_user(mentor).read(["summary", "hours"])
        self.assertEqual(self._reads(mentor, self.proposal.goal_ids), self.proposal.goal_ids)
        # Entity A, whose contract is active, is still his.
        self.assertEqual(self._reads(mentor, self.diagnosis_a), self.diagnosis_a)

    def test_cancelled_or_back_to_draft_the_access_follows_the_acceptance(self):
        mentor, officer = self.user_mentor, self.user_officer
        self.proposal.activation_override_reason = "The board meets next month."
        self.proposal.with_user(officer).action_activate()
        self.proposal.with_user(officer).action_draft()
        self.assertFalse(self._reads(mentor, self.diagnosis_b), "back to draft, never accepted")
        self.proposal.with_user(self.portal_b)._ess_accept(self.contact_b)
        self.assertEqual(self._reads(mentor, self.diagnosis_b), self.diagnosis_b)
        self.proposal.with_user(officer).action_cancel()
        self.assertFalse(self._reads(mentor, self.diagnosis_b))
        self.assertEqual(self._reads(mentor, self.proposal), self.proposal, "a cancelled contract stays his")
        self.proposal.with_user(officer).action_draft()
        self.assertEqual(self._reads(mentor, self.diagnosis_b), self.diagnosis_b, "accepted, in draft again")
        self.proposal.expert_ids = False
        self.assertNotIn(self.user_expert, self.entity_b.ess_mentor_user_ids, "off the team, off the entity")
        self.assertEqual(self.entity_b.ess_mentor_user_ids, self.user_mentor | self.user_mentor_b)


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

    def test_over_rpc_the_expert_cannot_give_his_week_to_the_main_mentor(self):
        with self.assertRaises(JsonRpcException) as refusal:
            self._call(
                self.user_expert,
                "ess.mentoring.followup",
                "write",
                [self.followup_expert.ids, {"member_id": self.mentor_a.id, "week_start": "2026-03-09"}],
            )
        self.assertIn("AccessError", str(refusal.exception))
        self.env.invalidate_all()
        self.assertEqual(self.followup_expert.member_id, self.expert)

    def test_over_rpc_a_proposed_mentor_reads_no_diagnosis_of_the_entity(self):
        self._contract(self.entity_b, self.mentor_a)
        rows = self._call(self.user_mentor, "ess.diagnosis", "search_read", [[]], {"fields": ["score"]})
        self.assertEqual([row["id"] for row in rows], self.diagnosis_a.ids)

    def test_the_portal_page_of_a_mentors_contract_shows_him_what_he_reads(self):
        proposal = self._contract(self.entity_b, self.mentor_a, experts=self.expert)
        self.env["ess.mentoring.goal"].create({"contract_id": proposal.id, "name": "Confidential goal of B"})
        self.authenticate(self.user_mentor.login, self.user_mentor.login)
        page = self.url_open(f"/my/mentoring/{proposal.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(proposal.name, page.text)
        self.assertNotIn("Confidential goal of B", page.text, "not before the entity accepts")
        proposal.activation_override_reason = "The board meets next month."
        proposal.action_activate()
        self._followup(proposal, member=self.mentor_a, summary="Mentor A on B")
        self._followup(proposal, member=self.expert, summary="Expert on B")
        proposal.action_done()
        page = self.url_open(f"/my/mentoring/{proposal.id}").text
        self.assertIn("Mentor A on B", page)
        self.assertIn("Confidential goal of B", page)
        self.assertNotIn("Expert on B", page, "done: his own weeks only")

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

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    def _contract(self, key):
        return self.env.ref(f"ess_mentoring.ess_mentoring_contract_{key}")

    def test_demo_contracts_have_a_team_goals_from_their_diagnosis_and_weeks_of_follow_ups(self):
        for key in ("lafornal", "lateulada", "santroc"):
            contract = self._contract(key)
            with self.subTest(contract=key):
                self.assertEqual(contract.state, "active")
                self.assertEqual(contract.project_id.ess_entity_id, contract.partner_id)
                self.assertTrue(contract.accepted_by_id)
                self.assertEqual(
                    contract.goal_ids.dimension_id, contract.diagnosis_id._ess_weakest_scores().dimension_id
                )
                self.assertGreaterEqual(len(contract.followup_ids), 10)
                self.assertTrue(contract.followup_ids.filtered("entity_comment"), "the entity's word")
                self.assertEqual({week.weekday() for week in contract.followup_ids.mapped("week_start")}, {0})
                self.assertIn(
                    self.env.ref("ess_office_base.res_users_ess_mentor"),
                    contract.partner_id.ess_mentor_user_ids,
                )
        self.assertEqual(
            self._contract("lafornal").expert_ids.user_ids.login, "expert", "an expert with a demo login"
        )

    def test_one_contract_is_near_its_budget_and_one_at_risk(self):
        near = self._contract("lateulada")
        self.assertGreaterEqual(near.consumption, 80)
        self.assertTrue(
            near.activity_ids.filtered(lambda a: a.activity_type_id.name == "Hours budget at 80 %")
        )
        self.assertFalse(near.is_at_risk, "near its end: on schedule")
        at_risk = self._contract("santroc")
        self.assertTrue(at_risk.is_at_risk)
        self.assertEqual(self.env["ess.mentoring.contract"].search([("is_at_risk", "=", True)]), at_risk)
        self.assertFalse(self._contract("lafornal").is_at_risk)

    def test_a_contract_waits_for_the_entity_and_ranks_mentors_for_its_goals(self):
        waiting = self._contract("recircula")
        self.assertEqual((waiting.state, waiting.accepted_by_id.id), ("draft", False))
        self.assertTrue(waiting.goal_ids)
        ranking = self.env["ess.mentoring.mentor.suggestion"]._ess_rank(waiting)
        self.assertEqual(ranking[0]["mentor"], self.env.ref("ess_office_base.res_partner_ess_mentor_jordi"))
        self.assertIn("Free software", ranking[0]["reason"])

from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from odoo.addons.ess_mentoring.models.ess_mentoring_contract import week_monday

from .common import EssMentoringCommon


@tagged("post_install", "-at_install")
class TestMentorMatching(EssMentoringCommon):
    """Mentors of this test only, among whoever else the database holds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._contract(cls, cls.entity_a, cls.mentor_a)
        cls.contract.goal_ids = [
            (0, 0, {"name": "Dades ordenades", "dimension_id": cls.dim_data.id}),
            (0, 0, {"name": "Programari lliure", "dimension_id": cls.dim_free.id}),
        ]

    def _mentor(self, login, capacity, expertise, **values):
        user = new_test_user(self.env, login, groups="ess_office_base.group_ess_mentor", name=login.title())
        user.partner_id.write(dict(self._mentor_values(capacity, expertise=expertise), **values))
        return user.partner_id

    def _ranking(self, mentors):
        rows = self.env["ess.mentoring.mentor.suggestion"]._ess_rank(self.contract)
        return [row for row in rows if row["mentor"] in mentors]

    def test_coverage_first_then_free_capacity_and_the_full_ones_last(self):
        both = self.dim_data | self.dim_free
        full_cover = self._mentor("full_cover", 10, both)
        half_roomy = self._mentor("half_roomy", 20, self.dim_data)
        half_tight = self._mentor("half_tight", 5, self.dim_free)
        busy = self._mentor("busy", 4, both)
        # busy logged all their hours this month on another contract.
        today = fields.Date.context_today(self.env["ess.mentoring.contract"])
        elsewhere = self._contract(
            self.entity_b,
            busy,
            state="active",
            date_start=today - timedelta(days=60),
            date_end=today + timedelta(days=60),
        )
        self._followup(elsewhere, hours=4, week=week_monday(today))
        rows = self._ranking(full_cover | half_roomy | half_tight | busy)
        self.assertEqual([row["mentor"] for row in rows], [full_cover, half_roomy, half_tight, busy])
        self.assertEqual(rows[3]["free"], 0)
        self.assertIn("Covers 2 of the 2 goal dimensions", rows[0]["reason"])
        self.assertIn("Covers 1 of the 2 goal dimensions: Data management", rows[1]["reason"])
        self.assertIn("20.0 of 20.0 hours free this month", rows[1]["reason"])
        self.assertIn("No free capacity this month: 4.0 of 4.0 hours logged", rows[3]["reason"])

        action = self.contract.with_user(self.user_officer).action_suggest_mentors()
        suggestions = self.env[action["res_model"]].search(action["domain"])
        busy_line = suggestions.filtered(lambda line: line.mentor_id == busy)
        self.assertTrue(busy_line.no_capacity, "marked")
        with_room = suggestions.filtered(lambda line: not line.no_capacity)
        self.assertLess(max(with_room.mapped("rank")), busy_line.rank, "the full ones come last")
        suggestions.filtered(lambda line: line.mentor_id == full_cover).with_user(
            self.user_officer
        ).action_choose()
        self.assertEqual(self.contract.mentor_id, full_cover)

    def test_a_peer_strong_in_the_goals_ranks_above_an_equal_non_peer(self):
        strong = self._done_diagnosis(
            self.entity_b,
            {self.q_data_single: 4, self.q_data_multi: [0, 1, 2], self.q_free: 4},
            partner=self.contact_b,
        )
        # Named so that the alphabetical tie-break would put the non-peer first.
        non_peer = self._mentor("aaa_staff", 8, self.dim_data)
        peer = self._mentor(
            "zzz_peer", 8, self.dim_data, ess_mentor_type="peer", ess_mentor_entity_id=self.entity_b.id
        )
        rows = self._ranking(non_peer | peer)
        self.assertEqual([row["mentor"] for row in rows], [peer, non_peer])
        self.assertIn("Peer from Cooperativa B, an entity strong in these dimensions", rows[0]["reason"])
        # A peer whose entity is weak in them has no edge.
        strong.action_cancel()
        self.assertEqual([row["mentor"] for row in self._ranking(non_peer | peer)], [non_peer, peer])

    def test_a_bridge_profile_ranks_above_an_equal_when_the_entity_resists_change(self):
        plain = self._mentor("aaa_plain", 8, self.dim_free)
        bridge = self._mentor("zzz_bridge", 8, self.dim_free, ess_is_bridge_profile=True)
        self.entity_a.ess_change_readiness = 4
        self.assertEqual([row["mentor"] for row in self._ranking(plain | bridge)], [plain, bridge])
        self.entity_a.ess_change_readiness = 2
        rows = self._ranking(plain | bridge)
        self.assertEqual([row["mentor"] for row in rows], [bridge, plain])
        self.assertIn("Bridge profile", rows[0]["reason"])

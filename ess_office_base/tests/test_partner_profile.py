from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import EssOfficeCommon


@tagged("post_install", "-at_install")
class TestPartnerProfile(EssOfficeCommon):
    def test_size_class_boundaries(self):
        entity = self.entity_a
        for workers, size in [(0, "micro"), (9, "micro"), (10, "small"), (49, "small"), (50, "medium"),
                              (249, "medium"), (250, "large"), (4000, "large")]:  # fmt: skip
            entity.ess_worker_count = workers
            self.assertEqual(entity.ess_size_class, size, f"{workers} workers")

    def test_intensity_rule_boundaries(self):
        # (readiness, digitalisability, workers) -> effort points, intensity, hours/week
        cases = [
            ((5, 5, 1), "light", 2.0),  # 1 + 1 + 0 = 2, the least effort
            ((4, 4, 20), "light", 3.0),  # 2 + 2 + 1 = 5
            ((4, 3, 20), "standard", 5.0),  # 2 + 3 + 1 = 6
            ((3, 3, 100), "standard", 6.0),  # 3 + 3 + 2 = 8
            ((3, 2, 100), "intensive", 8.0),  # 3 + 4 + 2 = 9
            ((1, 1, 300), "intensive", 9.0),  # 5 + 5 + 3 = 13, the most effort
        ]
        for (readiness, market, workers), intensity, hours in cases:
            self.entity_a.write(
                {
                    "ess_change_readiness": readiness,
                    "ess_market_digitalisability": market,
                    "ess_worker_count": workers,
                }
            )
            self.assertEqual(
                self.entity_a.ess_accompaniment_intensity, intensity, (readiness, market, workers)
            )
            self.assertEqual(self.entity_a.ess_recommended_dedication, hours, (readiness, market, workers))

    def test_intensity_is_stored_and_searchable(self):
        self.entity_a.write({"ess_change_readiness": 1, "ess_market_digitalisability": 1})
        self.entity_b.write({"ess_change_readiness": 5, "ess_market_digitalisability": 5})
        intensive = self.env["res.partner"].search([("ess_accompaniment_intensity", "=", "intensive")])
        self.assertIn(self.entity_a, intensive)
        self.assertNotIn(self.entity_b, intensive)

    def test_negative_counts_are_refused(self):
        for field in ("ess_worker_count", "ess_member_count", "ess_volunteer_count", "ess_mentor_capacity"):
            with self.subTest(field=field), self.assertRaisesRegex(ValidationError, "cannot be negative"):
                self.entity_a.write({field: -1})

    def test_key_factors_out_of_range_are_refused(self):
        for field in ("ess_change_readiness", "ess_market_digitalisability"):
            for value in (0, 6):
                with (
                    self.subTest(field=field, value=value),
                    self.assertRaisesRegex(ValidationError, "1 to 5"),
                ):
                    self.entity_a.write({field: value})

    def test_peer_mentor_needs_an_entity(self):
        values = {"name": "Peer", "is_ess_mentor": True, "ess_mentor_type": "peer"}
        with self.assertRaisesRegex(ValidationError, "peer mentor"):
            self.env["res.partner"].create(values)
        with self.assertRaisesRegex(ValidationError, "must be an ESS entity"):
            self.env["res.partner"].create(
                dict(values, ess_mentor_entity_id=self.user_employee.partner_id.id)
            )
        peer = self.env["res.partner"].create(dict(values, ess_mentor_entity_id=self.entity_b.id))
        self.assertEqual(peer.ess_mentor_entity_id, self.entity_b)
        # A volunteer needs no entity.
        self.env["res.partner"].create(dict(values, ess_mentor_type="volunteer"))

    def test_seeded_dimensions_and_sectors(self):
        dimensions = self.env["ess.dimension"].search([])
        self.assertEqual(len(dimensions.filtered(lambda d: d.framework == "dma")), 6)
        self.assertEqual(
            set(dimensions.filtered(lambda d: d.framework == "ess").mapped("code")),
            {"ess_free_software", "ess_gender", "ess_intercooperation"},
        )
        self.assertEqual(set(dimensions.mapped("weight")), {1.0})
        self.assertTrue(all(dimensions.mapped("description")))
        self.assertEqual(self.env["ess.sector"].search_count([]), 12)

    @mute_logger("odoo.sql_db")
    def test_dimension_code_is_unique(self):
        with self.assertRaises(IntegrityError):
            self.env["ess.dimension"].create({"name": "Again", "code": "dma_data"})

    @mute_logger("odoo.sql_db")
    def test_dimension_weight_cannot_be_negative(self):
        with self.assertRaises(IntegrityError):
            self.env["ess.dimension"].create({"name": "Negative", "code": "neg", "weight": -1})

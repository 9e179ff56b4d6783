from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TODAY, EssImpactCommon

# The scores of the hand-made office (see EssImpactCommon), dimension by dimension:
# data management has 7 points, free software 4; the overall score weighs free software 3.
DATA = {"a": (100 * 1 / 7, 100 * 7 / 7), "b": (100 * 2 / 7, 100 * 4 / 7), "c": (0.0, 0.0)}
FREE = {"a": (0.0, 50.0), "b": (25.0, 25.0), "c": (100.0, 100.0)}


def overall(data, free):
    return (data + 3 * free) / 4


@tagged("post_install", "-at_install")
class TestImpactFigures(EssImpactCommon):
    def _impact(self, report=None, user=None):
        report = report or self.report
        if user:
            report = report.with_user(user)
        return report.with_context(ess_today=TODAY)._ess_impact()

    def assertStat(self, stat, mean, median, q1, q3, n):
        for key, expected in (("mean", mean), ("median", median), ("q1", q1), ("q3", q3), ("n", n)):
            self.assertAlmostEqual(stat[key], expected, places=4, msg=key)

    def test_selection_counts_the_accompanied_entities_only(self):
        impact = self._impact()
        self.assertEqual(
            sorted(impact["records"]["entities"]),
            sorted(self.accompanied.ids),
            "W only withdrew from a cohort and X's contract was cancelled: neither is counted",
        )
        self.assertEqual(impact["entities"], 5)
        self.assertEqual(impact["withdrawn"], 1)
        maturity = impact["maturity"]
        self.assertEqual((maturity["compared"], maturity["single"], maturity["none"]), (3, 1, 1))

    def test_maturity_per_dimension_and_overall(self):
        maturity = self._impact()["maturity"]
        rows = {row["code"]: row for row in maturity["dimensions"]}
        self.assertEqual(set(rows), {self.dim_data.code, self.dim_free.code})
        data = rows[self.dim_data.code]
        # Baseline 0, 14.29, 28.57; latest 0, 57.14, 100; change 0, 28.57, 85.71.
        self.assertStat(data["baseline"], 100 * 3 / 7 / 3, 100 / 7, 100 / 14, 100 * 3 / 14, 3)
        self.assertStat(data["latest"], (100 + 400 / 7) / 3, 400 / 7, 200 / 7, 100 * 11 / 14, 3)
        self.assertStat(data["change"], (600 / 7 + 200 / 7) / 3, 200 / 7, 100 / 7, 400 / 7, 3)
        free = rows[self.dim_free.code]
        self.assertStat(free["baseline"], 125 / 3, 25.0, 12.5, 62.5, 3)
        self.assertStat(free["latest"], 175 / 3, 50.0, 37.5, 75.0, 3)
        self.assertStat(free["change"], 50 / 3, 0.0, 0.0, 25.0, 3)

        baseline = sorted(overall(DATA[e][0], FREE[e][0]) for e in "abc")
        latest = sorted(overall(DATA[e][1], FREE[e][1]) for e in "abc")
        change = sorted(overall(DATA[e][1], FREE[e][1]) - overall(DATA[e][0], FREE[e][0]) for e in "abc")
        self.assertAlmostEqual(maturity["overall"]["baseline"]["mean"], sum(baseline) / 3)
        self.assertAlmostEqual(maturity["overall"]["baseline"]["median"], baseline[1])
        self.assertAlmostEqual(maturity["overall"]["latest"]["median"], latest[1])
        self.assertAlmostEqual(maturity["overall"]["change"]["mean"], sum(change) / 3)
        # A went from basic (3.6) to moderately advanced (62.5); B stayed average, C advanced.
        self.assertEqual(maturity["moved_up"], 1)
        self.assertAlmostEqual(maturity["moved_up_share"], 100 / 3)
        # Free software moved least (+16.7 on average), then data management (+38.1).
        self.assertEqual(maturity["least_moved"], [self.dim_free.name, self.dim_data.name])
        self.assertEqual(maturity["radar_data"], {}, "two dimensions make no radar")
        self.assertEqual(maturity["radar"], {})

    def test_a_diagnosis_after_the_period_is_not_the_latest(self):
        self._dated_diagnosis(self.entity_b, self.contact_b, "2027-02-01", "other", {self.q_data_single: 4})
        rows = {row["code"]: row for row in self._impact()["maturity"]["dimensions"]}
        self.assertAlmostEqual(rows[self.dim_data.code]["latest"]["median"], 400 / 7)

    def test_sovereignty(self):
        sovereignty = self._impact()["sovereignty"]
        self.assertEqual(sovereignty["entities"], 3)
        self.assertStat(sovereignty["share_before"], 20.0, 10.0, 5.0, 30.0, 3)
        self.assertStat(sovereignty["share_after"], 130 / 3, 50.0, 35.0, 55.0, 3)
        self.assertEqual((sovereignty["risks_before"], sovereignty["risks_after"]), (3, 1))
        self.assertEqual((sovereignty["replaced"], sovereignty["migrating"], sovereignty["kept"]), (1, 1, 1))

    def test_accompaniment(self):
        # D's first contract was cancelled: counted apart, its budget left out.
        self._contract(self.entity_d, self.mentor_b, state="cancelled", hours_budget=90)
        block = self._impact()["accompaniment"]
        self.assertEqual((block["contracts"], block["cancelled"]), (5, 1))
        self.assertEqual(block["hours_budget"], 250.0)
        self.assertEqual(block["hours_used"], 10.5)
        by_kind = {row["kind"]: (row["budget"], row["used"]) for row in block["by_kind"]}
        self.assertEqual(
            by_kind, {"staff": (50.0, 5.0), "volunteer": (0.0, 1.5), "consultancy": (200.0, 4.0)}
        )
        self.assertEqual(block["followups"], 4)
        # Each contract runs through 2026: the 53 weeks from Monday 29 December 2025.
        self.assertEqual((block["weeks_followed"], block["weeks_due"]), (3, 5 * 53))
        self.assertEqual((block["goals"], block["goals_achieved"]), (3, 1))
        self.assertEqual(block["goals_share"], 50.0, "a dropped goal is not one to achieve")
        self.assertEqual((block["satisfaction"], block["satisfaction_answers"]), (4.5, 2))

    def test_weeks_due_stop_today(self):
        block = self.report.with_context(ess_today="2026-01-11")._ess_impact()["accompaniment"]
        self.assertEqual(block["weeks_due"], 5 * 2)

    def test_cohorts(self):
        cohorts = self._impact()["cohorts"]
        self.assertEqual(
            cohorts,
            {"cohorts": 2, "sessions_held": 2, "attendance": 50.0, "learnings": 3, "open_sessions": 1,
             "guest_entities": 1},
        )  # fmt: skip
        self.assertEqual(
            sorted(self._impact()["records"]["sessions"]), sorted((self.session_a | self.session_b).ids)
        )

    def test_people_and_gender_in_groups_of_five(self):
        people = self._impact()["people"]
        # The contacts of A, B, C and D answered; A's contact was invited to its session, A present.
        self.assertEqual((people["total"], people["respondents"], people["attendees"]), (4, 4, 1))
        (self.contact_a | self.contact_b | self.contact_c | self.contact_d).ess_gender = "woman"
        people = self._impact()["people"]
        self.assertEqual(people["gender_declared"], 4)
        self.assertEqual(people["by_gender"], [], "four women could be singled out: not shown")
        colleague = self.env["res.partner"].create(
            {"name": "Colleague A", "parent_id": self.entity_a.id, "ess_gender": "woman"}
        )
        self.session_a.calendar_event_id.partner_ids |= colleague
        people = self._impact()["people"]
        self.assertEqual((people["total"], people["attendees"]), (5, 2))
        self.assertEqual([(row["gender"], row["count"]) for row in people["by_gender"]], [("woman", 5)])

    def test_filters(self):
        self.report.cohort_id = self.cohort_a
        impact = self._impact()
        self.assertEqual(impact["records"]["entities"], self.entity_a.ids)
        self.assertEqual(impact["cohorts"]["sessions_held"], 1)
        self.report.write({"cohort_id": False, "size_class": "small"})
        self.assertEqual(self._impact()["entities"], 0)
        self.report.write({"size_class": "micro", "intensity": self.entity_a.ess_accompaniment_intensity})
        expected = self.accompanied.filtered(
            lambda entity: entity.ess_accompaniment_intensity == self.entity_a.ess_accompaniment_intensity
        )
        self.assertEqual(sorted(self._impact()["records"]["entities"]), sorted(expected.ids))
        # Another year: nobody was accompanied.
        self.report.write({"intensity": False, "date_from": "2025-01-01", "date_to": "2025-12-31"})
        self.assertEqual(self._impact()["entities"], 0)

    def test_period_cannot_end_before_it_starts(self):
        with self.assertRaises(ValidationError):
            self.report.date_to = "2025-12-31"

    def test_entity_rows(self):
        rows = {row["id"]: row for row in self._impact()["rows"]}
        self.assertEqual(len(rows), 5)
        row_a = rows[self.entity_a.id]
        self.assertAlmostEqual(row_a["baseline_score"], overall(*[DATA["a"][0], FREE["a"][0]]))
        self.assertAlmostEqual(row_a["latest_score"], overall(DATA["a"][1], FREE["a"][1]))
        self.assertEqual((row_a["contracts"], row_a["hours_budget"], row_a["hours_used"]), (1, 50.0, 6.5))
        self.assertEqual((row_a["share_before"], row_a["share_after"]), (10.0, 60.0))
        self.assertIsNone(rows[self.entity_e.id]["baseline_score"])

    def test_dma_rows_mark_the_baseline_t0(self):
        lines = self.report._ess_dma_rows()
        header = lines[0]
        self.assertEqual(
            header[:8], ["entity_id", "entity", "vat", "diagnosis_id", "date", "phase", "mark", "overall"]
        )
        self.assertIn(self.dim_data.code, header)
        self.assertNotIn(
            self.dim_free.code, header, "free software is an ESS dimension, not one of the DMA's"
        )
        marks = [(line[0], line[5], line[6]) for line in lines[1:] if line[0] == self.entity_a.id]
        self.assertEqual(
            marks,
            [(self.entity_a.id, "baseline", "T0"), (self.entity_a.id, "intermediate", "T1"),
             (self.entity_a.id, "final", "T2")],
        )  # fmt: skip
        data_column = header.index(self.dim_data.code)
        final_a = next(line for line in lines[1:] if line[3] == self.diagnoses["a_final"].id)
        self.assertEqual(final_a[data_column], 100.0)
        self.assertNotIn(self.entity_x.id, {line[0] for line in lines[1:]})

    def test_form_figures_and_drill_down(self):
        report = self.report.with_user(self.user_officer).with_context(ess_today=TODAY)
        self.assertEqual(
            (report.entity_count, report.compared_count, report.contract_count, report.session_count),
            (5, 3, 5, 2),
        )
        self.assertIn("o_ess_impact_maturity", report.summary_html)
        action = report.action_ess_drill("contracts")
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]),
            self.contract_a | self.contract_b | self.contract_c | self.contract_d | self.contract_e,
        )
        action = report.with_context(ess_drill="followups").action_ess_drill()
        self.assertEqual(len(self.env[action["res_model"]].search(action["domain"])), 4)
        action = report.action_ess_drill("tools")
        self.assertEqual(len(self.env[action["res_model"]].search(action["domain"])), 3)
        with self.assertRaises(ValidationError):
            report.action_ess_drill("res.users")

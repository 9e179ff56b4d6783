from datetime import date

from odoo.tests import tagged

from .common import EssDiagnosisCommon


@tagged("post_install", "-at_install")
class TestResults(EssDiagnosisCommon):
    def _done(self, entity, answers, day, **values):
        return self._done_diagnosis(entity, answers, partner=entity, date=day, **values)

    def test_history_and_deltas(self):
        baseline = self._done(self.entity_a, {self.q_data_single: 1, self.q_free: 1}, date(2026, 1, 15))
        middle = self._diagnosis(date=date(2026, 6, 1), phase="intermediate")  # never done: not history
        final = self._done(
            self.entity_a, {self.q_data_single: 3, self.q_free: 4}, date(2026, 12, 1), phase="final"
        )
        self._done(self.entity_b, {self.q_free: 4}, date(2026, 3, 1))  # another entity: not history

        self.assertFalse(baseline.previous_id)
        self.assertEqual(middle.previous_id, baseline)
        self.assertEqual(final.previous_id, baseline)
        self.assertAlmostEqual(final.score_delta, final.score - baseline.score)
        self.assertGreater(final.score_delta, 0)
        rows = {row["dimension"]: row for row in final._ess_result_rows()}
        # data: 1/7 -> 3/7 of 100; free: 25 -> 100.
        self.assertAlmostEqual(rows[self.dim_data]["delta"], 200 / 7, places=6)
        self.assertAlmostEqual(rows[self.dim_free]["previous"], 25.0)
        self.assertAlmostEqual(rows[self.dim_free]["delta"], 75.0)
        self.assertIsNone(baseline._ess_result_rows()[0]["delta"])

    def test_benchmark_needs_five_other_entities(self):
        day = date(2026, 5, 1)
        # A sector and a size of their own, so that no other (demo) entity takes part.
        sector = self.env["ess.sector"].create({"name": "Test sector"})
        self.entity_a.write({"ess_sector_id": sector.id, "ess_worker_count": 300})
        others = self.env["res.partner"].create(
            [
                {
                    "name": f"Other {n}",
                    "is_ess_entity": True,
                    "ess_sector_id": sector.id,
                    "ess_worker_count": 300,
                }
                for n in range(5)
            ]
        )
        # Four other entities: free software 0, 25, 50, 75.
        for entity, choice in zip(others[:4], range(4), strict=True):
            self._done(entity, {self.q_free: choice}, day)
        # The first of them has an older diagnosis too: only its latest counts.
        self._done(others[0], {self.q_free: 4}, date(2025, 1, 1))
        mine = self._done(self.entity_a, {self.q_free: 4}, day)
        self.assertEqual(mine._ess_benchmark("sector"), {}, "4 entities could be recognised")
        self.assertEqual(mine._ess_benchmark("size"), {})

        self._done(others[4], {self.q_free: 4}, day)
        by_sector = mine._ess_benchmark("sector")
        self.assertAlmostEqual(by_sector[self.dim_free.id], (0 + 25 + 50 + 75 + 100) / 5)
        # The same entities are all large: the size benchmark agrees.
        self.assertAlmostEqual(mine._ess_benchmark("size")[self.dim_free.id], 50.0)
        # Data management was scored by all of them too (unanswered: 0).
        self.assertAlmostEqual(by_sector[self.dim_data.id], 0.0)
        # Another sector has no benchmark.
        self.entity_a.ess_sector_id = self.env.ref("ess_office_base.ess_sector_energy")
        self.assertEqual(mine._ess_benchmark("sector"), {})

    def test_two_companies_keep_their_scores_and_benchmarks_apart(self):
        """An office with two territories: each sees its own scores; benchmarks compare
        within the diagnosis' company."""
        day = date(2026, 5, 1)
        main, other = self.env.company, self.env["res.company"].create({"name": "Oficina del Camp"})
        sector = self.env["ess.sector"].create({"name": "Test sector"})
        self.entity_a.ess_sector_id = sector
        others = self.env["res.partner"].create(
            [{"name": f"Other {n}", "is_ess_entity": True, "ess_sector_id": sector.id} for n in range(11)]
        )
        elsewhere = [self._done(entity, {self.q_free: 4}, day, company_id=other.id) for entity in others[:6]]
        mine = self._done(self.entity_a, {self.q_free: 0}, day)
        self.assertEqual(mine._ess_benchmark("sector"), {}, "the other company's entities do not count")
        for entity in others[6:]:
            self._done(entity, {self.q_free: 2}, day)
        self.assertAlmostEqual(mine._ess_benchmark("sector")[self.dim_free.id], 50.0)
        self.assertAlmostEqual(elsewhere[0]._ess_benchmark("sector")[self.dim_free.id], 100.0)

        self.assertEqual(elsewhere[0].score_ids.company_id, other)
        self.user_officer.write({"company_ids": [(6, 0, main.ids)], "company_id": main.id})
        Score = self.env["ess.diagnosis.score"].with_user(self.user_officer)
        self.assertFalse(Score.search([("diagnosis_id", "in", [d.id for d in elsewhere])]))
        self.assertEqual(Score.search([("dimension_id", "=", self.dim_free.id)]).company_id, main)
        self.user_officer.write({"company_ids": [(4, other.id)]})
        both = Score.with_context(allowed_company_ids=[main.id, other.id])
        self.assertEqual(len(both.search([("diagnosis_id", "in", [d.id for d in elsewhere])])), 12)

    def test_recommendations_cover_the_weakest_dimensions(self):
        package_free = self.env["ess.service.package"].create(
            {"name": "Free cloud", "dimension_ids": [(6, 0, self.dim_free.ids)]}
        )
        package_both = self.env["ess.service.package"].create(
            {"name": "Data and free tools", "dimension_ids": [(6, 0, (self.dim_free | self.dim_data).ids)]}
        )
        unrelated = self.env["ess.service.package"].create(
            {
                "name": "Unrelated",
                "dimension_ids": [(6, 0, self.env.ref("ess_office_base.ess_dimension_gender_equity").ids)],
            }
        )
        # data 1/7 = 14.3, free 0: both under 25, free software first.
        diagnosis = self._done(self.entity_a, {self.q_data_single: 1, self.q_free: 0}, date(2026, 2, 1))
        recommendations = diagnosis._ess_recommendations()
        self.assertEqual(
            [line.dimension_id for line, _packages in recommendations], [self.dim_free, self.dim_data]
        )
        ours = package_free | package_both | unrelated
        self.assertEqual(recommendations[0][1] & ours, package_free | package_both)
        self.assertEqual(recommendations[1][1] & ours, package_both)
        for _line, packages in recommendations:
            self.assertTrue(all(_line.dimension_id in package.dimension_ids for package in packages))
        # Above the "average" cut-off nothing is recommended.
        strong = self._done(self.entity_a, {self.q_data_single: 4, self.q_data_multi: [0, 1, 2], self.q_free: 4},
                            date(2026, 3, 1))  # fmt: skip
        self.assertEqual(strong._ess_recommendations(), [])

    def test_recommendations_are_at_most_three(self):
        dims = self.env["ess.dimension"].search([], limit=5)
        for dimension in dims:
            self._question(f"Q {dimension.code}", "simple_choice", dimension, [0, 4])
        diagnosis = self._done(self.entity_a, {}, date(2026, 2, 1))
        self.assertEqual(len(diagnosis._ess_recommendations()), 3)

    def test_entity_shows_its_latest_score_and_trend(self):
        self.assertFalse(self.entity_a.ess_last_diagnosis_id)
        baseline = self._done(self.entity_a, {self.q_data_single: 1, self.q_free: 1}, date(2026, 1, 15))
        self.entity_a.invalidate_recordset()
        self.assertEqual(self.entity_a.ess_last_diagnosis_id, baseline)
        self.assertEqual(self.entity_a.ess_maturity_trend, 0.0)
        final = self._done(self.entity_a, {self.q_data_single: 3, self.q_free: 4}, date(2026, 12, 1))
        self.entity_a.invalidate_recordset()
        self.assertEqual(self.entity_a.ess_last_diagnosis_id, final)
        self.assertAlmostEqual(self.entity_a.ess_maturity_score, final.score)
        self.assertAlmostEqual(self.entity_a.ess_maturity_trend, final.score - baseline.score)
        self.assertEqual(self.entity_a.ess_diagnosis_count, 2)

    def test_itinerary_lists_its_diagnoses(self):
        itinerary = self._start_itinerary(self.entity_a)
        action = itinerary.action_ess_view_diagnoses()
        diagnosis = (
            self.env["ess.diagnosis"].with_context(**action["context"]).create({"survey_id": self.survey.id})
        )
        self.assertEqual(diagnosis.partner_id, self.entity_a)
        self.assertEqual(diagnosis.project_id, itinerary)
        self.assertEqual(itinerary.ess_diagnosis_count, 1)
        self.assertEqual(self.env["ess.diagnosis"].search(action["domain"]), diagnosis)

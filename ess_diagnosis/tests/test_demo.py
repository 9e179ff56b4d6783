from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    def test_demo_shows_history_deltas_and_benchmark(self):
        baseline = self.env.ref("ess_diagnosis.ess_diagnosis_lafornal_baseline")
        final = self.env.ref("ess_diagnosis.ess_diagnosis_lafornal_final")
        self.assertEqual((baseline.state, final.state), ("done", "done"))
        self.assertEqual(baseline.respondent_count, 2)
        self.assertEqual(final.previous_id, baseline)
        self.assertGreater(final.score_delta, 0)
        self.assertEqual(len(final.score_ids), 9)
        rows = final._ess_result_rows()
        self.assertTrue(all(row["delta"] is not None for row in rows))
        self.assertTrue(all(row["benchmark_size"] is not None for row in rows), "six micro entities answered")
        self.assertTrue(final._ess_radar()["previous"])
        pending = self.env.ref("ess_diagnosis.ess_diagnosis_recircula_final")
        self.assertEqual((pending.invited_count, pending.respondent_count), (2, 1))

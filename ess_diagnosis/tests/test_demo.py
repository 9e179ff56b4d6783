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

    def test_demo_diagnoses_have_one_everybody_answered_activity_in_the_referent_language(self):
        summary = "Totes les persones participants han respost: reviseu la diagnosi"
        two_respondents = self.env.ref("ess_diagnosis.ess_diagnosis_lafornal_baseline")
        self.assertEqual(two_respondents.referent_id.lang, "ca_ES")
        answered = self.env["ess.diagnosis"].search(
            [("respondent_count", ">", 0), ("partner_id.is_ess_entity", "=", True)]
        )
        # Providers' own diagnoses have no office referent: nobody to tell.
        everybody = answered.filtered(lambda d: d.respondent_count == d.invited_count and d.referent_id)
        self.assertIn(two_respondents, everybody)
        for diagnosis in everybody:
            with self.subTest(diagnosis=diagnosis.display_name):
                activities = diagnosis.activity_ids.filtered(lambda a: a.summary == summary)
                self.assertEqual(len(activities), 1)
                self.assertEqual(activities.user_id, diagnosis.referent_id)
        pending = self.env.ref("ess_diagnosis.ess_diagnosis_recircula_final")
        self.assertFalse(pending.activity_ids.filtered(lambda a: a.summary == summary))

from unittest.mock import patch

from odoo.tests import tagged

from .common import EssDiagnosisCommon


@tagged("post_install", "-at_install")
class TestScoringPerformance(EssDiagnosisCommon):
    def _queries(self, diagnoses):
        """The SQL queries recomputing ``diagnoses`` runs, flush included."""
        self.env.invalidate_all()
        queries = []
        execute = type(self.env.cr).execute

        def spy(cr, query, params=None, log_exceptions=True):
            queries.append(str(query)[:300])
            return execute(cr, query, params, log_exceptions)

        with patch.object(type(self.env.cr), "execute", spy):
            diagnoses._ess_recompute_scores()
            self.env.flush_all()
        return queries

    def test_recompute_is_batched(self):
        diagnoses = self.env["ess.diagnosis"].create(
            [{"partner_id": self.entity_a.id, "survey_id": self.survey.id} for _index in range(100)]
        )
        for index, diagnosis in enumerate(diagnoses):
            self._answer(diagnosis, {self.q_data_single: index % 5, self.q_data_multi: [0], self.q_free: 3})
        self._queries(diagnoses[:10])  # warm-up: caches of the ORM and of the registry
        ten, hundred = self._queries(diagnoses[:10]), self._queries(diagnoses)
        self.assertEqual(len(ten), len(hundred), "recomputing 100 diagnoses costs as many queries as 10")
        self.assertLess(len(hundred), 30, "\n".join(hundred))

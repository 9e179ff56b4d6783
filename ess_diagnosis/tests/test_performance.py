import logging
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from odoo.addons.ess_office_base.tests.common import page_queries

from .common import EssDiagnosisCommon

_logger = logging.getLogger(__name__)


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


@tagged("post_install", "-at_install")
class TestResultsPagePerformance(EssDiagnosisCommon, HttpCase):
    """The benchmark is computed in the database: the results page costs as many queries
    with 1,000 other entities of the same size as with 10."""

    def _add_other_entities(self, count):
        entities = self.env["res.partner"].create(
            [
                {
                    "name": f"Benchmark entity {index}",
                    "is_company": True,
                    "is_ess_entity": True,
                    "ess_worker_count": 3,
                }
                for index in range(count)
            ]
        )
        diagnoses = self.env["ess.diagnosis"].create(
            [{"partner_id": entity.id, "survey_id": self.survey.id, "state": "done"} for entity in entities]
        )
        diagnoses._ess_replace_score_lines(
            [(diagnosis.id, self.dim_free.id, 40.0, 1) for diagnosis in diagnoses]
            + [(diagnosis.id, self.dim_data.id, 60.0, 1) for diagnosis in diagnoses]
        )
        self.env.flush_all()

    def test_results_page_query_count_does_not_grow_with_other_entities(self):
        diagnosis = self._done_diagnosis(self.entity_a, {self.q_data_single: 2, self.q_free: 2})
        self.authenticate(self.portal_a.login, self.portal_a.login)
        url = f"/my/diagnoses/{diagnosis.id}"
        self._add_other_entities(10)
        with_ten, _page = page_queries(self, url)
        self._add_other_entities(990)
        with_thousand, page_thousand = page_queries(self, url)
        _logger.info(
            "results page: %s queries with 10 other entities, %s with 1,000", with_ten, with_thousand
        )
        self.assertEqual(with_ten, with_thousand)
        # The size benchmark shows: with 1,000 entities at 40 on free software, about 40.
        self.assertAlmostEqual(diagnosis._ess_benchmark("size")[self.dim_free.id], 40.0, delta=1.0)
        self.assertRegex(page_thousand.text, r'o_ess_benchmark_size">\s*(39|40|41)\s*<')

import logging
import time

from odoo import Command
from odoo.tests import tagged

from .common import PERIOD, TODAY, EssImpactCommon, EssImpactVolume

_logger = logging.getLogger(__name__)

# The report's queries at most, whatever the number of entities.
MAX_QUERIES = 40


@tagged("post_install", "-at_install")
class TestImpactQueries(EssImpactCommon, EssImpactVolume):
    """Each block of the report reads the database a fixed number of times: the same
    queries for 10 entities and for 1,000."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.small = cls._report_of(cls._generate_office(cls.env, 10, cls.mentor_a, label="Small")[0])
        cls.large = cls._report_of(cls._generate_office(cls.env, 1000, cls.mentor_a, label="Large")[0])

    @classmethod
    def _report_of(cls, sector):
        return (
            cls.env["ess.impact.report"]
            .create(dict(PERIOD, name=sector.name, sector_ids=[Command.set(sector.ids)]))
            .with_user(cls.user_officer)
            .with_context(ess_today=TODAY)
        )

    def _measure(self, report):
        """(queries, seconds, figures) of the report, read again once the registry's caches
        (groups, XML ids, translations) are warm and the records' cache is empty."""
        self.env.invalidate_all()
        self.env.flush_all()
        self.env.cr.flush()
        before, started = self.cr.sql_log_count, time.perf_counter()
        impact = report._ess_impact()
        self.env.flush_all()
        self.env.cr.flush()
        return self.cr.sql_log_count - before, time.perf_counter() - started, impact

    def test_constant_queries_from_10_to_1000_entities(self):
        # The first readings fill the registry's caches (groups, XML ids, translations).
        for report in (self.small, self.large, self.small):
            self._measure(report)
        at_10, _seconds, small = self._measure(self.small)
        self.assertLessEqual(at_10, MAX_QUERIES)
        self.env.invalidate_all()
        with self.assertQueryCount(at_10):
            self.small._ess_impact()
        self.env.invalidate_all()
        with self.assertQueryCount(at_10):
            self.large._ess_impact()
        at_1000, seconds, large = self._measure(self.large)
        _logger.info(
            "impact report: %s queries over 10 entities, %s over 1,000 (%.3f s)", at_10, at_1000, seconds
        )
        self.assertEqual(at_1000, at_10)
        self.assertEqual((small["entities"], large["entities"]), (10, 1000))
        self.assertEqual(large["maturity"]["compared"], 1000)
        self.assertEqual(large["accompaniment"]["hours_used"], 4000.0)
        self.assertEqual(large["cohorts"]["sessions_held"], 100)
        self.assertEqual(large["people"]["respondents"], 1000)
        self.assertLess(seconds, 2.0, "the report over 1,000 entities answers in well under two seconds")

"""Time the impact report over 10,000 entities (ESS_BENCH_ENTITIES to change it): each
with a baseline and a final diagnosis scored on every dimension, an active contract with
follow-ups and a goal, two tools, and ten by ten a cohort with a held session. Prints the
median of five readings of every figure (warm caches, empty record cache) and their
queries.

Run inside Odoo's shell on a database with ess_impact installed; everything it creates
is rolled back:

    tools/ess bench-impact [DATABASE]
"""

import os
import statistics
import time

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.ess_impact.tests.common import PERIOD, EssImpactVolume

ENTITIES = int(os.environ.get("ESS_BENCH_ENTITIES", "10000"))

mentor = new_test_user(env, "bench_impact_mentor", groups="ess_office_base.group_ess_mentor")  # noqa: F821
mentor.partner_id.write({"is_ess_mentor": True, "ess_mentor_type": "staff"})
officer = new_test_user(env, "bench_impact_officer", groups="ess_office_base.group_ess_officer")  # noqa: F821
started = time.perf_counter()
office = EssImpactVolume._generate_office(env, ENTITIES, mentor.partner_id, label="Bench")  # noqa: F821
sector = office[0]
env.flush_all()  # noqa: F821
# The planner's statistics, as autovacuum keeps them in a real database (without them it
# takes the new tables for empty ones, and loops where it should hash).
env.cr.execute("ANALYZE")  # noqa: F821
generated = time.perf_counter() - started
report = (
    env["ess.impact.report"]  # noqa: F821
    .create(dict(PERIOD, name="Bench", sector_ids=[Command.set(sector.ids)]))
    .with_user(officer)
    .with_context(ess_today="2026-12-31")
)
report._ess_impact()
timings, queries = [], []
for _run in range(5):
    env.invalidate_all()  # noqa: F821
    before, start = env.cr.sql_log_count, time.perf_counter()  # noqa: F821
    impact = report._ess_impact()
    timings.append(time.perf_counter() - start)
    queries.append(env.cr.sql_log_count - before)  # noqa: F821
env.invalidate_all()  # noqa: F821
start = time.perf_counter()
report.summary_html  # noqa: B018  (the form's figures, rendered)
form = time.perf_counter() - start
print(
    f"impact over {impact['entities']} entities ({impact['maturity']['compared']} compared, "
    f"{impact['accompaniment']['contracts']} contracts, {impact['cohorts']['sessions_held']} sessions; "
    f"generated in {generated:.0f} s): median {statistics.median(timings):.3f} s, "
    f"{statistics.median(queries):.0f} queries; the form's figures rendered in {form:.3f} s"
)
env.cr.rollback()  # noqa: F821

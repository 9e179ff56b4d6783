"""Time the weekly reminder cron over 5,000 active mentoring contracts without last
week's follow-up, as the cron runner calls it (batch after batch until none remain).

Run inside Odoo's shell on a database with ess_mentoring installed; everything it
creates is rolled back:

    tools/ess bench-reminders [DATABASE]
"""

import time
from datetime import date

from odoo.tests import new_test_user

CONTRACTS, ENTITIES, MENTORS = 5000, 250, 25

mentors = [
    new_test_user(env, f"bench_mentor_{n}", groups="ess_office_base.group_ess_mentor").partner_id  # noqa: F821
    for n in range(MENTORS)
]
for mentor in mentors:
    mentor.is_ess_mentor = True
entities = env["res.partner"].create(  # noqa: F821
    [{"name": f"Benchmark entity {n}", "is_company": True, "is_ess_entity": True} for n in range(ENTITIES)]
)
today = date.today()
contracts = env["ess.mentoring.contract"].create(  # noqa: F821
    [
        {
            "partner_id": entities[n % ENTITIES].id,
            "mentor_id": mentors[n % MENTORS].id,
            "date_start": date(today.year - 1, 1, 1),
            "date_end": date(today.year + 1, 12, 31),
            "hours_budget": 50,
            "state": "active",
        }
        for n in range(CONTRACTS)
    ]
)
cron = env.ref("ess_mentoring.ir_cron_ess_mentoring_followup_reminders")  # noqa: F821
progress = env["ir.cron.progress"].create({"cron_id": cron.id})  # noqa: F821
Contract = env["ess.mentoring.contract"].with_context(ir_cron_progress_id=progress.id)  # noqa: F821
env.flush_all()  # noqa: F821
env.invalidate_all()  # noqa: F821

start = time.perf_counter()
calls = 0
while True:
    Contract._cron_followup_reminders()
    env.flush_all()  # noqa: F821
    calls += 1
    if not progress.remaining:
        break
elapsed = time.perf_counter() - start
reminders = env["mail.activity"].search_count(  # noqa: F821
    [("res_model", "=", "ess.mentoring.contract"), ("res_id", "in", contracts.ids)]
)
per_contract = 1000 * elapsed / CONTRACTS
print(
    f"reminded {reminders} of {CONTRACTS} contracts in {calls} calls: {elapsed:.2f} s ({per_contract:.2f} ms each)"
)
env.cr.rollback()  # noqa: F821

"""ess_cohort's rows of the access matrix (see ess_office_base/tests/access_matrix.py).

A is cohort A (entity A is an active member; the mentor and the expert accompany entity
A; the facilitator facilitates it), B is cohort B (entity B, facilitated by the officer).
An entity's people read their cohort, its members and sessions, and their own
attendance; they change them only through the portal's controllers. Mentors read the
cohorts of the entities they accompany, and the per-entity rows (progress scores,
attendance) of those entities only."""

from datetime import timedelta

from odoo.addons.ess_diagnosis.tests.access_rows import entity_row
from odoo.addons.ess_office_base.tests.access_matrix import OFFICE, AccessRow, office_row, readable_by

NONE = ("", "", "", "")
# Entities' attendance rates are the office's (members see their own on the portal page).
RATES = readable_by(OFFICE, "attendance_rate")


def _cohort(case, scope):
    return case.cohort_a if scope == "A" else case.cohort_b


ACCESS_ROWS = [
    entity_row(
        "ess.cohort",
        records=lambda case: {"A": case.cohort_a, "B": case.cohort_b},
        create=lambda case, scope: {
            "name": f"Matrix {scope}",
            "date_start": "2026-01-01",
            "date_end": "2026-12-31",
        },
        write=lambda case: {"capacity": 12},
        facilitator=("A", "", "", ""),
        private_fields=RATES,
    ),
    entity_row(
        "ess.cohort.member",
        records=lambda case: {"A": case.member_a, "B": case.member_b},
        create=lambda case, scope: {"cohort_id": _cohort(case, scope).id, "partner_id": case.entity_c.id},
        write=lambda case: {"share_contacts": True},
        facilitator=("A", "", "", ""),
        private_fields=RATES,
        moves={
            "cohort_id": (lambda case: case.cohort_b.id, "B"),
            "partner_id": (lambda case: case.entity_c.id, "A"),
        },
    ),
    entity_row(
        "ess.cohort.session",
        records=lambda case: {"A": case.next_a, "B": case.next_b},
        create=lambda case, scope: {
            "cohort_id": _cohort(case, scope).id,
            "date": case.now + timedelta(days=40),
            "topic": "Matrix session",
        },
        write=lambda case: {"topic": "Matrix topic"},
        facilitator=("A", "A", "", ""),
        moves={"cohort_id": (lambda case: case.cohort_b.id, "B")},
    ),
    entity_row(
        "ess.cohort.attendance",
        records=lambda case: {"A": case.attendance_a, "B": case.attendance_b},
        create=lambda case, scope: {
            "session_id": (case.past_a if scope == "A" else case.past_b).id,
            "partner_id": (case.entity_a if scope == "A" else case.entity_b).id,
        },
        write=lambda case: {"attended": "absent"},
        facilitator=("A", "A", "A", ""),
        moves={
            "session_id": (lambda case: {"session_id": case.past_b.id, "partner_id": case.entity_b.id}, "B"),
        },
    ),
    AccessRow(
        model="ess.cohort.progress.report",
        label="ess.cohort.progress.report",
        records=lambda case: {"A": case.progress_a, "B": case.progress_b},
        create=lambda case, scope: {"cohort_id": _cohort(case, scope).id},
        write=lambda case: {"baseline_score": 1.0},
        access={
            "visitor": NONE,
            "portal_a": NONE,
            "portal_b": NONE,
            "mentor": ("A", "", "", ""),
            "facilitator": NONE,
            "officer": ("AB", "", "", ""),
            "manager": ("AB", "", "", ""),
        },
    ),
    office_row(
        "ess.cohort.session.generate",
        records=lambda case: {"S": case.generate_wizard},
        create=lambda case, scope: {"cohort_id": case.cohort_a.id, "count": 1},
        write=lambda case: {"count": 2},
    ),
]

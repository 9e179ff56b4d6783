"""ess_mentoring's rows of the access matrix (see ess_office_base/tests/access_matrix.py).

The mentor of the matrix is on entity A's active contract (A) and not on B's (a draft
the entity has not accepted, and a done or cancelled contract, open none of the entity's
data: see test_access.TestMentorReachesTheEntity); officers and managers see and change
everything; an entity's people read their own entity's contracts, goals and follow-ups,
and change them only through the portal's controllers.
A week grid (S) is the mentor's own; mentor suggestions (S) are the officers'."""

from odoo.addons.ess_diagnosis.tests.access_rows import entity_row
from odoo.addons.ess_office_base.tests.access_matrix import AccessRow

NONE = ("", "", "", "")


def _entity(case, scope):
    return case.entity_a if scope == "A" else case.entity_b


def _contract(case, scope):
    return case.contract_a if scope == "A" else case.contract_b


ACCESS_ROWS = [
    entity_row(
        "ess.mentoring.contract",
        records=lambda case: {"A": case.contract_a, "B": case.contract_b},
        create=lambda case, scope: {
            "partner_id": _entity(case, scope).id,
            "date_start": "2026-01-01",
            "date_end": "2026-12-31",
            "hours_budget": 10,
        },
        write=lambda case: {"hours_budget": 60},
        moves={"partner_id": (lambda case: case.entity_b.id, "B")},
    ),
    entity_row(
        "ess.mentoring.goal",
        records=lambda case: {"A": case.goal_a, "B": case.goal_b},
        create=lambda case, scope: {"contract_id": _contract(case, scope).id, "name": "Matrix goal"},
        write=lambda case: {"state": "achieved"},
        moves={"contract_id": (lambda case: case.contract_b.id, "B")},
    ),
    # The mentor changes their own follow-ups, on their own contracts.
    entity_row(
        "ess.mentoring.followup",
        records=lambda case: {"A": case.followup_a, "B": case.followup_b},
        create=lambda case, scope: {
            "contract_id": _contract(case, scope).id,
            "member_id": _contract(case, scope).mentor_id.id,
            "week_start": "2026-05-04",
            "hours": 1,
        },
        write=lambda case: {"summary": "Matrix week"},
        mentor=("A", "A", "A", "A"),
        # The expert reads the main mentor's weeks and writes only his own.
        expert=("A", "", "", ""),
        moves={
            "contract_id": (
                lambda case: {
                    "contract_id": case.contract_b.id,
                    "member_id": case.mentor_b.id,
                    "week_start": "2026-05-04",
                },
                "B",
            ),
        },
    ),
    AccessRow(
        model="ess.mentoring.week.grid",
        label="ess.mentoring.week.grid",
        records=lambda case: {"S": case.week_grid},
        create=lambda case, scope: {"week_start": "2026-03-02"},
        write=lambda case: {"week_start": "2026-03-09"},
        access={
            "visitor": NONE,
            "portal_a": NONE,
            "portal_b": NONE,
            "mentor": ("S", "S", "S", "S"),
            # Any mentor opens a grid of his own.
            "expert": ("", "", "S", ""),
            "facilitator": ("", "", "S", ""),
            "officer": ("", "", "S", ""),
            "manager": ("", "", "S", ""),
        },
    ),
    AccessRow(
        model="ess.mentoring.week.grid.line",
        label="ess.mentoring.week.grid.line",
        records=lambda case: {"S": case.week_grid.line_ids[:1]},
        create=lambda case, scope: {
            "grid_id": case.week_grid.id,
            "contract_id": case.contract_a.id,
            "week_start": "2026-03-02",
        },
        write=lambda case: {"hours": 3},
        access={
            "visitor": NONE,
            "portal_a": NONE,
            "portal_b": NONE,
            "mentor": ("S", "S", "S", "S"),
            # A cell belongs to its grid's owner: nobody else adds one to it.
            "expert": NONE,
            "facilitator": NONE,
            "officer": NONE,
            "manager": NONE,
        },
    ),
    AccessRow(
        model="ess.mentoring.mentor.suggestion",
        label="ess.mentoring.mentor.suggestion",
        records=lambda case: {"S": case.suggestion},
        create=lambda case, scope: {"contract_id": case.contract_a.id, "mentor_id": case.mentor_a.id},
        write=lambda case: {"rank": 9},
        access={
            "visitor": NONE,
            "portal_a": NONE,
            "portal_b": NONE,
            "mentor": NONE,
            "officer": ("S", "S", "S", "S"),
            "manager": ("S", "S", "S", "S"),
        },
    ),
]

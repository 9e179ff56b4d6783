"""ess_impact's rows of the access matrix (see ess_office_base/tests/access_matrix.py).

An impact report is prepared by office staff: ``S`` is the officer's report, ``A`` the
mentor's own (its figures cover the entities he accompanies, entity A). Officers and
managers reach every report of their offices; a mentor his own only; nobody outside
the office any. A report is moved to another person only by an officer."""

from odoo.addons.ess_office_base.tests.access_matrix import AccessRow

NONE = ("", "", "", "")


def _report_values(case, scope):
    user = case.user_mentor if scope == "A" else case.user_officer
    return {"name": f"Matrix impact {scope}", "user_id": user.id}


ACCESS_ROWS = [
    AccessRow(
        model="ess.impact.report",
        label="ess.impact.report",
        records=lambda case: {"A": case.impact_report_mentor, "S": case.impact_report_officer},
        create=_report_values,
        write=lambda case: {"name": "Matrix impact, renamed"},
        access={
            "visitor": NONE,
            "portal_a": NONE,
            "portal_b": NONE,
            "mentor": ("A", "A", "A", "A"),
            "expert": NONE,
            "facilitator": NONE,
            "officer": ("AS", "AS", "AS", "AS"),
            "manager": ("AS", "AS", "AS", "AS"),
        },
        moves={"user_id": (lambda case: case.user_officer.id, "S")},
        company=False,
    ),
]

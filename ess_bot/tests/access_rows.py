"""ess_bot's rows of the access matrix (see ess_office_base/tests/access_matrix.py).

S is what ESSBot noted of a visitor's conversation: a request passed on to the office, an
answer logged for the report, the conversation's row in the report. They are the
office's: officers read them (and handle requests), managers also delete them; nobody
else reaches them, and nobody creates them but ESSBot (as superuser, for the visitor)."""

from odoo.addons.ess_office_base.tests.access_matrix import OFFICE, AccessRow, readable_by

NONE = ("", "", "", "")
NOBODY = dict.fromkeys(("visitor", "portal_a", "portal_b", "mentor"), NONE)

ACCESS_ROWS = [
    AccessRow(
        model="ess.bot.request",
        label="ess.bot.request",
        records=lambda case: {"S": case.matrix_request},
        create=lambda case, scope: {"person_name": "Matrix", "email": "matrix@example.com"},
        write=lambda case: {"state": "done"},
        private_fields=readable_by(OFFICE, "email", "phone", "ip_address", "transcript"),
        access={**NOBODY, "officer": ("S", "S", "", ""), "manager": ("S", "S", "", "S")},
    ),
    AccessRow(
        model="ess.bot.event",
        label="ess.bot.event",
        records=lambda case: {"S": case.matrix_event},
        create=lambda case, scope: {"script_id": case.script.id, "kind": "search"},
        write=lambda case: {"result_count": 7},
        company=False,
        access={**NOBODY, "officer": ("S", "", "", ""), "manager": ("S", "", "", "S")},
    ),
    AccessRow(
        model="ess.bot.report",
        label="ess.bot.report",
        records=lambda case: {"S": case.matrix_report},
        create=lambda case, scope: {"search_count": 1},
        write=lambda case: {"search_count": 2},
        company=False,
        access={**NOBODY, "officer": ("S", "", "", ""), "manager": ("S", "", "", "")},
    ),
]

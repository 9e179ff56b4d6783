"""ess_tool_inventory's rows of the access matrix (see ess_office_base/tests/access_matrix.py).

A is entity A's inventory line, B entity B's: an entity's people keep their own
inventory; the office plans the migrations."""

from odoo.addons.ess_office_base.tests.access_matrix import AccessRow, office_row

NONE = ("", "", "", "")


ACCESS_ROWS = [
    # An entity's people keep their own inventory (they also create and remove lines);
    # the mentor reads entity A's.
    AccessRow(
        model="ess.tool.inventory.line",
        label="ess.tool.inventory.line",
        records=lambda case: {"A": case.line_a, "B": case.line_b},
        create=lambda case, scope: {
            "partner_id": (case.entity_a if scope == "A" else case.entity_b).id,
            "name": f"Matrix tool {scope}",
            "usage": "crm",
        },
        write=lambda case: {"user_count": 9},
        moves={"partner_id": (lambda case: {"partner_id": case.entity_b.id, "usage": "crm"}, "B")},
        access={
            "visitor": NONE,
            "portal_a": ("A", "A", "A", "A"),
            "portal_b": ("B", "B", "B", "B"),
            "mentor": ("A", "", "", ""),
            "facilitator": NONE,
            "officer": ("AB", "AB", "AB", "AB"),
            "manager": ("AB", "AB", "AB", "AB"),
        },
    ),
    office_row(
        "ess.tool.migration.plan",
        records=lambda case: {"S": case.migration_wizard},
        create=lambda case, scope: {"line_id": case.line_a.id, "alternative_id": case.free_cloud.id},
        write=lambda case: {"date_deadline": "2027-06-30"},
    ),
]

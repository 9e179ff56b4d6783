"""ess_office_base's rows of the access matrix (see access_matrix.py)."""

from .access_matrix import ROLES, AccessRow, partner_contact_fields, readable_by

NONE = ("", "", "", "")
READ_SHARED = ("S", "", "", "")
ALL_SHARED = ("S", "S", "S", "S")
ALL_AB = ("AB", "AB", "AB", "AB")


def _configuration(model, label, record, values, officer=READ_SHARED):
    """A configuration model: ``record`` names the test case's attribute holding one."""
    return AccessRow(
        model=model,
        label=label,
        records=lambda case: {"S": getattr(case, record)},
        create=lambda case, scope: dict(values),
        write=lambda case: dict(values),
        access={
            "visitor": NONE,
            "portal_a": NONE,
            "portal_b": NONE,
            "mentor": READ_SHARED,
            "officer": officer,
            "manager": ALL_SHARED,
        },
    )


ACCESS_ROWS = [
    _configuration(
        "ess.dimension", "ess.dimension", "matrix_dimension",
        {"name": "Matrix dimension", "code": "matrix_dimension"},
    ),
    _configuration("ess.sector", "ess.sector", "matrix_sector", {"name": "Matrix sector"}),
    _configuration(
        "ess.service.package", "ess.service.package", "matrix_package", {"name": "Matrix package"},
        officer=ALL_SHARED,
    ),
    AccessRow(
        model="res.partner",
        label="res.partner (ESS entity)",
        records=lambda case: {"A": case.entity_a, "B": case.entity_b},
        create=lambda case, scope: {
            "name": f"Matrix entity {scope}",
            "is_company": True,
            "is_ess_entity": True,
            "ess_legal_form": "association",
        },
        write=lambda case: {"ess_worker_count": 12},
        # An entity's e-mail and phone are the organisation's, for whoever reads it.
        private_fields=partner_contact_fields(),
        access={
            "visitor": NONE,
            "portal_a": ("A", "", "", ""),
            "portal_b": ("B", "", "", ""),
            "mentor": ("AB", "", "", ""),
            "officer": ALL_AB,
            "manager": ALL_AB,
        },
    ),
    AccessRow(
        model="res.partner",
        label="res.partner (ESS mentor and provider profiles)",
        records=lambda case: {"S": case.matrix_mentor},
        create=lambda case, scope: {"name": "Matrix mentor", "is_ess_mentor": True, "ess_mentor_type": "staff"},
        write=lambda case: {"ess_mentor_capacity": 12},
        # The office's mentors and the providers it works with reach one another.
        private_fields=partner_contact_fields(),
        access={
            "visitor": NONE,
            "portal_a": NONE,
            "portal_b": NONE,
            "mentor": READ_SHARED,
            "officer": ALL_SHARED,
            "manager": ALL_SHARED,
        },
    ),
    AccessRow(
        model="project.project",
        label="project.project (ESS itinerary)",
        records=lambda case: {"A": case.itinerary_a, "B": case.itinerary_b},
        create=lambda case, scope: {
            "name": f"Matrix itinerary {scope}",
            "is_ess_itinerary": True,
            "ess_entity_id": (case.entity_a if scope == "A" else case.entity_b).id,
        },
        write=lambda case: {"description": "<p>Matrix</p>"},
        # The address that files mails into the itinerary's tasks: the office's, which
        # Odoo shows to the project's portal users too.
        private_fields=readable_by(ROLES, "alias_email"),
        moves={"ess_entity_id": (lambda case: case.entity_b.id, "B")},
        # Itineraries keep Odoo's own project visibility: every internal user reads the
        # projects that are not private; only project managers delete them.
        access={
            "visitor": NONE,
            "portal_a": ("A", "", "", ""),
            "portal_b": ("B", "", "", ""),
            "mentor": ("AB", "", "", ""),
            "officer": ("AB", "AB", "AB", ""),
            "manager": ("AB", "AB", "AB", ""),
        },
    ),
    AccessRow(
        model="ess.privacy.log",
        label="ess.privacy.log",
        records=lambda case: {"S": case.matrix_privacy_log},
        create=lambda case, scope: {
            "partner_id": case.contact_a.id, "partner_name": "Forged", "kind": "erasure",
            "user_id": case.user_officer.id,
        },
        write=lambda case: {"kind": "erasure", "partner_name": "Forged"},
        # The log of exports and erasures: only the export and the erasure write it, after
        # their checks; the office reads it and nobody edits or deletes a line.
        access={
            "visitor": NONE,
            "portal_a": NONE,
            "portal_b": NONE,
            "mentor": NONE,
            "officer": READ_SHARED,
            "manager": READ_SHARED,
        },
        company=False,
    ),
]  # fmt: skip

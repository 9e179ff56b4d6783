"""ess_catalogue's rows of the access matrix (see ess_office_base/tests/access_matrix.py).

S is a published resource (and a shared tag); A is a proposal made by a person of entity
A, waiting for moderation: nobody but officers and managers sees it, not even its
proposer (the portal's controllers create it). Everybody reads what is published; only
officers and managers change the catalogue."""

from odoo.addons.ess_office_base.tests.access_matrix import OFFICE, AccessRow, office_row, readable_by

READ_S = ("S", "", "", "")
ALL = ("AS", "AS", "AS", "AS")


ACCESS_ROWS = [
    AccessRow(
        model="ess.catalogue.resource",
        label="ess.catalogue.resource",
        records=lambda case: {"S": case.free_cloud, "A": case.proposal_a},
        create=lambda case, scope: {
            "name": f"Matrix resource {scope}",
            "state": "published" if scope == "S" else "submitted",
        },
        write=lambda case: {"summary": "Matrix summary"},
        # The catalogue is the offices' shared, public one: a resource has no company (a
        # proposal, A, is a visitor's or a member's, not one of the entity's records).
        company=False,
        # Who proposed a resource, and from where, is the office's to know.
        private_fields=readable_by(
            OFFICE, "proposer_name", "proposer_email", "proposer_partner_id", "proposer_ip"
        ),
        access={
            "visitor": READ_S,
            "portal_a": READ_S,
            "portal_b": READ_S,
            "mentor": READ_S,
            "officer": ALL,
            "manager": ALL,
        },
    ),
    AccessRow(
        model="ess.catalogue.tag",
        label="ess.catalogue.tag",
        records=lambda case: {"S": case.tag_cloud},
        create=lambda case, scope: {"name": "Matrix tag"},
        write=lambda case: {"color": 3},
        access={
            "visitor": READ_S,
            "portal_a": READ_S,
            "portal_b": READ_S,
            "mentor": READ_S,
            "officer": ("S", "S", "S", "S"),
            "manager": ("S", "S", "S", "S"),
        },
    ),
    office_row(
        "ess.catalogue.reject",
        records=lambda case: {"S": case.reject_wizard},
        create=lambda case, scope: {"resource_id": case.proposal_a.id, "reason": "Matrix"},
        write=lambda case: {"reason": "Matrix again"},
    ),
]

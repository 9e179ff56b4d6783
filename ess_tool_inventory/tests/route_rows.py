"""ess_tool_inventory's rows of the route matrix (see ess_office_base/tests/route_matrix.py).

/my/tools is for the entity's people: anyone else gets a 404."""

from odoo.addons.ess_catalogue.tests.route_rows import _proposal_texts
from odoo.addons.ess_diagnosis.tests.route_rows import list_row
from odoo.addons.ess_office_base.tests.route_matrix import RouteRow

NEW_TOOL = "Eina afegida de rutes"


def setup_route_records(cls):
    """An inventory line per entity (the catalogue's proprietary tool of its route
    records, set up first) and an itinerary per entity, where migrations are planned."""
    cls.line_a, cls.line_b = cls.env["ess.tool.inventory.line"].create(
        [{"name": f"Eina de rutes {letter}", "partner_id": entity.id, "resource_id": cls.route_proprietary_tool.id,
          "usage": "files", "user_count": 3} for letter, entity in (("A", cls.entity_a), ("B", cls.entity_b))]
    )  # fmt: skip
    cls._start_itinerary(cls.entity_a)
    cls._start_itinerary(cls.entity_b)


def _line(case, scope):
    return {"A": case.line_a, "B": case.line_b}[scope]


def _line_texts(case):
    return {"A": [case.line_a.name, case.entity_a.name], "B": [case.line_b.name, case.entity_b.name]}


def _line_row(path, suffix="", data=None, stored=None):
    """A route on one line of /my/tools: the entity's people only (what the code does
    today: office users, who belong to no entity, get a 404 too)."""
    return RouteRow(
        path=path,
        method="POST" if data else "GET",
        request=lambda case, scope: (f"/my/tools/{_line(case, scope).id}{suffix}", data and data(case)),
        scopes="AB",
        texts=_line_texts,
        stored=stored,
        access={"visitor": "", "portal_a": "A", "portal_b": "B", "mentor": "", "officer": ""},
    )


def _tool_form(name):
    return lambda case: {"name": name, "usage": "files", "status": "in_use", "user_count": "2"}


ROUTE_ROWS = [
    list_row("/my/tools", "/my/tools", _line_texts),
    RouteRow(
        path="/my/tools/add",
        method="POST",
        request=lambda case, scope: ("/my/tools/add", _tool_form(NEW_TOOL)(case)),
        scopes="S",
        texts=_line_texts,
        stored=lambda case, scope: (
            case.env["ess.tool.inventory.line"].sudo().search_count([("name", "=", NEW_TOOL)])
        ),
        # The entity's people add to their entity's inventory; office users belong to none.
        access={"visitor": "", "portal_a": "S", "portal_b": "S", "mentor": "", "officer": ""},
    ),
    _line_row("/my/tools/<int:line_id>"),
    _line_row(
        "/my/tools/<int:line_id>",
        data=_tool_form("Eina desada de rutes"),
        stored=lambda case, scope: (_line(case, scope).name, _line(case, scope).user_count),
    ),
    _line_row(
        "/my/tools/<int:line_id>/delete",
        suffix="/delete",
        data=lambda case: {"confirm": "1"},
        stored=lambda case, scope: bool(_line(case, scope).exists()),
    ),
    _line_row(
        "/my/tools/<int:line_id>/plan",
        suffix="/plan",
        data=lambda case: {"alternative_id": str(case.route_free_tool.id), "date_deadline": ""},
        stored=lambda case, scope: (_line(case, scope).task_id, _line(case, scope).status),
    ),
    RouteRow(
        path="/my/tools/suggest",
        method="GET",
        # The proposal is a tool too: the suggestions are published tools only.
        request=lambda case, scope: ("/my/tools/suggest?term=Proposta", None),
        scopes="S",
        texts=_proposal_texts,
        access={"visitor": "", "portal_a": "S", "portal_b": "S", "mentor": "S", "officer": "S"},
    ),
]

"""ess_catalogue's rows of the route matrix (see ess_office_base/tests/route_matrix.py).

The website's catalogue is public and shows published resources only: an unpublished one
(a proposal waiting for moderation) is a 404 for everyone, officers included (they moderate
it in the backend). /my/tools is for the entity's people: anyone else gets a 404."""

from odoo.addons.ess_diagnosis.tests.route_rows import list_row
from odoo.addons.ess_office_base.tests.route_matrix import RouteRow

from .common import EssCatalogueCommon

PROPOSAL = "Proposta de rutes"
NEW_TOOL = "Eina afegida de rutes"


def setup_route_records(cls):
    """A published free tool, a published proprietary one it replaces and a submitted
    proposal; a provider and a company that is none; an inventory line per entity (the
    proprietary tool) and an itinerary per entity, where migrations are planned."""
    resource = EssCatalogueCommon._resource.__func__
    cls.route_provider = cls.env["res.partner"].create(
        {"name": "Proveïdora de rutes", "is_company": True, "is_ess_provider": True}
    )
    cls.route_no_provider = cls.env["res.partner"].create(
        {"name": "Empresa oculta de rutes", "is_company": True, "email": "oculta.rutes@example.com"}
    )
    cls.route_free_tool = resource(cls, "Eina lliure de rutes", license_type="free_software", cost="free",
                                   provider_id=cls.route_provider.id)  # fmt: skip
    cls.route_proprietary_tool = resource(
        cls, "Eina privativa de rutes", license_type="proprietary", alternative_ids=cls.route_free_tool.ids
    )
    cls.route_proposal = resource(
        cls, "Proposta oculta de rutes", state="submitted", proposer_name="Visitant de rutes",
        proposer_email="visitant.rutes@example.com",
    )  # fmt: skip
    cls.line_a, cls.line_b = cls.env["ess.tool.inventory.line"].create(
        [{"name": f"Eina de rutes {letter}", "partner_id": entity.id, "resource_id": cls.route_proprietary_tool.id,
          "usage": "files", "user_count": 3} for letter, entity in (("A", cls.entity_a), ("B", cls.entity_b))]
    )  # fmt: skip
    cls._start_itinerary(cls.entity_a)
    cls._start_itinerary(cls.entity_b)


def _proposal_texts(case):
    return {"U": [case.route_proposal.name, case.route_proposal.summary, "visitant.rutes@example.com"]}


def _resource(case, scope):
    return {"S": case.route_free_tool, "U": case.route_proposal}[scope]


def _provider(case, scope):
    return {"S": case.route_provider, "U": case.route_no_provider}[scope]


def _line(case, scope):
    return {"A": case.line_a, "B": case.line_b}[scope]


def _line_texts(case):
    return {"A": [case.line_a.name, case.entity_a.name], "B": [case.line_b.name, case.entity_b.name]}


def _page(path, url, texts=_proposal_texts, scopes="S", request=None, method="GET", **values):
    """A page of the public website: every role uses it (on what is published)."""
    return RouteRow(
        path=path,
        method=method,
        request=request or (lambda case, scope: (url, None)),
        scopes=scopes,
        texts=texts,
        access=dict.fromkeys(("visitor", "portal_a", "portal_b", "mentor", "officer"), "S"),
        **values,
    )


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
    _page("/catalogue", "/catalogue"),
    _page("/catalogue/page/<int:page>", "/catalogue/page/1"),
    _page(
        "/catalogue/<string:resource_slug>",
        None,
        scopes="SU",
        request=lambda case, scope: (_resource(case, scope).website_url, None),
    ),
    _page("/catalogue/providers", "/catalogue/providers"),
    _page(
        "/catalogue/providers/<string:provider_slug>",
        None,
        scopes="SU",
        texts=lambda case: {"U": [case.route_no_provider.name, case.route_no_provider.email]},
        request=lambda case, scope: (
            f"/catalogue/providers/{case.env['ir.http']._slug(_provider(case, scope))}",
            None,
        ),
    ),
    _page("/catalogue/submit", "/catalogue/submit"),
    _page(
        "/catalogue/submit",
        None,
        method="POST",
        # Anyone proposes a resource: the thanks page.
        request=lambda case, scope: (
            "/catalogue/submit",
            {
                "name": PROPOSAL,
                "resource_type": "tool",
                "proposer_name": "Visitant",
                "proposer_email": "visitant@example.com",
            },
        ),  # fmt: skip
        stored=lambda case, scope: (
            case.env["ess.catalogue.resource"].sudo().search_count([("name", "=", PROPOSAL)])
        ),
        ok=(200,),
    ),
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

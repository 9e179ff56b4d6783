"""ess_catalogue's rows of the route matrix (see ess_office_base/tests/route_matrix.py).

The website's catalogue is public and shows published resources only: an unpublished one
(a proposal waiting for moderation) is a 404 for everyone, officers included (they moderate
it in the backend). /my/tools is for the entity's people: anyone else gets a 404."""

from odoo.addons.ess_office_base.tests.route_matrix import RouteRow

from .common import EssCatalogueCommon

PROPOSAL = "Proposta de rutes"


def setup_route_records(cls):
    """A published free tool, a published proprietary one it replaces and a submitted
    proposal; a provider and a company that is none."""
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


def _proposal_texts(case):
    return {"U": [case.route_proposal.name, case.route_proposal.summary, "visitant.rutes@example.com"]}


def _resource(case, scope):
    return {"S": case.route_free_tool, "U": case.route_proposal}[scope]


def _provider(case, scope):
    return {"S": case.route_provider, "U": case.route_no_provider}[scope]


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
]

"""ess_office_base's rows of the route matrix (see route_matrix.py): the download of a
contact's personal data, for the office's officers and managers only."""

from .route_matrix import RouteRow


def setup_route_records(cls):
    """Nothing to add: the export route downloads entity A's and entity B's data."""


def _export(case, scope):
    entity = case.entity_a if scope == "A" else case.entity_b
    return f"/ess/privacy/export/{entity.id}", None


ROUTE_ROWS = [
    RouteRow(
        path="/ess/privacy/export/<int:partner_id>",
        method="GET",
        request=_export,
        scopes="AB",
        access={"visitor": "", "portal_a": "", "portal_b": "", "mentor": "", "officer": "AB"},
    ),
]

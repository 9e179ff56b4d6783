"""ess_impact's rows of the route matrix (see ess_office_base/tests/route_matrix.py).

``/impact`` is public. A report's DMA file is for the staff who read the report: ``S`` is
the officer's report, ``A`` the mentor's own. ``/my/impact`` sends a logged-in user to
the entity's before and after (the diagnoses' list for users of no entity)."""

from odoo.addons.ess_office_base.tests.route_matrix import RouteRow

EVERYONE = {"visitor": "S", "portal_a": "S", "portal_b": "S", "mentor": "S", "officer": "S"}


def setup_route_records(cls):
    Report = cls.env["ess.impact.report"]
    cls.impact_report_officer = Report.create(
        {"name": "Impacte de l'oficina", "user_id": cls.user_officer.id}
    )
    cls.impact_report_mentor = Report.create({"name": "Impacte del mentor", "user_id": cls.user_mentor.id})


def _dma(case, scope):
    report = case.impact_report_mentor if scope == "A" else case.impact_report_officer
    return f"/ess_impact/dma/{report.id}", None


ROUTE_ROWS = [
    RouteRow(
        path="/impact",
        method="GET",
        request=lambda case, scope: ("/impact", None),
        access=EVERYONE,
        scopes="S",
    ),  # fmt: skip
    RouteRow(
        path="/ess_impact/dma/<int:report_id>",
        method="GET",
        request=_dma,
        access={"visitor": "", "portal_a": "", "portal_b": "", "mentor": "A", "officer": "AS"},
        scopes="AS",
    ),
    RouteRow(
        path="/my/impact",
        method="GET",
        request=lambda case, scope: ("/my/impact", None),
        access={"visitor": "", "portal_a": "S", "portal_b": "S", "mentor": "S", "officer": "S"},
        scopes="S",
        ok=(303,),
    ),
]

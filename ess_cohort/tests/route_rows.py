"""ess_cohort's rows of the route matrix (see ess_office_base/tests/route_matrix.py).

A cohort's pages, its sessions' calendar files and learnings are for its active members'
people: anyone else gets a 404. Any entity applies to an open cohort and registers to an
open session; office users belong to no entity and do neither."""

from datetime import timedelta

from odoo import fields

from odoo.addons.ess_diagnosis.tests.route_rows import list_row
from odoo.addons.ess_office_base.tests.route_matrix import RouteRow

from .common import EssCohortCommon

# Only the entity's people (what the code does today: office users, who belong to no
# entity, get a 404 too; they see cohorts in the backend).
ENTITY = {"visitor": "", "portal_a": "A", "portal_b": "B", "mentor": "", "officer": ""}
# Any entity's people, on what is open to every entity.
ANY_ENTITY = {"visitor": "", "portal_a": "S", "portal_b": "S", "mentor": "", "officer": ""}


def setup_route_records(cls):
    """A running cohort per entity (A's and B's members write their learnings), each with
    a past and a coming session; an open cohort without members, with an open session."""
    cls.now = fields.Datetime.now().replace(hour=16, minute=0, second=0, microsecond=0)
    cls.today = cls.now.date()
    cohort, sessions = EssCohortCommon._cohort.__func__, EssCohortCommon._sessions.__func__
    cls.cohort_a = cohort(cls, "Cohort de rutes A", cls.entity_a, members_write_learnings=True)
    cls.cohort_b = cohort(cls, "Cohort de rutes B", cls.entity_b, members_write_learnings=True)
    cls.past_a, cls.next_a = sessions(cls, cls.cohort_a)
    cls.past_b, cls.next_b = sessions(cls, cls.cohort_b)
    cls.cohort_open = cohort(cls, "Cohort oberta de rutes", state="open")
    cls.session_open = cls.env["ess.cohort.session"].create(
        {"cohort_id": cls.cohort_open.id, "date": cls.now + timedelta(days=20), "topic": "Sessió oberta",
         "is_open": True}
    )  # fmt: skip


def _texts(case):
    # The sessions' topics begin with their cohort's name.
    return {"A": [case.cohort_a.name], "B": [case.cohort_b.name]}


def _cohort(case, scope):
    return {"A": case.cohort_a, "B": case.cohort_b, "S": case.cohort_open}[scope]


def _session(case, scope):
    return {"A": case.next_a, "B": case.next_b, "S": case.session_open}[scope]


def _past(case, scope):
    return {"A": case.past_a, "B": case.past_b}[scope]


ROUTE_ROWS = [
    list_row("/my/cohorts", "/my/cohorts", _texts),
    RouteRow(
        path="/my/cohorts/<int:cohort_id>",
        method="GET",
        request=lambda case, scope: (f"/my/cohorts/{_cohort(case, scope).id}", None),
        scopes="AB",
        texts=_texts,
        access=ENTITY,
    ),
    RouteRow(
        path="/my/cohorts/<int:cohort_id>/apply",
        method="POST",
        # A and B run: nobody applies to them.
        request=lambda case, scope: (f"/my/cohorts/{_cohort(case, scope).id}/apply", {"apply": "1"}),
        scopes="ABS",
        texts=_texts,
        stored=lambda case, scope: _cohort(case, scope).sudo().member_ids,
        access=ANY_ENTITY,
    ),
    RouteRow(
        path="/my/cohorts/session/<int:session_id>/register",
        method="POST",
        # A's and B's coming sessions are not open to other entities.
        request=lambda case, scope: (
            f"/my/cohorts/session/{_session(case, scope).id}/register",
            {"register": "1"},
        ),
        scopes="ABS",
        texts=_texts,
        stored=lambda case, scope: _session(case, scope).sudo().attendance_ids,
        access=ANY_ENTITY,
    ),
    RouteRow(
        path="/my/cohorts/session/<int:session_id>/ics",
        method="GET",
        request=lambda case, scope: (f"/my/cohorts/session/{_session(case, scope).id}/ics", None),
        scopes="AB",
        texts=_texts,
        access=ENTITY,
    ),
    RouteRow(
        path="/my/cohorts/session/<int:session_id>/learning",
        method="POST",
        request=lambda case, scope: (
            f"/my/cohorts/session/{_past(case, scope).id}/learning",
            {"learning": "Après a les rutes"},
        ),
        scopes="AB",
        texts=_texts,
        stored=lambda case, scope: _past(case, scope).learnings,
        access=ENTITY,
    ),
]

"""ess_mentoring's rows of the route matrix (see ess_office_base/tests/route_matrix.py).

A contract's and a follow-up's pages answer whoever may read them (the entity's people, the
team, the officers) and a 404 to anyone else; only the entity's people accept a contract and
comment a week."""

from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.ess_diagnosis.tests.route_rows import list_row
from odoo.addons.ess_office_base.tests.route_matrix import RouteRow

from .common import EssMentoringCommon


def setup_route_records(cls):
    """An active contract per entity, with a goal and a follow-up: A's mentored by the
    mentor who accompanies A, B's by a mentor of its own."""
    cls.user_mentor.partner_id.write(EssMentoringCommon._mentor_values.__func__(cls, capacity=20))
    cls.user_mentor_b = new_test_user(
        cls.env, "ess_mentor_b", groups="ess_office_base.group_ess_mentor", lang="en_US", name="Mentor B"
    )
    cls.user_mentor_b.partner_id.write(EssMentoringCommon._mentor_values.__func__(cls, capacity=10))
    for letter, entity, mentor in (
        ("a", cls.entity_a, cls.user_mentor),
        ("b", cls.entity_b, cls.user_mentor_b),
    ):
        contract = EssMentoringCommon._contract(cls, entity, mentor.partner_id, state="active")
        contract.goal_ids = [Command.create({"name": f"Objectiu de rutes {letter.upper()}"})]
        setattr(cls, f"contract_{letter}", contract)
        setattr(cls, f"followup_{letter}", EssMentoringCommon._followup(
            cls, contract, week=date(2026, 3, 2), summary=f"Setmana de rutes {letter.upper()}"
        ))  # fmt: skip


def _texts(case):
    return {
        "A": [case.contract_a.name, case.entity_a.name, "Objectiu de rutes A", "Setmana de rutes A"],
        "B": [case.contract_b.name, case.entity_b.name, "Objectiu de rutes B", "Setmana de rutes B"],
    }


def _contract(case, scope):
    return {"A": case.contract_a, "B": case.contract_b}[scope]


def _followup(case, scope):
    return {"A": case.followup_a, "B": case.followup_b}[scope]


# What the code does today: a contract's and a follow-up's pages answer whoever the record
# rules let read them, so the mentor of A's contract and the officers (every contract) too.
READERS = {"visitor": "", "portal_a": "A", "portal_b": "B", "mentor": "A", "officer": "AB"}
# What only the entity's people do.
ENTITY = {"visitor": "", "portal_a": "A", "portal_b": "B", "mentor": "", "officer": ""}

ROUTE_ROWS = [
    list_row("/my/mentoring", "/my/mentoring", _texts),
    list_row("/my/mentoring/page/<int:page>", "/my/mentoring/page/1", _texts),
    RouteRow(
        path="/my/mentoring/<int:contract_id>",
        method="GET",
        request=lambda case, scope: (f"/my/mentoring/{_contract(case, scope).id}", None),
        scopes="AB",
        texts=_texts,
        access=READERS,
    ),
    RouteRow(
        path="/my/mentoring/<int:contract_id>/accept",
        method="POST",
        # An active contract: its people are sent back to it ("not waiting"), nothing changes.
        request=lambda case, scope: (f"/my/mentoring/{_contract(case, scope).id}/accept", {"accept": "1"}),
        scopes="AB",
        texts=_texts,
        stored=lambda case, scope: (_contract(case, scope).accepted_by_id, _contract(case, scope).state),
        access=ENTITY,
    ),
    RouteRow(
        path="/my/mentoring/followup/<int:followup_id>",
        method="GET",
        request=lambda case, scope: (f"/my/mentoring/followup/{_followup(case, scope).id}", None),
        scopes="AB",
        texts=_texts,
        access=READERS,
    ),
    RouteRow(
        path="/my/mentoring/followup/<int:followup_id>/comment",
        method="POST",
        request=lambda case, scope: (
            f"/my/mentoring/followup/{_followup(case, scope).id}/comment",
            {"comment": "Comentari de rutes"},
        ),
        scopes="AB",
        texts=_texts,
        stored=lambda case, scope: _followup(case, scope).entity_comment,
        access=ENTITY,
    ),
]

"""ess_diagnosis's rows of the route matrix (see ess_office_base/tests/route_matrix.py).

The portal's diagnosis pages are for the entity's people; a record page answers a 404 to
whoever may not read the diagnosis."""

from odoo.addons.ess_office_base.tests.route_matrix import RouteRow

from .common import EssDiagnosisCommon


def setup_route_records(cls):
    """A done diagnosis of each entity, on the shipped questionnaire, answered by its contact."""
    cls.survey = cls.env.ref("ess_diagnosis.survey_ess_diagnosis")
    question = cls.env.ref("ess_diagnosis.survey_ess_diagnosis_q_entity_1")
    cls.diagnosis_a = EssDiagnosisCommon._done_diagnosis(
        cls, cls.entity_a, {question: 2}, partner=cls.contact_a
    )
    cls.diagnosis_b = EssDiagnosisCommon._done_diagnosis(
        cls, cls.entity_b, {question: 1}, partner=cls.contact_b
    )


def _entities(case):
    # A diagnosis' pages are headed with its entity's name.
    return {"A": [case.entity_a.name], "B": [case.entity_b.name]}


def _diagnosis(case, scope):
    return {"A": case.diagnosis_a, "B": case.diagnosis_b}[scope]


def list_row(path, url, texts):
    """A /my list of the user's entity's records: its people see theirs; office users (not
    an entity's people) get the page with an empty list."""
    return RouteRow(
        path=path,
        method="GET",
        request=lambda case, scope: (url, None),
        scopes="S",
        texts=texts,
        access={"visitor": "", "portal_a": "SA", "portal_b": "SB", "mentor": "S", "officer": "S"},
    )


ROUTE_ROWS = [
    list_row("/my/diagnoses", "/my/diagnoses", _entities),
    list_row("/my/diagnoses/page/<int:page>", "/my/diagnoses/page/1", _entities),
    RouteRow(
        path="/my/diagnoses/<int:diagnosis_id>",
        method="GET",
        request=lambda case, scope: (f"/my/diagnoses/{_diagnosis(case, scope).id}", None),
        scopes="AB",
        texts=_entities,
        # What the code does today: the page answers whoever may read the diagnosis (the
        # record rules), so the mentor who accompanies A and the officers read it too.
        access={"visitor": "", "portal_a": "A", "portal_b": "B", "mentor": "A", "officer": "AB"},
    ),
]

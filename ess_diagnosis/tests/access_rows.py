"""ess_diagnosis's rows of the access matrix (see ess_office_base/tests/access_matrix.py).

Mentors see the diagnoses of the entities they accompany (A) and change none; survey's
own rules keep the answers of ESS diagnoses from every survey user but the officers."""

from odoo.addons.ess_office_base.tests.access_matrix import OFFICE, AccessRow, readable_by, unaccompanied

NONE = ("", "", "", "")
ALL_AB = ("AB", "AB", "AB", "AB")


def entity_row(
    model, records, create, write, mentor=("A", "", "", ""), expert=None, facilitator=None, **more
):
    """An entity's record: its people read it, the mentor what they are given (a mentor who
    accompanies no entity, unless said, nothing), officers all. ``more``: the row's other
    attributes (private fields, moves)."""
    return AccessRow(
        model=model,
        label=model,
        records=records,
        create=create,
        write=write,
        **more,
        access={
            "visitor": NONE,
            "portal_a": ("A", "", "", ""),
            "portal_b": ("B", "", "", ""),
            "mentor": mentor,
            "expert": expert or mentor,
            "facilitator": facilitator or unaccompanied(mentor),
            "officer": ALL_AB,
            "manager": ALL_AB,
        },
    )


def _entity(case, scope):
    return case.entity_a if scope == "A" else case.entity_b


def _answers_row(model, label, records, create, write, officer, **more):
    return AccessRow(
        model=model,
        label=label,
        records=records,
        create=create,
        write=write,
        **more,
        access={
            "visitor": NONE,
            "portal_a": NONE,
            "portal_b": NONE,
            "mentor": NONE,
            "officer": officer,
            "manager": officer,
        },
    )


ACCESS_ROWS = [
    entity_row(
        "ess.diagnosis",
        records=lambda case: {"A": case.diagnosis_a, "B": case.diagnosis_b},
        create=lambda case, scope: {"partner_id": _entity(case, scope).id, "survey_id": case.survey.id},
        write=lambda case: {"phase": "final"},
        moves={"partner_id": (lambda case: case.entity_b.id, "B")},
    ),
    entity_row(
        "ess.diagnosis.score",
        records=lambda case: {
            "A": case.diagnosis_a.score_ids[:1],
            "B": case.diagnosis_b.score_ids[:1],
        },
        create=lambda case, scope: {
            "diagnosis_id": (case.diagnosis_a if scope == "A" else case.diagnosis_b).id,
            "dimension_id": case.dim_unscored.id,
            "score": 50.0,
        },
        write=lambda case: {"score": 99.0},
    ),
    AccessRow(
        model="ess.diagnosis.level",
        label="ess.diagnosis.level",
        records=lambda case: {"S": case.env.ref("ess_diagnosis.ess_diagnosis_level_average")},
        create=lambda case, scope: {"name": "Matrix level", "code": "advanced", "min_score": 80.0},
        write=lambda case: {"min_score": 30.0},
        # Portal users read the level of their own results.
        access={
            "visitor": NONE,
            "portal_a": ("S", "", "", ""),
            "portal_b": ("S", "", "", ""),
            "mentor": ("S", "", "", ""),
            "officer": ("S", "", "", ""),
            "manager": ("S", "S", "S", "S"),
        },
    ),
    _answers_row(
        "survey.user_input",
        "survey.user_input (ESS diagnosis answers)",
        records=lambda case: {"A": case.response_a, "B": case.response_b},
        create=lambda case, scope: {
            "survey_id": case.survey.id,
            "partner_id": (case.contact_a if scope == "A" else case.contact_b).id,
            "ess_diagnosis_id": (case.diagnosis_a if scope == "A" else case.diagnosis_b).id,
        },
        write=lambda case: {"email": "matrix@example.com"},
        private_fields=readable_by(OFFICE, "email"),
        officer=ALL_AB,
    ),
    _answers_row(
        "survey.user_input.line",
        "survey.user_input.line (ESS diagnosis answers)",
        records=lambda case: {
            "A": case.response_a.user_input_line_ids[:1],
            "B": case.response_b.user_input_line_ids[:1],
        },
        create=lambda case, scope: {
            "user_input_id": (case.response_a if scope == "A" else case.response_b).id,
            "question_id": case.q_text.id,
            "answer_type": "text_box",
            "value_text_box": "Matrix",
        },
        write=lambda case: {"value_text_box": "Matrix"},
        # Survey grants its users read access to answer lines only; officers change
        # answers through the survey itself.
        officer=("AB", "", "", ""),
    ),
]  # fmt: skip

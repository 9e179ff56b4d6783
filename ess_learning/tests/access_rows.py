"""ess_learning's rows of the access matrix (see ess_office_base/tests/access_matrix.py).

A is what the people of entity A left in the bootcamp (an enrolment, a content gone
through, a certification's answers), B the same of entity B. Odoo gives every new internal
user the eLearning manager's and the survey user's groups (the mentors of these tests have
them): the global rules of ess_learning keep a mentor who is no officer to the enrolments
and progress of the entities he accompanies, read only, and to his own certification
answers. Portal users and visitors reach none of these records directly: eLearning reads
and writes them for them, as superuser."""

from odoo.addons.ess_office_base.tests.access_matrix import OFFICE, AccessRow, readable_by

NONE = ("", "", "", "")
ALL_AB = ("AB", "AB", "AB", "AB")
OUTSIDERS = {"visitor": NONE, "portal_a": NONE, "portal_b": NONE, "facilitator": NONE}
OFFICE_CELLS = {"officer": ALL_AB, "manager": ALL_AB}


def _contact(case, scope):
    return case.contact_a if scope == "A" else case.contact_b


ACCESS_ROWS = [
    AccessRow(
        model="slide.channel.partner",
        label="slide.channel.partner (an entity's person in a course)",
        records=lambda case: {"A": case.membership_a, "B": case.membership_b},
        create=lambda case, scope: {
            "channel_id": case.course_green.id,
            "partner_id": _contact(case, scope).id,
        },
        write=lambda case: {"completion": 50},
        company=False,
        private_fields=readable_by(("mentor", "expert", *OFFICE), "partner_email"),
        access={**OUTSIDERS, "mentor": ("A", "", "", ""), "expert": ("A", "", "", ""), **OFFICE_CELLS},
    ),
    AccessRow(
        model="slide.slide.partner",
        label="slide.slide.partner (an entity's person's progress)",
        records=lambda case: {"A": case.progress_a, "B": case.progress_b},
        create=lambda case, scope: {
            "slide_id": case.green_reading.id,
            "partner_id": _contact(case, scope).id,
        },
        write=lambda case: {"quiz_attempts_count": 2},
        company=False,
        access={**OUTSIDERS, "mentor": ("A", "", "", ""), "expert": ("A", "", "", ""), **OFFICE_CELLS},
    ),
    AccessRow(
        model="survey.user_input",
        label="survey.user_input (a course's certification answers)",
        records=lambda case: {"A": case.certification_a, "B": case.certification_b},
        create=lambda case, scope: {
            "survey_id": case.certification_survey.id,
            "partner_id": _contact(case, scope).id,
            "slide_id": case.data_certification.id,
        },
        write=lambda case: {"email": "matrix@example.com"},
        company=False,
        private_fields=readable_by(OFFICE, "email"),
        access={**OUTSIDERS, "mentor": NONE, "expert": NONE, **OFFICE_CELLS},
    ),
]

"""ess_learning's rows of the route matrix (see ess_office_base/tests/route_matrix.py).

/my/learning lists the courses of the user's entity's people: its people see theirs;
office users (no entity's people) get the page without any."""

from odoo.addons.ess_diagnosis.tests.route_rows import list_row


def setup_route_records(cls):
    """A published course, and a second person of each entity who completed it."""
    cls.route_course = cls.env["slide.channel"].create(
        {"name": "Curs de rutes", "channel_type": "training", "enroll": "public", "is_published": True}
    )
    cls.env["slide.slide"].create(
        {"name": "Lectura de rutes", "channel_id": cls.route_course.id, "slide_category": "article",
         "is_published": True, "html_content": "<p>Lectura</p>"}
    )  # fmt: skip
    cls.route_learners = {}
    for scope, entity in (("A", cls.entity_a), ("B", cls.entity_b)):
        learner = cls.env["res.partner"].create(
            {"name": f"Aprenent de rutes {scope}", "parent_id": entity.id}
        )
        cls.route_course._action_add_members(learner)
        cls.route_learners[scope] = learner


def _learners(case):
    return {scope: [learner.name] for scope, learner in case.route_learners.items()}


ROUTE_ROWS = [
    list_row("/my/learning", "/my/learning", _learners),
]

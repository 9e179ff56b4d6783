from odoo import api, models


class EssLearningDemo(models.AbstractModel):
    """What the demo data does that no user does: its ``<function>`` tags call these
    methods, which stay private (a leading underscore: never callable over RPC)."""

    _name = "ess.learning.demo"
    _description = "Bootcamp demo data"

    @api.model
    def _ess_demo_progress(self, user_id, channel_id, slide_count=None):
        """``user_id`` joins the course and goes through its first ``slide_count`` contents
        (all of them by default), quizzes answered right."""
        user = self.env["res.users"].browse(user_id)
        channel = self.env["slide.channel"].browse(channel_id)
        channel._action_add_members(user.partner_id)
        slides = channel.slide_ids.filtered(lambda slide: not slide.is_category and slide.is_published)
        slides = slides.sorted("sequence")[:slide_count] if slide_count is not None else slides
        # As the person: eLearning marks the current user's contents (quizzes' karma included).
        slides.with_user(user)._action_mark_completed()

    @api.model
    def _ess_demo_goal_courses(self, contract_id, dimension_id, channel_ids):
        """The contract's goal on ``dimension_id`` names the courses ``channel_ids``."""
        goal = self.env["ess.mentoring.goal"].search(
            [("contract_id", "=", contract_id), ("dimension_id", "=", dimension_id)], limit=1
        )
        goal.course_ids = [(6, 0, channel_ids)]

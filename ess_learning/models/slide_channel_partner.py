from odoo import api, fields, models


class SlideChannelPartner(models.Model):
    """A person's enrolment in a course, with the ESS entity they belong to: mentors
    follow those of the entities they accompany (ess_learning_security.xml)."""

    _inherit = "slide.channel.partner"

    ess_entity_id = fields.Many2one(
        "res.partner",
        string="ESS entity",
        compute="_compute_ess_entity_id",
        store=True,
        index=True,
        help="The ESS entity of the person, if they belong to one.",
    )
    ess_completed_date = fields.Datetime(string="Completed on", readonly=True, copy=False)
    ess_dimension_ids = fields.Many2many(related="channel_id.ess_dimension_ids", string="Dimensions")

    @api.depends("partner_id.commercial_partner_id.is_ess_entity")
    def _compute_ess_entity_id(self):
        for membership in self:
            entity = membership.partner_id.commercial_partner_id
            membership.ess_entity_id = entity if entity.is_ess_entity else False

    def _recompute_completion(self):
        """Keep when each enrolment was completed, and propose as achieved the goals whose
        courses the entity has now completed. Done around eLearning's recomputation, not in
        its completion hook, whose query count Odoo's own tests measure."""
        before = {membership.id: membership.member_status for membership in self}
        result = super()._recompute_completion()
        completed = self.filtered(
            lambda membership: (
                membership.member_status == "completed" and before.get(membership.id) != "completed"
            )
        )
        reopened = self.filtered(
            lambda membership: membership.member_status != "completed" and membership.ess_completed_date
        )
        if completed:
            completed.sudo().ess_completed_date = fields.Datetime.now()
            self.env["ess.mentoring.goal"].sudo()._ess_propose_achieved(completed.ess_entity_id)
        if reopened:
            reopened.sudo().ess_completed_date = False
        return result

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

    def _post_completion_update_hook(self, completed=True):
        result = super()._post_completion_update_hook(completed=completed)
        self.sudo().write({"ess_completed_date": fields.Datetime.now() if completed else False})
        if completed:
            self.env["ess.mentoring.goal"].sudo()._ess_propose_achieved(self.ess_entity_id)
        return result

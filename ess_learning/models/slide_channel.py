from odoo import api, fields, models


class SlideChannel(models.Model):
    """A course of the bootcamp: the diagnosis dimensions it strengthens and the level it
    is for. Its content may be kept for the people of the ESS entities the office
    accompanies (members only); the course page itself stays as public as eLearning
    makes it."""

    _inherit = "slide.channel"

    ess_dimension_ids = fields.Many2many(
        "ess.dimension",
        "ess_slide_channel_dimension_rel",
        "channel_id",
        "dimension_id",
        string="Dimensions",
        help="The diagnosis dimensions the course strengthens: it is recommended to the entities weakest on them.",
    )
    ess_level_id = fields.Many2one(
        "ess.diagnosis.level",
        string="For level",
        help="The maturity level the course is written for, from basic up.",
    )
    ess_members_only = fields.Boolean(
        string="ESS entities only",
        help="Only the people of the ESS entities (and the office) may join the course and read its "
        "content; the course page and its preview stay public.",
    )
    ess_content_access = fields.Boolean(
        string="Content open to me",
        compute="_compute_ess_content_access",
        search="_search_ess_content_access",
        help="Whether the current user may read the course's content: always, unless the course is for "
        "the ESS entities' people only and the user is none of them.",
    )

    @api.model
    def _ess_user_is_entity_person(self, user=None):
        """Whether ``user`` (the current user) belongs to the office or to an ESS entity."""
        user = user or self.env.user
        return user._is_internal() or user.partner_id.commercial_partner_id.is_ess_entity

    @api.depends("ess_members_only")
    @api.depends_context("uid")
    def _compute_ess_content_access(self):
        allowed = self._ess_user_is_entity_person()
        for channel in self:
            channel.ess_content_access = allowed or not channel.ess_members_only

    def _search_ess_content_access(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        wanted = (operator == "=") == value
        if self.env.su or self._ess_user_is_entity_person():
            return [(1, "=", 1)] if wanted else [(0, "=", 1)]
        return [("ess_members_only", "=", not wanted)]

    def _action_add_members(self, target_partners, member_status="joined", raise_on_access=False):
        """A course for the ESS entities' people only takes no one else (the people of the
        office excepted), whoever adds them."""
        open_channels = self.filtered(lambda channel: not channel.ess_members_only)
        result = super(SlideChannel, open_channels)._action_add_members(
            target_partners, member_status=member_status, raise_on_access=raise_on_access
        )
        members_only = self - open_channels
        if members_only:
            people = target_partners.filtered(self._ess_partner_is_entity_person)
            if people:
                result |= super(SlideChannel, members_only)._action_add_members(
                    people, member_status=member_status, raise_on_access=raise_on_access
                )
        return result

    @api.model
    def _ess_partner_is_entity_person(self, partner):
        """Whether ``partner`` is a person of an ESS entity, or of the office (an internal user)."""
        partner = partner.sudo()
        return partner.commercial_partner_id.is_ess_entity or any(
            user._is_internal() for user in partner.user_ids
        )

    def _ess_completions(self, entities):
        """The memberships of ``entities``' people that completed the courses ``self``
        (sudo: callers show them only to who may follow those entities)."""
        return (
            self.env["slide.channel.partner"]
            .sudo()
            .search(
                [
                    ("channel_id", "in", self.ids),
                    ("ess_entity_id", "in", entities.ids),
                    ("member_status", "=", "completed"),
                ],
                order="ess_completed_date desc, id desc",
            )
        )

    def _search_get_detail(self, website, order, options):
        detail = super()._search_get_detail(website, order, options)
        dimension_id = options.get("ess_dimension")
        if dimension_id:
            detail["base_domain"] = [*detail["base_domain"], [("ess_dimension_ids", "in", [dimension_id])]]
        return detail

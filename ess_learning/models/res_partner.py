from odoo import models

OFFICER = "ess_office_base.group_ess_officer"
MEMBERSHIP_FIELDS = ("channel_id", "member_status", "completion", "create_date", "ess_completed_date")


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _ess_learning_followed_by_user(self):
        """Of the entities ``self``, those whose people's enrolments the current user may
        follow: every one for officers, those he accompanies for a mentor, his own entity
        for its people; none for anyone else."""
        user = self.env.user
        entities = self.filtered("is_ess_entity")
        if self.env.su or user.has_group(OFFICER):
            return entities
        if user._is_internal():
            return entities.filtered(lambda entity: user in entity.sudo().ess_mentor_user_ids)
        return entities & user.partner_id.commercial_partner_id

    # --- personal data (see ess_office_base's res_partner.py) ---------------------

    def _ess_privacy_learning(self):
        people = self._ess_privacy_people()
        return (
            self.env["slide.channel.partner"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", people.ids)], order="create_date, id")
        )

    def _ess_privacy_export_data(self):
        data = super()._ess_privacy_export_data()
        data["course_enrolments"] = self._ess_privacy_rows(self._ess_privacy_learning(), MEMBERSHIP_FIELDS)
        return data

    def _ess_privacy_erase(self):
        """The person's enrolments, the contents they went through and their quiz and
        certification answers are deleted; the courses keep no trace of them."""
        result = super()._ess_privacy_erase()
        people = self._ess_privacy_people()
        self.env["slide.slide.partner"].sudo().search([("partner_id", "in", people.ids)]).unlink()
        self._ess_privacy_learning().unlink()
        self.env["survey.user_input"].sudo().search(
            [("partner_id", "in", people.ids), ("slide_id", "!=", False)]
        ).unlink()
        return result

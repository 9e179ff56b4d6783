from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    ess_cohort_member_ids = fields.One2many("ess.cohort.member", "partner_id", string="Cohorts")

    def _ess_cohort_contacts(self):
        """The entities' contact people with an email (the entity itself when it has none)."""
        people = self.env["res.partner"]
        for entity in self:
            contacts = entity.child_ids.filtered(lambda person: person.type == "contact" and person.email)
            people |= contacts or entity.filtered("email")
        return people

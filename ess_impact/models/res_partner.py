from odoo import fields, models

OFFICER = "ess_office_base.group_ess_officer"


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Personal data, declared by the person and never required: only the office reads it,
    # and the impact report counts it in groups of five people or more.
    ess_gender = fields.Selection(
        [
            ("woman", "Woman"),
            ("man", "Man"),
            ("non_binary", "Non-binary"),
            ("other", "Another identity"),
        ],
        string="Gender (as declared)",
        groups=OFFICER,
        help="Only when the person declared it: the impact report counts people by gender in groups of "
        "five or more. Leave it empty otherwise.",
    )

    # --- personal data (see ess_office_base's res_partner.py) ---------------------
    def _ess_privacy_export_data(self):
        """A person's declared gender is theirs: in their export (and their entity's)."""
        data = super()._ess_privacy_export_data()
        people = self._ess_privacy_people().filtered(
            lambda person: not person.is_company and person.ess_gender
        )
        if people:
            data["declared_gender"] = self._ess_privacy_rows(people, ("name", "ess_gender"))
        return data

    def _ess_privacy_erase(self):
        """Erasing the person forgets the gender they declared."""
        result = super()._ess_privacy_erase()
        self.ess_gender = False
        return result

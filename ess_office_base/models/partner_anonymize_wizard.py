from odoo import models


class PartnerAnonymizeWizard(models.TransientModel):
    _inherit = "partner.anonymize.wizard"

    def action_confirm(self):
        """OCA's result, in the office's languages (OCA's Python terms have no Catalan nor
        Spanish, and only its own i18n can translate them)."""
        # OCA's check first (the caller may not even read the wizard); then the count,
        # before OCA archives the contacts and they leave partner_ids.
        self._validate_partners_for_anonymization()
        count = len(self.partner_ids)
        action = super().action_confirm()
        action["params"].update(
            title=self.env._("Anonymization Result"),
            message=self.env._(
                "%(partner_count)d partner(s) have been anonymized successfully.", partner_count=count
            ),
        )
        return action

from odoo import models


class PartnerAnonymizeWizard(models.TransientModel):
    _inherit = "partner.anonymize.wizard"

    def action_confirm(self):
        """OCA's result, in the office's languages (OCA's Python terms have no Catalan nor
        Spanish, and only its own i18n can translate them)."""
        # Counted first: once anonymised, the contacts are archived and leave partner_ids.
        count = len(self.partner_ids)
        action = super().action_confirm()
        action["params"].update(
            title=self.env._("Anonymization Result"),
            message=self.env._(
                "%(partner_count)d partner(s) have been anonymized successfully.", partner_count=count
            ),
        )
        return action

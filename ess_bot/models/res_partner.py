from odoo import models

REQUEST_FIELDS = ("create_date", "kind", "entity_name", "person_name", "email", "phone", "consent_date",
                  "ip_address", "transcript")  # fmt: skip


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _ess_privacy_bot_requests(self):
        """The requests the person passed on through ESSBot: as their contact, or with their e-mail."""
        people = self._ess_privacy_people()
        emails = [email for email in people.mapped("email_normalized") if email]
        domain = [("contact_id", "in", people.ids)]
        if emails:
            domain = ["|", *domain, ("email", "in", emails)]
        return self.env["ess.bot.request"].search(domain)

    def _ess_privacy_export_data(self):
        data = super()._ess_privacy_export_data()
        data["essbot_requests"] = self._ess_privacy_rows(self._ess_privacy_bot_requests(), REQUEST_FIELDS)
        return data

    def _ess_privacy_erase(self):
        """The person's requests keep that there was one, without what identifies them: their
        name, e-mail, phone, address and the conversation (deleted with its messages)."""
        result = super()._ess_privacy_erase()
        requests = self._ess_privacy_bot_requests()
        channels = requests.channel_id
        requests.write(
            {"entity_name": False, "person_name": "–", "email": "–", "phone": False, "ip_address": False,
             "transcript": False, "contact_id": False, "guest_id": False, "visitor_id": False, "channel_id": False}
        )  # fmt: skip
        requests.message_ids.unlink()
        requests.activity_ids.unlink()
        channels.sudo().unlink()
        return result

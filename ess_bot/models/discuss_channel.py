from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import html2plaintext

from odoo.addons.ess_office_base.tools import form_text
from odoo.addons.ess_office_base.tools.batch import run_batch

# How long ESSBot keeps a conversation, and the words of a search (they may hold a name or
# an address): the report keeps counting them, without what the visitor typed.
RETENTION_DAYS = 180


class DiscussChannel(models.Model):
    _inherit = "discuss.channel"

    def _ess_bot_round_messages(self, menu):
        """The conversation's chatbot messages since ESSBot last asked its menu (all of them
        when it never did: the menu is the first question)."""
        self.ensure_one()
        messages = self.chatbot_message_ids
        asked = messages.filtered(
            lambda message: (
                message.script_step_id == menu
                and message.mail_message_id.author_id == menu.chatbot_script_id.operator_partner_id
            )
        )
        if not asked:
            return messages
        start = max(asked.ids)
        return messages.filtered(lambda message: message.id >= start)

    def _ess_bot_round_answers(self, menu):
        """The answers the visitor chose since ESSBot last asked its menu."""
        return self._ess_bot_round_messages(menu).user_script_answer_id

    def _ess_bot_last_visitor_text(self, chatbot_script):
        """What the visitor last wrote, as plain text."""
        self.ensure_one()
        visitor_messages = self.message_ids.filtered(
            lambda message: message.author_id != chatbot_script.operator_partner_id
        ).sorted("id")
        return form_text(html2plaintext(visitor_messages[-1:].body or "")).replace("\n", " ")

    def _ess_bot_inputs(self):
        """{email, phone, entity_name, person_name}: the visitor's latest answers to the
        steps that ask for them."""
        self.ensure_one()
        values = {}
        for message in self.chatbot_message_ids:  # newest first
            step = message.script_step_id
            key = {"question_email": "email", "question_phone": "phone"}.get(step.step_type) or step.ess_input
            if key and message.user_raw_answer and not values.get(key):
                values[key] = form_text(html2plaintext(message.user_raw_answer))
        return values

    @api.model
    def _cron_ess_bot_forget(self):
        """Delete the conversations with ESSBot older than RETENTION_DAYS, with their
        messages (what the visitor typed): the report keeps counting their answers, and a
        request passed on to the office keeps its own copy of the conversation."""
        limit = fields.Datetime.now() - timedelta(days=RETENTION_DAYS)
        channels = self.sudo().search(
            [
                ("channel_type", "=", "livechat"),
                ("chatbot_current_step_id.chatbot_script_id.script_step_ids.ess_is_menu", "=", True),
                ("last_interest_dt", "<", limit),
            ]
        )
        run_batch(self.env, channels, lambda batch: batch.unlink(), "ESSBot conversation retention")

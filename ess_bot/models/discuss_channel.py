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

    def _ess_bot_round_answers(self, menu):
        """The answers the visitor chose since ESSBot last asked its menu (all of them when
        it never did: the menu is the first question). Two queries, however long the
        conversation."""
        self.ensure_one()
        ChatbotMessage = self.env["chatbot.message"]
        asked = ChatbotMessage.search(
            [
                ("discuss_channel_id", "=", self.id),
                ("script_step_id", "=", menu.id),
                ("mail_message_id.author_id", "=", menu.chatbot_script_id.operator_partner_id.id),
            ],
            order="id desc",
            limit=1,
        )
        since = [("id", ">=", asked.id)] if asked else []
        return ChatbotMessage.search(
            [("discuss_channel_id", "=", self.id), ("user_script_answer_id", "!=", False), *since]
        ).user_script_answer_id

    def _ess_bot_last_visitor_text(self, chatbot_script):
        """What the visitor last wrote, as plain text (one query, however long the conversation)."""
        self.ensure_one()
        last = self.env["mail.message"].search(
            [
                ("model", "=", "discuss.channel"),
                ("res_id", "=", self.id),
                ("message_type", "=", "comment"),
                ("author_id", "!=", chatbot_script.operator_partner_id.id),
            ],
            order="id desc",
            limit=1,
        )
        return form_text(html2plaintext(last.body or "")).replace("\n", " ")

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

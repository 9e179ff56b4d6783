from odoo import fields, models, tools
from odoo.tools import SQL


class EssBotReport(models.Model):
    """One row per conversation with ESSBot (a live chat session that followed a script
    with a menu): when, and which options the visitor used."""

    _name = "ess.bot.report"
    _description = "ESSBot conversations"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "channel_id"

    channel_id = fields.Many2one("discuss.channel", string="Conversation", readonly=True)
    script_id = fields.Many2one("chatbot.script", readonly=True)
    date = fields.Datetime(readonly=True)
    search_count = fields.Integer(string="Searches", readonly=True)
    not_found_count = fields.Integer(string="Searches that found nothing", readonly=True)
    providers_count = fields.Integer(string="Providers asked", readonly=True)
    funding_count = fields.Integer(string="Funding asked", readonly=True)
    accompaniment_count = fields.Integer(string="Requests for accompaniment", readonly=True)
    operator_count = fields.Integer(string="Asked for a person", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT channel.id AS id,
                           channel.id AS channel_id,
                           step.chatbot_script_id AS script_id,
                           channel.create_date AS date,
                           COUNT(event.id) FILTER (WHERE event.kind = 'search') AS search_count,
                           COUNT(event.id) FILTER (WHERE event.kind = 'search' AND event.found_nothing)
                               AS not_found_count,
                           COUNT(event.id) FILTER (WHERE event.kind = 'providers') AS providers_count,
                           COUNT(event.id) FILTER (WHERE event.kind = 'funding') AS funding_count,
                           COUNT(event.id) FILTER (WHERE event.kind = 'accompaniment') AS accompaniment_count,
                           COUNT(event.id) FILTER (WHERE event.kind = 'operator') AS operator_count
                      FROM discuss_channel channel
                      JOIN chatbot_script_step step ON step.id = channel.chatbot_current_step_id
                 LEFT JOIN ess_bot_event event ON event.channel_id = channel.id
                     WHERE channel.channel_type = 'livechat'
                       AND EXISTS (SELECT 1 FROM chatbot_script_step menu
                                    WHERE menu.chatbot_script_id = step.chatbot_script_id AND menu.ess_is_menu)
                  GROUP BY channel.id, step.chatbot_script_id
                )
                """,
                SQL.identifier(self._table),
            )
        )

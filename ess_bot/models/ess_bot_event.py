from odoo import api, fields, models

from odoo.addons.ess_office_base.tools.batch import forget_after

from .discuss_channel import RETENTION_DAYS


class EssBotEvent(models.Model):
    _name = "ess.bot.event"
    _description = "ESSBot answer"
    _order = "create_date desc, id desc"
    _rec_name = "kind"

    channel_id = fields.Many2one("discuss.channel", string="Conversation", ondelete="set null", index=True)
    script_id = fields.Many2one("chatbot.script", ondelete="cascade", required=True)
    step_id = fields.Many2one("chatbot.script.step", ondelete="set null")
    kind = fields.Selection(
        [
            ("search", "Catalogue search"),
            ("providers", "Providers for a dimension"),
            ("funding", "Funding and programmes"),
            ("accompaniment", "Request for accompaniment"),
            ("operator", "Talk to a person"),
        ],
        required=True,
        index=True,
    )
    query = fields.Char(string="Searched for", help="What the visitor typed (kept for 180 days).")
    result_count = fields.Integer(string="Results", help="Resources or providers found; 1 when a request "
                                  "was passed on or an operator joined.")  # fmt: skip
    found_nothing = fields.Boolean(compute="_compute_found_nothing", store=True, string="Nothing found")
    dimension_id = fields.Many2one("ess.dimension", ondelete="set null")
    request_id = fields.Many2one("ess.bot.request", ondelete="set null")

    @api.depends("result_count")
    def _compute_found_nothing(self):
        for event in self:
            event.found_nothing = not event.result_count

    @api.model
    def _cron_clear_queries(self):
        """Forget the words of the searches older than RETENTION_DAYS."""
        forget_after(self, "query", RETENTION_DAYS, "ESSBot search retention")

from odoo import fields, models


class EssPrivacyLog(models.Model):
    """Who exported or erased whose personal data, and when (GDPR articles 15, 17, 20).
    Written by the export route and the erasure only, after their group checks: nobody
    edits or deletes a line."""

    _name = "ess.privacy.log"
    _description = "Personal data log"
    _order = "date desc, id desc"
    _rec_name = "partner_name"

    partner_id = fields.Many2one(
        "res.partner", string="Contact", index=True, ondelete="set null", readonly=True
    )
    partner_name = fields.Char(
        string="Name at the time",
        readonly=True,
        help="The contact's name when it happened: an erasure changes it.",
    )
    kind = fields.Selection([("export", "Export"), ("erasure", "Erasure")], required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="By", required=True, readonly=True, ondelete="restrict")
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)

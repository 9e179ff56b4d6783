from odoo import fields, models


class EssDimension(models.Model):
    """An axis of digital maturity: one of the EU DMA dimensions or an ESS one."""

    _name = "ess.dimension"
    _description = "Maturity dimension"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Short, stable identifier used by reports, imports and integrations.",
    )
    sequence = fields.Integer(default=10)
    weight = fields.Float(
        default=1.0,
        digits=(16, 2),
        help="Weight of this dimension in the overall maturity score (a weighted mean).",
    )
    framework = fields.Selection(
        [("dma", "EU Digital Maturity Assessment"), ("ess", "Social and solidarity economy")],
        required=True,
        default="ess",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()

    _sql_constraints = [
        ("code_unique", "unique(code)", "Each dimension needs its own code."),
        ("weight_positive", "check(weight >= 0)", "A dimension's weight cannot be negative."),
    ]

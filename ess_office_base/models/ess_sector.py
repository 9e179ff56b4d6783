from odoo import fields, models


class EssSector(models.Model):
    """The field of activity of an ESS entity, as ESS networks classify them."""

    _name = "ess.sector"
    _description = "ESS sector"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "unique(name)", "This sector already exists."),
    ]

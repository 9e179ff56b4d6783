from odoo import fields, models


class EssServicePackage(models.Model):
    """A bundle of services the office offers an entity to close its digital gaps."""

    _name = "ess.service.package"
    _description = "Service package"
    _inherit = ["mail.thread"]
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    description = fields.Html(translate=True)
    dimension_ids = fields.Many2many(
        "ess.dimension",
        string="Dimensions",
        help="The maturity dimensions this package helps to improve.",
    )
    estimated_hours = fields.Float(tracking=True, help="Hours of accompaniment the package usually takes.")
    provider_ids = fields.Many2many(
        "res.partner",
        "ess_service_package_provider_rel",
        "package_id",
        "partner_id",
        string="Providers",
        domain=[("is_ess_provider", "=", True)],
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("estimated_hours_positive", "check(estimated_hours >= 0)", "Estimated hours cannot be negative."),
    ]

"""A model loaded by tests only (odoo-test-helper), never by the addon."""

from odoo import fields, models


class EssMatrixOrphan(models.Model):
    _name = "ess.matrix.orphan"
    _description = "A model of the tests with no row in the access matrix"

    name = fields.Char()
    contact_email = fields.Char()

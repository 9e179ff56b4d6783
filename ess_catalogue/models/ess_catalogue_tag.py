from odoo import fields, models


class EssCatalogueTag(models.Model):
    _name = "ess.catalogue.tag"
    _description = "Catalogue tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()

    _sql_constraints = [("name_unique", "UNIQUE(name)", "A tag with this name already exists.")]

from . import controllers
from . import models
from . import wizard


def uninstall_hook(env):
    """The listing's version row lives outside the ORM (models/ess_catalogue_resource.py):
    Odoo drops the models' tables on uninstall, and this drops that one and its sequence."""
    from odoo.tools import SQL

    from .models.ess_catalogue_resource import LISTING_VERSION_SEQUENCE, LISTING_VERSION_TABLE

    env.cr.execute(
        SQL(
            "DROP TABLE IF EXISTS %s; DROP SEQUENCE IF EXISTS %s",
            SQL.identifier(LISTING_VERSION_TABLE),
            SQL.identifier(LISTING_VERSION_SEQUENCE),
        )
    )

"""ess_tool_inventory, installed by the pre-migration without loading its demo data (the
database already held it), takes the catalogue's demo flag, as a module installed with
the others would have: later updates load its demo data like theirs."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    env.cr.execute(
        """UPDATE ir_module_module new SET demo = old.demo
             FROM ir_module_module old
            WHERE new.name = 'ess_tool_inventory' AND old.name = 'ess_catalogue'
              AND new.state = 'installed'"""
    )

"""The entities' tool inventory moved to its own addon, ess_tool_inventory.

Before the catalogue's new code loads, everything of the inventory that a database built
before the move holds under ``ess_catalogue`` (its models and fields, their selection
values and constraints, its views, templates, actions, menus, access rows, rules, the
migration tag and the demo lines) is given to ``ess_tool_inventory``, which is marked to
be installed in the same run. Without it, the end of the update would delete the models
the catalogue no longer defines (dropping their tables) and every record with them."""

import logging

from openupgradelib import openupgrade

_logger = logging.getLogger(__name__)

OLD, NEW = "ess_catalogue", "ess_tool_inventory"
MODELS = ("ess.tool.inventory.line", "ess.tool.migration.plan")
# The models only the inventory extends now: their ir.model XML ids go with it.
EXTENDED = ("ess.diagnosis", "project.task")
# The inventory's fields on the models it extends (and on those that inherit them, such
# as res.users from res.partner).
FIELDS = (
    "ess_tool_line_ids",
    "ess_free_software_share",
    "ess_sovereignty_risk_count",
    "ess_inventory_line_id",
    "recommended_resource_ids",
    "ess_inventory_snapshot_date",
    "ess_free_software_share_delta",
)
# The XML ids of the inventory's data, demo and access files, as they were in ess_catalogue.
RECORDS = (
    "project_tag_migration",
    "ess_diagnosis_view_form",
    "diagnosis_results",
    "ess_tool_inventory_line_view_form",
    "ess_tool_inventory_line_view_list",
    "ess_tool_inventory_line_view_list_entity",
    "ess_tool_inventory_line_view_pivot",
    "ess_tool_inventory_line_view_graph",
    "ess_tool_inventory_line_view_search",
    "ess_tool_inventory_line_action",
    "ess_tool_inventory_line_action_office",
    "ess_tool_migration_plan_view_form",
    "res_partner_view_form_inventory",
    "ess_diagnosis_view_form_inventory",
    "portal_my_home_ess_tools",
    "portal_breadcrumbs_ess_tools",
    "portal_ess_tool_form",
    "portal_my_ess_tools",
    "portal_my_ess_tool",
    "migration_task_description",
    "ess_tool_inventory_line_menu",
    "ess_tool_inventory_line_menu_office",
    "ess_tool_inventory_line_rule_company",
    "ess_tool_inventory_line_rule_portal",
    "ess_tool_inventory_line_rule_mentor",
    "ess_tool_inventory_line_rule_officer",
    "access_ess_tool_inventory_line_portal",
    "access_ess_tool_inventory_line_mentor",
    "access_ess_tool_inventory_line_officer",
    "access_ess_tool_migration_plan_officer",
)
# The demo lines: ess_tool_line_<entity>_<tool>, found by their model below.


def _reflected_names(cr):
    """The ess_catalogue XML ids Odoo made for the inventory's models (and those only it
    extends), their inheritance, fields, selection values, constraints and relations."""
    cr.execute(
        """
        SELECT d.name FROM ir_model_data d JOIN ir_model m ON m.id = d.res_id
         WHERE d.module = %(old)s AND d.model = 'ir.model' AND m.model IN %(extended)s
        UNION
        SELECT d.name FROM ir_model_data d
          JOIN ir_model_inherit i ON i.id = d.res_id JOIN ir_model m ON m.id = i.model_id
         WHERE d.module = %(old)s AND d.model = 'ir.model.inherit' AND m.model IN %(models)s
        UNION
        SELECT d.name FROM ir_model_data d JOIN ir_model_fields f ON f.id = d.res_id
         WHERE d.module = %(old)s AND d.model = 'ir.model.fields'
           AND (f.model IN %(models)s OR f.name IN %(fields)s)
        UNION
        SELECT d.name FROM ir_model_data d
          JOIN ir_model_fields_selection s ON s.id = d.res_id
          JOIN ir_model_fields f ON f.id = s.field_id
         WHERE d.module = %(old)s AND d.model = 'ir.model.fields.selection'
           AND (f.model IN %(models)s OR f.name IN %(fields)s)
        UNION
        SELECT d.name FROM ir_model_data d
          JOIN ir_model_constraint c ON c.id = d.res_id JOIN ir_model m ON m.id = c.model
         WHERE d.module = %(old)s AND d.model = 'ir.model.constraint'
           AND (m.model IN %(models)s OR c.name LIKE ANY (%(like)s))
        UNION
        SELECT d.name FROM ir_model_data d
          JOIN ir_model_relation r ON r.id = d.res_id JOIN ir_model m ON m.id = r.model
         WHERE d.module = %(old)s AND d.model = 'ir.model.relation' AND m.model IN %(models)s
        UNION
        SELECT d.name FROM ir_model_data d
         WHERE d.module = %(old)s AND d.model IN %(models)s
        """,
        {
            "old": OLD,
            "models": MODELS,
            "extended": MODELS + EXTENDED,
            "fields": FIELDS,
            "like": [f"%\\_{name}\\_%" for name in FIELDS],
        },
    )
    return [name for (name,) in cr.fetchall()]


def _install_new_addon(env):
    """ess_tool_inventory is installed in this same run (Odoo loads the modules marked
    'to install' once the installed ones are updated). Its demo data is not loaded: the
    database already holds it, under the XML ids renamed here; the end script gives the
    addon the catalogue's demo flag back."""
    cr = env.cr
    cr.execute("SELECT 1 FROM ir_module_module WHERE name = %s", [NEW])
    if not cr.fetchone():
        env["ir.module.module"].update_list()
    cr.execute(
        """UPDATE ir_module_module SET state = 'to install', demo = FALSE
            WHERE name = %s AND state IN ('uninstalled', 'to install')""",
        [NEW],
    )
    if not cr.rowcount:
        cr.execute("SELECT state FROM ir_module_module WHERE name = %s", [NEW])
        _logger.info("%s is %s already", NEW, (cr.fetchone() or ["missing"])[0])


@openupgrade.migrate()
def migrate(env, version):
    cr = env.cr
    names = sorted(set(RECORDS) | set(_reflected_names(cr)))
    openupgrade.rename_xmlids(cr, [(f"{OLD}.{name}", f"{NEW}.{name}") for name in names])
    # Templates are found by their key, which website-specific copies keep too.
    cr.execute(
        "UPDATE ir_ui_view SET key = %s || substr(key, %s) WHERE key = ANY(%s)",
        [NEW, len(OLD) + 1, [f"{OLD}.{name}" for name in RECORDS]],
    )
    _install_new_addon(env)

from odoo import api, fields, models
from odoo.exceptions import AccessError


class ProjectTask(models.Model):
    _inherit = "project.task"

    ess_inventory_line_id = fields.Many2one(
        "ess.tool.inventory.line",
        string="Tool to migrate",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        help="The entity's tool this task moves to a free alternative.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        tasks = super().create(vals_list)
        if any(vals.get("ess_inventory_line_id") for vals in vals_list):
            tasks._ess_check_inventory_lines()
        tasks.filtered(lambda task: task.state == "1_done")._ess_migrations_done()
        return tasks

    def write(self, vals):
        res = super().write(vals)
        if vals.get("ess_inventory_line_id"):
            self._ess_check_inventory_lines()
        if "state" in vals or "stage_id" in vals:
            self.filtered(lambda task: task.state == "1_done")._ess_migrations_done()
        return res

    def _ess_check_inventory_lines(self):
        """Closing a task replaces its line as superuser: a task is linked only to a line
        its author may change (the office's dialog and the portal's plan link as superuser).
        Checked once the ORM has checked and stored the values, before any migration runs."""
        if self.env.su:
            return
        lines = self.sudo().ess_inventory_line_id.with_env(self.env)
        if lines and not lines.has_access("write"):
            raise AccessError(
                self.env._("A task is linked only to the tools of an inventory you may change.")
            )

    def _ess_migrations_done(self):
        # sudo: whoever may close the task closes its migration; the line is the entity's.
        lines = self.sudo().ess_inventory_line_id
        if lines:
            lines._ess_migration_done()

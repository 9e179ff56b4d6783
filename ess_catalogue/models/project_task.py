from odoo import api, fields, models


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
        tasks.filtered(lambda task: task.state == "1_done")._ess_migrations_done()
        return tasks

    def write(self, vals):
        res = super().write(vals)
        if "state" in vals or "stage_id" in vals:
            self.filtered(lambda task: task.state == "1_done")._ess_migrations_done()
        return res

    def _ess_migrations_done(self):
        # sudo: whoever may close the task closes its migration; the line is the entity's.
        lines = self.sudo().ess_inventory_line_id
        if lines:
            lines._ess_migration_done()

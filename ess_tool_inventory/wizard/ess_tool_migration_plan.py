from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class EssToolMigrationPlan(models.TransientModel):
    _name = "ess.tool.migration.plan"
    _description = "Plan the migration of a tool to a free alternative"

    line_id = fields.Many2one("ess.tool.inventory.line", string="Tool", required=True, ondelete="cascade")
    partner_id = fields.Many2one(related="line_id.partner_id")
    available_alternative_ids = fields.Many2many(
        "ess.catalogue.resource", compute="_compute_available_alternative_ids"
    )
    alternative_id = fields.Many2one(
        "ess.catalogue.resource",
        string="Free alternative",
        required=True,
        domain="[('id', 'in', available_alternative_ids)]",
    )
    date_deadline = fields.Date(
        string="Deadline",
        required=True,
        default=lambda self: fields.Date.context_today(self) + relativedelta(months=1),
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assignee",
        domain=[("share", "=", False)],
        help="Who carries the migration: the task is theirs.",
    )

    @api.depends("line_id")
    def _compute_available_alternative_ids(self):
        for wizard in self:
            wizard.available_alternative_ids = wizard.line_id._ess_alternatives() if wizard.line_id else False

    @api.onchange("line_id")
    def _onchange_line_id(self):
        self.alternative_id = self.line_id._ess_alternatives()[:1] if self.line_id else False
        if self.line_id and not self.user_id:
            entity = self.line_id.partner_id
            self.user_id = entity._ess_latest_itinerary().user_id or entity.ess_referent_id

    def action_plan(self):
        self.ensure_one()
        self.line_id.check_access("write")
        task = self.line_id._ess_plan_migration(self.alternative_id, self.date_deadline, self.user_id)
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.task",
            "res_id": task.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

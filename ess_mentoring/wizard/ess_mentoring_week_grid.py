from datetime import timedelta

from psycopg2.errors import UniqueViolation

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..models.ess_mentoring_followup import MAX_WEEK_HOURS
from ..tools.date_utils import week_monday

# The grid shows the chosen week and the ones before it.
GRID_WEEKS = 4


class EssMentoringWeekGrid(models.TransientModel):
    """A mentor's hours, one row per active contract they are on and one column per
    week, pre-filled with every cell (the matrix widget needs them all): saving creates
    or updates their follow-ups for the cells with hours."""

    _name = "ess.mentoring.week.grid"
    _description = "Weekly grid of mentoring hours"

    week_start = fields.Date(
        string="Up to the week of",
        required=True,
        default=lambda self: week_monday(fields.Date.context_today(self)),
    )
    member_id = fields.Many2one(
        "res.partner", string="Team member", required=True, default=lambda self: self.env.user.partner_id
    )
    line_ids = fields.One2many("ess.mentoring.week.grid.line", "grid_id", string="Hours")

    @api.onchange("week_start", "member_id")
    def _onchange_week_start(self):
        self.line_ids = [Command.clear()] + [Command.create(values) for values in self._ess_cells()]

    @api.model_create_multi
    def create(self, vals_list):
        grids = super().create(vals_list)
        for grid, vals in zip(grids, vals_list, strict=True):
            if "line_ids" not in vals:
                grid.line_ids = [Command.create(values) for values in grid._ess_cells()]
        return grids

    def _ess_cells(self):
        """Every (contract, week) cell, with the hours already logged in it."""
        self.ensure_one()
        if not self.week_start or not self.member_id:
            return []
        last = week_monday(self.week_start)
        weeks = [last - timedelta(days=7 * back) for back in range(GRID_WEEKS - 1, -1, -1)]
        contracts = self.env["ess.mentoring.contract"].search(
            [
                ("state", "=", "active"),
                "|",
                ("mentor_id", "=", self.member_id.id),
                ("expert_ids", "in", self.member_id.ids),
                ("date_start", "<=", weeks[-1] + timedelta(days=6)),
                ("date_end", ">=", weeks[0]),
            ],
            order="name",
        )
        followups = self.env["ess.mentoring.followup"].search(
            [
                ("contract_id", "in", contracts.ids),
                ("member_id", "=", self.member_id.id),
                ("week_start", "in", weeks),
            ]
        )
        logged = {(followup.contract_id, followup.week_start): followup for followup in followups}
        return [
            {
                "contract_id": contract.id,
                "week_start": week,
                "week_label": format_date(self.env, week, date_format="dd MMM"),
                "followup_id": logged.get((contract, week), followups.browse()).id,
                "hours": logged.get((contract, week), followups.browse()).hours,
            }
            for contract in contracts
            for week in weeks
        ]

    def action_save(self):
        """Create or update the member's follow-ups for the cells with hours: all of them
        or none. Every cell is checked first, and the writes run in one savepoint, so a
        refused cell (bad hours, a contract the user may not log on, a week someone else
        has just saved) leaves every follow-up as it was. Access is the follow-ups' own: a
        mentor writes only on contracts they are on."""
        self.ensure_one()
        for line in self.line_ids:
            if line.hours < 0 or line.hours > MAX_WEEK_HOURS:
                raise UserError(
                    self.env._(
                        "%(contract)s, week of %(week)s: log between 0 and %(max)s hours (got %(hours)s). "
                        "Nothing was saved.",
                        contract=line.contract_id.display_name,
                        week=format_date(self.env, line.week_start),
                        max=MAX_WEEK_HOURS,
                        hours=line.hours,
                    )
                )
        Followup = self.env["ess.mentoring.followup"]
        new = []
        try:
            with self.env.cr.savepoint():
                for line in self.line_ids:
                    if line.followup_id:
                        if line.hours > 0 and line.hours != line.followup_id.hours:
                            line.followup_id.hours = line.hours
                    elif line.hours > 0:
                        new.append(
                            {
                                "contract_id": line.contract_id.id,
                                "member_id": self.member_id.id,
                                "week_start": line.week_start,
                                "hours": line.hours,
                            }
                        )
                Followup.create(new)
        except UniqueViolation as error:
            # Someone saved the same member's week on the same contract meanwhile: theirs
            # stays, and this grid, opened before, would duplicate it.
            raise UserError(
                self.env._(
                    "Someone has just saved hours for one of these weeks. Nothing was saved: "
                    "open the grid again to see their hours, then change them."
                )
            ) from error
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._("Your hours are saved."),
                "type": "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }


class EssMentoringWeekGridLine(models.TransientModel):
    _name = "ess.mentoring.week.grid.line"
    _description = "Cell of the weekly grid"
    _order = "week_start, id"

    grid_id = fields.Many2one("ess.mentoring.week.grid", required=True, ondelete="cascade")
    contract_id = fields.Many2one("ess.mentoring.contract", required=True, ondelete="cascade")
    week_start = fields.Date(required=True)
    week_label = fields.Char(string="Week")
    followup_id = fields.Many2one("ess.mentoring.followup", ondelete="set null")
    hours = fields.Float()

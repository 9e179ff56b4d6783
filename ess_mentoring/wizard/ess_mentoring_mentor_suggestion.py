from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.date_utils import week_monday


class EssMentoringMentorSuggestion(models.TransientModel):
    """A mentor ranked for a contract, with the reasons in words."""

    _name = "ess.mentoring.mentor.suggestion"
    _description = "Mentor suggestion"
    _order = "rank"

    contract_id = fields.Many2one("ess.mentoring.contract", required=True, ondelete="cascade")
    mentor_id = fields.Many2one("res.partner", required=True, ondelete="cascade")
    mentor_type = fields.Selection(related="mentor_id.ess_mentor_type")
    rank = fields.Integer()
    coverage = fields.Float(string="Goals covered (%)")
    free_capacity = fields.Float(string="Free this month (h)")
    no_capacity = fields.Boolean(string="No free capacity")
    reason = fields.Text(string="Why")

    @api.model
    def _ess_open_for(self, contract):
        """Rank the mentors for ``contract`` and open the list."""
        ranking = self._ess_rank(contract)
        suggestions = self.create(
            [
                {
                    "contract_id": contract.id,
                    "mentor_id": row["mentor"].id,
                    "rank": rank,
                    "coverage": 100 * row["coverage"],
                    "free_capacity": row["free"],
                    "no_capacity": row["free"] <= 0,
                    "reason": row["reason"],
                }
                for rank, row in enumerate(ranking, start=1)
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mentors for %s", contract.name),
            "res_model": self._name,
            "view_mode": "list",
            "views": [(self.env.ref("ess_mentoring.ess_mentoring_mentor_suggestion_view_list").id, "list")],
            "domain": [("id", "in", suggestions.ids)],
            "target": "new",
        }

    @api.model
    def _ess_rank(self, contract):
        """The mentors who can be on a team, best first: by the share of the goals'
        dimensions their expertise covers, then by free capacity this month; those
        with no free capacity last. Between equals, a peer whose own entity is strong
        in those dimensions goes first, then a bridge profile when the entity's
        predisposition to change is low (1-2)."""
        env = self.env
        group = env.ref("ess_office_base.group_ess_mentor")
        mentors = (
            env["res.users"]
            .sudo()
            .search([("groups_id", "in", group.ids), ("share", "=", False)])
            .partner_id.filtered("is_ess_mentor")
        )
        dimensions = contract.goal_ids.filtered(lambda goal: goal.state != "dropped").dimension_id
        if not dimensions and contract.diagnosis_id:
            dimensions = contract.diagnosis_id.sudo()._ess_weakest_scores().dimension_id
        today = fields.Date.context_today(self)
        # This month's weeks: from the one holding the 1st to this one.
        first_monday = week_monday(today.replace(day=1))
        logged = dict(
            env["ess.mentoring.followup"]
            .sudo()
            ._read_group(
                [
                    ("member_id", "in", mentors.ids),
                    ("week_start", ">=", first_monday),
                    ("week_start", "<=", today),
                ],
                ["member_id"],
                ["hours:sum"],
            )
        )
        strong_entities = self._ess_strong_entities(mentors.ess_mentor_entity_id, dimensions)
        low_readiness = contract.partner_id.ess_change_readiness <= 2
        rows = []
        for mentor in mentors:
            covered = mentor.ess_expertise_ids & dimensions
            coverage = len(covered) / len(dimensions) if dimensions else 0.0
            free = mentor.ess_mentor_capacity - logged.get(mentor, 0.0)
            peer = mentor.ess_mentor_type == "peer" and mentor.ess_mentor_entity_id in strong_entities
            bridge = low_readiness and mentor.ess_is_bridge_profile
            rows.append(
                {
                    "mentor": mentor,
                    "coverage": coverage,
                    "free": free,
                    "peer": peer,
                    "bridge": bridge,
                    "reason": self._ess_reason(
                        mentor, covered, dimensions, free, peer, bridge, logged.get(mentor, 0.0)
                    ),
                }
            )
        rows.sort(
            key=lambda row: (
                row["free"] <= 0,
                -round(row["coverage"], 6),
                -round(row["free"], 2),
                not row["peer"],
                not row["bridge"],
                row["mentor"].name or "",
            )
        )
        return rows

    @api.model
    def _ess_strong_entities(self, entities, dimensions):
        """The entities whose latest done diagnosis scores, on average over
        ``dimensions``, at least the 'moderately advanced' cut-off."""
        if not entities or not dimensions:
            return self.env["res.partner"]
        level = self.env.ref(
            "ess_diagnosis.ess_diagnosis_level_moderately_advanced", raise_if_not_found=False
        )
        cutoff = level.min_score if level else 50.0
        diagnoses = (
            self.env["ess.diagnosis"]
            .sudo()
            .search([("partner_id", "in", entities.ids), ("state", "=", "done")], order="date desc, id desc")
        )
        strong = self.env["res.partner"]
        for entity in entities:
            latest = diagnoses.filtered(lambda diagnosis, entity=entity: diagnosis.partner_id == entity)[:1]
            scores = latest.score_ids.filtered(lambda line: line.dimension_id in dimensions).mapped("score")
            if scores and sum(scores) / len(scores) >= cutoff:
                strong |= entity
        return strong

    @api.model
    def _ess_reason(self, mentor, covered, dimensions, free, peer, bridge, logged):
        reasons = []
        if dimensions:
            reasons.append(
                self.env._(
                    "Covers %(covered)s of the %(total)s goal dimensions%(names)s.",
                    covered=len(covered),
                    total=len(dimensions),
                    names=(": " + ", ".join(covered.mapped("name"))) if covered else "",
                )
            )
        else:
            reasons.append(self.env._("The contract has no goals with a dimension yet."))
        if free <= 0:
            reasons.append(
                self.env._(
                    "No free capacity this month: %(logged).1f of %(capacity).1f hours logged.",
                    logged=logged,
                    capacity=mentor.ess_mentor_capacity,
                )
            )
        else:
            reasons.append(
                self.env._(
                    "%(free).1f of %(capacity).1f hours free this month.",
                    free=free,
                    capacity=mentor.ess_mentor_capacity,
                )
            )
        if peer:
            reasons.append(
                self.env._(
                    "Peer from %s, an entity strong in these dimensions.",
                    mentor.ess_mentor_entity_id.name,
                )
            )
        if bridge:
            reasons.append(self.env._("Bridge profile, for an entity with a low predisposition to change."))
        return " ".join(reasons)

    def action_choose(self):
        """Make this mentor the contract's main mentor."""
        self.ensure_one()
        self.contract_id.check_access("write")
        if self.contract_id.state not in ("draft", "active"):
            raise UserError(self.env._("The main mentor of a done or cancelled contract does not change."))
        self.contract_id.mentor_id = self.mentor_id
        return {"type": "ir.actions.act_window_close"}

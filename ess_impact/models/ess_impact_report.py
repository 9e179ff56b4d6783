from collections import defaultdict
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL, format_date, formatLang

from odoo.addons.ess_diagnosis.models.ess_diagnosis import BENCHMARK_MIN_ENTITIES
from odoo.addons.ess_diagnosis.tools.radar import radar_chart
from odoo.addons.ess_mentoring.tools.date_utils import week_monday

from ..tools.stats import describe, share

OFFICER = "ess_office_base.group_ess_officer"
MENTOR_TYPES = ("staff", "volunteer", "consultancy", "peer")
# Dimensions named as those that moved least: where the office should design new packages.
LEAST_MOVED = 3
# Contract states of an accompaniment that took place (cancelled ones are counted apart).
HELD_CONTRACT_STATES = ("active", "done")


def _year_start(self):
    return date(fields.Date.context_today(self).year, 1, 1)


def _year_end(self):
    return date(fields.Date.context_today(self).year, 12, 31)


class EssImpactReport(models.Model):
    """What the accompaniment changed for a selection of entities: an office's report for
    a period (a funding call's year), kept with its filters so that it can be printed
    again for the funder. Its figures are computed on reading, from the diagnoses,
    contracts, cohorts and inventories of the entities accompanied in the period."""

    _name = "ess.impact.report"
    _description = "Impact report"
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, default=lambda self: self.env._("Impact %s", _year_start(self).year))
    date_from = fields.Date(string="From", required=True, default=_year_start)
    date_to = fields.Date(string="To", required=True, default=_year_end)
    user_id = fields.Many2one(
        "res.users", string="Prepared by", required=True, readonly=True, default=lambda self: self.env.user
    )
    company_ids = fields.Many2many(
        "res.company",
        string="Offices",
        required=True,
        default=lambda self: self.env.company,
        help="The offices (companies) whose accompaniment the report covers: their contracts, cohorts "
        "and diagnoses.",
    )
    cohort_id = fields.Many2one("ess.cohort", help="Only the cohort's active members.")
    sector_ids = fields.Many2many("ess.sector", string="Sectors")
    size_class = fields.Selection(
        lambda self: self.env["res.partner"]._fields["ess_size_class"].selection, string="Size"
    )
    intensity = fields.Selection(
        lambda self: self.env["res.partner"]._fields["ess_accompaniment_intensity"].selection,
        string="Accompaniment intensity",
    )

    # Figures, computed together on reading (see _compute_figures).
    entity_count = fields.Integer(string="Entities accompanied", compute="_compute_figures")
    compared_count = fields.Integer(string="Entities with two diagnoses", compute="_compute_figures")
    diagnosis_count = fields.Integer(string="Diagnoses compared", compute="_compute_figures")
    contract_count = fields.Integer(string="Contracts", compute="_compute_figures")
    followup_count = fields.Integer(string="Follow-ups", compute="_compute_figures")
    session_count = fields.Integer(string="Sessions held", compute="_compute_figures")
    tool_count = fields.Integer(string="Tools moving", compute="_compute_figures")
    summary_html = fields.Html(string="Report", compute="_compute_figures", sanitize=False)
    radar_data = fields.Json(string="Maturity radar", compute="_compute_figures")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for report in self:
            if report.date_to < report.date_from:
                raise ValidationError(self.env._("%s: the period cannot end before it starts.", report.name))

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    # A mentor's report is his own (its figures cover the entities he accompanies): only
    # officers prepare one for someone else, or give it to someone else.
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("user_id", self.env.uid) != self.env.uid:
                self._ess_check_officer()
        return super().create(vals_list)

    def write(self, vals):
        if "user_id" in vals and any(report.user_id.id != vals["user_id"] for report in self):
            self._ess_check_officer()
        return super().write(vals)

    def _ess_check_officer(self):
        if not self.env.su and not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only officers prepare an impact report for someone else."))

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("date_from", "date_to", "company_ids", "cohort_id", "sector_ids", "size_class", "intensity")
    @api.depends_context("uid", "lang", "ess_today")
    def _compute_figures(self):
        for report in self:
            impact = report._ess_impact()
            records = impact["records"]
            report.entity_count = impact["entities"]
            report.compared_count = impact["maturity"]["compared"]
            report.diagnosis_count = len(records["diagnoses"])
            report.contract_count = len(records["contracts"])
            report.followup_count = impact["accompaniment"]["followups"]
            report.session_count = impact["cohorts"]["sessions_held"]
            report.tool_count = len(records["tools"])
            report.summary_html = self.env["ir.qweb"]._render(
                "ess_impact.impact_report_body", {"report": report, "impact": impact}
            )
            report.radar_data = impact["maturity"]["radar_data"]

    # ------------------------------------------------------------
    # THE FIGURES
    # ------------------------------------------------------------

    def _ess_impact(self, minimum=None):
        """Every figure of the report, by block, and the records behind them.

        Each block reads the database a fixed number of times, whatever the number of
        entities. The aggregates read past the record rules (only figures leave this
        method, never another entity's record), over the entities the caller may see:
        officers and managers those of their offices, a mentor the entities he
        accompanies. ``minimum``: an aggregate over fewer entities is None (the public
        page asks for BENCHMARK_MIN_ENTITIES); by default none inside the office."""
        self.ensure_one()
        minimum = minimum or 0
        entity_ids, withdrawn = self._ess_impact_entities()
        maturity, diagnoses = self._ess_impact_maturity(entity_ids, minimum)
        sovereignty, tools = self._ess_impact_sovereignty(entity_ids, diagnoses, minimum)
        accompaniment, contracts = self._ess_impact_accompaniment(entity_ids, minimum)
        cohorts, sessions = self._ess_impact_cohorts(entity_ids, minimum)
        people = self._ess_impact_people(entity_ids, sessions["held"])
        rows = self._ess_impact_rows(entity_ids, diagnoses, contracts)
        return {
            "entities": len(entity_ids),
            "withdrawn": withdrawn,
            "minimum": minimum,
            "maturity": maturity,
            "sovereignty": sovereignty,
            "accompaniment": accompaniment,
            "cohorts": cohorts,
            "people": people,
            "rows": rows,
            "records": {
                "entities": entity_ids,
                "diagnoses": sorted({d["id"] for pair in diagnoses.values() for d in pair.values()}),
                "contracts": sorted(contracts),
                "sessions": sessions["held"],
                "tools": tools,
                "satisfaction": accompaniment.pop("satisfaction_ids"),
            },
        }

    def _ess_impact_companies(self):
        """The report's offices the caller belongs to (all of them for the superuser: the
        public page's office). Ids of the records, for a report not saved as well."""
        companies = self.company_ids._origin
        return (companies if self.env.su else companies & self.env.user.company_ids).ids or [0]

    def _ess_impact_entities(self):
        """(ids of the entities accompanied in the period, number of entities of the
        selection that only withdrew from a cohort). An entity was accompanied when one
        of its mentoring contracts (active or done) or its active membership of a cohort
        overlapped the period, in one of the report's offices."""
        Partner = self.env["res.partner"]
        Partner.flush_model(["is_ess_entity", "ess_sector_id", "ess_size_class", "ess_accompaniment_intensity",
                             "ess_mentor_user_ids", "active"])  # fmt: skip
        self.env["ess.mentoring.contract"].flush_model(
            ["partner_id", "state", "date_start", "date_end", "company_id"]
        )
        self.env["ess.cohort.member"].flush_model(["partner_id", "cohort_id", "state"])
        self.env["ess.cohort"].flush_model(["date_start", "date_end", "company_id"])
        period = {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "companies": self._ess_impact_companies(),
        }
        conditions = [SQL("entity.is_ess_entity"), SQL("entity.active")]
        if self.sector_ids:
            conditions.append(SQL("entity.ess_sector_id = ANY(%s)", self.sector_ids._origin.ids))
        if self.size_class:
            conditions.append(SQL("entity.ess_size_class = %s", self.size_class))
        if self.intensity:
            conditions.append(SQL("entity.ess_accompaniment_intensity = %s", self.intensity))
        if self.cohort_id:
            conditions.append(
                SQL(
                    """EXISTS (SELECT 1 FROM ess_cohort_member member
                                WHERE member.partner_id = entity.id AND member.cohort_id = %s
                                  AND member.state = 'active')""",
                    self.cohort_id._origin.id,
                )
            )
        if not self.env.su and not self.env.user.has_group(OFFICER):
            # A mentor's report covers the entities he accompanies, no other.
            conditions.append(
                SQL(
                    "entity.id IN (SELECT partner_id FROM ess_partner_mentor_user_rel WHERE user_id = %s)",
                    self.env.uid,
                )
            )
        # Set-based (hash joins), not a subquery per entity: 10,000 entities in a few
        # tens of milliseconds.
        rows = self.env.execute_query(
            SQL(
                """
                WITH held AS (
                    SELECT DISTINCT contract.partner_id
                      FROM ess_mentoring_contract contract
                     WHERE contract.state = ANY(%(states)s) AND contract.company_id = ANY(%(companies)s)
                       AND contract.date_start <= %(date_to)s AND contract.date_end >= %(date_from)s
                ), memberships AS (
                    SELECT member.partner_id, bool_or(member.state = 'active') AS active
                      FROM ess_cohort_member member
                      JOIN ess_cohort cohort ON cohort.id = member.cohort_id
                     WHERE member.state IN ('active', 'withdrawn') AND cohort.company_id = ANY(%(companies)s)
                       AND cohort.date_start <= %(date_to)s AND cohort.date_end >= %(date_from)s
                  GROUP BY member.partner_id
                )
                SELECT entity.id, held.partner_id IS NOT NULL OR COALESCE(memberships.active, FALSE)
                  FROM res_partner entity
             LEFT JOIN held ON held.partner_id = entity.id
             LEFT JOIN memberships ON memberships.partner_id = entity.id
                 WHERE %(conditions)s AND (held.partner_id IS NOT NULL OR memberships.partner_id IS NOT NULL)
              ORDER BY entity.id
                """,
                states=list(HELD_CONTRACT_STATES),
                conditions=SQL(" AND ").join(conditions),
                **period,
            )
        )
        entity_ids = [entity_id for entity_id, accompanied in rows if accompanied]
        return entity_ids, len(rows) - len(entity_ids)

    def _ess_impact_done_diagnoses(self, entity_ids):
        """The query of the entities' done diagnoses up to the end of the period, in the
        report's offices, ranked per entity: ``first_rank`` from the baseline (its first
        done baseline diagnosis, else its first done one, as on the cohorts' progress),
        ``last_rank`` from the latest, and ``done_count``. The maturity block and the DMA
        file's T0/T1 marks read it."""
        self.env["ess.diagnosis"].flush_model(
            ["partner_id", "state", "phase", "date", "company_id", "level_id", "score",
             "ess_free_software_share", "ess_sovereignty_risk_count", "ess_inventory_snapshot_date"]
        )  # fmt: skip
        self.env["ess.diagnosis.score"].flush_model(["diagnosis_id", "dimension_id", "score"])
        return SQL(
            """
            SELECT diagnosis.id, diagnosis.partner_id, diagnosis.date, diagnosis.phase, diagnosis.score,
                   diagnosis.level_id, diagnosis.ess_free_software_share, diagnosis.ess_sovereignty_risk_count,
                   diagnosis.ess_inventory_snapshot_date,
                   row_number() OVER (PARTITION BY diagnosis.partner_id
                                      ORDER BY (diagnosis.phase = 'baseline') DESC, diagnosis.date, diagnosis.id
                   ) AS first_rank,
                   row_number() OVER (PARTITION BY diagnosis.partner_id
                                      ORDER BY diagnosis.date DESC, diagnosis.id DESC) AS last_rank,
                   count(*) OVER (PARTITION BY diagnosis.partner_id) AS done_count
              FROM ess_diagnosis diagnosis
             WHERE diagnosis.state = 'done' AND diagnosis.partner_id = ANY(%(entities)s)
               AND diagnosis.date <= %(date_to)s AND diagnosis.company_id = ANY(%(companies)s)
            """,
            entities=entity_ids,
            date_to=self.date_to,
            companies=self._ess_impact_companies(),
        )

    def _ess_impact_maturity(self, entity_ids, minimum):
        """The maturity block, and {entity id: {"baseline": row, "latest": row}} of the
        diagnoses compared. The baseline is the entity's first done baseline diagnosis
        (else its first done one), as on the cohorts' progress; the latest is its last
        done diagnosis up to the end of the period. Entities without two done diagnoses
        are counted apart."""
        done = self._ess_impact_done_diagnoses(entity_ids)
        rows = self.env.execute_query_dict(
            SQL(
                """
                WITH done AS (%s)
                SELECT done.id, done.partner_id, done.date, done.phase, done.score, done.done_count,
                       done.first_rank = 1 AS is_baseline, done.last_rank = 1 AS is_latest,
                       level.min_score AS level_min, level.id AS level_id,
                       done.ess_free_software_share AS free_share, done.ess_sovereignty_risk_count AS risks,
                       done.ess_inventory_snapshot_date IS NOT NULL AS has_snapshot
                  FROM done
             LEFT JOIN ess_diagnosis_level level ON level.id = done.level_id
                 WHERE done.first_rank = 1 OR done.last_rank = 1
                """,
                done,
            )
        )
        pairs, single = {}, 0
        for row in rows:
            if row["done_count"] < 2:
                single += row["is_baseline"]
                continue
            pair = pairs.setdefault(row["partner_id"], {})
            pair["baseline" if row["is_baseline"] else "latest"] = row
        diagnosed = {row["partner_id"] for row in rows}

        # Per dimension, over the entities scored on it at the baseline and the latest: the
        # database sorts and interpolates (percentile_cont is the inclusive quartile, as
        # describe()).
        quartiles = "percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY {})"
        stats = self.env.execute_query(
            SQL(
                """
                WITH done AS (%(done)s), pairs AS (
                    SELECT MAX(id) FILTER (WHERE first_rank = 1) AS baseline_id,
                           MAX(id) FILTER (WHERE last_rank = 1) AS latest_id
                      FROM done WHERE done_count >= 2 GROUP BY partner_id
                ), scores AS (
                    SELECT old.dimension_id, old.score AS before, new.score AS after, new.score - old.score AS change
                      FROM pairs
                      JOIN ess_diagnosis_score old ON old.diagnosis_id = pairs.baseline_id
                      JOIN ess_diagnosis_score new ON new.diagnosis_id = pairs.latest_id
                                                  AND new.dimension_id = old.dimension_id
                )
                SELECT dimension_id, COUNT(*), AVG(before), %(before)s, AVG(after), %(after)s, AVG(change), %(change)s
                  FROM scores GROUP BY dimension_id HAVING COUNT(*) >= %(minimum)s
                """,
                done=done,
                before=SQL(quartiles.format("before")),
                after=SQL(quartiles.format("after")),
                change=SQL(quartiles.format("change")),
                minimum=max(minimum, 1),
            )
        )
        by_dimension = {
            dimension_id: {
                key: {"n": count, "mean": mean, "q1": q1, "median": median, "q3": q3}
                for key, mean, (q1, median, q3) in (
                    ("baseline", before, before_spread), ("latest", after, after_spread),
                    ("change", change, change_spread),
                )
            }
            for dimension_id, count, before, before_spread, after, after_spread, change, change_spread in stats
        }  # fmt: skip
        dimensions = (
            self.env["ess.dimension"].sudo().browse(list(by_dimension)).sorted(lambda d: (d.sequence, d.id))
        )
        per_dimension = [
            {"id": dimension.id, "code": dimension.code, "name": dimension.name, **by_dimension[dimension.id]}
            for dimension in dimensions
        ]
        enough = len(pairs) >= minimum
        moved_up = sum(
            1
            for pair in pairs.values()
            if (pair["latest"]["level_min"] or 0.0) > (pair["baseline"]["level_min"] or 0.0)
        )
        least = sorted(per_dimension, key=lambda row: (row["change"]["mean"], row["name"]))[:LEAST_MOVED]
        radar = self._ess_impact_radar(per_dimension)
        maturity = {
            "compared": len(pairs),
            "single": single,
            "none": len(entity_ids) - len(diagnosed),
            "overall": enough and {
                "baseline": describe([pair["baseline"]["score"] for pair in pairs.values()]),
                "latest": describe([pair["latest"]["score"] for pair in pairs.values()]),
                "change": describe([pair["latest"]["score"] - pair["baseline"]["score"] for pair in pairs.values()]),
            } or None,
            "moved_up": moved_up if enough else None,
            "moved_up_share": share(moved_up, len(pairs)) if enough else None,
            "dimensions": per_dimension,
            "least_moved": [row["name"] for row in least],
            "radar": radar,
            # A radar needs three axes at least (as the SVG's): none with fewer dimensions.
            "radar_data": len(per_dimension) >= 3 and {
                "labels": [row["name"] for row in per_dimension],
                "current": [round(row["latest"]["mean"], 1) for row in per_dimension],
                "current_label": self.env._("Latest diagnosis (mean)"),
                "previous": [round(row["baseline"]["mean"], 1) for row in per_dimension],
                "previous_label": self.env._("Baseline (mean)"),
            } or {},
        }  # fmt: skip
        return maturity, pairs

    @api.model
    def _ess_impact_radar(self, per_dimension):
        """The SVG radar (for print and the website) of the mean baseline and latest scores."""
        return radar_chart(
            [row["name"] for row in per_dimension],
            [row["latest"]["mean"] for row in per_dimension],
            [row["baseline"]["mean"] for row in per_dimension],
        )

    def _ess_impact_sovereignty(self, entity_ids, pairs, minimum):
        """The sovereignty block: free software share and tools with data at risk on the
        compared diagnoses (those that kept the inventory), and the inventory's tools by
        where they stand in the move to free software; and the ids of those tools."""
        kept = [
            pair
            for pair in pairs.values()
            if pair["baseline"]["has_snapshot"] and pair["latest"]["has_snapshot"]
        ]
        self.env["ess.tool.inventory.line"].flush_model(["partner_id", "status"])
        statuses = defaultdict(list)
        for line_id, status in self.env.execute_query(
            SQL(
                """SELECT id, status FROM ess_tool_inventory_line
                    WHERE partner_id = ANY(%s) AND status IN ('replaced', 'migrating', 'kept')
                 ORDER BY id""",
                entity_ids,
            )
        ):
            statuses[status].append(line_id)
        enough = len(kept) >= minimum
        block = {
            "entities": len(kept),
            "share_before": describe([pair["baseline"]["free_share"] or 0.0 for pair in kept])
            if enough
            else None,
            "share_after": describe([pair["latest"]["free_share"] or 0.0 for pair in kept])
            if enough
            else None,
            "risks_before": sum(pair["baseline"]["risks"] or 0 for pair in kept) if enough else None,
            "risks_after": sum(pair["latest"]["risks"] or 0 for pair in kept) if enough else None,
            "replaced": len(statuses["replaced"]),
            "migrating": len(statuses["migrating"]),
            "kept": len(statuses["kept"]),
        }
        if len(entity_ids) < minimum:
            block.update(replaced=None, migrating=None, kept=None)
        return block, sorted(statuses["replaced"] + statuses["migrating"] + statuses["kept"])

    def _ess_impact_accompaniment(self, entity_ids, minimum):
        """The accompaniment block (contracts, hours by kind of mentor, goals, weeks
        followed, satisfaction), and {contract id: its row}."""
        self.env["ess.mentoring.contract"].flush_model()
        self.env["ess.mentoring.followup"].flush_model(["contract_id", "member_id", "week_start", "hours"])
        self.env["ess.mentoring.goal"].flush_model(["contract_id", "state"])
        self.env["res.partner"].flush_model(["ess_mentor_type", "parent_id"])
        period = {"date_from": self.date_from, "date_to": self.date_to}
        contract_rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT contract.id, contract.partner_id, contract.state, contract.hours_budget,
                       contract.date_start, contract.date_end,
                       COALESCE(mentor.ess_mentor_type, consultancy.ess_mentor_type) AS kind
                  FROM ess_mentoring_contract contract
             LEFT JOIN res_partner mentor ON mentor.id = contract.mentor_id
             LEFT JOIN res_partner consultancy ON consultancy.id = mentor.parent_id
                 WHERE contract.partner_id = ANY(%(entities)s) AND contract.company_id = ANY(%(companies)s)
                   AND contract.state IN ('active', 'done', 'cancelled')
                   AND contract.date_start <= %(date_to)s AND contract.date_end >= %(date_from)s
              ORDER BY contract.id
                """,
                entities=entity_ids,
                companies=self._ess_impact_companies(),
                **period,
            )
        )
        contracts = {row["id"]: row for row in contract_rows if row["state"] in HELD_CONTRACT_STATES}
        cancelled = len(contract_rows) - len(contracts)
        ids = list(contracts)
        hours = self.env.execute_query(
            SQL(
                """
                SELECT followup.contract_id, COALESCE(member.ess_mentor_type, consultancy.ess_mentor_type),
                       SUM(followup.hours), COUNT(*)
                  FROM ess_mentoring_followup followup
                  JOIN res_partner member ON member.id = followup.member_id
             LEFT JOIN res_partner consultancy ON consultancy.id = member.parent_id
                 WHERE followup.contract_id = ANY(%(contracts)s)
                   AND followup.week_start BETWEEN %(date_from)s AND %(date_to)s
              GROUP BY 1, 2
                """,
                contracts=ids,
                **period,
            )
        )
        weeks = dict(
            self.env.execute_query(
                SQL(
                    """SELECT contract_id, COUNT(DISTINCT week_start) FROM ess_mentoring_followup
                        WHERE contract_id = ANY(%(contracts)s) AND week_start BETWEEN %(date_from)s AND %(date_to)s
                     GROUP BY contract_id""",
                    contracts=ids,
                    **period,
                )
            )
        )
        goals = dict(
            self.env.execute_query(
                SQL(
                    "SELECT state, COUNT(*) FROM ess_mentoring_goal WHERE contract_id = ANY(%s) GROUP BY state",
                    ids,
                )
            )
        )
        satisfaction = self._ess_impact_satisfaction(ids)

        kinds = dict(self.env["res.partner"]._fields["ess_mentor_type"]._description_selection(self.env))
        by_kind = {
            kind: {"kind": kind, "label": kinds[kind], "budget": 0.0, "used": 0.0} for kind in MENTOR_TYPES
        }
        unknown = {"kind": False, "label": self.env._("Not set"), "budget": 0.0, "used": 0.0}
        for contract in contracts.values():
            by_kind.get(contract["kind"], unknown)["budget"] += contract["hours_budget"] or 0.0
            contract["hours_used"] = 0.0
        followups = 0
        for contract_id, kind, used, count in hours:
            by_kind.get(kind, unknown)["used"] += used or 0.0
            contracts[contract_id]["hours_used"] += used or 0.0
            followups += count
        today = fields.Date.to_date(self.env.context.get("ess_today")) or fields.Date.context_today(self)
        start, end = self.date_from, min(self.date_to, today)
        weeks_due = sum(self._ess_contract_weeks(contract, start, end) for contract in contracts.values())
        enough = len({contract["partner_id"] for contract in contracts.values()}) >= minimum
        block = {
            "contracts": len(contracts),
            "cancelled": cancelled,
            "hours_budget": sum(row["budget"] for row in by_kind.values()) + unknown["budget"],
            "hours_used": sum(row["used"] for row in by_kind.values()) + unknown["used"],
            "by_kind": [row for row in [*by_kind.values(), unknown] if row["budget"] or row["used"]],
            "followups": followups,
            "weeks_followed": sum(weeks.values()),
            "weeks_due": weeks_due,
            "weeks_share": share(sum(weeks.values()), weeks_due),
            "goals": sum(goals.values()),
            "goals_achieved": goals.get("achieved", 0),
            "goals_share": share(goals.get("achieved", 0), sum(goals.values()) - goals.get("dropped", 0)),
            "satisfaction": satisfaction["mean"],
            "satisfaction_answers": satisfaction["count"],
            "satisfaction_ids": satisfaction["ids"],
        }
        if not enough:
            block = dict.fromkeys(block, None) | {"satisfaction_ids": [], "followups": 0}
        return block, contracts

    @api.model
    def _ess_contract_weeks(self, contract, start, end):
        """The weeks of ``contract`` between ``start`` and ``end`` (the period, up to
        today): those a follow-up was due."""
        first = week_monday(max(contract["date_start"], start))
        last = week_monday(min(contract["date_end"], end))
        return (last - first).days // 7 + 1 if last >= first else 0

    def _ess_impact_satisfaction(self, contract_ids):
        """{mean, count, ids} of the closing survey's overall answer (1 very dissatisfied
        to 5 very satisfied) on the contracts."""
        question = self.env.ref("ess_mentoring.survey_ess_satisfaction_q_overall", raise_if_not_found=False)
        if not question:
            return {"mean": None, "count": 0, "ids": []}
        self.env["survey.user_input"].flush_model(["ess_mentoring_contract_id", "state"])
        self.env["survey.user_input.line"].flush_model(
            ["user_input_id", "question_id", "suggested_answer_id"]
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT answer.id, choice.sequence
                  FROM survey_user_input answer
                  JOIN survey_user_input_line line ON line.user_input_id = answer.id AND line.question_id = %s
                  JOIN survey_question_answer choice ON choice.id = line.suggested_answer_id
                 WHERE answer.ess_mentoring_contract_id = ANY(%s) AND answer.state = 'done'
                """,
                question.id,
                contract_ids,
            )
        )
        values = [value for _id, value in rows]
        return {
            "mean": sum(values) / len(values) if values else None,
            "count": len(values),
            "ids": sorted({answer_id for answer_id, _value in rows}),
        }

    def _ess_impact_cohorts(self, entity_ids, minimum):
        """The cohorts block: the cohorts where selected entities are active members (the
        report's cohort only, when it names one: never a cohort without one of the
        caller's entities), the sessions they held in the period, the entities'
        attendance, the learnings shared, the open sessions and the outside entities that
        joined them."""
        for model in ("ess.cohort", "ess.cohort.member", "ess.cohort.session", "ess.cohort.attendance"):
            self.env[model].flush_model()
        now = fields.Datetime.now()
        sessions = self.env.execute_query_dict(
            SQL(
                """
                SELECT session.id, session.cohort_id, session.is_open,
                       COALESCE(array_length(regexp_split_to_array(session.learnings, '<p[\\s>]'), 1) - 1, 0)
                           AS learnings
                  FROM ess_cohort_session session
                  JOIN ess_cohort cohort ON cohort.id = session.cohort_id
                 WHERE cohort.company_id = ANY(%(companies)s)
                   AND session.date >= %(start)s AND session.date < %(end)s AND session.date <= %(now)s
                   AND (%(cohort)s IS NULL OR cohort.id = %(cohort)s)
                   AND EXISTS (SELECT 1 FROM ess_cohort_member member
                                WHERE member.cohort_id = cohort.id AND member.state = 'active'
                                  AND member.partner_id = ANY(%(entities)s))
              ORDER BY session.date, session.id
                """,
                companies=self._ess_impact_companies(),
                start=self.date_from,
                end=self.date_to + timedelta(days=1),
                now=now,
                cohort=self.cohort_id._origin.id or None,
                entities=entity_ids,
            )
        )
        held = [session["id"] for session in sessions]
        attendance = self.env.execute_query(
            SQL(
                """
                SELECT attendance.is_guest, attendance.attended, COUNT(*),
                       COUNT(DISTINCT attendance.partner_id) FILTER (WHERE attendance.is_guest)
                  FROM ess_cohort_attendance attendance
                 WHERE attendance.session_id = ANY(%(sessions)s)
                   AND (attendance.is_guest OR attendance.partner_id = ANY(%(entities)s))
              GROUP BY 1, 2
                """,
                sessions=held,
                entities=entity_ids,
            )
        )
        recorded = present = 0
        for is_guest, attended, count, _guests in attendance:
            if not is_guest and attended:
                recorded += count
                present += count if attended == "present" else 0
        guests = self.env.execute_query(
            SQL(
                """SELECT COUNT(DISTINCT partner_id) FROM ess_cohort_attendance
                    WHERE session_id = ANY(%s) AND is_guest AND attended IS DISTINCT FROM 'absent'""",
                held,
            )
        )[0][0]
        block = {
            "cohorts": len({session["cohort_id"] for session in sessions}),
            "sessions_held": len(held),
            "attendance": share(present, recorded),
            "learnings": sum(session["learnings"] for session in sessions),
            "open_sessions": sum(1 for session in sessions if session["is_open"]),
            "guest_entities": guests,
        }
        if len(entity_ids) < minimum:
            block["attendance"] = None
        return block, {"held": held}

    def _ess_impact_people(self, entity_ids, session_ids):
        """How many of the entities' people took part: answered one of their diagnoses
        in the period, or attended a session held (the session's invited people of an
        entity marked present, who did not decline). By gender where the person declared
        it, each figure over five people or more."""
        self.env["survey.user_input"].flush_model(["ess_diagnosis_id", "partner_id", "state", "test_entry"])
        self.env["calendar.attendee"].flush_model(["event_id", "partner_id", "state"])
        self.env["res.partner"].flush_model(["commercial_partner_id", "ess_gender"])
        rows = self.env.execute_query(
            SQL(
                """
                WITH respondents AS (
                    SELECT DISTINCT answer.partner_id
                      FROM survey_user_input answer
                      JOIN ess_diagnosis diagnosis ON diagnosis.id = answer.ess_diagnosis_id
                     WHERE diagnosis.partner_id = ANY(%(entities)s) AND answer.state = 'done'
                       AND NOT COALESCE(answer.test_entry, FALSE) AND answer.partner_id IS NOT NULL
                       AND diagnosis.date BETWEEN %(date_from)s AND %(date_to)s
                ), attendees AS (
                    SELECT DISTINCT attendee.partner_id
                      FROM calendar_attendee attendee
                      JOIN ess_cohort_session session ON session.calendar_event_id = attendee.event_id
                      JOIN res_partner person ON person.id = attendee.partner_id
                      JOIN ess_cohort_attendance attendance
                        ON attendance.session_id = session.id AND attendance.partner_id = person.commercial_partner_id
                     WHERE session.id = ANY(%(sessions)s) AND attendance.attended = 'present'
                       AND attendance.partner_id = ANY(%(entities)s)
                       AND attendee.state IS DISTINCT FROM 'declined'
                ), people AS (
                    SELECT partner_id, TRUE AS answered, FALSE AS attended FROM respondents
                     UNION ALL
                    SELECT partner_id, FALSE, TRUE FROM attendees
                )
                SELECT person.ess_gender, bool_or(people.answered), bool_or(people.attended)
                  FROM people JOIN res_partner person ON person.id = people.partner_id
              GROUP BY person.id, person.ess_gender
                """,
                entities=entity_ids,
                sessions=session_ids,
                date_from=self.date_from,
                date_to=self.date_to,
            )
        )
        genders = dict(self.env["res.partner"]._fields["ess_gender"]._description_selection(self.env))
        by_gender = defaultdict(int)
        for gender, _answered, _attended in rows:
            if gender:
                by_gender[gender] += 1
        return {
            "total": len(rows),
            "respondents": sum(1 for _gender, answered, _attended in rows if answered),
            "attendees": sum(1 for _gender, _answered, attended in rows if attended),
            # A gender's count shows only over five people or more: fewer could single someone out.
            "by_gender": [
                {"gender": gender, "label": label, "count": by_gender[gender]}
                for gender, label in genders.items()
                if by_gender[gender] >= BENCHMARK_MIN_ENTITIES
            ],
            "gender_declared": sum(by_gender.values()),
        }

    def _ess_impact_rows(self, entity_ids, pairs, contracts):
        """One row per entity: its profile, baseline and latest scores, free software
        share, contracts and hours (the XLSX's sheet of entities)."""
        self.env["res.partner"].flush_model(
            ["name", "ess_sector_id", "ess_size_class", "ess_accompaniment_intensity"]
        )
        self.env["ess.sector"].flush_model(["name"])
        lang = self.env.lang or "en_US"
        entities = self.env.execute_query_dict(
            SQL(
                """SELECT entity.id, entity.name, entity.ess_size_class AS size_class,
                          entity.ess_accompaniment_intensity AS intensity,
                          COALESCE(sector.name->>%s, sector.name->>'en_US') AS sector
                     FROM res_partner entity LEFT JOIN ess_sector sector ON sector.id = entity.ess_sector_id
                    WHERE entity.id = ANY(%s) ORDER BY entity.name, entity.id""",
                lang,
                entity_ids,
            )
        )
        by_entity = defaultdict(lambda: {"contracts": 0, "hours_budget": 0.0, "hours_used": 0.0})
        for contract in contracts.values():
            row = by_entity[contract["partner_id"]]
            row["contracts"] += 1
            row["hours_budget"] += contract["hours_budget"] or 0.0
            row["hours_used"] += contract["hours_used"]
        sizes = dict(self.env["res.partner"]._fields["ess_size_class"]._description_selection(self.env))
        intensities = dict(
            self.env["res.partner"]._fields["ess_accompaniment_intensity"]._description_selection(self.env)
        )
        rows = []
        for entity in entities:
            pair = pairs.get(entity["id"], {})
            baseline, latest = pair.get("baseline"), pair.get("latest")
            rows.append(
                {
                    "id": entity["id"],
                    "name": entity["name"],
                    "sector": entity["sector"] or "",
                    "size": sizes.get(entity["size_class"], ""),
                    "intensity": intensities.get(entity["intensity"], ""),
                    "baseline_date": baseline and baseline["date"],
                    "baseline_score": baseline and baseline["score"],
                    "latest_date": latest and latest["date"],
                    "latest_score": latest and latest["score"],
                    "change": latest and latest["score"] - baseline["score"],
                    "share_before": baseline and baseline["has_snapshot"] and baseline["free_share"],
                    "share_after": latest and latest["has_snapshot"] and latest["free_share"],
                    **by_entity[entity["id"]],
                }
            )
        return rows

    # ------------------------------------------------------------
    # PRESENTATION
    # ------------------------------------------------------------

    def _ess_fmt(self, value, digits=1, suffix=""):
        """A figure as the reader's language writes it; a dash for a figure not shown."""
        if value is None or value is False:
            return "–"
        return formatLang(self.env, value, digits=digits) + suffix

    def _ess_fmt_spread(self, stat):
        """A distribution's "(median; first quartile–third quartile)"."""
        return f"({self._ess_fmt(stat['median'])}; {self._ess_fmt(stat['q1'])}–{self._ess_fmt(stat['q3'])})"

    def _ess_impact_public_texts(self, impact, year):
        """The sentences of the public page (/impact) for ``year``."""
        minimum = impact["minimum"]
        return {
            "title": self.env._("What the accompaniment changed in %s", year),
            "hidden": self.env._(
                "Fewer than %s entities were accompanied this year: to protect them, no figure is shown.", minimum
            ),
            "maturity_note": self.env._(
                "Mean scores from 0 to 100 of the entities with a diagnosis before and after the accompaniment "
                "(%(compared)s entities); a dimension scored by fewer than %(minimum)s entities is left out.",
                compared=impact["maturity"]["compared"], minimum=minimum,
            ),
            "no_maturity": self.env._("Fewer than %s entities have a diagnosis before and after yet.", minimum),
            "dash": self.env._("A dash marks a figure over fewer than %s entities: it is not shown.", minimum),
        }  # fmt: skip

    def _ess_fmt_date(self, value):
        return format_date(self.env, value)

    def _ess_impact_texts(self, impact):
        """The report's sentences, each one term to translate whole, in the reader's
        language: the backend form and the PDF show them with the tables."""
        fmt = self._ess_fmt
        maturity, sovereignty = impact["maturity"], impact["sovereignty"]
        accompaniment, people = impact["accompaniment"], impact["people"]
        selection = [
            *self.company_ids.mapped("name"),
            *self.cohort_id.mapped("name"),
            *self.sector_ids.mapped("name"),
        ]
        for name in ("size_class", "intensity"):
            if self[name]:
                selection.append(dict(self._fields[name]._description_selection(self.env))[self[name]])
        texts = {
            "scope": self.env._(
                "%(entities)s entities accompanied from %(start)s to %(end)s (%(selection)s).",
                entities=impact["entities"], start=self._ess_fmt_date(self.date_from),
                end=self._ess_fmt_date(self.date_to), selection=", ".join(selection),
            ),
            "withdrawn": impact["withdrawn"] and self.env._(
                "%s more withdrew from their cohort and are not counted.", impact["withdrawn"]
            ),
            "compared": self.env._(
                "%(compared)s entities have a baseline and a later diagnosis; %(single)s have only one and "
                "%(none)s none yet: they are counted apart, not averaged in.",
                compared=maturity["compared"], single=maturity["single"], none=maturity["none"],
            ),
            "moved_up": maturity["moved_up"] is not None and self.env._(
                "%(count)s (%(share)s) moved up at least one maturity level.",
                count=maturity["moved_up"], share=fmt(maturity["moved_up_share"], suffix=" %"),
            ),
            "least_moved": maturity["least_moved"] and self.env._(
                "Dimensions that moved least, where new service packages would help most: %s.",
                ", ".join(maturity["least_moved"]),
            ),
            "sovereignty": self.env._(
                "Over the %(entities)s entities whose diagnoses kept their inventory. Tools moving to free "
                "software: %(replaced)s replaced, %(migrating)s migrating, %(kept)s kept on purpose.",
                entities=sovereignty["entities"], replaced=fmt(sovereignty["replaced"], digits=0),
                migrating=fmt(sovereignty["migrating"], digits=0), kept=fmt(sovereignty["kept"], digits=0),
            ),
            "contracts": self.env._(
                "%(contracts)s mentoring contracts: %(used)s hours used of %(budget)s budgeted.",
                contracts=fmt(accompaniment["contracts"], digits=0), used=fmt(accompaniment["hours_used"]),
                budget=fmt(accompaniment["hours_budget"]),
            ),
            "cancelled": accompaniment["cancelled"] and self.env._(
                "%s cancelled contracts are not counted.", accompaniment["cancelled"]
            ),
            "goals": self.env._(
                "Goals achieved: %(achieved)s of %(goals)s.",
                achieved=fmt(accompaniment["goals_achieved"], digits=0), goals=fmt(accompaniment["goals"], digits=0),
            ),
            "weeks": self.env._(
                "Weeks with a follow-up: %(followed)s of %(due)s weeks of contract (%(share)s).",
                followed=fmt(accompaniment["weeks_followed"], digits=0), due=fmt(accompaniment["weeks_due"], digits=0),
                share=fmt(accompaniment["weeks_share"], suffix=" %"),
            ),
            "satisfaction": self.env._(
                "Satisfaction at the close: %(mean)s out of 5 (%(answers)s answers).",
                mean=fmt(accompaniment["satisfaction"]), answers=fmt(accompaniment["satisfaction_answers"], digits=0),
            ),
            "people": self.env._(
                "%(total)s people of the entities took part: %(respondents)s answered a diagnosis and "
                "%(attendees)s attended a session.",
                total=people["total"], respondents=people["respondents"], attendees=people["attendees"],
            ),
            "gender": self.env._(
                "%(declared)s declared their gender: %(genders)s.",
                declared=people["gender_declared"],
                genders=", ".join(f"{row['label']} {row['count']}" for row in people["by_gender"]),
            )
            if people["by_gender"]
            else self.env._("%s declared their gender.", people["gender_declared"]),
        }  # fmt: skip
        return texts

    def _ess_impact_figure_rows(self, impact):
        """The report's figures as spreadsheet rows: (heading,) or (label, value, ...)."""
        maturity, sovereignty = impact["maturity"], impact["sovereignty"]
        accompaniment, cohorts, people = impact["accompaniment"], impact["cohorts"], impact["people"]
        measures = (
            (self.env._("mean"), "mean"), (self.env._("median"), "median"),
            (self.env._("first quartile"), "q1"), (self.env._("third quartile"), "q3"),
        )  # fmt: skip

        def stat_rows(label, stats):
            return [
                (f"{label}: {name}", *(stats[key][field] if stats and stats.get(key) else None
                                       for key in ("baseline", "latest", "change")))
                for name, field in measures
            ]  # fmt: skip

        rows = [
            (self.name,),
            (self.env._("From"), self._ess_fmt_date(self.date_from)),
            (self.env._("To"), self._ess_fmt_date(self.date_to)),
            (self.env._("Offices"), ", ".join(self.company_ids.mapped("name"))),
            (self.env._("Entities accompanied"), impact["entities"]),
            (self.env._("Entities that withdrew from their cohort (not counted)"), impact["withdrawn"]),
            (
                self.env._("Digital maturity"),
                self.env._("Baseline"),
                self.env._("Latest"),
                self.env._("Change"),
            ),
            (self.env._("Entities with a baseline and a later diagnosis"), maturity["compared"]),
            (self.env._("Entities with one diagnosis only"), maturity["single"]),
            (self.env._("Entities without a diagnosis"), maturity["none"]),
            (self.env._("Entities that moved up at least one level"), maturity["moved_up"]),
            (self.env._("Share that moved up at least one level (%)"), maturity["moved_up_share"]),
            *stat_rows(self.env._("Overall score"), maturity["overall"]),
        ]
        for dimension in maturity["dimensions"]:
            rows += stat_rows(f"{dimension['name']} ({dimension['code']})", dimension)
        rows += [
            (self.env._("Dimensions that moved least"), ", ".join(maturity["least_moved"])),
            (self.env._("Free software and data sovereignty"), self.env._("Baseline"), self.env._("Latest")),
            (self.env._("Entities whose diagnoses kept their inventory"), sovereignty["entities"]),
            (
                self.env._("Free software share (%), mean"),
                *((sovereignty[key] or {}).get("mean") for key in ("share_before", "share_after")),
            ),
            (
                self.env._("Free software share (%), median"),
                *((sovereignty[key] or {}).get("median") for key in ("share_before", "share_after")),
            ),
            (self.env._("Tools with data at risk"), sovereignty["risks_before"], sovereignty["risks_after"]),
            (self.env._("Tools replaced by free software"), sovereignty["replaced"]),
            (self.env._("Tools migrating"), sovereignty["migrating"]),
            (self.env._("Tools kept on purpose"), sovereignty["kept"]),
            (self.env._("Accompaniment"), self.env._("Hours budgeted"), self.env._("Hours used")),
            (self.env._("Mentoring contracts"), accompaniment["contracts"]),
            (self.env._("Cancelled contracts (not counted)"), accompaniment["cancelled"]),
            (self.env._("Hours"), accompaniment["hours_budget"], accompaniment["hours_used"]),
            *(
                (f"{self.env._('Hours')}: {row['label']}", row["budget"], row["used"])
                for row in accompaniment["by_kind"] or []
            ),
            (self.env._("Goals"), accompaniment["goals"]),
            (self.env._("Goals achieved"), accompaniment["goals_achieved"]),
            (self.env._("Weeks of contract"), accompaniment["weeks_due"]),
            (self.env._("Weeks with a follow-up"), accompaniment["weeks_followed"]),
            (self.env._("Satisfaction at the close (1 to 5)"), accompaniment["satisfaction"]),
            (self.env._("Satisfaction answers"), accompaniment["satisfaction_answers"]),
            (self.env._("Cohorts"),),
            (self.env._("Cohorts"), cohorts["cohorts"]),
            (self.env._("Sessions held"), cohorts["sessions_held"]),
            (self.env._("Attendance (%)"), cohorts["attendance"]),
            (self.env._("Learnings shared"), cohorts["learnings"]),
            (self.env._("Sessions open to other entities"), cohorts["open_sessions"]),
            (self.env._("Outside entities that joined them"), cohorts["guest_entities"]),
            (self.env._("People"),),
            (self.env._("People who took part"), people["total"]),
            (self.env._("People who answered a diagnosis"), people["respondents"]),
            (self.env._("People who attended a session"), people["attendees"]),
            (self.env._("People who declared their gender"), people["gender_declared"]),
            *((f"{self.env._('Gender')}: {row['label']}", row["count"]) for row in people["by_gender"]),
        ]
        return rows

    def _ess_impact_entity_columns(self):
        """(key, label) of the entities' sheet: a row of _ess_impact_rows each."""
        return [
            ("name", self.env._("Entity")),
            ("sector", self.env._("Sector")),
            ("size", self.env._("Size")),
            ("intensity", self.env._("Accompaniment intensity")),
            ("baseline_date", self.env._("Baseline date")),
            ("baseline_score", self.env._("Baseline score")),
            ("latest_date", self.env._("Latest diagnosis date")),
            ("latest_score", self.env._("Latest score")),
            ("change", self.env._("Change")),
            ("share_before", self.env._("Free software share before (%)")),
            ("share_after", self.env._("Free software share after (%)")),
            ("contracts", self.env._("Contracts")),
            ("hours_budget", self.env._("Hours budgeted")),
            ("hours_used", self.env._("Hours used")),
        ]

    def _ess_dma_rows(self):
        """The DMA-style rows: one per entity and done diagnosis (up to the end of the
        period) of the report's entities, marked T0 for the baseline and T1, T2... for
        the later ones, with the score of each EU DMA dimension by its code."""
        self.ensure_one()
        entity_ids, _withdrawn = self._ess_impact_entities()
        dimensions = (
            self.env["ess.dimension"].sudo().search([("framework", "=", "dma")], order="sequence, id")
        )
        rows = self.env.execute_query_dict(
            SQL(
                """
                WITH done AS (%s)
                SELECT done.id, done.partner_id, entity.name AS entity, entity.vat, done.date, done.phase,
                       done.score, done.first_rank - 1 AS mark,
                       COALESCE((SELECT json_object_agg(score.dimension_id, score.score)
                                   FROM ess_diagnosis_score score WHERE score.diagnosis_id = done.id), '{}')
                           AS scores
                  FROM done JOIN res_partner entity ON entity.id = done.partner_id
              ORDER BY entity.name, done.partner_id, mark
                """,
                self._ess_impact_done_diagnoses(entity_ids),
            )
        )
        header = ["entity_id", "entity", "vat", "diagnosis_id", "date", "phase", "mark", "overall"]
        header += [dimension.code for dimension in dimensions]
        lines = [header]
        for row in rows:
            scores = {int(key): value for key, value in row["scores"].items()}
            lines.append(
                [row["partner_id"], row["entity"], row["vat"] or "", row["id"], row["date"].isoformat(),
                 row["phase"], f"T{row['mark']}", round(row["score"], 1)]
                + [round(scores[d.id], 1) if d.id in scores else "" for d in dimensions]
            )  # fmt: skip
        return lines

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    # Every public method is an RPC endpoint: each checks that the caller may read the
    # report first (the figures come from _ess_impact, which restricts them to the
    # caller's entities), and the records behind a figure open with the caller's rights.

    def _ess_drill_blocks(self):
        """{block: (model, title)} of the figures whose records can be opened."""
        return {
            "entities": ("res.partner", self.env._("Entities accompanied")),
            "diagnoses": ("ess.diagnosis", self.env._("Diagnoses compared")),
            "contracts": ("ess.mentoring.contract", self.env._("Contracts")),
            "followups": ("ess.mentoring.followup", self.env._("Follow-ups")),
            "goals": ("ess.mentoring.goal", self.env._("Goals")),
            "sessions": ("ess.cohort.session", self.env._("Sessions held")),
            "attendance": ("ess.cohort.attendance", self.env._("Attendance")),
            "tools": ("ess.tool.inventory.line", self.env._("Tools moving")),
            "satisfaction": ("survey.user_input", self.env._("Satisfaction answers")),
        }

    def action_ess_drill(self, block=None):
        """The records behind a figure of the report (``block``, or the context's
        ``ess_drill``), opened with the caller's own rights."""
        self.ensure_one()
        self.check_access("read")
        block = block or self.env.context.get("ess_drill")
        blocks = self._ess_drill_blocks()
        if not isinstance(block, str) or block not in blocks:
            raise ValidationError(self.env._("There is no such figure in the impact report."))
        records = self._ess_impact()["records"]
        model, title = blocks[block]
        domain = {
            "followups": [("contract_id", "in", records["contracts"]), ("week_start", ">=", self.date_from),
                          ("week_start", "<=", self.date_to)],
            "goals": [("contract_id", "in", records["contracts"])],
            "attendance": [("session_id", "in", records["sessions"]), ("partner_id", "in", records["entities"])],
        }.get(block) or [("id", "in", records[block])]  # fmt: skip
        return {
            "type": "ir.actions.act_window",
            "name": f"{self.name}: {title}",
            "res_model": model,
            "domain": domain,
            "views": [(False, "list"), (False, "form")],
            "context": {"create": False},
        }

    def action_ess_dma_csv(self):
        """Download the DMA-style CSV (served by the route, which checks the caller again)."""
        self.ensure_one()
        self.check_access("read")
        return {"type": "ir.actions.act_url", "url": f"/ess_impact/dma/{self.id}", "target": "download"}

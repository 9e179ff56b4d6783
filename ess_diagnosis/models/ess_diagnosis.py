from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.radar import radar_chart

# Below this many other entities, a benchmark could single one of them out: it is not shown.
BENCHMARK_MIN_ENTITIES = 5
RECOMMENDED_DIMENSIONS = 3
KEY_FACTOR_FIELDS = {
    "change_readiness": "ess_change_readiness",
    "market_digitalisability": "ess_market_digitalisability",
}


def bounded_percentage(points, maximum):
    """100 x points / maximum, kept within 0-100: answers may score negative points."""
    return min(max(100.0 * points / maximum, 0.0), 100.0)


class EssDiagnosis(models.Model):
    """A digital-maturity diagnosis of an entity: the answers of several of its people
    to an ESS questionnaire, scored per dimension."""

    _name = "ess.diagnosis"
    _description = "Digital maturity diagnosis"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "date desc, id desc"
    _rec_names_search = ["partner_id.name"]
    _check_company_auto = True

    # Not stored: it holds the phase's label, in the reader's language.
    name = fields.Char(compute="_compute_name", search="_search_name")
    partner_id = fields.Many2one(
        "res.partner",
        string="Entity",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=[("is_ess_entity", "=", True)],
    )
    project_id = fields.Many2one(
        "project.project",
        string="Itinerary",
        index="btree_not_null",
        check_company=True,
        domain="[('is_ess_itinerary', '=', True), ('ess_entity_id', '=', partner_id)]",
    )
    referent_id = fields.Many2one(related="partner_id.ess_referent_id")
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        required=True,
        domain=[("survey_type", "=", "ess_diagnosis")],
        default=lambda self: self._default_survey(),
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    phase = fields.Selection(
        [("baseline", "Baseline"), ("intermediate", "Intermediate"), ("final", "Final"), ("other", "Other")],
        required=True,
        default="baseline",
        tracking=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("in_progress", "In progress"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    user_input_ids = fields.One2many("survey.user_input", "ess_diagnosis_id", string="Responses", copy=False)
    invited_count = fields.Integer(string="Invited", compute="_compute_respondents", store=True)
    respondent_count = fields.Integer(
        string="Respondents", compute="_compute_respondents", store=True, help="Completed responses."
    )
    score_ids = fields.One2many(
        "ess.diagnosis.score", "diagnosis_id", string="Scores per dimension", copy=False
    )
    score = fields.Float(
        compute="_compute_score",
        store=True,
        aggregator="avg",
        help="Mean of the dimension scores weighted by the dimensions' weights (0-100).",
    )
    level_id = fields.Many2one(
        "ess.diagnosis.level",
        string="Maturity level",
        compute="_compute_level_id",
        store=True,
        help="Follows the score, and the levels' cut-offs when a manager changes them.",
    )
    level = fields.Selection(related="level_id.code", store=True, string="Level code")
    level_interpretation = fields.Html(related="level_id.interpretation")
    previous_id = fields.Many2one(
        "ess.diagnosis",
        string="Previous diagnosis",
        compute="_compute_previous_id",
        help="The entity's latest done diagnosis before this one.",
    )
    score_delta = fields.Float(compute="_compute_previous_id", string="Change")
    radar_data = fields.Json(compute="_compute_radar_data", string="Radar chart")
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, required=True, index=True
    )

    # ------------------------------------------------------------
    # DEFAULTS AND COMPUTES
    # ------------------------------------------------------------

    @api.model
    def _default_survey(self):
        return self.env.ref("ess_diagnosis.survey_ess_diagnosis", raise_if_not_found=False)

    @api.depends("partner_id.name", "phase", "date")
    @api.depends_context("lang")
    def _compute_name(self):
        phases = dict(self._fields["phase"]._description_selection(self.env))
        for diagnosis in self:
            diagnosis.name = " - ".join(
                filter(
                    None, [diagnosis.partner_id.name, phases.get(diagnosis.phase), str(diagnosis.date or "")]
                )
            )

    def _search_name(self, operator, value):
        # The name reads "<entity> - <phase> - <date>": searched by its entity, as name_search is.
        return [("partner_id.name", operator, value)]

    @api.depends("user_input_ids.state", "user_input_ids.test_entry")
    def _compute_respondents(self):
        for diagnosis in self:
            answers = diagnosis.user_input_ids.filtered(lambda answer: not answer.test_entry)
            diagnosis.invited_count = len(answers)
            diagnosis.respondent_count = len(answers.filtered(lambda answer: answer.state == "done"))

    @api.depends("score_ids.score", "score_ids.dimension_id.weight")
    def _compute_score(self):
        for diagnosis in self:
            lines = diagnosis.score_ids
            total_weight = sum(lines.dimension_id.mapped("weight"))
            if not lines:
                diagnosis.score = 0.0
            elif total_weight:
                diagnosis.score = sum(line.score * line.dimension_id.weight for line in lines) / total_weight
            else:
                diagnosis.score = sum(lines.mapped("score")) / len(lines)

    # ess.diagnosis.level recomputes it when its cut-offs change (_ess_relevel_diagnoses).
    @api.depends("score", "score_ids")
    def _compute_level_id(self):
        levels = self.env["ess.diagnosis.level"].sudo().search([])
        for diagnosis in self:
            diagnosis.level_id = levels._reached_by(diagnosis.score) if diagnosis.score_ids else False

    @api.model
    def _ess_done_by_partner(self, partners):
        """{partner: its done diagnoses, latest first}, in one query."""
        by_partner = defaultdict(list)
        done = self.search(
            [("partner_id", "in", partners.ids), ("state", "=", "done")], order="date desc, id desc"
        )
        for diagnosis in done:
            by_partner[diagnosis.partner_id].append(diagnosis)
        return by_partner

    @api.depends("partner_id", "date", "state")
    def _compute_previous_id(self):
        by_partner = self._ess_done_by_partner(self.partner_id)
        for diagnosis in self:
            key = (diagnosis.date or fields.Date.today(), diagnosis._origin.id or float("inf"))
            diagnosis.previous_id = next(
                (
                    other
                    for other in by_partner[diagnosis.partner_id]
                    if (other.date, other.id) < key and other.company_id == diagnosis.company_id
                ),
                False,
            )
            diagnosis.score_delta = (
                diagnosis.score - diagnosis.previous_id.score if diagnosis.previous_id else 0.0
            )

    @api.depends("score_ids.score", "previous_id")
    def _compute_radar_data(self):
        for diagnosis in self:
            lines, current, previous = diagnosis._ess_radar_series()
            diagnosis.radar_data = {
                "labels": lines.dimension_id.mapped("name"),
                "current": [round(score, 1) for score in current],
                "current_label": diagnosis.name,
                "previous": previous and [round(score, 1) for score in previous],
                "previous_label": diagnosis.previous_id.name or "",
            }

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for diagnosis in self:
            diagnosis.access_url = f"/my/diagnoses/{diagnosis.id}"
        return res

    def _get_report_base_filename(self):
        """The PDF's file name when the portal downloads it (as the report action's name)."""
        self.ensure_one()
        return self.env._("Diagnosis - %s", self.name)

    # ------------------------------------------------------------
    # SCORING
    # ------------------------------------------------------------

    def _ess_recompute_scores(self):
        """Score every dimension from the completed responses, in batch.

        For a response r and a dimension d, s(r, d) = 100 x the points r obtained on the
        questions of d / the maximum points of those questions (unanswered ones score 0);
        the dimension's score is the mean of s(r, d) over the completed responses.
        """
        answers = self.env["survey.user_input"].search(
            [("ess_diagnosis_id", "in", self.ids), ("state", "=", "done"), ("test_entry", "=", False)]
        )
        obtained = {
            (answer.id, question.id): points
            for answer, question, points in self.env["survey.user_input.line"]._read_group(
                [("user_input_id", "in", answers.ids)], ["user_input_id", "question_id"], ["answer_score:sum"]
            )
        }
        answers_by_diagnosis = defaultdict(list)
        for answer in answers:
            answers_by_diagnosis[answer.ess_diagnosis_id.id].append(answer)
        questions_by_survey = {
            survey: survey._ess_scored_questions_by_dimension() for survey in self.survey_id
        }

        rows = []  # (diagnosis, dimension, score, respondents)
        for diagnosis in self:
            responses = answers_by_diagnosis[diagnosis.id]
            if not responses:
                continue
            for dimension, questions in questions_by_survey[diagnosis.survey_id].items():
                maximum = sum(maximum for _question, maximum in questions)
                per_response = [
                    bounded_percentage(sum(obtained.get((r.id, q.id), 0.0) for q, _m in questions), maximum)
                    for r in responses
                ]
                rows.append(
                    (diagnosis.id, dimension.id, sum(per_response) / len(per_response), len(responses))
                )
        self._ess_replace_score_lines(rows)

    def _ess_replace_score_lines(self, rows):
        """Replace the score lines of these diagnoses in two queries, however many there
        are (the ORM would insert them in chunks of a hundred)."""
        Score = self.env["ess.diagnosis.score"]
        Score.flush_model()
        self.flush_recordset(["partner_id", "phase", "date", "company_id"])
        self.env.cr.execute(SQL("DELETE FROM ess_diagnosis_score WHERE diagnosis_id = ANY(%s)", self.ids))
        if rows:
            diagnoses, dimensions, scores, respondents = (list(column) for column in zip(*rows, strict=True))
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO ess_diagnosis_score (diagnosis_id, dimension_id, score, respondent_count, sequence,
                                                     partner_id, phase, date, company_id,
                                                     create_uid, create_date, write_uid, write_date)
                         SELECT row.diagnosis_id, row.dimension_id, row.score, row.respondent_count, dimension.sequence,
                                diagnosis.partner_id, diagnosis.phase, diagnosis.date, diagnosis.company_id,
                                %s, NOW() AT TIME ZONE 'UTC', %s, NOW() AT TIME ZONE 'UTC'
                           FROM unnest(%s::int[], %s::int[], %s::float8[], %s::int[])
                                AS row(diagnosis_id, dimension_id, score, respondent_count)
                           JOIN ess_diagnosis diagnosis ON diagnosis.id = row.diagnosis_id
                           JOIN ess_dimension dimension ON dimension.id = row.dimension_id
                    """,
                    self.env.uid,
                    self.env.uid,
                    diagnoses,
                    dimensions,
                    scores,
                    respondents,
                )
            )
        Score.invalidate_model()
        self.invalidate_recordset(["score_ids"])
        self.modified(["score_ids"])

    def _ess_update_key_factors(self):
        """The entity's key factors take the (rounded) mean answer of the completed responses."""
        lines = self.env["survey.user_input.line"].search(
            [
                ("user_input_id.ess_diagnosis_id", "in", self.ids),
                ("user_input_id.state", "=", "done"),
                ("question_id.ess_key_factor", "!=", False),
                ("suggested_answer_id.ess_factor_value", ">", 0),
            ]
        )
        answered_by_diagnosis = defaultdict(lambda: defaultdict(list))
        for line in lines:
            answered_by_diagnosis[line.user_input_id.ess_diagnosis_id][
                line.question_id.ess_key_factor
            ].append(line.suggested_answer_id.ess_factor_value)
        for diagnosis in self:
            answered = answered_by_diagnosis[diagnosis]
            if answered:
                diagnosis.partner_id.write(
                    {
                        KEY_FACTOR_FIELDS[factor]: int(sum(values) / len(values) + 0.5)
                        for factor, values in answered.items()
                    }
                )

    def _ess_response_completed(self):
        """A respondent finished: score again, update the key factors, tell the referent
        once everybody invited has answered."""
        self._ess_recompute_scores()
        self._ess_update_key_factors()
        for diagnosis in self:
            if diagnosis.state == "draft":
                diagnosis.state = "in_progress"
            if diagnosis.respondent_count == diagnosis.invited_count and diagnosis.referent_id:
                diagnosis._ess_notify_everybody_answered()

    def _ess_notify_everybody_answered(self):
        """One to-do for the referent, in the referent's language (the respondent who
        answered last may speak another)."""
        self.ensure_one()
        referent = self.referent_id
        summary = self.with_context(lang=referent.lang).env._(
            "Every respondent has answered: review the diagnosis"
        )
        if not self.activity_ids.filtered(
            lambda activity: activity.user_id == referent and activity.summary == summary
        ):
            self.activity_schedule("mail.mail_activity_data_todo", user_id=referent.id, summary=summary)

    # ------------------------------------------------------------
    # RESULTS
    # ------------------------------------------------------------

    def _ess_benchmark(self, criterion):
        """Mean score per dimension of the other entities of the same sector (or size
        class) in the diagnosis' company, each counted once with its latest done diagnosis;
        a dimension is left out when fewer than BENCHMARK_MIN_ENTITIES entities scored it.

        One aggregate query, whatever the number of entities: only anonymous means leave
        the database, so it reads past the record rules of the caller (who may be a portal
        user of the entity)."""
        self.ensure_one()
        column = {"sector": "ess_sector_id", "size": "ess_size_class"}[criterion]
        value = self.partner_id[column]
        if not value:
            return {}
        self.env["res.partner"].flush_model([column])
        self.flush_model(["partner_id", "state", "date", "company_id"])
        self.env["ess.diagnosis.score"].flush_model(["diagnosis_id", "dimension_id", "score"])
        self.env.cr.execute(
            SQL(
                """
                WITH latest AS (
                    SELECT DISTINCT ON (diagnosis.partner_id) diagnosis.id
                      FROM ess_diagnosis diagnosis
                      JOIN res_partner entity ON entity.id = diagnosis.partner_id
                     WHERE diagnosis.state = 'done'
                       AND diagnosis.company_id = %(company)s
                       AND diagnosis.partner_id != %(partner)s
                       AND %(criterion)s = %(value)s
                  ORDER BY diagnosis.partner_id, diagnosis.date DESC, diagnosis.id DESC
                )
                SELECT score.dimension_id, AVG(score.score)
                  FROM ess_diagnosis_score score
                  JOIN latest ON latest.id = score.diagnosis_id
              GROUP BY score.dimension_id
                HAVING COUNT(*) >= %(minimum)s
                """,
                company=self.company_id.id,
                partner=self.partner_id.id,
                criterion=SQL.identifier("entity", column),
                value=value.id if column == "ess_sector_id" else value,
                minimum=BENCHMARK_MIN_ENTITIES,
            )
        )
        return dict(self.env.cr.fetchall())

    def _ess_result_rows(self):
        """One row per scored dimension: score, previous score, change and benchmarks."""
        self.ensure_one()
        previous = {line.dimension_id: line.score for line in self.previous_id.score_ids}
        by_sector, by_size = self._ess_benchmark("sector"), self._ess_benchmark("size")
        return [
            {
                "dimension": line.dimension_id,
                "score": line.score,
                "previous": previous.get(line.dimension_id),
                "delta": line.score - previous[line.dimension_id] if line.dimension_id in previous else None,
                "benchmark_sector": by_sector.get(line.dimension_id.id),
                "benchmark_size": by_size.get(line.dimension_id.id),
            }
            for line in self.score_ids
        ]

    def _ess_weakest_scores(self):
        """The score lines of the weakest dimensions, under the 'average' cut-off (at most
        three, weakest first). Package recommendations, the goals a mentoring contract
        proposes and recommended resources all start from these."""
        self.ensure_one()
        average = self.env.ref("ess_diagnosis.ess_diagnosis_level_average", raise_if_not_found=False)
        cutoff = average.min_score if average else 25.0
        weak = self.score_ids.filtered(lambda line: line.score < cutoff).sorted(
            lambda line: (line.score, line.sequence)
        )
        return weak[:RECOMMENDED_DIMENSIONS]

    def _ess_recommendations(self):
        """The weakest dimensions, each with the service packages that cover it."""
        weak = self._ess_weakest_scores()
        packages = (
            self.env["ess.service.package"].sudo().search([("dimension_ids", "in", weak.dimension_id.ids)])
        )
        return [
            (line, packages.filtered(lambda package, line=line: line.dimension_id in package.dimension_ids))
            for line in weak
        ]

    def _ess_radar(self, radius=130, font_size=12, wrap_width=16):
        """The radar of the diagnosis's dimension scores, the previous diagnosis's overlaid."""
        self.ensure_one()
        lines, current, previous = self._ess_radar_series()
        return radar_chart(
            [line.dimension_id.name for line in lines], current, previous, radius, font_size, wrap_width
        )

    def _ess_radar_series(self):
        """The scored dimensions in order, their scores, and the previous diagnosis'
        scores on the same dimensions (False without a previous diagnosis)."""
        self.ensure_one()
        lines = self.score_ids.sorted(lambda line: (line.sequence, line.dimension_id.id))
        previous = {line.dimension_id: line.score for line in self.previous_id.score_ids}
        return (
            lines,
            lines.mapped("score"),
            [previous.get(line.dimension_id, 0.0) for line in lines] if previous else False,
        )

    def _ess_result_values(self):
        """What the portal page and the PDF report show of a diagnosis."""
        self.ensure_one()
        return {
            "rows": self._ess_result_rows(),
            "recommendations": self._ess_recommendations(),
            "radar": self._ess_radar(),
        }

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    # Every public method is an RPC endpoint: each one checks that the caller may change
    # the diagnosis before it touches anything (mentors and portal users read it only).

    def action_invite_respondents(self):
        """Invite people of the entity, each with their own link to the questionnaire."""
        self.ensure_one()
        self.check_access("write")
        if self.state in ("done", "cancelled"):
            raise UserError(self.env._("A done or cancelled diagnosis takes no more respondents."))
        self.survey_id._ess_check_questions()
        action = self.survey_id.action_send_survey()
        people = (self.partner_id | self.partner_id.child_ids).filtered("email")
        action["context"] = dict(
            action.get("context", {}),
            default_ess_diagnosis_id=self.id,
            default_partner_ids=people.filtered(lambda p: p != self.partner_id).ids or people.ids,
        )
        return action

    def action_recompute_scores(self):
        self.check_access("write")
        self._ess_recompute_scores()

    def action_done(self):
        self.check_access("write")
        for diagnosis in self:
            if not diagnosis.respondent_count:
                raise UserError(
                    self.env._("%s has no completed response yet: it cannot be done.", diagnosis.display_name)
                )
        self._ess_recompute_scores()
        self.state = "done"

    def action_cancel(self):
        self.check_access("write")
        self.state = "cancelled"

    def action_draft(self):
        self.check_access("write")
        self.state = "draft"

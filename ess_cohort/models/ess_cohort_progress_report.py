from odoo import fields, models, tools


class EssCohortProgressReport(models.Model):
    """Per cohort, active member and dimension: the member's baseline diagnosis score (its
    first done baseline, else its first done diagnosis) and its latest done one. Averaged
    over members, these are the cohort's radar, before and after."""

    _name = "ess.cohort.progress.report"
    _description = "Cohort progress per dimension"
    _auto = False
    _order = "cohort_id, dimension_id"
    # What the view reads: flushed before it is queried.
    _depends = {
        "ess.cohort.member": ["cohort_id", "partner_id", "state", "company_id"],
        "ess.diagnosis": ["partner_id", "state", "phase", "date"],
        "ess.diagnosis.score": ["diagnosis_id", "dimension_id", "score"],
    }

    cohort_id = fields.Many2one("ess.cohort", readonly=True)
    member_id = fields.Many2one("ess.cohort.member", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Entity", readonly=True)
    dimension_id = fields.Many2one("ess.dimension", readonly=True)
    baseline_score = fields.Float(string="Baseline score", readonly=True, aggregator="avg", digits=(5, 1))
    latest_score = fields.Float(string="Latest score", readonly=True, aggregator="avg", digits=(5, 1))
    company_id = fields.Many2one("res.company", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
                WITH done AS (
                    SELECT diagnosis.id, diagnosis.partner_id,
                           row_number() OVER (
                               PARTITION BY diagnosis.partner_id
                               ORDER BY (diagnosis.phase = 'baseline') DESC, diagnosis.date, diagnosis.id
                           ) AS first_rank,
                           row_number() OVER (PARTITION BY diagnosis.partner_id
                                              ORDER BY diagnosis.date DESC, diagnosis.id DESC) AS last_rank
                      FROM ess_diagnosis diagnosis
                     WHERE diagnosis.state = 'done'
                )
                SELECT member.id::bigint * 100000 + score.dimension_id AS id,
                       member.cohort_id, member.id AS member_id, member.partner_id, score.dimension_id,
                       member.company_id,
                       MAX(CASE WHEN done.first_rank = 1 THEN score.score END) AS baseline_score,
                       MAX(CASE WHEN done.last_rank = 1 THEN score.score END) AS latest_score
                  FROM ess_cohort_member member
                  JOIN done ON done.partner_id = member.partner_id AND (done.first_rank = 1 OR done.last_rank = 1)
                  JOIN ess_diagnosis_score score ON score.diagnosis_id = done.id
                 WHERE member.state = 'active'
                 GROUP BY member.id, member.cohort_id, member.partner_id, member.company_id, score.dimension_id
            )
            """
        )

from odoo import fields, models


class EssDiagnosisScore(models.Model):
    """The score of one dimension in a diagnosis: the mean over its completed responses."""

    _name = "ess.diagnosis.score"
    _description = "Diagnosis score per dimension"
    _order = "diagnosis_id, sequence, id"

    diagnosis_id = fields.Many2one("ess.diagnosis", required=True, ondelete="cascade", index=True)
    dimension_id = fields.Many2one("ess.dimension", required=True, ondelete="restrict")
    sequence = fields.Integer(related="dimension_id.sequence", store=True)
    score = fields.Float(aggregator="avg")
    respondent_count = fields.Integer(string="Respondents")
    partner_id = fields.Many2one(related="diagnosis_id.partner_id", store=True)
    phase = fields.Selection(related="diagnosis_id.phase", store=True)
    date = fields.Date(related="diagnosis_id.date", store=True)
    company_id = fields.Many2one(related="diagnosis_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "dimension_unique",
            "unique(diagnosis_id, dimension_id)",
            "A dimension is scored once per diagnosis.",
        ),
    ]

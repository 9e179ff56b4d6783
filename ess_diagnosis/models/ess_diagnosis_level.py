from odoo import api, fields, models


class EssDiagnosisLevel(models.Model):
    """A maturity level: from its cut-off (included) up to the next level's."""

    _name = "ess.diagnosis.level"
    _description = "Maturity level"
    _order = "min_score"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(
        [
            ("basic", "Basic"),
            ("average", "Average"),
            ("moderately_advanced", "Moderately advanced"),
            ("advanced", "Advanced"),
        ],
        required=True,
    )
    min_score = fields.Float(
        string="From score (%)", required=True, help="Scores from this value (included) reach this level."
    )
    interpretation = fields.Html(translate=True, help="Shown with the result of a diagnosis at this level.")
    color = fields.Integer()

    _sql_constraints = [
        ("code_unique", "unique(code)", "Each level appears once."),
        ("min_score_range", "check(min_score >= 0 and min_score <= 100)", "A cut-off goes from 0 to 100."),
    ]

    @api.model
    def _for_score(self, score):
        """The level a score reaches."""
        return self.search([])._reached_by(score)

    def _reached_by(self, score):
        """Of these levels, the one with the highest cut-off at or below ``score``."""
        levels = self.sorted("min_score", reverse=True)
        return next((level for level in levels if score >= level.min_score), levels[-1:])

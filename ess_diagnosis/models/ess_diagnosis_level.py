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

    _sql_constraints = [
        ("code_unique", "unique(code)", "Each level appears once."),
        ("min_score_range", "check(min_score >= 0 and min_score <= 100)", "A cut-off goes from 0 to 100."),
    ]

    # ------------------------------------------------------------
    # CRUD: the diagnoses' stored level follows the cut-offs
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        levels = super().create(vals_list)
        self._ess_relevel_diagnoses()
        return levels

    def write(self, vals):
        res = super().write(vals)
        if "min_score" in vals:
            self._ess_relevel_diagnoses()
        return res

    def unlink(self):
        res = super().unlink()
        self._ess_relevel_diagnoses()
        return res

    @api.model
    def _ess_relevel_diagnoses(self):
        """Recompute the level of every scored diagnosis, in every company (the levels are
        shared): called after the ORM checked the caller may change levels."""
        diagnoses = self.env["ess.diagnosis"].sudo().search([("score_ids", "!=", False)])
        # As if their score had changed: the level and what depends on it follow.
        diagnoses.modified(["score"])

    def _reached_by(self, score):
        """Of these levels, the one with the highest cut-off at or below ``score``."""
        levels = self.sorted("min_score", reverse=True)
        return next((level for level in levels if score >= level.min_score), levels[-1:])

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    ess_diagnosis_ids = fields.One2many("ess.diagnosis", "partner_id", string="Diagnoses")
    ess_diagnosis_count = fields.Integer(compute="_compute_ess_diagnosis_count", string="Diagnosis count")
    ess_last_diagnosis_id = fields.Many2one(
        "ess.diagnosis", compute="_compute_ess_last_diagnosis", string="Latest diagnosis"
    )
    ess_maturity_score = fields.Float(
        compute="_compute_ess_last_diagnosis",
        string="Maturity score",
        help="Score of the latest done diagnosis.",
    )
    ess_maturity_trend = fields.Float(
        compute="_compute_ess_last_diagnosis",
        string="Trend",
        help="Change of the latest done diagnosis against the one before.",
    )

    @api.depends("ess_diagnosis_ids")
    def _compute_ess_diagnosis_count(self):
        counts = dict(
            self.env["ess.diagnosis"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.ess_diagnosis_count = counts.get(partner, 0)

    @api.depends("ess_diagnosis_ids.state", "ess_diagnosis_ids.score", "ess_diagnosis_ids.date")
    def _compute_ess_last_diagnosis(self):
        Diagnosis = self.env["ess.diagnosis"]
        done = Diagnosis._ess_done_by_partner(self)
        for partner in self:
            diagnosis = done[partner][0] if done[partner] else Diagnosis
            partner.ess_last_diagnosis_id = diagnosis
            partner.ess_maturity_score = diagnosis.score
            partner.ess_maturity_trend = diagnosis.score_delta

    def action_ess_view_diagnoses(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ess_diagnosis.ess_diagnosis_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

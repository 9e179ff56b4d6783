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

    # --- personal data (see ess_office_base's res_partner.py) ---------------------
    def _ess_privacy_answer_rows(self, responses):
        """One row per answer of ``responses`` (survey.user_input): who answered what."""
        rows = []
        for response in responses:
            for line in response.user_input_line_ids.sorted(lambda line: (line.question_sequence, line.id)):
                if line.skipped:
                    answer = None
                elif line.answer_type == "suggestion":
                    answer = line.suggested_answer_id.value
                    if line.matrix_row_id:
                        answer = f"{line.matrix_row_id.value}: {answer}"
                else:
                    answer = self._ess_privacy_value(line, f"value_{line.answer_type}")
                rows.append(
                    {
                        "diagnosis": response.ess_diagnosis_id.display_name or None,
                        "survey": response.survey_id.title,
                        "respondent": response.partner_id.display_name or response.nickname or None,
                        "date": (response.end_datetime or response.create_date).isoformat(),
                        "question": line.question_id.title,
                        "answer": answer,
                        "score": line.answer_score,
                    }
                )
        return rows

    def _ess_privacy_detach_answers(self, responses):
        """Detach ``responses`` from the person and clear their free text; the choices stay,
        and with them the diagnoses' scores."""
        responses.write({"partner_id": False, "email": False, "nickname": False})
        responses.user_input_line_ids.filtered(
            lambda line: line.answer_type in ("text_box", "char_box")
        ).write({"skipped": True, "answer_type": False, "value_text_box": False, "value_char_box": False})

    def _ess_privacy_export_data(self):
        data = super()._ess_privacy_export_data()
        Response = self.env["survey.user_input"]
        if self.is_company:
            diagnoses = self.env["ess.diagnosis"].search([("partner_id", "=", self.id)], order="date, id")
            responses = diagnoses.user_input_ids
        else:
            responses = Response.search([("partner_id", "=", self.id), ("ess_diagnosis_id", "!=", False)])
            diagnoses = responses.ess_diagnosis_id
        data["diagnoses"] = self._ess_privacy_rows(
            diagnoses, ("name", "partner_id", "date", "phase", "state", "survey_id", "score", "level")
        )
        data["diagnosis_answers"] = self._ess_privacy_answer_rows(responses)
        if self.is_company:
            data["scores"] = self._ess_privacy_rows(
                diagnoses.score_ids, ("diagnosis_id", "dimension_id", "score", "respondent_count")
            )
        return data

    def _ess_privacy_erase(self):
        result = super()._ess_privacy_erase()
        self._ess_privacy_detach_answers(
            self.env["survey.user_input"].search(
                [("partner_id", "=", self.id), ("ess_diagnosis_id", "!=", False)]
            )
        )
        return result

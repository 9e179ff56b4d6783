from odoo import api, fields, models
from odoo.tools import SQL, html2plaintext

CONTRACT_FIELDS = (
    "name", "partner_id", "mentor_id", "expert_ids", "entity_lead_id", "state", "date_start", "date_end",
    "hours_budget", "hours_consumed", "accepted_by_id", "accepted_date",
)  # fmt: skip
FOLLOWUP_FIELDS = (
    "contract_id", "week_start", "member_id", "hours", "status", "summary", "next_steps", "blockers",
    "entity_comment",
)  # fmt: skip


class ResPartner(models.Model):
    _inherit = "res.partner"

    ess_mentoring_contract_ids = fields.One2many(
        "ess.mentoring.contract", "partner_id", string="Mentoring contracts"
    )
    ess_mentoring_contract_count = fields.Integer(
        string="Mentoring contract count", compute="_compute_ess_mentoring_contract_count"
    )

    def _compute_ess_mentoring_contract_count(self):
        counts = dict(
            self.env["ess.mentoring.contract"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.ess_mentoring_contract_count = counts.get(partner, 0)

    def action_ess_view_mentoring_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ess_mentoring.ess_mentoring_contract_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    # --- personal data (see ess_office_base's res_partner.py) ---------------------
    def _ess_privacy_comment_trackings(self, domain=None):
        """The changes of follow-ups' entity comments the person made from the portal
        (the comment is tracked: its message's author is who wrote it), or those matching
        ``domain``. Tracking values are the administrators' to read: callers check the
        follow-ups' access."""
        return (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("field_id.model", "=", "ess.mentoring.followup"),
                    ("field_id.name", "=", "entity_comment"),
                    ("mail_message_id.model", "=", "ess.mentoring.followup"),
                    *(domain or [("mail_message_id.author_id", "=", self.id)]),
                ],
                order="id",
            )
        )

    def _ess_privacy_followup_comment_rows(self, trackings, messages):
        """Rows of the entity comments (tracking changes) and the chatter comments."""
        Followup = self.env["ess.mentoring.followup"]
        rows = []
        for tracking in trackings:
            followup = Followup.browse(tracking.mail_message_id.res_id)
            rows.append(
                {
                    "followup": followup.display_name,
                    "week_start": followup.week_start.isoformat(),
                    "kind": "entity_comment",
                    "author": tracking.mail_message_id.author_id.display_name or None,
                    "date": tracking.mail_message_id.date.isoformat(),
                    "comment": tracking.new_value_text or None,
                }
            )
        for message in messages:
            rows.append(
                {
                    "followup": message.record_name,
                    "week_start": Followup.browse(message.res_id).week_start.isoformat(),
                    "kind": "message",
                    "author": message.author_id.display_name or None,
                    "date": message.date.isoformat(),
                    "comment": html2plaintext(message.body or ""),
                }
            )
        return rows

    def _ess_privacy_export_data(self):
        data = super()._ess_privacy_export_data()
        Contract = self.env["ess.mentoring.contract"]
        Followup = self.env["ess.mentoring.followup"]
        Message = self.env["mail.message"]
        comment_domain = [("model", "=", "ess.mentoring.followup"), ("message_type", "=", "comment")]
        if self.is_company:
            contracts = Contract.search([("partner_id", "=", self.id)], order="date_start, id")
            followups = contracts.followup_ids.sorted(lambda followup: (followup.week_start, followup.id))
            trackings = self._ess_privacy_comment_trackings([("mail_message_id.res_id", "in", followups.ids)])
            messages = Message.search([*comment_domain, ("res_id", "in", followups.ids)], order="date, id")
            responses = contracts.satisfaction_input_ids
            data["goals"] = self._ess_privacy_rows(
                contracts.goal_ids, ("contract_id", "name", "date_target", "state")
            )
            data["followups"] = self._ess_privacy_rows(followups, FOLLOWUP_FIELDS)
        else:
            contracts = Contract.search(
                ["|", ("accepted_by_id", "=", self.id), ("entity_lead_id", "=", self.id)],
                order="date_start, id",
            )
            trackings = self._ess_privacy_comment_trackings()
            readable = Followup.browse(trackings.mail_message_id.mapped("res_id"))._filtered_access("read")
            trackings = trackings.filtered(lambda tracking: tracking.mail_message_id.res_id in readable.ids)
            messages = Message.search([*comment_domain, ("author_id", "=", self.id)], order="date, id")
            responses = self.env["survey.user_input"].search(
                [("partner_id", "=", self.id), ("ess_mentoring_contract_id", "!=", False)]
            )
        data["contracts"] = self._ess_privacy_rows(contracts, CONTRACT_FIELDS)
        data["followup_comments"] = self._ess_privacy_followup_comment_rows(trackings, messages)
        data["satisfaction_answers"] = self._ess_privacy_answer_rows(responses)
        return data

    def _ess_privacy_erase(self):
        """The entity comments the person wrote are cleared from the follow-ups and from
        their tracking (where a colleague's later change kept them as the old value);
        their satisfaction answers are detached. OCA then deletes the messages they wrote."""
        result = super()._ess_privacy_erase()
        trackings = self._ess_privacy_comment_trackings()
        texts = set(trackings.mapped("new_value_text")) - {False, ""}
        followups = self.env["ess.mentoring.followup"].browse(trackings.mail_message_id.mapped("res_id"))
        followups.filtered(lambda followup: followup.entity_comment in texts).with_context(
            tracking_disable=True
        ).write({"entity_comment": False})
        if texts:
            others = self.env["mail.tracking.value"].search(
                [
                    ("field_id", "in", trackings.field_id.ids),
                    ("mail_message_id.model", "=", "ess.mentoring.followup"),
                    ("mail_message_id.res_id", "in", followups.ids),
                ]
            )
            for tracking in others:
                values = {}
                if tracking.old_value_text in texts:
                    values["old_value_text"] = False
                if tracking.new_value_text in texts:
                    values["new_value_text"] = False
                if values:
                    tracking.write(values)
        self._ess_privacy_detach_answers(
            self.env["survey.user_input"].search(
                [("partner_id", "=", self.id), ("ess_mentoring_contract_id", "!=", False)]
            )
        )
        return result

    @api.model
    def _ess_privacy_lookup_queries(self, name, email):
        """Follow-ups whose entity comment the person wrote (Odoo's lookup finds the
        tracking message, not the follow-up)."""
        return [
            *super()._ess_privacy_lookup_queries(name, email),
            SQL(
                """
                SELECT DISTINCT %s AS res_model_id, message.res_id AS res_id, TRUE AS is_active
                  FROM mail_message message
                  JOIN mail_tracking_value tracking ON tracking.mail_message_id = message.id
                  JOIN ir_model_fields field ON field.id = tracking.field_id
                 WHERE message.model = 'ess.mentoring.followup'
                   AND field.model = 'ess.mentoring.followup'
                   AND field.name = 'entity_comment'
                   AND message.author_id IN (SELECT id FROM indirect_references)
                """,
                self.env["ir.model"]._get_id("ess.mentoring.followup"),
            ),
        ]

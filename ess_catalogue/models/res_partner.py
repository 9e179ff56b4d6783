from odoo import api, fields, models
from odoo.tools import SQL

PROPOSAL_FIELDS = (
    "name", "state", "resource_type", "url", "summary", "description", "proposer_name", "proposer_email",
    "proposer_partner_id", "proposer_ip", "create_date", "rejection_reason",
)  # fmt: skip


class ResPartner(models.Model):
    _inherit = "res.partner"

    ess_catalogue_resource_ids = fields.One2many(
        "ess.catalogue.resource", "provider_id", string="Catalogue resources"
    )
    ess_catalogue_resource_count = fields.Integer(
        string="Catalogue resource count", compute="_compute_ess_catalogue_resource_count"
    )

    @api.depends("ess_catalogue_resource_ids")
    def _compute_ess_catalogue_resource_count(self):
        counts = dict(
            self.env["ess.catalogue.resource"]._read_group(
                [("provider_id", "in", self.ids)], ["provider_id"], ["__count"]
            )
        )
        for partner in self:
            partner.ess_catalogue_resource_count = counts.get(partner, 0)

    def action_ess_view_catalogue_resources(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ess_catalogue.ess_catalogue_resource_action")
        action["domain"] = [("provider_id", "=", self.id)]
        action["context"] = {"default_provider_id": self.id}
        return action

    # --- personal data (see ess_office_base's res_partner.py) ---------------------
    def _ess_privacy_proposals(self):
        """The resources the partner's people proposed: by their contact, or by their
        e-mail address when they proposed as visitors."""
        people = self._ess_privacy_people()
        emails = [email.strip() for email in people.mapped("email") if email and email.strip()]
        domain = [("proposer_partner_id", "in", people.ids)]
        for email in emails:
            domain = ["|", *domain, ("proposer_email", "=ilike", email)]
        return self.env["ess.catalogue.resource"].search(domain, order="create_date, id")

    def _ess_privacy_reviews(self):
        return self.env["rating.rating"].search(
            [
                ("res_model", "=", "ess.catalogue.resource"),
                ("partner_id", "in", self._ess_privacy_people().ids),
            ],
            order="create_date, id",
        )

    def _ess_privacy_export_data(self):
        data = super()._ess_privacy_export_data()
        data["reviews"] = self._ess_privacy_rows(
            self._ess_privacy_reviews(),
            ("partner_id", "rating", "feedback", "create_date"),
            resource=lambda rating: rating.res_name,
        )
        data["proposals"] = self._ess_privacy_rows(self._ess_privacy_proposals(), PROPOSAL_FIELDS)
        return data

    def _ess_privacy_erase(self):
        """Reviews keep their stars, anonymous (the resources' averages keep their value),
        without their text or their author; OCA then deletes the review's message, which
        would otherwise delete the rating with it. Proposals lose their proposer; those that
        were never published lose their text too (a published one is the office's
        catalogue content by now)."""
        result = super()._ess_privacy_erase()
        self._ess_privacy_reviews().write({"partner_id": False, "feedback": False, "message_id": False})
        proposals = self._ess_privacy_proposals()
        proposals.write({"proposer_name": False, "proposer_email": False, "proposer_partner_id": False,
                         "proposer_ip": False})  # fmt: skip
        proposals.filtered(lambda proposal: proposal.state != "published").write(
            {"summary": False, "description": False}
        )
        return result

    @api.model
    def _ess_privacy_lookup_queries(self, name, email):
        """Proposals by the person's e-mail or name, typed in the proposal form (Odoo's
        lookup finds only fields named ``email``)."""
        return [
            *super()._ess_privacy_lookup_queries(name, email),
            SQL(
                """
                SELECT %s AS res_model_id, id AS res_id, TRUE AS is_active
                  FROM ess_catalogue_resource
                 WHERE proposer_email ILIKE %s OR proposer_name ILIKE %s
                """,
                self.env["ir.model"]._get_id("ess.catalogue.resource"),
                f"%{email}%",
                name,
            ),
        ]

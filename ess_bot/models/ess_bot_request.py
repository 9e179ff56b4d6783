from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.http import request as http_request
from odoo.osv import expression

from odoo.addons.ess_office_base.tools.batch import forget_after

# A visitor (a guest, a website visitor, an e-mail or an address) passes one request an hour.
REQUESTS_EVERY = timedelta(hours=1)
# How long the visitor's address is kept: only to hold back a flood of requests.
IP_RETENTION_DAYS = 30


class EssBotRequest(models.Model):
    _name = "ess.bot.request"
    _description = "Request passed on by ESSBot"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _rec_name = "person_name"
    _check_company_auto = True

    kind = fields.Selection(
        [("accompaniment", "Accompaniment"), ("message", "Message left for the office")],
        required=True,
        default="accompaniment",
    )
    state = fields.Selection(
        [("new", "New"), ("done", "Handled")], default="new", required=True, tracking=True
    )
    entity_name = fields.Char(string="Entity (as typed)")
    person_name = fields.Char(string="Person (as typed)", required=True)
    email = fields.Char(required=True)
    phone = fields.Char()
    consent_date = fields.Datetime(
        string="Consent given on", help="When the visitor agreed to be contacted by the office."
    )
    entity_id = fields.Many2one(
        "res.partner", check_company=True, tracking=True,
        help="The ESS entity found by the name typed, or created as a prospective one.",
    )  # fmt: skip
    contact_id = fields.Many2one("res.partner", check_company=True, tracking=True)
    transcript = fields.Html(help="The conversation with ESSBot, as the visitor wrote it.")
    channel_id = fields.Many2one("discuss.channel", string="Conversation", ondelete="set null")
    guest_id = fields.Many2one("mail.guest", ondelete="set null")
    visitor_id = fields.Many2one("website.visitor", ondelete="set null")
    ip_address = fields.Char(string="Address", help="Kept 30 days, to hold back a flood of requests.")
    user_id = fields.Many2one("res.users", string="Officer", tracking=True, check_company=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    # ------------------------------------------------------------
    # WHAT ESSBOT DOES (as superuser, for the visitor)
    # ------------------------------------------------------------

    @api.model
    def _ess_request_address(self):
        return http_request.httprequest.remote_addr if http_request else False

    @api.model
    def _ess_recent(self, email, guest, visitor, ip_address):
        """Whether the same visitor passed a request less than an hour ago."""
        who = [[("email", "=ilike", email)]]
        who += [[("guest_id", "=", guest.id)]] if guest else []
        who += [[("visitor_id", "=", visitor.id)]] if visitor else []
        who += [[("ip_address", "=", ip_address)]] if ip_address else []
        since = fields.Datetime.now() - REQUESTS_EVERY
        return bool(
            self.sudo().search_count(
                expression.AND([[("create_date", ">=", since)], expression.OR(who)]), limit=1
            )
        )

    def _ess_link_partners(self):
        """The entity: the ESS entity of that name, else a new prospective ESS entity; the
        person: the contact with that e-mail, else a new one (of the entity when it is new).
        An existing record is only linked, never changed: the visitor is anonymous."""
        Partner = self.env["res.partner"].sudo().with_context(tracking_disable=True)
        tag = self.env.ref("ess_bot.res_partner_category_essbot")
        for req in self:
            entity, new_entity = Partner.browse(), False
            if req.entity_name:
                entity = Partner.search(
                    [("is_ess_entity", "=", True), ("is_company", "=", True), ("name", "=ilike", req.entity_name),
                     ("company_id", "in", (False, req.company_id.id))],
                    limit=1,
                )  # fmt: skip
                if not entity:
                    entity = Partner.create(
                        {"name": req.entity_name, "is_company": True, "is_ess_entity": True,
                         "category_id": tag.ids, "company_id": req.company_id.id}
                    )  # fmt: skip
                    new_entity = True
            contact = Partner.search(
                [("email", "=ilike", req.email), ("company_id", "in", (False, req.company_id.id))], limit=1
            )
            if not contact:
                contact = Partner.create(
                    {
                        "name": req.person_name,
                        "email": req.email,
                        "phone": req.phone,
                        "category_id": tag.ids,
                        "company_id": req.company_id.id,
                        # A new contact joins only a new entity (never an existing one).
                        "parent_id": entity.id if new_entity else False,
                    }
                )
            req.write({"entity_id": entity.id, "contact_id": contact.id})

    def _ess_schedule_activity(self):
        for req in self:
            if not req.user_id:
                continue
            summary = (
                self.env._("Request for accompaniment from %(name)s", name=req.entity_name or req.person_name)
                if req.kind == "accompaniment"
                else self.env._("Message left with ESSBot by %(name)s", name=req.person_name)
            )
            note = Markup("<p>%s</p><p>%s</p>%s") % (
                self.env._(
                    "%(person)s (%(email)s, %(phone)s) agreed to be contacted.",
                    person=req.person_name,
                    email=req.email,
                    phone=req.phone or "–",
                ),
                self.env._("The conversation:"),
                req.transcript or "",
            )
            req.activity_schedule(
                "mail.mail_activity_data_todo", summary=summary, note=note, user_id=req.user_id.id
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_done(self):
        self._ess_check_officer()
        self.write({"state": "done"})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_reopen(self):
        self._ess_check_officer()
        self.write({"state": "new"})
        return True

    def _ess_check_officer(self):
        self.check_access("write")
        if not self.env.user.has_group("ess_office_base.group_ess_officer"):
            raise AccessError(self.env._("Only the office's officers handle ESSBot's requests."))

    # ------------------------------------------------------------
    # RETENTION
    # ------------------------------------------------------------

    @api.model
    def _cron_clear_addresses(self):
        """Forget the visitors' addresses older than IP_RETENTION_DAYS."""
        forget_after(self, "ip_address", IP_RETENTION_DAYS, "ESSBot address retention")

    @api.model
    def _cron_ess_bot_retention(self):
        """ESSBot's retention: addresses after 30 days, conversations and searches' words after 180."""
        self._cron_clear_addresses()
        self.env["ess.bot.event"]._cron_clear_queries()
        self.env["discuss.channel"]._cron_ess_bot_forget()

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tools import email_normalize, html2plaintext, plaintext2html

from odoo.addons.ess_office_base.tools import form_text

ESS_STEP_TYPES = [
    ("ess_catalogue_search", "Search the catalogue"),
    ("ess_providers", "Providers for a dimension"),
    ("ess_funding", "Funding"),
    ("ess_accompaniment", "Ask for accompaniment"),
]
# What each step type logs (ess.bot.event's kind); a forward to an operator logs "operator".
EVENT_KINDS = {
    "ess_catalogue_search": "search",
    "ess_providers": "providers",
    "ess_funding": "funding",
    "ess_accompaniment": "accompaniment",
    "forward_operator": "operator",
}
# How much of what the visitor typed ESSBot keeps: a search as long as the catalogue's, a
# name or a phone number as long as the catalogue's proposal form takes.
QUERY_MAX, NAME_MAX = 100, 120
RESULTS_MAX = 3


class ChatbotScriptStep(models.Model):
    _inherit = "chatbot.script.step"

    step_type = fields.Selection(
        selection_add=ESS_STEP_TYPES, ondelete=dict.fromkeys(dict(ESS_STEP_TYPES), "cascade")
    )
    ess_is_menu = fields.Boolean(
        string="ESSBot's menu",
        help="On a question: the question ESSBot comes back to once it has answered, so that the "
        "visitor may ask something else. Instead of choosing an answer, the visitor may type "
        "what they look for: ESSBot searches the catalogue (the script's step 'Search the "
        "catalogue').",
    )
    ess_input = fields.Selection(
        [("entity_name", "Entity's name"), ("person_name", "Person's name")],
        string="Keep the answer as",
        help="On a free input: what the visitor answers, for the step 'Ask for accompaniment'.",
    )

    # ------------------------------------------------------------
    # THE SCRIPT'S FLOW
    # ------------------------------------------------------------

    def _fetch_next_step(self, selected_answer_ids):
        """In a script with a menu, the answers chosen since the menu was last asked lead
        (those of earlier rounds do not), and the end of a branch leads back to the menu."""
        menu = self.chatbot_script_id.ess_menu_step_id
        channel = self.env["discuss.channel"].browse(self.env.context.get("ess_bot_channel_id"))
        if not menu or not channel:
            return super()._fetch_next_step(selected_answer_ids)
        # sudo: chatbot.message - the visitor's own answers in their conversation
        next_step = super()._fetch_next_step(channel.sudo()._ess_bot_round_answers(menu))
        if not next_step and self != menu:
            return menu
        return next_step

    def _is_last_step(self, discuss_channel=False):
        if discuss_channel:
            self = self.with_context(ess_bot_channel_id=discuss_channel.id)
        return super()._is_last_step(discuss_channel)

    def _process_answer(self, discuss_channel, message_body):
        self = self.with_context(ess_bot_channel_id=discuss_channel.id)
        menu = self.chatbot_script_id.ess_menu_step_id
        # sudo: chatbot.message - the visitor's own answers in their conversation
        if (
            menu
            and self == menu
            and not (discuss_channel.sudo()._ess_bot_round_answers(menu) & self.answer_ids)
        ):
            # The visitor typed instead of choosing: a search of the catalogue.
            search_step = self.chatbot_script_id.script_step_ids.filtered(
                lambda step: step.step_type == "ess_catalogue_search"
            )[:1]
            if search_step:
                return search_step
        if self.ess_input:
            # As Odoo keeps an e-mail or a phone number: the answer on the step's message.
            chatbot_message = (
                self.env["chatbot.message"]
                .sudo()
                .search(
                    [("discuss_channel_id", "=", discuss_channel.id), ("script_step_id", "=", self.id)],
                    limit=1,
                )
            )
            chatbot_message.user_raw_answer = plaintext2html(
                form_text(html2plaintext(message_body))[:NAME_MAX]
            )
        return super()._process_answer(discuss_channel, message_body)

    def _process_step(self, discuss_channel):
        self = self.with_context(ess_bot_channel_id=discuss_channel.id)
        if self.step_type not in dict(ESS_STEP_TYPES):
            posted_message = super()._process_step(discuss_channel)
            if self.step_type == "forward_operator" and self.chatbot_script_id.ess_menu_step_id:
                operator_found = len(discuss_channel.sudo().channel_member_ids) > 2
                self._ess_log(discuss_channel, result_count=int(operator_found))
            return posted_message
        # sudo: discuss.channel - the bot moves the visitor's conversation to this step (as Odoo)
        discuss_channel.sudo().chatbot_current_step_id = self.id
        body = getattr(self, f"_ess_answer_{self.step_type.removeprefix('ess_')}")(discuss_channel)
        return discuss_channel._chatbot_post_message(self.chatbot_script_id, body)

    # ------------------------------------------------------------
    # THE ESS STEPS' ANSWERS
    # ------------------------------------------------------------

    def _ess_intro(self):
        return plaintext2html(self.message) if self.message else Markup()

    def _ess_answer_catalogue_search(self, discuss_channel):
        # sudo: mail.message - the visitor's own last message in their conversation
        query = discuss_channel.sudo()._ess_bot_last_visitor_text(self.chatbot_script_id)[:QUERY_MAX]
        website = self.env["website"].get_current_website()
        # sudo: the catalogue's published resources, which everyone reads; nothing else.
        resources, named = (
            self.env["ess.catalogue.resource"].sudo()._ess_bot_search(website, query, RESULTS_MAX)
        )
        self._ess_log(discuss_channel, query=query, result_count=len(resources) + len(named))
        if not resources and not named:
            return Markup("<p>%s</p>") % self.env._(
                "I found nothing in the catalogue for “%(query)s”. Try other words, or choose another option.",
                query=query,
            )
        body = self._ess_intro()
        for tool in named:
            alternatives = tool._ess_bot_alternatives(website)[:RESULTS_MAX]
            body += Markup("<p>%s</p>") % self.env._(
                "%(tool)s is proprietary software. Its free alternatives in the catalogue:",
                tool=tool._ess_bot_link(),
            )
            body += alternatives._ess_bot_list()
        if resources:
            body += resources._ess_bot_list()
        return body

    def _ess_answer_providers(self, discuss_channel):
        # sudo: chatbot.script.answer - the visitor's own answers in their conversation
        dimension = discuss_channel.sudo()._ess_bot_round_answers(self.chatbot_script_id.ess_menu_step_id)
        dimension = dimension.ess_dimension_id[:1]
        website = self.env["website"].get_current_website()
        providers = self.env["ess.catalogue.resource"].sudo()._ess_bot_providers(website, dimension)
        self._ess_log(discuss_channel, dimension=dimension, result_count=len(providers))
        if not providers:
            page = self.env._("the providers' page")
            link = Markup('<a href="%s">%s</a>') % (f"{website.get_base_url()}/catalogue/providers", page)
            return Markup("<p>%s</p>") % self.env._(
                "The catalogue has no ESS provider for %(dimension)s yet. See every provider on %(link)s.",
                dimension=dimension.name or "",
                link=link,
            )
        items = Markup().join(
            Markup('<li><a href="%s">%s</a>%s</li>')
            % (url, provider.name, Markup(" — %s") % provider.city if provider.city else "")
            for provider, url in providers
        )
        return self._ess_intro() + Markup("<ul>%s</ul>") % items

    def _ess_answer_funding(self, discuss_channel):
        website = self.env["website"].get_current_website()
        resources = self.env["ess.catalogue.resource"].sudo()._ess_bot_funding(website)
        self._ess_log(discuss_channel, result_count=len(resources))
        if not resources:
            return Markup("<p>%s</p>") % self.env._(
                "The catalogue has no funding or programme published right now."
            )
        return self._ess_intro() + resources._ess_bot_list(with_deadline=True)

    def _ess_answer_accompaniment(self, discuss_channel):
        """Pass the visitor's request on to the office: the entity (found by its name or
        created as a prospective ESS entity), the person, and an activity for the officer
        on duty with the conversation. Only with the visitor's consent, and one request an
        hour from one visitor."""
        script = self.chatbot_script_id
        # sudo: chatbot.message - the visitor's own answers in their conversation
        channel_sudo = discuss_channel.sudo()
        answers = channel_sudo._ess_bot_round_answers(script.ess_menu_step_id)
        values = channel_sudo._ess_bot_inputs()
        email = email_normalize(values.get("email") or "")
        phone = values.get("phone") or ""
        kind = "message" if self.is_forward_operator_child else "accompaniment"
        if not any(answers.mapped("ess_consent")):
            self._ess_log(discuss_channel, result_count=0)
            return Markup("<p>%s</p>") % self.env._(
                "Without your consent the office cannot contact you: I have not kept your details."
            )
        if not email:
            self._ess_log(discuss_channel, result_count=0)
            return Markup("<p>%s</p>") % self.env._(
                "I need your e-mail address to pass your request on: choose the option again to give it."
            )
        Request = self.env["ess.bot.request"].sudo()
        guest = self.env["mail.guest"]._get_guest_from_context()
        visitor = channel_sudo.livechat_visitor_id
        ip_address = self.env["ess.bot.request"]._ess_request_address()
        if Request._ess_recent(email, guest, visitor, ip_address):
            self._ess_log(discuss_channel, result_count=0)
            return Markup("<p>%s</p>") % self.env._(
                "The office already has your request: someone will contact you soon. No need to send it again."
            )
        request = Request.create(
            {
                "kind": kind,
                "entity_name": values.get("entity_name") or False,
                "person_name": values.get("person_name") or email,
                "email": email,
                # "No" (or anything without a digit) is no phone number.
                "phone": phone[:NAME_MAX] if any(char.isdigit() for char in phone) else False,
                "consent_date": fields.Datetime.now(),
                "channel_id": discuss_channel.id,
                "guest_id": guest.id,
                "visitor_id": visitor.id,
                "ip_address": ip_address,
                "company_id": self.env["website"].get_current_website().company_id.id,
                "user_id": script._ess_duty_user(discuss_channel.livechat_channel_id).id,
                # Escaped by Odoo: the visitor's words are text, whatever they typed.
                "transcript": channel_sudo._get_channel_history(),
            }
        )
        request._ess_link_partners()
        request._ess_schedule_activity()
        self._ess_log(discuss_channel, result_count=1, request=request)
        return self._ess_intro()

    def _ess_log(self, discuss_channel, query=False, result_count=0, dimension=None, request=None):
        """Note what the visitor asked and what they got, for the office's report."""
        self.env["ess.bot.event"].sudo().create(
            {
                "channel_id": discuss_channel.id,
                "script_id": self.chatbot_script_id.id,
                "step_id": self.id,
                "kind": EVENT_KINDS[self.step_type],
                "query": query,
                "result_count": result_count,
                "dimension_id": dimension.id if dimension else False,
                "request_id": request.id if request else False,
            }
        )

    # ------------------------------------------------------------
    # THE FRONTEND
    # ------------------------------------------------------------

    def _to_store(self, store, /, *, fields=None):
        result = super()._to_store(store, fields=fields)
        for step in self.filtered("ess_is_menu"):
            store.add("chatbot.script.step", {"id": step.id, "ess_is_menu": True})
        return result

    def _format_for_frontend(self):
        values = super()._format_for_frontend()
        values["ess_is_menu"] = self.ess_is_menu
        return values

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_ess_dimension_answers(self):
        """Give the question one answer per dimension that has none (a dimension added since)."""
        self.check_access("write")
        if not self.env.user.has_group("ess_office_base.group_ess_officer"):
            raise AccessError(self.env._("Only the office's officers edit ESSBot's questions."))
        dimensions = self.env["ess.dimension"].search([])
        for step in self:
            missing = dimensions - step.answer_ids.ess_dimension_id
            step.answer_ids = [
                Command.create({"name": dimension.name, "ess_dimension_id": dimension.id})
                for dimension in missing
            ]
        return True

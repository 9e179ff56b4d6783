import html
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase

from odoo.addons.ess_catalogue.tests.common import EssCatalogueCommon

# Steps after which the visitor answers: ESSBot waits for them (as Odoo's live chat does).
WAITING_STEPS = (
    "question_selection",
    "free_input_single",
    "free_input_multi",
    "question_email",
    "question_phone",
)


class EssBotCommon(EssCatalogueCommon, HttpCase):
    """ESSBot as the addon ships it (its script and channel), over the small catalogue of
    EssCatalogueCommon, with a provider service for data management and three funding
    calls: one open until next month, one always open and one closed. Nobody is online on
    the office's channel unless a test says so; the officer is on duty."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.script = cls.env.ref("ess_bot.ess_bot_script")
        cls.livechat = cls.env.ref("ess_bot.ess_bot_livechat_channel")
        cls.livechat.user_ids = [(6, 0, [])]
        cls.script.ess_duty_user_id = cls.user_officer
        ref = cls.env.ref
        cls.menu = ref("ess_bot.ess_bot_step_menu")
        cls.answer_tool = ref("ess_bot.ess_bot_answer_tool")
        cls.answer_provider = ref("ess_bot.ess_bot_answer_provider")
        cls.answer_funding = ref("ess_bot.ess_bot_answer_funding")
        cls.answer_accompaniment = ref("ess_bot.ess_bot_answer_accompaniment")
        cls.answer_person = ref("ess_bot.ess_bot_answer_person")
        cls.answer_data = ref("ess_bot.ess_bot_answer_dimension_data_management")
        cls.answer_gender = ref("ess_bot.ess_bot_answer_dimension_gender_equity")
        cls.answer_yes = ref("ess_bot.ess_bot_answer_consent_yes")
        cls.answer_no = ref("ess_bot.ess_bot_answer_consent_no")
        cls.answer_message_yes = ref("ess_bot.ess_bot_answer_message_consent_yes")
        cls.service = cls._resource(
            "Acompanyament de dades", resource_type="provider_service", license_type="free_software",
            dimension_ids=cls.dim_data.ids, provider_id=cls.provider.id,
        )  # fmt: skip
        today = fields.Date.today()
        cls.funding_soon = cls._resource(
            "Ajut obert", resource_type="funding", application_deadline=today + timedelta(days=30)
        )
        cls.funding_always = cls._resource("Finançament sempre obert", resource_type="programme")
        cls.funding_closed = cls._resource(
            "Ajut tancat", resource_type="funding", application_deadline=today - timedelta(days=3)
        )
        cls.Request = cls.env["ess.bot.request"]
        cls.Event = cls.env["ess.bot.event"]
        # Demo conversations and requests are set aside: these tests count their own.
        cls.Request.search([]).unlink()
        cls.Event.search([]).unlink()

    # ------------------------------------------------------------
    # A VISITOR'S CONVERSATION, THROUGH THE LIVE CHAT'S OWN ROUTES
    # ------------------------------------------------------------

    def start(self):
        """Open a conversation with ESSBot as the website's visitor: the discuss.channel."""
        data = self.make_jsonrpc_request(
            "/im_livechat/get_session",
            {
                "anonymous_name": "Visitor",
                "channel_id": self.livechat.id,
                "chatbot_script_id": self.script.id,
            },
        )
        channel = self.env["discuss.channel"].browse(data["discuss.channel"][0]["id"])
        self.assertEqual(channel.chatbot_current_step_id, self.menu, "ESSBot greets and asks its menu")
        return channel

    def post(self, channel, text, answer=None):
        """The visitor writes ``text`` (or clicks ``answer``, whose text it is), sent as the
        live chat's window sends it: as HTML, the text escaped."""
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "discuss.channel",
                "thread_id": channel.id,
                "post_data": {
                    "body": html.escape(text),
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                },
                "context": {"selected_answer_id": answer.id} if answer else {},
            },
        )

    def advance(self, channel):
        """Let ESSBot go on, as the live chat's window does, until it waits for the visitor
        (or ends): the bodies of the messages it posted."""
        bodies = []
        for _step in range(20):
            before = channel.message_ids.ids
            data = self.make_jsonrpc_request(
                "/chatbot/step/trigger", {"channel_id": channel.id, "chatbot_script_id": self.script.id}
            )
            channel.invalidate_recordset()
            bodies += [
                str(message.body) for message in channel.message_ids.sorted("id") if message.id not in before
            ]
            step = channel.chatbot_current_step_id
            if not data or step.step_type in WAITING_STEPS:
                return bodies
        self.fail("ESSBot never waited for the visitor")

    def say(self, channel, text, answer=None):
        self.post(channel, text, answer=answer)
        return self.advance(channel)

    def choose(self, channel, answer):
        return self.say(channel, answer.name, answer=answer)

    def ask_accompaniment(self, channel, entity="Cooperativa Nova", person="Aina Puig", email="aina@nova.example",
                          phone="600 000 000", consent=True):  # fmt: skip
        self.choose(channel, self.answer_accompaniment)
        for text in (entity, person, email, phone):
            self.say(channel, text)
        return self.choose(channel, self.answer_yes if consent else self.answer_no)

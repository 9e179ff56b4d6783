from hypothesis import example, given
from hypothesis import strategies as st

from odoo.tests import tagged

from odoo.addons.ess_office_base.tests.fuzz import EssFuzzCase, fuzz_settings, markup_payloads, texts

from .common import EssBotCommon

# Ids as a browser's JSON carries them: Odoo's own routes take them as they come (a huge
# number fails in PostgreSQL, in Odoo's code, whatever the addon).
IDS = st.integers(-(2**31), 2**31 - 1)
# Where in the script the visitor types: the menu (a search), the search's question, the
# request's questions (entity, person, e-mail, phone).
PLACES = ("menu", "tool", "accompaniment")


@tagged("post_install", "-at_install")
class TestEssBotFuzz(EssFuzzCase, EssBotCommon):
    """Bad input in a conversation with ESSBot, through the live chat's routes: what the
    visitor types anywhere, markup included, and broken script payloads."""

    def _conversation(self):
        data, _error = self.fuzz_rpc(
            "/im_livechat/get_session",
            "/im_livechat/get_session",
            {"anonymous_name": "Fuzz", "channel_id": self.livechat.id, "chatbot_script_id": self.script.id},
        )
        return self.env["discuss.channel"].browse(data["discuss.channel"][0]["id"])

    def _type(self, channel, text, answer_id=None):
        self.fuzz_rpc(
            "/mail/message/post",
            "/mail/message/post",
            {"thread_model": "discuss.channel", "thread_id": channel.id,
             "post_data": {"body": text, "message_type": "comment"},
             "context": {"selected_answer_id": answer_id} if answer_id else {}},
        )  # fmt: skip
        for _step in range(3):
            result, _error = self.fuzz_rpc(
                "/chatbot/step/trigger",
                "/chatbot/step/trigger",
                {"channel_id": channel.id, "chatbot_script_id": self.script.id},
            )
            if not result:
                break

    def test_what_the_visitor_types(self):
        channel = self._conversation()

        @fuzz_settings(40)
        @example(place="menu", text="a\x00b", markup=("<b>ess-fuzz-1</b>", "ess-fuzz-1"))
        @example(
            place="accompaniment",
            text="x" * 3000,
            markup=('<img src=x onerror="ess_fuzz_2()">', "ess_fuzz_2"),
        )
        @given(place=st.sampled_from(PLACES), text=texts(max_huge=3000), markup=markup_payloads())
        def converse(place, text, markup):
            payload, marker = markup
            if place == "tool":
                self._type(channel, self.answer_tool.name, self.answer_tool.id)
            elif place == "accompaniment":
                self._type(channel, self.answer_accompaniment.name, self.answer_accompaniment.id)
            self._type(channel, f"{text} {payload}")
            channel.invalidate_recordset()
            bot = self.script.operator_partner_id
            for message in channel.message_ids.filtered(lambda message: message.author_id == bot)[:2]:
                self.assertEscaped(str(message.body), payload, "ESSBot's answer")
                self.assertSanitized(message.body, marker, "ESSBot's answer")

        converse()
        self.assertLessEqual(len(self.Request.search([])), 1, "one request an hour, whatever is sent")
        self.assertFuzzed(40)

    def test_broken_script_payloads(self):
        channel = self._conversation()

        @fuzz_settings(30)
        @example(channel_id=channel.id, script_id=-1, answer_id=-1, message_id=0)
        @given(
            channel_id=st.one_of(st.just(channel.id), IDS),
            script_id=st.one_of(st.just(self.script.id), IDS),
            answer_id=st.one_of(st.just(self.answer_tool.id), IDS),
            message_id=IDS,
        )
        def send(channel_id, script_id, answer_id, message_id):
            for route, params in (
                ("/chatbot/answer/save", {"channel_id": channel_id, "message_id": message_id,
                                          "selected_answer_id": answer_id}),
                ("/chatbot/step/trigger", {"channel_id": channel_id, "chatbot_script_id": script_id}),
                ("/chatbot/restart", {"channel_id": channel_id, "chatbot_script_id": script_id}),
            ):  # fmt: skip
                self.fuzz_rpc(route, route, params)

        send()
        self.assertFuzzed(30)

from datetime import timedelta

from odoo import fields, sql_db
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.ess_office_base.tests.common import page_queries

from .common import EssBotCommon

# What Odoo's live chat loader costs a page of the website (its channel, operators, rules
# and the visitor's pending chat request), measured with ESSBot's script.
LIVECHAT_QUERIES = 3


@tagged("post_install", "-at_install")
class TestEssBotConversation(EssBotCommon):
    def test_search_lists_published_resources_free_software_first(self):
        # The proprietary tool and the two free ones are all about clouds: free ones come
        # first, at most three, with their page, type and licence; nothing unpublished.
        self._resource("Núvol Privatiu", license_type="proprietary", summary="Un núvol de pagament")
        self._resource("Núvol Esborrany", state="draft", license_type="free_software")
        channel = self.start()
        self.choose(channel, self.answer_tool)
        self.assertEqual(channel.chatbot_current_step_id, self.env.ref("ess_bot.ess_bot_step_search_ask"))
        bodies = self.say(channel, "Núvol")
        answer = bodies[0]
        self.assertIn(self.free_cloud.website_url, answer)
        self.assertIn("Free software", answer)
        self.assertIn("Núvol Lliure, in short", answer)
        self.assertLess(answer.index("Núvol Lliure"), answer.index("Núvol Privatiu"))
        self.assertNotIn("Esborrany", answer)
        self.assertLessEqual(answer.count("<li>"), 3)
        # Then ESSBot offers its options again.
        self.assertEqual(channel.chatbot_current_step_id, self.menu)
        self.assertIn("What can I do for you?", bodies[-1])
        event = self.Event.search([("channel_id", "=", channel.id)])
        self.assertEqual((event.kind, event.query, event.result_count), ("search", "Núvol", 2))

    def test_a_proprietary_tool_named_brings_its_free_alternatives(self):
        channel = self.start()
        self.choose(channel, self.answer_tool)
        answer = self.say(channel, "big cloud")[0]
        link = self.proprietary_cloud._ess_bot_link()
        self.assertIn(f"{link} is proprietary software", answer)
        for alternative in (self.free_cloud, self.free_office):
            self.assertIn(alternative.website_url, answer)

    def test_typing_at_the_menu_searches_the_catalogue(self):
        channel = self.start()
        bodies = self.say(channel, "ofimàtica")
        self.assertIn(self.free_office.website_url, bodies[0])
        self.assertEqual(channel.chatbot_current_step_id, self.menu)
        # A sentence: no resource holds every word, the one holding most of them comes.
        bodies = self.say(channel, "necessito un núvol lliure per compartir fitxers")
        self.assertIn(self.free_cloud.website_url, bodies[0])

    def test_nothing_found_says_so_and_is_reported(self):
        channel = self.start()
        bodies = self.say(channel, "xilòfon quàntic")
        self.assertIn("I found nothing in the catalogue for “xilòfon quàntic”", bodies[0])
        self.assertEqual(channel.chatbot_current_step_id, self.menu)
        event = self.Event.search([("channel_id", "=", channel.id)])
        self.assertTrue(event.found_nothing)
        self.env["ess.bot.report"].invalidate_model()
        report = self.env["ess.bot.report"].search([("channel_id", "=", channel.id)])
        self.assertEqual((report.search_count, report.not_found_count), (1, 1))
        lacking = self.env["ess.bot.event"].search([("kind", "=", "search"), ("found_nothing", "=", True)])
        self.assertEqual(lacking.mapped("query"), ["xilòfon quàntic"])

    def test_what_the_visitor_typed_is_escaped_in_the_answer(self):
        channel = self.start()
        payload = '<img src=x onerror="alert(1)">'
        answer = self.say(channel, payload)[0]
        self.assertNotIn("<img", answer)
        self.assertIn("&lt;img", answer)

    def test_providers_for_a_dimension(self):
        channel = self.start()
        self.choose(channel, self.answer_provider)
        self.assertEqual(channel.chatbot_current_step_id, self.env.ref("ess_bot.ess_bot_step_dimension"))
        answer = self.choose(channel, self.answer_data)[0]
        self.assertIn(f"/catalogue/providers/{self.env['ir.http']._slug(self.provider)}", answer)
        self.assertIn("Cooperativa Proveïdora", answer)
        self.assertIn("Manresa", answer)
        # A second round: the earlier dimension does not lead any more.
        self.choose(channel, self.answer_provider)
        answer = self.choose(channel, self.answer_gender)[0]
        self.assertIn("no ESS provider for Gender and equity", answer)
        self.assertNotIn("Cooperativa Proveïdora", answer)
        events = self.Event.search([("channel_id", "=", channel.id)], order="id")
        self.assertEqual(events.mapped("dimension_id"), self.dim_data | self.env.ref(
            "ess_office_base.ess_dimension_gender_equity"))  # fmt: skip

    def test_funding_open_calls_first(self):
        channel = self.start()
        answer = self.choose(channel, self.answer_funding)[0]
        positions = [answer.index(resource.name) for resource in
                     (self.funding_soon, self.funding_always, self.funding_closed)]  # fmt: skip
        self.assertEqual(positions, sorted(positions), "open calls first, the nearest deadline first")
        self.assertIn("open until", answer)
        self.assertIn("closed on", answer)

    def test_accompaniment_creates_a_prospective_entity_and_an_activity(self):
        channel = self.start()
        bodies = self.ask_accompaniment(channel, entity="Cooperativa <b>Nova</b>")
        self.assertIn("contact you within a few days", bodies[0])
        request = self.Request.search([])
        self.assertEqual(len(request), 1)
        self.assertEqual((request.kind, request.email, request.phone), ("accompaniment", "aina@nova.example",
                                                                        "600 000 000"))  # fmt: skip
        entity = request.entity_id
        self.assertEqual(entity.name, "Cooperativa <b>Nova</b>")
        self.assertTrue(entity.is_ess_entity and entity.is_company)
        self.assertIn(self.env.ref("ess_bot.res_partner_category_essbot"), entity.category_id)
        self.assertEqual(request.contact_id.parent_id, entity)
        self.assertEqual(request.contact_id.email, "aina@nova.example")
        self.assertTrue(request.consent_date)
        activity = request.activity_ids
        self.assertEqual(activity.user_id, self.user_officer)
        # The conversation, escaped: the visitor's words are text.
        self.assertIn("Cooperativa &lt;b&gt;Nova&lt;/b&gt;", activity.note)
        self.assertIn("Cooperativa &lt;b&gt;Nova&lt;/b&gt;", request.transcript)
        self.assertNotIn("<b>Nova", request.transcript)
        self.assertEqual(channel.chatbot_current_step_id, self.menu)

    def test_accompaniment_finds_the_entity_and_never_changes_it(self):
        channel = self.start()
        self.ask_accompaniment(channel, entity=self.entity_a.name.upper(), email="nou@example.com")
        request = self.Request.search([])
        self.assertEqual(request.entity_id, self.entity_a)
        # The anonymous visitor is no contact of entity A for it: the officer decides.
        self.assertFalse(request.contact_id.parent_id)
        self.assertNotIn(request.contact_id, self.entity_a.child_ids)

    def test_no_phone_is_no_phone(self):
        self.ask_accompaniment(self.start(), phone="no")
        self.assertFalse(self.Request.search([]).phone)

    def test_without_consent_nothing_is_passed_on(self):
        channel = self.start()
        bodies = self.ask_accompaniment(channel, consent=False)
        self.assertIn("I have not passed your details on", bodies[0])
        self.assertFalse(self.Request.search([]))
        self.assertFalse(self.env["res.partner"].search([("email", "=", "aina@nova.example")]))

    def test_one_request_an_hour_from_one_visitor(self):
        channel = self.start()
        self.ask_accompaniment(channel)
        bodies = self.ask_accompaniment(channel)
        self.assertIn("already has your request", bodies[0])
        # Another conversation with another e-mail from the same guest and address.
        other = self.start()
        bodies = self.ask_accompaniment(other, email="altra@nova.example")
        self.assertIn("already has your request", bodies[0])
        # A new guest (cookies cleared), same address: still held back.
        self.opener.cookies.clear()
        third = self.start()
        self.assertIn(
            "already has your request", self.ask_accompaniment(third, email="tercera@nova.example")[0]
        )
        self.assertEqual(len(self.Request.search([])), 1)
        # An hour later, the visitor may ask again.
        self.env.cr.execute(
            "UPDATE ess_bot_request SET create_date = %s", [fields.Datetime.now() - timedelta(minutes=61)]
        )
        self.env.invalidate_all()
        self.assertIn("contact you within", self.ask_accompaniment(third, email="tercera@nova.example")[0])
        self.assertEqual(len(self.Request.search([])), 2)

    def test_forward_to_an_officer_online(self):
        self.livechat.user_ids = self.user_officer
        self.env["bus.presence"].create({"user_id": self.user_officer.id, "status": "online"})
        channel = self.start()
        bodies = self.choose(channel, self.answer_person)
        self.assertIn("I am passing you on to someone from the office", bodies[0])
        self.assertIn(self.user_officer.partner_id, channel.channel_member_ids.partner_id)
        event = self.Event.search([("channel_id", "=", channel.id)])
        self.assertEqual((event.kind, event.result_count), ("operator", 1))
        self.assertFalse(self.Request.search([]))

    def test_nobody_online_takes_a_message(self):
        channel = self.start()
        bodies = self.choose(channel, self.answer_person)
        self.assertIn("Nobody from the office is online", " ".join(bodies))
        for text in ("Pau Vidal", "pau@example.com", "Voldria saber com fer un diagnòstic"):
            self.say(channel, text)
        bodies = self.choose(channel, self.answer_message_yes)
        self.assertIn("your message is with the office", bodies[0])
        request = self.Request.search([])
        self.assertEqual((request.kind, request.person_name, request.email), ("message", "Pau Vidal",
                                                                             "pau@example.com"))  # fmt: skip
        self.assertIn("Voldria saber com fer un diagnòstic", request.transcript)
        self.assertFalse(request.entity_id)
        self.assertEqual(request.activity_ids.user_id, self.user_officer)
        self.assertNotIn(self.user_officer.partner_id, channel.channel_member_ids.partner_id)

    def test_the_visitors_language(self):
        self.env["res.lang"]._activate_lang("ca_ES")
        self.opener.cookies["frontend_lang"] = "ca_ES"
        self.menu.with_context(lang="ca_ES").message = "Què puc fer per tu?"
        channel = self.start()
        bodies = self.say(channel, "xilòfon")
        self.assertIn("Què puc fer per tu?", bodies[-1])


@tagged("post_install", "-at_install")
class TestEssBotOffice(EssBotCommon):
    def test_conversations_are_the_officers_only(self):
        channel = self.start()
        self.ask_accompaniment(channel)
        request = self.Request.search([])
        for user in (self.user_mentor, self.portal_a, self.user_employee):
            for records in (channel, channel.chatbot_message_ids[:1], request, self.Event.search([])[:1],
                            self.env["ess.bot.report"].search([])[:1]):  # fmt: skip
                with self.subTest(user=user.login, model=records._name), self.assertRaises(AccessError):
                    records.with_user(user).read(["display_name"])
            # The officer's activity carries the conversation: nobody else finds it.
            try:
                found = request.activity_ids.with_user(user).search([("id", "in", request.activity_ids.ids)])
            except AccessError:
                found = None
            self.assertFalse(found, user.login)
        officer = self.user_officer
        self.assertEqual(channel.with_user(officer).read(["name"])[0]["id"], channel.id)
        self.assertTrue(channel.chatbot_message_ids.with_user(officer).read(["user_raw_answer"]))
        self.assertEqual(request.with_user(officer).email, "aina@nova.example")
        self.assertTrue(
            self.env["ess.bot.report"].with_user(officer).search([("channel_id", "=", channel.id)])
        )

    def test_a_mentor_who_administers_the_live_chat_reads_no_conversation(self):
        # As Odoo creates a user from Settings: an administrator of the live chat.
        mentor = self.env["res.users"].create({"name": "New mentor", "login": "new.mentor"})
        mentor.groups_id |= self.env.ref("ess_office_base.group_ess_mentor")
        self.assertTrue(mentor.has_group("im_livechat.im_livechat_group_manager"))
        channel = self.start()
        self.ask_accompaniment(channel)
        with self.assertRaises(AccessError):
            channel.with_user(mentor).read(["name"])
        self.assertFalse(self.env["discuss.channel"].with_user(mentor).search([("id", "=", channel.id)]))
        self.assertFalse(
            self.env["chatbot.message"].with_user(mentor).search([("discuss_channel_id", "=", channel.id)])
        )
        self.assertFalse(
            self.env["discuss.channel.member"].with_user(mentor).search([("channel_id", "=", channel.id)])
        )
        # Odoo's own live chat administrators outside the office keep their rights.
        admin = self.env["res.users"].create({"name": "Live chat admin", "login": "chat.admin"})
        self.assertEqual(channel.with_user(admin).read(["name"])[0]["id"], channel.id)
        self.assertTrue(self.user_officer.has_group("im_livechat.im_livechat_group_user"))

    def test_the_website_talks_with_essbot_not_odoos_sample_bot(self):
        self.assertEqual(self.env.ref("website.default_website").channel_id, self.livechat)
        self.assertFalse(self.env.ref("im_livechat.chatbot_script_welcome_bot").active)

    def test_the_officer_handles_a_request(self):
        channel = self.start()
        self.ask_accompaniment(channel)
        request = self.Request.search([]).with_user(self.user_officer)
        request.action_done()
        self.assertEqual(request.state, "done")
        self.assertFalse(request.activity_ids)
        with self.assertRaises(AccessError):
            request.with_user(self.user_mentor).action_reopen()

    def test_answers_per_dimension(self):
        step = self.env.ref("ess_bot.ess_bot_step_dimension")
        dimension = self.env["ess.dimension"].create({"name": "Nova dimensió", "code": "NEW"})
        with self.assertRaises(AccessError):
            step.with_user(self.user_mentor).action_ess_dimension_answers()
        step.with_user(self.user_officer).action_ess_dimension_answers()
        self.assertEqual(step.answer_ids.filtered(lambda answer: answer.ess_dimension_id == dimension).name,
                         "Nova dimensió")  # fmt: skip
        count = len(step.answer_ids)
        step.with_user(self.user_officer).action_ess_dimension_answers()
        self.assertEqual(len(step.answer_ids), count, "one answer per dimension, never two")

    def test_the_ess_step_types_are_in_the_editor(self):
        types = dict(self.env["chatbot.script.step"]._fields["step_type"]._description_selection(self.env))
        self.assertEqual(
            [
                types[key]
                for key in ("ess_catalogue_search", "ess_providers", "ess_funding", "ess_accompaniment")
            ],
            ["Search the catalogue", "Providers for a dimension", "Funding", "Ask for accompaniment"],
        )


@tagged("post_install", "-at_install")
class TestEssBotPersonalData(EssBotCommon):
    def test_export_and_erasure(self):
        channel = self.start()
        self.ask_accompaniment(channel)
        request = self.Request.search([])
        contact = request.contact_id
        data = contact.with_user(self.user_officer)._ess_privacy_export_data()
        self.assertEqual([row["email"] for row in data["essbot_requests"]], ["aina@nova.example"])
        contact.with_user(self.user_officer).anonymize_partner_data()
        self.assertEqual((request.email, request.phone, request.transcript, request.ip_address),
                         ("–", False, False, False))  # fmt: skip
        self.assertFalse(channel.exists(), "the conversation is deleted with its messages")
        self.assertFalse(request.activity_ids)

    def test_retention(self):
        channel = self.start()
        self.ask_accompaniment(channel)
        self.say(channel, "xilòfon")
        request = self.Request.search([])
        self.assertTrue(request.ip_address)
        old = fields.Datetime.now() - timedelta(days=181)
        self.env.cr.execute("UPDATE ess_bot_request SET create_date = %s", [old])
        self.env.cr.execute("UPDATE ess_bot_event SET create_date = %s", [old])
        self.env.cr.execute(
            "UPDATE discuss_channel SET last_interest_dt = %s WHERE id = %s", [old, channel.id]
        )
        self.env.invalidate_all()
        self.Request._cron_ess_bot_retention()
        self.assertFalse(request.ip_address)
        self.assertFalse(self.Event.search([("query", "!=", False)]))
        self.assertEqual(len(self.Event.search([("kind", "=", "search")])), 1, "the search still counts")
        self.assertFalse(channel.exists())
        self.assertTrue(request.transcript, "the request keeps its copy of the conversation")


@tagged("post_install", "-at_install")
class TestEssBotPerformance(EssBotCommon):
    def test_an_answer_costs_the_same_however_long_the_conversation(self):
        channel = self.start()
        counts = []
        for _round in range(5):
            self.post(channel, "Núvol")
            before = sql_db.sql_counter
            self.advance(channel)
            counts.append(sql_db.sql_counter - before)
        # The first round warms Odoo's caches; then every round costs the same.
        self.assertEqual(len(set(counts[1:])), 1, counts)


@tagged("post_install", "-at_install")
class TestEssBotRpc(EssBotCommon):
    def test_rpc_reads_no_conversation_but_the_officers(self):
        channel = self.start()
        self.ask_accompaniment(channel)
        self.opener.cookies.clear()
        for login, seen in (("ess_mentor", False), (self.portal_a.login, False), ("ess_officer", True)):
            self.authenticate(login, login)
            for model, domain in (("discuss.channel", [("channel_type", "=", "livechat")]),
                                  ("ess.bot.request", []), ("chatbot.message", [])):  # fmt: skip
                try:
                    with mute_logger("odoo.http"):  # the refusal, logged by Odoo as a warning
                        rows = self.make_jsonrpc_request(
                            "/web/dataset/call_kw",
                            {"model": model, "method": "search_read", "args": [domain, ["id"]], "kwargs": {}},
                        )
                except Exception as error:
                    self.assertIn("AccessError", str(error))
                    rows = []
                with self.subTest(login=login, model=model):
                    self.assertEqual(bool(rows), seen)

    def test_the_live_chat_button_costs_a_page_few_queries(self):
        # Odoo's live chat loader, on every page of the website: what ESSBot's button costs.
        website = self.env.ref("website.default_website")
        with_button, response = page_queries(self, "/catalogue")
        self.assertIn("livechatData", response.text)
        website.channel_id = False
        without_button, response = page_queries(self, "/catalogue")
        self.assertNotIn("livechatData", response.text)
        self.assertLessEqual(with_button - without_button, LIVECHAT_QUERIES, (with_button, without_button))

from odoo.tests import tagged

from .common import EssBotCommon


@tagged("post_install", "-at_install")
class TestEssBotTour(EssBotCommon):
    def test_a_visitor_searches_then_asks_for_funding(self):
        self.start_tour("/", "ess_bot_tour")
        channel = self.env["discuss.channel"].search(
            [("livechat_channel_id", "=", self.livechat.id)], order="id desc", limit=1
        )
        events = self.Event.search([("channel_id", "=", channel.id)], order="id")
        self.assertEqual(events.mapped("kind"), ["search", "funding"])
        self.assertEqual(events[0].query, "Núvol")

from odoo.tests import tagged

from odoo.addons.ess_office_base.tests.access_matrix import AccessMatrixTests, ActionsChangeNothingMixin

from .access_rows import ACCESS_ROWS
from .common import EssBotCommon


@tagged("post_install", "-at_install")
class TestEssBotAccess(EssBotCommon, AccessMatrixTests, ActionsChangeNothingMixin):
    access_rows = ACCESS_ROWS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A conversation as ESSBot leaves it: on its menu, a search logged, a request.
        channel = cls.env["discuss.channel"].create(
            {"name": "Matrix visitor", "channel_type": "livechat", "livechat_operator_id":
             cls.script.operator_partner_id.id, "chatbot_current_step_id": cls.menu.id}
        )  # fmt: skip
        cls.matrix_request = cls.env["ess.bot.request"].create(
            {"person_name": "Visitant", "email": "visitant@example.com", "phone": "600", "channel_id": channel.id,
             "ip_address": "127.0.0.9", "transcript": "<p>Visitant: hola</p>", "user_id": cls.user_officer.id}
        )  # fmt: skip
        cls.matrix_event = cls.env["ess.bot.event"].create(
            {"channel_id": channel.id, "script_id": cls.script.id, "kind": "search", "query": "núvol"}
        )
        cls.env.flush_all()
        cls.matrix_report = cls.env["ess.bot.report"].search([("channel_id", "=", channel.id)])

    def test_access_matrix(self):
        self.assertTrue(self.matrix_report)
        self.assertGreater(self.assertAccessMatrix(ACCESS_ROWS), 0)

    def test_moves(self):
        # ESSBot's records belong to no entity a write could move them out of: a request
        # is the office's, linked to an entity by an officer (its rows declare no move).
        self.assertEqual(self.assertMoves(self.access_rows), 0)

    def test_public_actions_change_nothing_for_mentors_portal_and_visitors(self):
        records = [
            self.matrix_request,
            self.matrix_event,
            self.env.ref("ess_bot.ess_bot_step_dimension"),
            self.script,
        ]
        users = [
            self.user_mentor,
            self.user_expert,
            self.portal_a,
            self.portal_b,
            self.env.ref("base.public_user"),
        ]
        self.assertGreater(self.assertActionsChangeNothing(records, users), 0)

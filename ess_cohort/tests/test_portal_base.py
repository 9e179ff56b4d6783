import json

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import EssCohortCommon


@tagged("post_install", "-at_install")
class TestOnePortalBase(EssCohortCommon, HttpCase):
    """The diagnosis, mentoring and cohort controllers each extend the ESS portal base:
    Odoo merges them into one controller, which answers all their home counters."""

    def test_one_request_counts_the_diagnoses_contracts_and_cohorts_of_the_entity(self):
        self._diagnosis()
        self._diagnosis(self.entity_b)
        self.authenticate(self.portal_a.login, self.portal_a.login)
        names = ["ess_diagnosis_count", "ess_mentoring_count", "ess_cohort_count"]
        counters = self.make_jsonrpc_request("/my/counters", {"counters": names})
        self.assertEqual({name: counters.get(name) for name in names}, dict.fromkeys(names, 1))

    def test_the_demo_helpers_cannot_be_called_over_rpc(self):
        self.next_b.is_open = True
        self.authenticate("admin", "admin")
        for method, args in (
            ("_ess_demo_register", [self.next_b.ids, self.entity_c.id]),
            ("_ess_demo_attendance", [self.past_b.ids, []]),
        ):
            payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": {
                "model": "ess.cohort.demo", "method": method, "args": args, "kwargs": {},
            }}  # fmt: skip
            with self.subTest(method=method), mute_logger("odoo.http"):
                response = self.url_open(
                    "/web/dataset/call_kw",
                    data=json.dumps(payload),
                    headers={"Content-Type": "application/json"},
                )
                error = response.json()["error"]["data"]
                self.assertEqual(error["name"], "odoo.exceptions.AccessError")
                self.assertIn("Private methods", error["message"])
        self.assertFalse(self.next_b.attendance_ids.filtered(lambda line: line.partner_id == self.entity_c))
        self.assertFalse(self.past_b.attendance_ids.filtered("attended"))

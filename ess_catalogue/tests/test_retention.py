from datetime import timedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from ..models.ess_catalogue_resource import PROPOSER_IP_RETENTION_DAYS
from .common import EssCatalogueCommon

BATCH_LOGGER = "odoo.addons.ess_office_base.tools.batch"


@tagged("post_install", "-at_install")
class TestProposerIpRetention(EssCatalogueCommon):
    """A proposer's IP address is forgotten PROPOSER_IP_RETENTION_DAYS after the proposal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.proposals = {}
        for name, days in (("old", 31), ("older", 40), ("recent", 29)):
            proposal = cls._resource(f"Proposta {name}", state="submitted", proposer_ip=f"192.0.2.{days}")
            cls.env.cr.execute(
                SQL(
                    "UPDATE ess_catalogue_resource SET create_date = %s, write_date = %s WHERE id = %s",
                    now - timedelta(days=days), now - timedelta(days=days), proposal.id,
                )
            )  # fmt: skip
            cls.proposals[name] = proposal
        # An old published resource once proposed, whose address is already forgotten.
        cls.env.cr.execute(
            SQL(
                "UPDATE ess_catalogue_resource SET create_date = %s, write_date = %s WHERE id = %s",
                now - timedelta(days=60), now - timedelta(days=60), cls.free_office.id,
            )
        )  # fmt: skip
        cls.env.invalidate_all()

    def _ips(self):
        return {name: proposal.proposer_ip for name, proposal in self.proposals.items()}

    def _cron(self):
        self.env.ref("ess_catalogue.ir_cron_ess_catalogue_clear_proposer_ip").method_direct_trigger()
        self.env.invalidate_all()

    def test_addresses_older_than_thirty_days_are_cleared_and_nothing_else_changes(self):
        self.assertEqual(PROPOSER_IP_RETENTION_DAYS, 30)
        version = self.Resource._ess_listing_version()
        untouched = {
            resource: resource.write_date
            for resource in (self.proposals["recent"], self.free_office, self.submitted)
        }
        self._cron()
        self.assertEqual(self._ips(), {"old": False, "older": False, "recent": "192.0.2.29"})
        self.assertEqual(self.Resource._ess_listing_version(), version, "the listing keeps its version")
        self.assertEqual({resource: resource.write_date for resource in untouched}, untouched)
        self._cron()
        self.assertEqual(self._ips(), {"old": False, "older": False, "recent": "192.0.2.29"})

    def test_an_address_that_cannot_be_cleared_is_logged_and_the_others_are(self):
        # The database refuses to clear one row (a constraint another module could add).
        bad = self.proposals["old"]
        self.env.cr.execute(
            SQL(
                "ALTER TABLE ess_catalogue_resource ADD CONSTRAINT ess_test_refused "
                "CHECK (proposer_ip IS NOT NULL OR id != %s) NOT VALID",
                bad.id,
            )
        )
        with mute_logger("odoo.sql_db"), self.assertLogs(BATCH_LOGGER, level="ERROR") as logs:
            self._cron()
        self.assertEqual(
            [record.getMessage() for record in logs.records],
            [f"Proposer IP retention: ess.catalogue.resource[{bad.id}] failed and was skipped"],
        )
        self.assertEqual(self._ips(), {"old": "192.0.2.31", "older": False, "recent": "192.0.2.29"})
        self.env.cr.execute(SQL("ALTER TABLE ess_catalogue_resource DROP CONSTRAINT ess_test_refused"))
        self._cron()
        self.assertEqual(self._ips(), {"old": False, "older": False, "recent": "192.0.2.29"})

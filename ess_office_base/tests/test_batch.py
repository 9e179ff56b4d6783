from psycopg2.errors import CheckViolation

from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.ess_office_base.tools.batch import run_batch


@tagged("post_install", "-at_install")
class TestRunBatch(TransactionCase):
    """One item that the database refuses does not stop a batch: it is logged and skipped."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.packages = cls.env["ess.service.package"].create(
            [{"name": f"Package {index}", "estimated_hours": 10} for index in range(3)]
        )

    def test_a_refused_item_is_logged_and_skipped_and_the_others_are_done(self):
        hours = dict(zip(self.packages.ids, (20, -5, 30), strict=True))  # the database refuses -5

        def estimate(packages):
            for package in packages:
                package.estimated_hours = hours[package.id]

        bad = self.packages[1]
        with (
            mute_logger("odoo.sql_db"),
            self.assertLogs("odoo.addons.ess_office_base.tools.batch", level="WARNING") as logs,
        ):
            failed = run_batch(self.env, self.packages, estimate, "Estimates")
        self.assertEqual(failed, [bad])
        self.assertEqual(self.packages.mapped("estimated_hours"), [20, 10, 30], "the others are saved")
        errors = [record.getMessage() for record in logs.records if record.levelname == "ERROR"]
        self.assertEqual(errors, [f"Estimates: ess.service.package[{bad.id}] failed and was skipped"])
        # The transaction is still usable, and a batch that passes is done at once.
        hours[bad.id] = 15
        self.assertEqual(run_batch(self.env, bad, estimate, "Estimates"), [])
        self.assertEqual(bad.estimated_hours, 15)

    def test_the_callers_own_pending_error_is_not_taken_for_an_items(self):
        self.packages[0].estimated_hours = -1  # pending in the cache: refused at the flush
        # (Odoo's assertRaises would flush on entering its own savepoint.)
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint(flush=False):
                run_batch(self.env, self.packages[1:], lambda packages: None, "Nothing")
        except CheckViolation as error:
            self.assertIn("estimated_hours_positive", str(error))
        else:
            self.fail("the caller's pending write is refused, as the caller's")
        finally:
            self.env.cr.clear()  # forget the refused write

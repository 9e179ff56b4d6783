from datetime import timedelta

from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import EssCohortCommon

BATCH_LOGGER = "odoo.addons.ess_office_base.tools.batch"


@tagged("post_install", "-at_install")
class TestSessionGenerationFaults(EssCohortCommon):
    """A session the database refuses does not stop the others; generating again adds only
    the missing ones."""

    def test_a_refused_session_is_logged_and_skipped_and_generating_again_adds_only_it(self):
        cohort = self._cohort("Generated", state="open")
        wizard = self.env["ess.cohort.session.generate"].with_user(self.user_officer).create(
            {"cohort_id": cohort.id, "count": 4, "first_date": self.today - timedelta(days=150), "weekday": "2",
             "topic": "Ajuda"}
        )  # fmt: skip
        # The database refuses the second session (a constraint another module could add).
        self.env.cr.execute(
            SQL(
                "ALTER TABLE ess_cohort_session ADD CONSTRAINT ess_test_refused "
                "CHECK (cohort_id != %s OR topic != 'Ajuda 2') NOT VALID",
                cohort.id,
            )
        )
        with mute_logger("odoo.sql_db"), self.assertLogs(BATCH_LOGGER, level="ERROR") as logs:
            action = wizard.action_generate()
        self.assertEqual(len(logs.output), 1)
        self.assertIn(f"(cohort {cohort.id}): session 'Ajuda 2' on", logs.output[0])
        self.assertEqual(cohort.session_ids.sorted("date").mapped("topic"), ["Ajuda 1", "Ajuda 3", "Ajuda 4"])
        self.assertEqual(action["params"]["type"], "warning")
        self.assertIn(
            "3 sessions were created; these could not be and were skipped: Ajuda 2",
            action["params"]["message"],
        )
        self.env.cr.execute(SQL("ALTER TABLE ess_cohort_session DROP CONSTRAINT ess_test_refused"))
        self.assertEqual(wizard.action_generate(), {"type": "ir.actions.act_window_close"})
        self.assertEqual(
            cohort.session_ids.sorted("date").mapped("topic"), ["Ajuda 1", "Ajuda 2", "Ajuda 3", "Ajuda 4"]
        )
        self.assertEqual(len(cohort.session_ids.calendar_event_id), 4, "one event each, none twice")
        wizard.action_generate()
        self.assertEqual(len(cohort.session_ids), 4, "nothing twice")

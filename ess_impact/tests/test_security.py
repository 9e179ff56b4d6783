from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PERIOD, TODAY, EssImpactCommon


@tagged("post_install", "-at_install")
class TestImpactIsolation(EssImpactCommon):
    def test_a_mentors_report_covers_the_entities_he_accompanies(self):
        report = (
            self.env["ess.impact.report"]
            .with_user(self.user_mentor)
            .create(dict(PERIOD, name="Mine", sector_ids=[Command.set(self.impact_sector.ids)]))
        )
        self.assertEqual(report.user_id, self.user_mentor)
        impact = report.with_context(ess_today=TODAY)._ess_impact()
        self.assertEqual(impact["records"]["entities"], self.entity_a.ids)
        self.assertEqual(impact["records"]["contracts"], self.contract_a.ids)
        self.assertEqual(impact["accompaniment"]["hours_used"], 6.5)
        self.assertEqual(impact["maturity"]["compared"], 1)
        self.assertNotIn(self.entity_b.name, report.summary_html + str(impact["rows"]))
        lines = report._ess_dma_rows()
        self.assertEqual({line[0] for line in lines[1:]}, set(self.entity_a.ids))
        # Nor can he read the office's report, or give his own to someone else.
        with self.assertRaises(AccessError):
            self.report.with_user(self.user_mentor).summary_html  # noqa: B018
        with self.assertRaises(AccessError):
            report.user_id = self.user_officer
        with self.assertRaises(AccessError):
            self.env["ess.impact.report"].with_user(self.user_mentor).create(
                {"name": "For the officer", "user_id": self.user_officer.id}
            )

    def test_a_mentor_who_accompanies_nobody_sees_nothing(self):
        report = (
            self.env["ess.impact.report"].with_user(self.user_facilitator).create(dict(PERIOD, name="Empty"))
        )
        impact = report._ess_impact()
        self.assertEqual((impact["entities"], impact["accompaniment"]["contracts"]), (0, 0))
        self.assertEqual(impact["cohorts"]["sessions_held"], 0)
        # Naming a cohort he does not follow tells him nothing of its sessions either.
        report.cohort_id = self.cohort_b
        cohorts = report._ess_impact()["cohorts"]
        self.assertEqual((cohorts["cohorts"], cohorts["sessions_held"], cohorts["learnings"]), (0, 0, 0))

    def test_portal_users_and_employees_never_reach_a_report(self):
        for user in (self.portal_a, self.user_employee, self.env.ref("base.public_user")):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.report.with_user(user).read(["summary_html"])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["ess.impact.report"].with_user(user).create(dict(PERIOD, name="No"))

    def test_another_office_is_out_of_the_officers_report(self):
        other = self.env["res.company"].create({"name": "Oficina del Berguedà"})
        self.contract_b.company_id = other
        self.cohort_b.company_id = other
        impact = self.report.with_user(self.user_officer).with_context(ess_today=TODAY)._ess_impact()
        self.assertNotIn(
            self.entity_b.id, impact["records"]["entities"], "B is accompanied by the other office"
        )
        self.assertNotIn(self.contract_b.id, impact["records"]["contracts"])
        # Nor does an officer read the other office's reports, even if he prepared one there.
        theirs = self.env["ess.impact.report"].create(
            dict(PERIOD, name="Theirs", company_ids=[Command.set(other.ids)])
        )
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_officer).read(["name"])

    def test_declared_gender_is_the_offices_and_the_persons(self):
        self.contact_a.ess_gender = "woman"
        for user in (self.user_mentor, self.portal_a, self.portal_b):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.contact_a.with_user(user).read(["ess_gender"])
        self.assertEqual(self.contact_a.with_user(self.user_officer).ess_gender, "woman")

    def test_the_gender_is_in_the_persons_export_and_erased_with_them(self):
        data = self.contact_a.with_user(self.user_officer)._ess_privacy_export_data()
        self.assertNotIn("declared_gender", data, "nothing declared, nothing exported")
        self.contact_a.ess_gender = "non_binary"
        data = self.contact_a.with_user(self.user_officer)._ess_privacy_export_data()
        self.assertEqual(data["declared_gender"], [{"name": self.contact_a.name, "ess_gender": "non_binary"}])
        self.contact_a.with_user(self.user_officer).anonymize_partner_data()
        self.assertFalse(self.contact_a.ess_gender)

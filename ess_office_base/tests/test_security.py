from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import EssOfficeCommon


@tagged("post_install", "-at_install")
class TestSecurity(EssOfficeCommon):
    def test_group_hierarchy(self):
        self.assertTrue(self.env.ref("base.user_admin").has_group("ess_office_base.group_ess_manager"))
        self.assertTrue(self.user_manager.has_group("ess_office_base.group_ess_mentor"))
        self.assertTrue(self.user_officer.has_group("ess_office_base.group_ess_mentor"))
        self.assertFalse(self.user_officer.has_group("ess_office_base.group_ess_manager"))
        self.assertFalse(self.user_mentor.has_group("ess_office_base.group_ess_officer"))

    def test_mentor_reads_profiles_but_writes_none(self):
        entity = self.entity_a.with_user(self.user_mentor)
        self.assertEqual(entity.ess_size_class, "micro")
        self.assertEqual(entity.ess_referent_id, self.user_officer)
        mentor = self.env["res.partner"].create(
            {"name": "Mentor", "is_ess_mentor": True, "ess_mentor_type": "staff"}
        )
        provider = self.env["res.partner"].create({"name": "Provider", "is_ess_provider": True})
        for partner in (self.entity_a, mentor, provider):
            with self.subTest(partner=partner.name), self.assertRaises(AccessError):
                partner.with_user(self.user_mentor).write({"comment": "changed"})
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.user_mentor).create({"name": "New", "is_ess_entity": True})
        package = self.env["ess.service.package"].create({"name": "Package"})
        self.assertEqual(package.with_user(self.user_mentor).name, "Package")
        with self.assertRaises(AccessError):
            package.with_user(self.user_mentor).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.env["ess.dimension"].with_user(self.user_mentor).create({"name": "X", "code": "x"})

    def test_officer_manages_profiles_packages_and_itineraries(self):
        Partner = self.env["res.partner"].with_user(self.user_officer)
        self.entity_a.with_user(self.user_officer).write({"ess_worker_count": 60})
        self.assertEqual(self.entity_a.ess_size_class, "medium")
        Partner.create(
            {"name": "Nova", "is_company": True, "is_ess_entity": True, "ess_legal_form": "association"}
        )
        Partner.create({"name": "Mentora", "is_ess_mentor": True, "ess_mentor_type": "volunteer"})
        package = (
            self.env["ess.service.package"]
            .with_user(self.user_officer)
            .create({"name": "Package", "estimated_hours": 10})
        )
        package.unlink()
        itinerary = self._start_itinerary(self.entity_a)
        itinerary.with_user(self.user_officer).write({"name": "Renamed itinerary"})

    def test_only_managers_configure_dimensions_and_sectors(self):
        for user in (self.user_mentor, self.user_officer):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["ess.dimension"].with_user(user).create({"name": "X", "code": "x"})
                with self.assertRaises(AccessError):
                    self.env["ess.sector"].with_user(user).create({"name": "X"})
                with self.assertRaises(AccessError):
                    self.env.ref("ess_office_base.ess_dimension_data_management").with_user(user).write(
                        {"weight": 2}
                    )
        self.env["ess.dimension"].with_user(self.user_manager).create({"name": "X", "code": "x", "weight": 2})
        self.env["ess.sector"].with_user(self.user_manager).create({"name": "X"})

    def test_portal_user_reads_only_their_own_entity(self):
        own = self.entity_a.with_user(self.portal_a)
        self.assertEqual(own.ess_legal_form, "worker_coop")
        with self.assertRaises(AccessError):
            self.entity_b.with_user(self.portal_a).read(["ess_legal_form", "ess_worker_count"])
        with self.assertRaises(AccessError):
            own.write({"ess_worker_count": 100})
        self.assertFalse(
            self.env["res.partner"].with_user(self.portal_a).search([("id", "=", self.entity_b.id)]),
        )

    def test_portal_and_public_users_cannot_read_configuration(self):
        public = self.env.ref("base.public_user")
        for user in (self.portal_a, public):
            for model in ("ess.service.package", "ess.dimension", "ess.sector"):
                with self.subTest(user=user.login, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])
        with self.assertRaises(AccessError):
            self.entity_a.with_user(public).read(["ess_legal_form"])

from urllib.parse import urlparse

from odoo.tests import HttpCase, tagged

from .common import EssOfficeCommon


@tagged("post_install", "-at_install")
class TestPortalItineraries(EssOfficeCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.itinerary_a = cls._start_itinerary(cls.entity_a)
        cls.itinerary_b = cls._start_itinerary(cls.entity_b)
        cls.itinerary_a.name = "Itinerari de la Cooperativa A"
        cls.itinerary_b.name = "Itinerari de la Cooperativa B"

    def test_my_projects_lists_only_the_entity_itinerary(self):
        for user, own, other in [
            (self.portal_a, self.itinerary_a, self.itinerary_b),
            (self.portal_b, self.itinerary_b, self.itinerary_a),
        ]:
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                response = self.url_open("/my/projects")
                self.assertEqual(response.status_code, 200)
                self.assertIn(own.name, response.text)
                self.assertNotIn(other.name, response.text)

                response = self.url_open(f"/my/projects/{own.id}")
                self.assertEqual(response.status_code, 200)
                self.assertIn(own.name, response.text)

                # Another entity's itinerary, by URL: sent back to /my, nothing of it shown.
                response = self.url_open(f"/my/projects/{other.id}")
                self.assertEqual(urlparse(response.url).path, "/my")
                self.assertNotIn(other.name, response.text)

    def test_public_visitor_is_sent_to_login(self):
        response = self.url_open(f"/my/projects/{self.itinerary_a.id}")
        self.assertIn("/web/login", response.url)
        self.assertNotIn(self.itinerary_a.name, response.text)

    def test_former_entity_loses_the_itinerary_when_it_changes_hands(self):
        self.itinerary_a.with_user(self.user_officer).ess_entity_id = self.entity_b
        self.assertFalse(
            self.itinerary_a.message_partner_ids & (self.entity_a | self.contact_a),
            "the former entity and its people no longer follow the itinerary",
        )
        self.assertEqual(self.itinerary_a.partner_id, self.entity_b)
        self.authenticate(self.portal_a.login, self.portal_a.login)
        self.assertNotIn(self.itinerary_a.name, self.url_open("/my/projects").text)
        response = self.url_open(f"/my/projects/{self.itinerary_a.id}")
        self.assertEqual(urlparse(response.url).path, "/my")
        self.assertNotIn(self.itinerary_a.name, response.text)
        self.authenticate(self.portal_b.login, self.portal_b.login)
        self.assertIn(self.itinerary_a.name, self.url_open("/my/projects").text)

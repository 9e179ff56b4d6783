import re

from odoo.tests import HttpCase, tagged

from odoo.addons.ess_office_base.tests.common import page_queries

from .test_inventory import EssInventoryCommon


@tagged("post_install", "-at_install")
class TestInventoryPortal(EssInventoryCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.itinerary_a = cls._start_itinerary(cls.entity_a)
        cls.line_b = cls._line(cls.proprietary_cloud, "email", 3, entity=cls.entity_b, name="Secret de B")

    def _csrf(self, url="/my/tools"):
        return re.search(r'name="csrf_token" value="([^"]+)"', self.url_open(url).text).group(1)

    def _post(self, url, **data):
        data.setdefault("csrf_token", self._csrf())
        return self.url_open(url, data=data)

    def _add(self, **values):
        data = {"name": "Big Cloud", "usage": "files", "user_count": "3", "data_location": "unknown",
                "status": "in_use"}  # fmt: skip
        data.update(values)
        return self._post("/my/tools/add", **data)

    def test_members_see_their_inventory_and_indicators_only(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open("/my/tools").text
        self.assertIn("Núvol Lliure", page)
        self.assertIn("&lt;b&gt;Eina&lt;/b&gt; pròpia", page, "free text is escaped")
        self.assertNotIn("<b>Eina</b>", page)
        self.assertNotIn("Secret de B", page)
        self.assertRegex(
            page, r'o_ess_free_software_share"><span[^>]*>50</span> %|o_ess_free_software_share">50 %'
        )
        home = self.url_open("/my/home").text
        self.assertIn("/my/tools", home)
        # Another entity's line, by URL or by form: not found, unchanged.
        self.assertEqual(self.url_open(f"/my/tools/{self.line_b.id}").status_code, 404)
        for url in (f"/my/tools/{self.line_b.id}", f"/my/tools/{self.line_b.id}/delete",
                    f"/my/tools/{self.line_b.id}/plan"):  # fmt: skip
            response = self._post(url, name="Hacked", usage="other", user_count="1", status="in_use",
                                  alternative_id=str(self.free_cloud.id))  # fmt: skip
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn("Secret de B", response.text)
        self.assertEqual((self.line_b.exists().name, self.line_b.status), ("Secret de B", "in_use"))

    def test_visitors_and_office_staff_have_no_inventory_page(self):
        response = self.url_open("/my/tools", allow_redirects=False)
        self.assertEqual(response.status_code, 303, "visitors log in first")
        self.authenticate(self.user_officer.login, self.user_officer.login)
        page = self.url_open("/my/tools").text
        self.assertIn("kept by the people of the ESS entities", page)
        self.assertNotIn("Big Cloud", page)

    def test_a_member_adds_a_catalogue_tool_and_sees_its_free_alternatives(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self._add(name="big cloud", holds_personal_data="on")
        line = self.Line.search([("partner_id", "=", self.entity_a.id), ("usage", "=", "files"),
                                 ("resource_id", "=", self.proprietary_cloud.id)])  # fmt: skip
        self.assertTrue(line, "the catalogue's tool, named in other letters, is linked")
        self.assertEqual(
            (line.user_count, line.holds_personal_data, line.data_location), (3, True, "outside_eu")
        )
        self.assertTrue(response.url.endswith(f"/my/tools/{line.id}"))
        self.assertIn("Free alternatives", response.text)
        self.assertIn("Núvol Lliure", response.text)
        self.assertIn("Ofimàtica Lliure", response.text)
        # Planned from the portal: a task of the entity's itinerary.
        response = self._post(f"/my/tools/{line.id}/plan", alternative_id=str(self.free_office.id),
                              date_deadline="2099-01-31")  # fmt: skip
        self.assertEqual(response.status_code, 200)
        self.assertEqual(line.status, "migrating")
        self.assertEqual(
            (line.task_id.project_id, str(line.task_id.date_deadline.date())),
            (self.itinerary_a, "2099-01-31"),
        )
        self.assertIn("o_ess_migration_task", response.text)
        # A free tool typed by hand, and the suggestions as one types.
        self._add(name="Eina de la casa", usage="crm")
        self.assertFalse(self.Line.search([("name", "=", "Eina de la casa")]).resource_id)
        suggestions = self.url_open("/my/tools/suggest?term=lliure").json()
        self.assertEqual({tool["name"] for tool in suggestions}, {"Núvol Lliure", "Ofimàtica Lliure"})
        self.assertEqual(self.url_open("/my/tools/suggest?term=Esborrany").json(), [], "published tools only")

    def test_bad_input_is_refused_with_a_message(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        before = self.Line.search_count([])
        response = self._add(name="Big Cloud", usage="email")
        self.assertEqual(response.status_code, 400)
        self.assertIn("already in the inventory", response.text)
        response = self._add(name="Eina nova", user_count="-2")
        self.assertEqual(response.status_code, 400)
        self.assertIn("0 or more", response.text)
        response = self._add(name="", usage="nonsense")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Name the tool", response.text)
        response = self._add(name="x" * 500)
        self.assertEqual(response.status_code, 400)
        response = self._add(name="Sense testimoni", csrf_token="")
        self.assertNotEqual(response.status_code, 200)
        response = self._post(f"/my/tools/{self.line_big.id}/plan", alternative_id=str(self.guide.id))
        self.assertEqual(response.status_code, 400)
        self.assertIn("Choose one of the free alternatives", response.text)
        self.assertEqual(self.Line.search_count([]), before)
        self.assertEqual(self.line_big.status, "in_use")

    def test_a_member_edits_and_removes_a_line(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self._post(f"/my/tools/{self.line_own.id}", name="Eina pròpia", usage="other", user_count="7",
                              status="kept", kept_reason="La fem servir per a la borsa de treball")  # fmt: skip
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            (self.line_own.user_count, self.line_own.kept_reason),
            (7, "La fem servir per a la borsa de treball"),
        )
        self._post(f"/my/tools/{self.line_own.id}/delete")
        self.assertFalse(self.line_own.exists())

    def test_the_inventory_page_queries_do_not_grow_with_its_lines(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        counts = []
        for size in (5, 25):
            existing = self.Line.search_count([("partner_id", "=", self.entity_a.id)])
            for index in range(existing, size):
                self._line(False, "other", index, name=f"Eina {index}")
            counts.append(page_queries(self, "/my/tools")[0])
        self.assertEqual(counts[0], counts[1], counts)


@tagged("post_install", "-at_install")
class TestInventoryTour(EssInventoryCommon, HttpCase):
    def test_an_entity_member_adds_a_tool_and_sees_its_free_alternatives(self):
        self.start_tour("/my/tools", "ess_catalogue_member_adds_tool", login=self.portal_a.login)
        line = self.Line.search([("partner_id", "=", self.entity_a.id), ("usage", "=", "video_calls")])
        self.assertEqual((line.resource_id, line.user_count), (self.proprietary_cloud, 7))

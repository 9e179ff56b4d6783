from odoo.tests import HttpCase, tagged

from .common import EssToolInventoryCommon


@tagged("post_install", "-at_install")
class TestRecommendedResources(EssToolInventoryCommon):
    def test_recommended_resources_for_the_weakest_dimensions(self):
        diagnosis = self._done_diagnosis(
            self.entity_a, {self.q_data_single: 0, self.q_data_multi: [3], self.q_free: 0}
        )
        self.assertEqual(diagnosis._ess_weakest_scores().dimension_id, self.dim_data | self.dim_free)
        recommended = diagnosis._ess_recommended_resources()
        self.assertNotIn(self.draft, recommended)
        self.assertNotIn(self.submitted, recommended)
        self.assertEqual(recommended[0], self.free_cloud, "free software by an ESS provider first")
        self.assertEqual(recommended[:2], self.free_cloud | self.free_office, "then the other free software")
        self.assertEqual(set(recommended), set(self.published))
        self.assertEqual(diagnosis.recommended_resource_ids, recommended)
        strong = self._done_diagnosis(
            self.entity_b,
            {self.q_data_single: 4, self.q_data_multi: [0, 1, 2], self.q_free: 4},
            partner=self.contact_b,
        )
        self.assertFalse(strong._ess_recommended_resources())


@tagged("post_install", "-at_install")
class TestRecommendedResourcesHttp(EssToolInventoryCommon, HttpCase):
    def test_the_diagnosis_page_and_report_recommend_published_resources(self):
        diagnosis = self._done_diagnosis(
            self.entity_a, {self.q_data_single: 0, self.q_data_multi: [3], self.q_free: 0}
        )
        self.authenticate(self.portal_a.login, self.portal_a.login)
        for url in (f"/my/diagnoses/{diagnosis.id}", f"/my/diagnoses/{diagnosis.id}?report_type=html"):
            with self.subTest(url=url):
                page = self.url_open(url).content.decode()
                self.assertIn("Recommended resources", page)
                section = page[page.index("o_ess_recommended_resources") :]
                self.assertIn("Núvol Lliure", section)
                self.assertNotIn("Esborrany secret", section)
                self.assertLess(
                    section.index("Núvol Lliure"), section.index("Big Cloud"), "free software first"
                )

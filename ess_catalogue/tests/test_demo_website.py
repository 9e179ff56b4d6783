from lxml import etree

from odoo.tests import HttpCase, tagged

# Odoo's sample texts that must not show on the demo office's website.
SAMPLES = (
    "YourCompany",
    "YourLogo",
    "Company name",
    "We are a team of passionate people",
    "info@yourcompany.example.com",
    "+1 555-555-5556",
    "Free Returns and Standard Shipping",
)


@tagged("post_install", "-at_install")
class TestDemoWebsite(HttpCase):
    def test_demo_website_is_the_office_in_three_languages(self):
        homepage_texts = {
            "/": "Digital transformation for the social and solidarity economy",
            "/ca/": "Transformació digital per a l'economia social i solidària",
            "/es/": "Transformación digital para la economía social y solidaria",
        }
        footer_texts = {
            "/": "About the office",
            "/ca/": "Sobre l'oficina",
            "/es/": "Sobre la oficina",
        }
        for url, heading in homepage_texts.items():
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                page = response.text
                for sample in SAMPLES:
                    self.assertNotIn(sample, page)
                self.assertIn(heading, page)
                self.assertIn(footer_texts[url], page)
                self.assertIn("Oficina Tècnica ESS Digital del Bages", page)
                self.assertIn("hola@oficina-ess-bages.example", page)

    def test_demo_homepage_takes_building_blocks(self):
        # The editor drops building blocks into a branded .oe_structure: the demo homepage's
        # #wrap stays one, as on website's own homepage (were it unbranded, the editor would
        # offer no building block there).
        website = self.env.ref("website.default_website")
        [wrap] = self._homepage_wrap(website)
        self.assertIn("oe_structure", wrap.get("class").split())
        self.assertEqual(wrap.get("data-oe-model"), "ir.ui.view")
        self.assertEqual(wrap.get("data-oe-field"), "arch")
        self.assertIn("Digital transformation for the social and solidarity economy", wrap.xpath("string()"))

    def _homepage_wrap(self, website):
        """The homepage's #wrap on ``website``, branded as the editor gets it."""
        View = self.env["ir.ui.view"].with_context(inherit_branding=True, website_id=website.id)
        homepage = website.with_context(website_id=website.id).viewref("website.homepage")
        return etree.fromstring(View._read_template(homepage.id)).xpath("//div[@id='wrap']")

    def test_demo_logo_is_the_office_logo(self):
        website = self.env.ref("website.default_website")
        response = self.url_open(f"/web/image/website/{website.id}/logo")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "image/png")
        self.assertNotIn(b"YourLogo", response.content)
        self.assertEqual(self.env.ref("base.main_company").name, "Oficina Tècnica ESS Digital del Bages")


@tagged("post_install", "-at_install")
class TestDemoCatalogue(HttpCase):
    def test_demo_catalogue_has_real_resources_in_three_languages(self):
        Resource = self.env["ess.catalogue.resource"]
        published = Resource.search([("is_published", "=", True)])
        self.assertGreaterEqual(len(published), 40)
        self.assertEqual(
            set(published.mapped("resource_type")),
            {"tool", "provider_service", "programme", "training", "case", "guide", "funding"},
        )
        outcomes = set(published.filtered(lambda r: r.resource_type == "case").mapped("case_outcome"))
        self.assertLessEqual({"success", "failure"}, outcomes, "a success and a failure are shared")
        self.assertTrue(published.filtered("video_embed_code"), "a training capsule")
        for provider in ("femprocomuns", "colectic", "coopdevs"):
            partner = self.env.ref(f"ess_office_base.res_partner_ess_provider_{provider}")
            services = published.filtered(
                lambda r, p=partner: r.provider_id == p and r.resource_type == "provider_service"
            )
            self.assertTrue(services, provider)
        odoo_erp = published.filtered(lambda r: r.name.startswith("Odoo"))
        self.assertTrue(odoo_erp)
        proprietary = published.filtered(lambda r: r.license_type == "proprietary")
        self.assertTrue(proprietary)
        self.assertFalse(
            proprietary.filtered(lambda r: not r.alternative_ids), "each has its free alternatives"
        )
        untranslated = [r.name for r in published if r.with_context(lang="ca_ES").summary == r.summary]
        self.assertFalse(untranslated, "every summary in Catalan")
        self.assertFalse(
            [r.name for r in published if r.with_context(lang="es_ES").description == r.description]
        )
        # The translations come from PO files, past the ORM: the search reads them all the same.
        for resource in published:
            for lang in ("ca_ES", "es_ES"):
                self.assertIn(resource.with_context(lang=lang).summary, resource.search_document)
        self.assertEqual(Resource.search_count([("state", "=", "submitted")]), 2, "proposals to moderate")
        page = self.url_open("/ca/catalogue").text
        self.assertIn("Catàleg", page)

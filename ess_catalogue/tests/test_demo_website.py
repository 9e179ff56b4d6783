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

    def test_demo_logo_is_the_office_logo(self):
        website = self.env.ref("website.default_website")
        response = self.url_open(f"/web/image/website/{website.id}/logo")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "image/png")
        self.assertNotIn(b"YourLogo", response.content)
        self.assertEqual(self.env.ref("base.main_company").name, "Oficina Tècnica ESS Digital del Bages")

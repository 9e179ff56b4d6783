import re
import urllib.parse

from odoo import sql_db
from odoo.tests import HttpCase, tagged

from odoo.addons.ess_office_base.tests.common import page_queries

from .common import EssCatalogueCommon


class CatalogueHttpCase(EssCatalogueCommon, HttpCase):
    def _count(self, page, facet, value):
        match = re.search(rf'o_ess_facet_count" data-value="{re.escape(f"{facet}:{value}")}">(\d+)<', page)
        return int(match.group(1)) if match else None

    def _results(self, page):
        return int(re.search(r'o_ess_result_count">(\d+)', page).group(1))

    def csrf_token(self):
        return re.search(r'csrf_token: "([^"]+)"', self.url_open("/catalogue/submit").text).group(1)


@tagged("post_install", "-at_install")
class TestCatalogueWebsite(CatalogueHttpCase):
    def test_visitors_see_only_published_resources(self):
        page = self.url_open("/catalogue").text
        for resource in self.published:
            self.assertIn(resource.name, page)
        for hidden in (self.draft, self.submitted):
            self.assertNotIn(hidden.name, page)
            response = self.url_open(f"/catalogue/{self.env['ir.http']._slug(hidden)}")
            self.assertEqual(response.status_code, 404)
            self.assertNotIn(hidden.name, response.text)
        self.assertEqual(self.url_open(self.free_cloud.website_url).status_code, 200)
        sitemap = self.url_open("/sitemap.xml").text
        self.assertIn(self.free_cloud.website_url, sitemap)
        self.assertNotIn(f"/catalogue/{self.env['ir.http']._slug(self.draft)}", sitemap)

    def test_facets_combine_and_count(self):
        page = self.url_open("/catalogue?search=Test%20only").text
        self.assertEqual(self._results(page), 0)
        # Only the test's resources carry this tag: counts of the other facets follow the filter.
        page = self.url_open(f"/catalogue?tag={self.tag_cloud.id}").text
        self.assertEqual(self._results(page), 2)
        self.assertEqual(self._count(page, "license", "free_software"), 1)
        self.assertEqual(self._count(page, "license", "proprietary"), 1)
        self.assertEqual(self._count(page, "cost", "paid"), 1)
        page = self.url_open(f"/catalogue?tag={self.tag_cloud.id}&license=free_software").text
        self.assertEqual(self._results(page), 1)
        self.assertIn("Núvol Lliure", page)
        self.assertNotIn("Big Cloud", page)
        # A facet's own counts ignore its own filter, so that one can add a value.
        self.assertEqual(self._count(page, "license", "proprietary"), 1)
        self.assertEqual(self._count(page, "lang", "ca_ES"), 1)
        page = self.url_open(
            f"/catalogue?tag={self.tag_cloud.id}&license=free_software,proprietary&cost=paid"
        ).text
        self.assertEqual(self._results(page), 1)
        self.assertIn("Big Cloud", page)
        self.assertRegex(page, rf'name="tag" value="{self.tag_cloud.id}" checked', "the filters stay checked")
        page = self.url_open(
            f"/catalogue?tag={self.tag_cloud.id}&license=free_software&license=proprietary&cost=paid"
        ).text
        self.assertEqual(self._results(page), 1, "the facet form repeats the parameter")
        page = self.url_open("/catalogue?search=sobirania").text
        self.assertEqual(self._results(page), 1)
        self.assertIn("Guia de sobirania", page)
        # Unknown values are ignored, never searched.
        self.assertEqual(self.url_open("/catalogue?license=x'),(1,'=',1&dimension=abc").status_code, 200)

    def test_counts_follow_moderation_and_translations(self):
        """The facet counts are cached: any change to a resource shows at once."""
        url = f"/catalogue?tag={self.tag_cloud.id}"
        page = self.url_open(url).text
        self.assertEqual(self._results(page), 2)
        self.assertEqual(self._count(page, "license", "proprietary"), 1)
        self.proprietary_cloud.action_draft()
        page = self.url_open(url).text
        self.assertEqual(self._results(page), 1)
        self.assertIsNone(
            self._count(page, "license", "proprietary"), "an unpublished resource is not counted"
        )
        self.proprietary_cloud.action_publish()
        page = self.url_open(url).text
        self.assertEqual(self._results(page), 2)
        self.assertEqual(self._count(page, "cost", "paid"), 1)
        free = self._count(page, "cost", "free") or 0
        self.proprietary_cloud.cost = "free"
        page = self.url_open(url).text
        self.assertEqual(self._count(page, "cost", "free"), free + 1)
        self.assertIsNone(self._count(page, "cost", "paid"))
        # A translation written from the backend's translation dialog is searched at once.
        self.assertEqual(self._results(self.url_open("/catalogue?search=nube%20soberana").text), 0)
        self.free_cloud.update_field_translations("summary", {"es_ES": "Una nube soberana"})
        page = self.url_open("/catalogue?search=nube%20soberana").text
        self.assertEqual(self._results(page), 1)
        self.assertIn("Núvol Lliure", page)
        # Searches read the description as text, not its markup.
        self.assertEqual(self._results(self.url_open("/catalogue?search=%3Cp%3E").text), 0)

    def test_drafts_and_proposals_leave_the_cached_counts_alone(self):
        warm, _response = page_queries(self, "/catalogue")
        self._resource("Proposta nova", state="submitted")
        self.draft.summary = "Ningú no ho veu"
        self.env.flush_all()  # the writes themselves are not the page's queries
        before = sql_db.sql_counter
        self.url_open("/catalogue")
        self.assertEqual(sql_db.sql_counter - before, warm, "the counts are still cached")
        self.free_cloud.summary = "Un núvol canviat"
        self.env.flush_all()
        before = sql_db.sql_counter
        self.url_open("/catalogue")
        self.assertGreater(sql_db.sql_counter - before, warm, "a published resource changed: counted again")

    def test_a_change_to_a_published_resource_leaves_odoo_other_caches_alone(self):
        """The counts follow the published resources they count (the listing's version), not a
        clear of the whole registry cache: another model's cached value survives the change."""
        url = f"/catalogue?tag={self.tag_cloud.id}"
        page = self.url_open(url).text
        self.assertEqual(self._count(page, "cost", "paid"), 1)
        Parameters = self.env["ir.config_parameter"].sudo()
        Parameters.get_param("web.base.url")  # cached by its ormcache
        self.proprietary_cloud.cost = "free"
        self.free_cloud.update_field_translations("summary", {"es_ES": "Una nube cambiada"})
        self.env.flush_all()
        before = sql_db.sql_counter
        Parameters.get_param("web.base.url")
        self.assertEqual(sql_db.sql_counter - before, 0, "the registry cache was not cleared")
        page = self.url_open(url).text
        self.assertIsNone(self._count(page, "cost", "paid"), "the counts follow the change")
        self.assertEqual(self._count(page, "cost", "free"), 2)
        self.assertEqual(self._results(self.url_open("/catalogue?search=nube%20cambiada").text), 1)
        self.proprietary_cloud.unlink()
        page = self.url_open(url).text
        self.assertEqual(self._results(page), 1, "an unlinked resource is no longer counted")

    def test_the_site_search_and_the_catalogue_find_the_same_resources(self):
        """The header's search box (/website/search), the site search's model search and
        /catalogue?search= run the model's one search: the same words, the same resources."""
        self.free_office.description = "<p>Documents compartits al núvol</p>"
        self.free_cloud.update_field_translations("summary", {"es_ES": "Una nube soberana"})
        link = re.compile(r'href="(/catalogue/[\w-]+-\d+)"')
        website = self.env["website"].get_current_website()
        cases = {
            "Lliure": self.free_cloud | self.free_office,
            "Lliure short": self.free_cloud | self.free_office,
            "in short": self.published,
            "compartits": self.free_office,  # the description
            "nube soberana": self.free_cloud,  # a translation
            "Cloud": self.proprietary_cloud,
            "Esborrany secret": self.Resource,  # a draft
            # Every word, anywhere: the office suite's description speaks of a "núvol" too.
            "Núvol Lliure short": self.free_cloud | self.free_office,
            "Núvol Lliure Cloud": self.Resource,
        }
        for words, expected in cases.items():
            with self.subTest(search=words):
                query = urllib.parse.quote(words)
                site = set(link.findall(self.url_open(f"/website/search?search={query}").text))
                catalogue = set(link.findall(self.url_open(f"/catalogue?search={query}").text))
                _count, details, _fuzzy = website._search_with_fuzzy(
                    "catalogue", words, limit=100, order="name asc", options={"displayDescription": True}
                )
                self.assertEqual(details[0]["results"], expected)
                self.assertEqual(catalogue, set(expected.mapped("website_url")))
                self.assertEqual(site, catalogue)

    def test_sorting_by_rating(self):
        self.free_office.with_user(self.portal_a).message_post(
            body="Bona", message_type="comment", subtype_xmlid="mail.mt_comment", rating_value=5
        )
        page = self.url_open(f"/catalogue?dimension={self.dim_data.id}&sort=rating").text
        self.assertLess(page.index("Ofimàtica Lliure"), page.index("Núvol Lliure"))
        page = self.url_open(f"/catalogue?dimension={self.dim_data.id}&sort=name").text
        self.assertLess(page.index("Big Cloud"), page.index("Núvol Lliure"))

    def test_resource_page_shows_provider_licence_alternatives_and_reviews(self):
        page = self.url_open(self.proprietary_cloud.website_url).text
        self.assertIn("Free alternatives", page)
        self.assertIn("Núvol Lliure", page)
        self.assertIn("o_ess_sells_data", page)
        page = self.url_open(self.free_cloud.website_url).text
        self.assertIn("A free alternative to", page)
        self.assertIn("Big Cloud", page)
        self.assertIn("Cooperativa Proveïdora", page)
        self.assertIn("o_ess_free_software", page)
        self.assertIn("o_portal_chatter", page)
        page = self.url_open("/catalogue/providers").text
        self.assertIn("Cooperativa Proveïdora", page)
        page = self.url_open(f"/catalogue/providers/{self.env['ir.http']._slug(self.provider)}").text
        self.assertIn("Núvol Lliure", page)
        self.assertEqual(
            self.url_open(f"/catalogue/providers/{self.env['ir.http']._slug(self.entity_b)}").status_code, 404
        )

    def test_website_search_finds_published_resources_only(self):
        result = self.make_jsonrpc_request(
            "/website/snippet/autocomplete",
            {"search_type": "catalogue", "term": "Lliure", "order": "name asc", "limit": 10, "max_nb_chars": 100,
             "options": {"displayDescription": True}},
        )  # fmt: skip
        names = [re.sub(r"<[^>]+>|\s", "", row["name"]) for row in result["results"]]
        self.assertIn("NúvolLliure", names)
        self.draft.name = "Lliure però esborrany"
        result = self.make_jsonrpc_request(
            "/website/snippet/autocomplete",
            {"search_type": "all", "term": "esborrany", "order": "name asc", "limit": 10, "max_nb_chars": 100,
             "options": {"displayDescription": True, "displayDetail": False}},
        )  # fmt: skip
        self.assertFalse([row for row in result["results"] if "esborrany" in str(row.get("name"))])


@tagged("post_install", "-at_install")
class TestCatalogueProposals(CatalogueHttpCase):
    def _propose(self, **values):
        data = {
            "name": "Eina proposada",
            "resource_type": "tool",
            "url": "https://example.org",
            "summary": "Una eina",
            "description": "Serveix per a <b>moltes</b> coses",
            "proposer_name": "Visitant",
            "proposer_email": "visitant@example.org",
            "csrf_token": self.csrf_token(),
        }
        data.update(values)
        return self.url_open("/catalogue/submit", data={k: v for k, v in data.items() if v is not None})

    def _proposals(self):
        return self.Resource.sudo().search([("state", "=", "submitted"), ("id", "!=", self.submitted.id)])

    def test_a_visitor_proposes_a_resource_the_public_does_not_see(self):
        response = self._propose(
            dimension_ids=str(self.dim_data.id),
            state="published",
            is_published="1",
            proposer_name="<i>Anna</i>",
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_ess_submit_thanks", response.text)
        proposal = self._proposals()
        self.assertEqual(len(proposal), 1)
        self.assertEqual(
            (proposal.state, proposal.is_published), ("submitted", False), "whitelisted fields only"
        )
        self.assertEqual(proposal.dimension_ids, self.dim_data)
        self.assertIn("&lt;b&gt;moltes&lt;/b&gt;", proposal.description, "the visitor's text is escaped")
        self.assertEqual(proposal.proposer_email, "visitant@example.org")
        self.assertNotIn("Eina proposada", self.url_open("/catalogue").text)
        officers = self.env.ref("ess_office_base.group_ess_officer").users.partner_id
        notified = self.env["mail.message"].search(
            [("model", "=", "ess.catalogue.resource"), ("res_id", "=", proposal.id)]
        )
        self.assertTrue(notified.partner_ids & officers)
        bodies = " ".join(notified.mapped("body"))
        self.assertIn(
            "&lt;i&gt;Anna&lt;/i&gt;", bodies, "the officers' notification escapes the visitor's name"
        )
        self.assertNotIn("<i>Anna", bodies)

    def test_bad_proposals_are_refused_and_create_nothing(self):
        cases = {
            "no name": {"name": ""},
            "javascript link": {"url": "javascript:alert(1)"},
            "a megabyte": {"description": "x" * 1_000_000},
            "no email": {"proposer_email": ""},
            "unknown type": {"resource_type": "virus"},
        }
        for label, values in cases.items():
            with self.subTest(case=label):
                response = self._propose(**values)
                self.assertEqual(response.status_code, 400)
                self.assertIn("o_ess_submit_errors", response.text)
        response = self._propose(csrf_token=None)
        self.assertEqual(response.status_code, 400, "no CSRF token")
        self.assertNotIn("o_ess_submit_thanks", response.text)
        response = self._propose(company_website="http://spam.example")
        self.assertEqual(response.status_code, 200, "the robot is not told")
        self.assertFalse(self._proposals())

    def test_visitors_are_rate_limited_per_address(self):
        for index in range(5):
            self.assertEqual(self._propose(name=f"Eina {index}").status_code, 200)
        response = self._propose(name="Eina de massa")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Too many proposals", response.text)
        self.assertEqual(len(self._proposals()), 5)

    def test_entity_members_are_rate_limited_per_person(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        for index in range(5):
            self.assertEqual(
                self._propose(name=f"Eina {index}", proposer_name=None, proposer_email=None).status_code, 200
            )
        response = self._propose(name="Eina de massa", proposer_name=None, proposer_email=None)
        self.assertEqual(response.status_code, 400)
        self.assertIn("Too many proposals", response.text)
        self.assertEqual(len(self._proposals()), 5)
        self.assertFalse(self.Resource.sudo().search([("name", "=", "Eina de massa")]), "nothing stored")
        # Another person, from the same address, is not held back by the first one.
        self.authenticate(self.portal_b.login, self.portal_b.login)
        self.assertEqual(
            self._propose(name="Eina de B", proposer_name=None, proposer_email=None).status_code, 200
        )
        self.authenticate(None, None)
        self.assertEqual(self._propose(name="Eina d'un visitant").status_code, 200)

    def test_an_entity_member_proposes_under_their_name(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self._propose(proposer_name=None, proposer_email=None)
        self.assertEqual(response.status_code, 200)
        proposal = self._proposals()
        self.assertEqual(proposal.proposer_partner_id, self.contact_a)


@tagged("post_install", "-at_install")
class TestCataloguePerformance(CatalogueHttpCase):
    def _fill(self, count):
        existing = self.Resource.sudo().search_count([("is_published", "=", True)])
        self.Resource.create(
            [
                {
                    "name": f"Recurs {index}",
                    "summary": "Un recurs de prova",
                    "resource_type": ("tool", "guide", "training")[index % 3],
                    "license_type": ("free_software", "proprietary", "open_content", "freemium")[index % 4],
                    "cost": ("free", "paid", "mixed")[index % 3],
                    "dimension_ids": [(6, 0, (self.dim_data if index % 2 else self.dim_free).ids)],
                    "tag_ids": [(6, 0, self.tag_cloud.ids)] if index % 5 == 0 else [],
                    "state": "published",
                }
                for index in range(existing, count)
            ]
        )
        self.env.flush_all()

    def test_catalogue_queries_do_not_grow_with_ten_thousand_resources(self):
        # The catalogue's own queries: a live chat on the website (ESSBot, when ess_bot is
        # installed) adds Odoo's own to every page, counted by ess_bot's tests.
        website = self.env.ref("website.default_website")
        if "channel_id" in website._fields:
            website.channel_id = False
        urls = ["/catalogue", f"/catalogue?dimension={self.dim_data.id}", "/catalogue?search=Recurs%201"]
        counts = {}
        for size in (100, 10_000):
            self._fill(size)
            counts[size] = [page_queries(self, url)[0] for url in urls]
        self.assertEqual(counts[100], counts[10_000], f"queries: {counts}")
        # The same when the facet counts are not cached yet (a new search, a changed resource).
        cold = {}
        for size in (10_000, 10_100):
            self._fill(size)
            cold[size] = [page_queries(self, url, between=self.env.registry.clear_cache)[0] for url in urls]
        self.assertEqual(cold[10_000], cold[10_100], f"queries with the counts to make: {cold}")
        for url, cold_queries, warm_queries in zip(urls, cold[10_000], counts[10_000], strict=True):
            self.assertGreater(
                cold_queries, warm_queries, f"{url}: warm pages read their counts from the cache"
            )
        # Warm pages, as the website's own performance tests count them: at most 20 each.
        for url in urls:
            with self.subTest(url=url), self.assertQueryCount(20):
                self.url_open(url)

from hypothesis import example, given
from hypothesis import strategies as st

from odoo.tests import HttpCase, tagged

from odoo.addons.ess_office_base.tests.fuzz import (
    EssFuzzCase,
    broken_query,
    fuzz_settings,
    markup_payloads,
    numbers,
    path_ids,
    raw_bodies,
    rpc_values,
    texts,
)
from odoo.addons.ess_office_base.tools import form_text

from ..controllers.main import DESCRIPTION_MAX, NAME_MAX, PERSON_MAX, SUMMARY_MAX, URL_MAX
from ..models.ess_catalogue_resource import COSTS, FACETS, LICENSE_TYPES, RESOURCE_TYPES
from .common import EssCatalogueCommon

MODELS = ("ess.catalogue.resource", "mail.message", "rating.rating", "mail.mail", "mail.notification")
SECRETS = ("Esborrany secret", "Proposta pendent", "visitant@example.com")
PROPOSAL_KEYS = ("name", "summary", "url", "description", "resource_type", "license_type", "cost",
                 "proposer_name", "proposer_email", "dimension_ids", "company_website", "state",
                 "is_published")  # fmt: skip


def choices(valid):
    return st.one_of(st.sampled_from(valid), st.sampled_from(valid), texts(max_huge=1000))


@tagged("post_install", "-at_install")
class TestCatalogueFuzz(EssFuzzCase, EssCatalogueCommon, HttpCase):
    """Bad input on the public catalogue: the listing's facets, search, sort and pages,
    the resources' and providers' pages, proposals, reviews and comments."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hidden = (cls.draft.id, cls.submitted.id)

    def _hidden_snapshot(self):
        self.env.invalidate_all()
        return (self.draft | self.submitted).read(
            ["name", "state", "is_published", "summary", "review_count", "message_ids"]
        )

    def test_listing_parameters(self):
        facet_values = {
            "type": [code for code, _label in RESOURCE_TYPES], "license": [code for code, _label in LICENSE_TYPES],
            "cost": [code for code, _label in COSTS], "lang": ["ca_ES", "es_ES", "en_US"],
            "dimension": [str(self.dim_data.id)], "tag": [str(self.tag_cloud.id)],
        }  # fmt: skip

        @fuzz_settings(60)
        @example(
            params=[("search", "a\x00b"), ("dimension", "²"), ("tag", "9" * 30)],
            page=1,
            query="",
            form="query",
            logged=False,
        )
        @given(
            params=st.lists(
                st.tuples(
                    st.sampled_from((*FACETS, "search", "sort", "page", "search", "x")),
                    st.one_of(texts(max_huge=3000), numbers(), st.sampled_from(sum(facet_values.values(), [])),
                              st.sampled_from(("newest", "name", "rating"))),
                ),
                max_size=6,
            ),
            page=path_ids(),
            query=broken_query([*FACETS, "search", "sort", "page"]),
            form=st.sampled_from(("query", "path", "broken")),
            logged=st.booleans(),
        )  # fmt: skip
        def open_listing(params, page, query, form, logged):
            if logged != bool(getattr(getattr(self, "session", None), "uid", None)):
                self.authenticate(*((self.portal_a.login,) * 2 if logged else (None, None)))
            encoded = "&".join(self.fuzz_query(**{key: value}) for key, value in params)
            url = {"query": f"/catalogue?{encoded}", "path": f"/catalogue/page/{page}?{encoded}",
                   "broken": f"/catalogue?{query}"}[form]  # fmt: skip
            response = self.fuzz_open("/catalogue/page/<page>" if form == "path" else "/catalogue", url)
            self.assertIn(response.status_code, (200, 303, 404), url[:300])
            for secret in SECRETS:
                self.assertNotIn(secret, response.text, "no unpublished resource in the listing")
            for _key, value in params:
                if "<" in value:
                    self.assertEscaped(response.text, value.strip()[:100], url[:300])

        open_listing()
        self.assertFuzzed(60)

    def test_resource_and_provider_pages(self):
        @fuzz_settings(40)
        @given(
            route=st.sampled_from(("/catalogue/<slug>", "/catalogue/providers/<slug>", "/catalogue/providers",
                                   "/catalogue/submit")),
            slug=st.one_of(
                st.builds(lambda name, record_id: f"{name}-{record_id}", texts(max_huge=500),
                          path_ids((*self.hidden, *self.published.ids, self.provider.id, self.entity_a.id))),
                texts(max_huge=2000),
                st.sampled_from((f"x-{self.draft.id}", f"x-{self.submitted.id}", f"y-{self.entity_a.id}",
                                 f"z-{self.provider.id}", f"w-{self.free_cloud.id}")),
            ),
            params=st.dictionaries(st.sampled_from(("search", "page", "message", "x")), texts(max_huge=500),
                                   max_size=2),
        )  # fmt: skip
        def open_page(route, slug, params):
            # A NUL in a URL's path reaches core's attachment lookup by path (ir.http's
            # _serve_fallback), which crashes on it for any URL: NULs go in queries and forms.
            quoted = self.fuzz_query(s=slug.replace("\x00", ""))[2:].replace("%2F", "-")
            url = route.replace("<slug>", quoted or "-") + "?" + self.fuzz_query(**params)
            response = self.fuzz_open(route, url)
            self.assertIn(response.status_code, (200, 301, 303, 404), url[:300])
            if response.status_code == 200:
                for secret in SECRETS + ("Cooperativa A",):
                    self.assertNotIn(secret, response.text, url[:300])
            for value in [slug, *params.values()]:
                if "<" in value and len(value) > 3:
                    self.assertEscaped(response.text, value, url[:300])

        open_page()
        self.assertFuzzed(40)

    def _valid_proposal(self, form, visitor):
        """Whether the form holds a proposal, the values read as the route reads them
        (form_text: stripped, without NUL characters)."""
        value = {key: form_text(form.get(key, "")) for key in PROPOSAL_KEYS}
        lengths = (("name", NAME_MAX), ("summary", SUMMARY_MAX), ("url", URL_MAX), ("description", DESCRIPTION_MAX),
                   ("proposer_name", PERSON_MAX), ("proposer_email", PERSON_MAX))  # fmt: skip
        url, email = value["url"], value["proposer_email"]
        return (
            value["name"] and all(len(value[key]) <= limit for key, limit in lengths)
            and (not url or url.lower().startswith(("http://", "https://")))
            and value["resource_type"] in dict(RESOURCE_TYPES)
            and value["license_type"] in ("", *dict(LICENSE_TYPES))
            and value["cost"] in ("", *dict(COSTS))
            and (not visitor or (value["proposer_name"] and "@" in email and " " not in email))
        )  # fmt: skip

    def test_proposals(self):
        Resource = self.env["ess.catalogue.resource"].sudo()

        @fuzz_settings(50)
        # Found by the fuzzer: a name of only a NUL character is no name once read.
        @example(visitor=True, name=("\x00", None), description=("<script>ess-fuzz-0</script>", "ess-fuzz-0"),
                 summary="", url="", resource_type="tool", license_type="", cost="",
                 proposer=("Laia", "laia@example.org"), extra={}, raw=None)  # fmt: skip
        @given(
            visitor=st.booleans(),
            name=st.one_of(markup_payloads(), texts().map(lambda text: (text, None))),
            description=st.one_of(markup_payloads(), texts().map(lambda text: (text, None))),
            summary=texts(max_huge=1000),
            url=st.one_of(st.just(""), st.sampled_from(("https://example.org", "javascript:alert(1)")), texts(500)),
            resource_type=choices([code for code, _label in RESOURCE_TYPES]),
            license_type=choices(["", *(code for code, _label in LICENSE_TYPES)]),
            cost=choices(["", *(code for code, _label in COSTS)]),
            proposer=st.sampled_from((("Laia", "laia@example.org"), ("", ""), ("<b>x</b>", "a b@c"))),
            extra=st.dictionaries(st.sampled_from(("dimension_ids", "state", "is_published", "proposer_ip")),
                                  numbers((self.dim_data.id,)), max_size=3),
            raw=st.one_of(st.none(), raw_bodies(list(PROPOSAL_KEYS))),
        )  # fmt: skip
        def propose(
            visitor, name, description, summary, url, resource_type, license_type, cost, proposer, extra, raw
        ):
            if visitor != (not getattr(getattr(self, "session", None), "uid", None)):
                self.authenticate(*((None, None) if visitor else (self.portal_a.login,) * 2))
            # The hourly limit counts this hour's proposals: the test's own, from earlier examples, are older.
            self.env.cr.execute(
                "UPDATE ess_catalogue_resource SET create_date = create_date - interval '2 hours'"
            )
            csrf = self.fuzz_csrf("/catalogue/submit")
            before, hidden = self.fuzz_rows(*MODELS), self._hidden_snapshot()
            form = dict(extra, name=name[0], description=description[0], summary=summary, url=url,
                        resource_type=resource_type, license_type=license_type, cost=cost,
                        proposer_name=proposer[0], proposer_email=proposer[1])  # fmt: skip
            if raw is not None and len(raw) % 3 == 0:  # files sent where the texts are expected
                files = {key: (f"{key}.txt", raw) for key in ("name", "description", "proposer_email")}
                response = self.fuzz_open("/catalogue/submit", "/catalogue/submit", data=dict(form, csrf_token=csrf),
                                          files=files)  # fmt: skip
                self.assertEqual(response.status_code, 400, "no name, no proposal")
                self.assertNothingCreated(before, raw)
                return
            if raw is not None:
                body = raw + b"&csrf_token=" + csrf.encode()
                response = self.fuzz_open("/catalogue/submit", "/catalogue/submit", data=body,
                                          headers={"Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
                self.assertEqual(self._hidden_snapshot(), hidden)
                if response.status_code != 200:
                    self.assertNothingCreated(before, raw)
                return
            response = self.fuzz_open(
                "/catalogue/submit", "/catalogue/submit", data=dict(form, csrf_token=csrf)
            )
            self.assertEqual(self._hidden_snapshot(), hidden, "no other resource changes")
            if not self._valid_proposal(form, visitor):
                self.assertEqual(response.status_code, 400, {key: value[:50] for key, value in form.items()})
                self.assertNothingCreated(before, form)
                for value in (name[0], description[0], summary):
                    if "<" in value.strip():
                        self.assertEscaped(response.text, value.strip(), "the proposal form shown again")
                return
            self.assertEqual(response.status_code, 200)
            proposal = Resource.search([], order="id desc", limit=1)
            self.assertEqual(
                (proposal.name, proposal.state, proposal.is_published),
                (form_text(name[0]), "submitted", False),
            )
            self.assertSanitized(proposal.description, description[1], "the proposal's description")
            for text, marker in (name, description):
                if marker:
                    self.assertIn(marker, str(proposal.name) + str(proposal.description))
                    self.assertEscaped(str(proposal.description), text.strip(), "the proposal's description")
                    self.assertEscaped(response.text, text.strip(), "the thanks page")
                    self.assertMailsSafe(marker, text.strip())

        propose()
        self.assertFuzzed(50)

    def test_reviews_and_comments(self):
        users = {
            "visitor": None,
            "portal_a": self.portal_a,
            "portal_b": self.portal_b,
            "mentor": self.user_mentor,
        }

        @fuzz_settings(50)
        @given(
            who=st.sampled_from(sorted(users)),
            target=st.one_of(st.sampled_from((*self.published.ids, *self.hidden)), path_ids()),
            body=st.one_of(markup_payloads(), texts(max_huge=20_000).map(lambda text: (text, None))),
            rating=st.one_of(st.none(), st.integers(-5, 10), rpc_values()),
            route=st.sampled_from(("/mail/message/post", "/mail/message/post", "call_kw")),
            method=st.sampled_from(("write", "read", "search_read", "action_publish", "message_post", "unlink",
                                    "_ess_reject", "copy", "create")),
            values=st.dictionaries(st.sampled_from(("name", "state", "is_published", "summary", "description",
                                                    "proposer_email", "review_avg", "website_id", "no_such_field")),
                                   rpc_values(), max_size=3),
        )  # fmt: skip
        def post(who, target, body, rating, route, method, values):
            user = users[who]
            if (user and user.id) != getattr(getattr(self, "session", None), "uid", None):
                self.authenticate(*((user.login,) * 2 if user else (None, None)))
            before, hidden = self.fuzz_rows(*MODELS), self._hidden_snapshot()
            text, marker = body
            if route == "call_kw":
                model = "ess.catalogue.resource"
                args = self.fuzz_rpc_args(model, method, [target], values)
                kwargs = {"body": text, "rating_value": rating} if method == "message_post" else {}
                params = {"model": model, "method": method, "args": args, "kwargs": kwargs}
                _result, error = self.fuzz_rpc("/web/dataset/call_kw", "/web/dataset/call_kw", params)
                if error:
                    self.assertNothingCreated(before, params)
                if who != "mentor" or error:
                    self.assertEqual(self._hidden_snapshot(), hidden, f"{who} {method} {values!r:.200}")
                return
            post_data = {"body": text, "message_type": "comment", "subtype_xmlid": "mail.mt_comment"}
            if rating is not None:
                post_data["rating_value"] = rating
            params = {"thread_model": "ess.catalogue.resource", "thread_id": target, "post_data": post_data}
            _result, error = self.fuzz_rpc("/mail/message/post", "/mail/message/post", params)
            if error:
                self.assertNothingCreated(before, params)
                return
            self.assertIn(who, ("portal_a", "portal_b", "mentor"), "visitors do not post")
            self.assertIn(target, self.published.ids + ([*self.hidden] if who == "mentor" else []))
            message = self.env["mail.message"].search([], order="id desc", limit=1)
            self.assertSanitized(message.body, marker, "the review")
            if marker and who != "mentor":
                resource = self.env["ess.catalogue.resource"].browse(target)
                page = self.fuzz_open("/catalogue/<slug>", resource.website_url)
                self.assertEscaped(page.text, text, "the resource's page")

        post()
        self.assertFuzzed(50)

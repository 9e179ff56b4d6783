from datetime import timedelta

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.http import request
from odoo.osv import expression
from odoo.tools import plaintext2html

from odoo.addons.ess_office_base.tools import form_text
from odoo.addons.website.models.ir_http import sitemap_qs2dom

from ..models.ess_catalogue_resource import COSTS, FACETS, LICENSE_TYPES, RESOURCE_TYPES

PAGE_SIZE = 24
# Proposals: length limits, and how many a person (a visitor: an address) may send in an hour.
NAME_MAX, SUMMARY_MAX, DESCRIPTION_MAX, URL_MAX, PERSON_MAX = 120, 200, 5000, 500, 120
PROPOSALS_PER_HOUR = 5


class EssCatalogue(http.Controller):
    SORTINGS = {
        "newest": "create_date desc, id desc",
        "name": "name, id",
        "rating": "review_avg desc, review_count desc, name, id",
    }

    # ------------------------------------------------------------
    # PAGES
    # ------------------------------------------------------------

    @http.route(
        ["/catalogue", "/catalogue/page/<int:page>"], type="http", auth="public", website=True, sitemap=True,
        readonly=True,
    )  # fmt: skip
    def catalogue(self, page=1, search="", sort="newest", **params):
        Resource = request.env["ess.catalogue.resource"]
        search = form_text(search)[:100]
        sort = sort if sort in self.SORTINGS else "newest"
        # From the facet form (name=value repeated) or a shared link (comma-separated).
        selected = Resource._ess_selected_facets(
            {
                facet: [
                    value for given in request.httprequest.args.getlist(facet) for value in given.split(",")
                ]
                for facet in FACETS
            }
        )
        total, counts = Resource._ess_facet_counts(request.website, search, selected)
        url_args = {facet: ",".join(map(str, values)) for facet, values in selected.items()}
        url_args.update(search=search, sort=sort if sort != "newest" else "")
        pager = request.website.pager(
            url="/catalogue",
            total=total,
            page=page,
            step=PAGE_SIZE,
            url_args={k: v for k, v in url_args.items() if v},
        )
        # The site search's own search (an exact one: the listing has no "did you mean").
        options = {"facets": selected, "offset": pager["offset"], "count": total, "allowFuzzy": False}
        _count, details, _fuzzy = request.website._search_with_fuzzy(
            "catalogue", search, limit=PAGE_SIZE, order=self.SORTINGS[sort], options=options
        )
        values = {
            "resources": details[0]["results"],
            "pager": pager,
            "total": total,
            "search": search,
            "sort": sort,
            "selected": selected,
            "counts": counts,
            "facet_options": Resource._ess_facet_options(counts),
            "main_object": Resource,
        }
        return request.render("ess_catalogue.catalogue_listing", values)

    def sitemap_catalogue(env, rule, qs):
        Resource = env["ess.catalogue.resource"]
        domain = sitemap_qs2dom(qs=qs, route="/catalogue/", field=Resource._rec_name)
        domain = expression.AND(
            [domain, Resource._ess_published_domain(env["website"].get_current_website())]
        )
        for resource in Resource.search(domain):
            loc = f"/catalogue/{env['ir.http']._slug(resource)}"
            if not qs or qs.lower() in loc:
                yield {"loc": loc}

    # A string, not a model converter: the converter builds the canonical slug before the
    # controller runs, which answers 403 on an unpublished resource, where we answer 404.
    @http.route(["/catalogue/<string:resource_slug>"], type="http", auth="public", website=True,
                sitemap=sitemap_catalogue)  # fmt: skip
    def catalogue_resource(self, resource_slug, **kwargs):
        _name, resource_id = request.env["ir.http"]._unslug(resource_slug)
        resource = request.env["ess.catalogue.resource"].browse(resource_id or 0).exists()
        # Unpublished, or on another website: nothing of it, not even that it exists.
        if not resource or not resource.has_access("read") or not resource.website_published:
            raise NotFound()
        canonical = request.env["ir.http"]._slug(resource)
        if resource_slug != canonical:
            return request.redirect(f"/catalogue/{canonical}", code=301)
        user = request.env.user
        Resource = request.env["ess.catalogue.resource"]
        related = Resource.search(
            expression.AND([
                [("id", "!=", resource.id), ("dimension_ids", "in", resource.sudo().dimension_ids.ids)],
                Resource._ess_published_domain(request.website),
            ]),
            order="is_free_software desc, review_avg desc, name", limit=4,
        )  # fmt: skip
        values = {
            "resource": resource,
            "main_object": resource,
            "alternatives": resource.alternative_ids.filtered("website_published"),
            "replaces": resource.replaces_ids.filtered("website_published"),
            "related": related,
            # sudo: shown by name only, as the public taxonomy and public profiles they are.
            "provider": resource.sudo().provider_id,
            "dimensions": resource.sudo().dimension_ids,
            "can_review": not user._is_public()
            and user.partner_id.commercial_partner_id.is_ess_entity
            and not resource._ess_reviewed_by(user.partner_id),
        }
        return request.render("ess_catalogue.catalogue_resource_page", values)

    # ------------------------------------------------------------
    # PROVIDERS
    # ------------------------------------------------------------

    def _providers_domain(self):
        return [("is_ess_provider", "=", True), ("is_company", "=", True)]

    @http.route(
        ["/catalogue/providers"], type="http", auth="public", website=True, sitemap=True, readonly=True
    )
    def catalogue_providers(self, **kwargs):
        # sudo: the public reads the providers' public fields only, the ones the templates show.
        providers = request.env["res.partner"].sudo().search(self._providers_domain(), order="name")
        return request.render("ess_catalogue.catalogue_providers", {"providers": providers})

    @http.route(["/catalogue/providers/<string:provider_slug>"], type="http", auth="public", website=True,
                sitemap=False, readonly=True)  # fmt: skip
    def catalogue_provider(self, provider_slug, **kwargs):
        _name, provider_id = request.env["ir.http"]._unslug(provider_slug)
        # sudo: a provider's public profile, for the public; anything else is not found.
        provider = (
            request.env["res.partner"]
            .sudo()
            .browse(provider_id or 0)
            .exists()
            .filtered_domain(self._providers_domain())
        )
        if not provider:
            raise NotFound()
        Resource = request.env["ess.catalogue.resource"]
        resources = Resource.search(
            expression.AND(
                [[("provider_id", "child_of", provider.id)], Resource._ess_published_domain(request.website)]
            ),
            order="resource_type, name",
        )
        return request.render(
            "ess_catalogue.catalogue_provider", {"provider": provider, "resources": resources}
        )

    # ------------------------------------------------------------
    # PROPOSALS
    # ------------------------------------------------------------

    @http.route(
        ["/catalogue/submit"], type="http", auth="public", website=True, methods=["GET"], sitemap=True
    )
    def catalogue_submit_form(self, **kwargs):
        return request.render("ess_catalogue.catalogue_submit", self._submit_values({}, {}))

    def _submit_values(self, form, errors):
        env = request.env
        labels = env["ess.catalogue.resource"]._ess_selection_labels()
        return {
            "form": form,
            "errors": errors,
            "types": list(labels["resource_type"].items()),
            "licenses": list(labels["license_type"].items()),
            "costs": list(labels["cost"].items()),
            "dimensions": env["ess.dimension"].sudo().search([]),
            "is_visitor": env.user._is_public(),
            "limits": {
                "name": NAME_MAX,
                "summary": SUMMARY_MAX,
                "description": DESCRIPTION_MAX,
                "url": URL_MAX,
            },
        }

    def _validate_proposal(self, form):
        """{field: message} for what is wrong with the proposal (empty: nothing)."""
        errors = {}
        if not form["name"]:
            errors["name"] = request.env._("Give the resource a name.")
        for field, limit in (("name", NAME_MAX), ("summary", SUMMARY_MAX), ("url", URL_MAX),
                             ("description", DESCRIPTION_MAX), ("proposer_name", PERSON_MAX),
                             ("proposer_email", PERSON_MAX)):  # fmt: skip
            if len(form[field]) > limit:
                errors[field] = request.env._("Keep it under %s characters.", limit)
        if form["url"] and not form["url"].lower().startswith(("http://", "https://")):
            errors["url"] = request.env._("The link must start with http:// or https://.")
        if form["resource_type"] not in dict(RESOURCE_TYPES):
            errors["resource_type"] = request.env._("Choose the kind of resource.")
        if form["license_type"] and form["license_type"] not in dict(LICENSE_TYPES):
            errors["license_type"] = request.env._("Choose a licence from the list.")
        if form["cost"] and form["cost"] not in dict(COSTS):
            errors["cost"] = request.env._("Choose a cost from the list.")
        if request.env.user._is_public():
            email = form["proposer_email"]
            if not form["proposer_name"] or "@" not in email or " " in email:
                errors["proposer_email"] = request.env._(
                    "Tell us your name and a valid email, so that we can answer you."
                )
        return errors

    def _recent_proposals(self, address):
        """The proposals of the last hour that count against the sender's limit: the user's
        when logged in (proposals are created as superuser, but with their uid); the
        visitors' from ``address`` otherwise (behind a proxy, Odoo reads it from
        X-Forwarded-For: see the README)."""
        domain = [
            ("create_uid", "=", request.env.uid),
            ("create_date", ">", fields.Datetime.now() - timedelta(hours=1)),
        ]
        if request.env.user._is_public():
            domain.append(("proposer_ip", "=", address))
        # sudo: a count of proposals, which nobody but the office reads.
        return request.env["ess.catalogue.resource"].sudo().search_count(domain)

    @http.route(
        ["/catalogue/submit"], type="http", auth="public", website=True, methods=["POST"], sitemap=False
    )
    def catalogue_submit(self, **post):
        # Only these fields are read from the request, whatever else it carries.
        form = {
            key: form_text(post.get(key))
            for key in (
                "name",
                "summary",
                "url",
                "description",
                "resource_type",
                "license_type",
                "cost",
                "proposer_name",
                "proposer_email",
            )  # fmt: skip
        }
        dimension_ids = [
            int(value) for value in request.httprequest.form.getlist("dimension_ids") if value.isdecimal()
        ]
        if post.get("company_website"):  # the honeypot: people never see it, robots fill it
            return request.render("ess_catalogue.catalogue_submit_thanks", {})
        errors = self._validate_proposal(form)
        visitor = request.env.user._is_public()
        address = request.httprequest.remote_addr
        Resource = request.env["ess.catalogue.resource"].sudo()
        if not errors and self._recent_proposals(address) >= PROPOSALS_PER_HOUR:
            errors["form"] = request.env._("Too many proposals in the last hour: try again later.")
        if errors:
            response = request.render("ess_catalogue.catalogue_submit", self._submit_values(form, errors))
            response.status_code = 400
            return response
        person = request.env.user.partner_id
        # sudo: a proposal is created for visitors and members alike, only from the checked fields above.
        resource = Resource.create(
            {
                "name": form["name"],
                "summary": form["summary"],
                "url": form["url"] or False,
                "description": plaintext2html(form["description"]) if form["description"] else False,
                "resource_type": form["resource_type"],
                "license_type": form["license_type"] or False,
                "cost": form["cost"] or False,
                "dimension_ids": [
                    (6, 0, request.env["ess.dimension"].sudo().browse(dimension_ids).exists().ids)
                ],
                "state": "submitted",
                "proposer_name": form["proposer_name"] if visitor else person.name,
                "proposer_email": form["proposer_email"] if visitor else person.email,
                "proposer_partner_id": False if visitor else person.id,
                "proposer_ip": address,
            }
        )
        resource._ess_notify_officers()
        return request.render("ess_catalogue.catalogue_submit_thanks", {"resource": resource})

from markupsafe import Markup

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import escape_psql, format_date

# A word shorter than this ("de", "per", "una") finds too much to rank results by.
SIGNIFICANT_WORD = 4
# How many resources a search that matches only some of the words ranks.
RANKED_MAX = 20
PROVIDERS_MAX, FUNDING_MAX = 5, 5


class EssCatalogueResource(models.Model):
    _inherit = "ess.catalogue.resource"

    # ------------------------------------------------------------
    # WHAT ESSBOT FINDS (called as superuser on published resources only)
    # ------------------------------------------------------------

    @api.model
    def _ess_bot_search(self, website, query, limit):
        """(resources, named): up to ``limit`` published resources of ``website`` that the
        catalogue's own search finds for ``query``, free software first, and the
        proprietary tools with free alternatives that the words name. When no resource
        holds every word (a visitor types a sentence), the resources holding most of its
        significant words."""
        empty = self.browse()
        if not query:
            return empty, empty
        detail = self._search_get_detail(website, None, {})
        domain = self._search_build_domain(detail["base_domain"], query, detail["search_fields"])
        found = self.search(domain, order="is_free_software desc, review_avg desc, id desc", limit=RANKED_MAX)
        if not found:
            found = self._ess_bot_ranked(expression.AND(detail["base_domain"]), query)
        named = found.filtered(
            lambda resource: resource.license_type in ("proprietary", "freemium") and resource.alternative_ids
        )
        return (found - named)[:limit], named[:1]

    @api.model
    def _ess_bot_ranked(self, base_domain, query):
        """The published resources holding any significant word of ``query``, those holding
        the most first (then free software first)."""
        words = list(dict.fromkeys(word.lower() for word in query.split() if len(word) >= SIGNIFICANT_WORD))
        if not words:
            return self.browse()
        domain = expression.AND(
            [
                base_domain,
                expression.OR([[("search_document", "ilike", escape_psql(word))] for word in words]),
            ]
        )
        candidates = self.search(
            domain, order="is_free_software desc, review_avg desc, id desc", limit=RANKED_MAX
        )

        def matches(resource):
            document = (resource.search_document or "").lower()
            return sum(word in document for word in words)

        return candidates.sorted(lambda resource: (-matches(resource), not resource.is_free_software))

    def _ess_bot_alternatives(self, website):
        """The tool's published free alternatives on ``website``, free software first."""
        self.ensure_one()
        alternatives = self.alternative_ids.filtered_domain(self._ess_published_domain(website))
        return alternatives.sorted(lambda resource: (not resource.is_free_software, resource.name))

    @api.model
    def _ess_bot_providers(self, website, dimension):
        """[(provider, page URL)]: the ESS providers whose published services cover
        ``dimension``, by name."""
        if not dimension:
            return []
        services = self.search(
            expression.AND(
                [
                    self._ess_published_domain(website),
                    [("resource_type", "=", "provider_service"), ("dimension_ids", "in", dimension.ids)],
                ]
            )
        )
        providers = services.provider_id.commercial_partner_id.filtered(
            lambda partner: partner.is_ess_provider and partner.is_company
        )
        base_url = website.get_base_url()
        return [
            (provider, f"{base_url}/catalogue/providers/{self.env['ir.http']._slug(provider)}")
            for provider in providers.sorted("name")[:PROVIDERS_MAX]
        ]

    @api.model
    def _ess_bot_funding(self, website):
        """The published funding and programme resources of ``website``: those open (no
        deadline, or one to come) first, the nearest deadline first; then the closed ones,
        the latest closed first."""
        base = expression.AND(
            [self._ess_published_domain(website), [("resource_type", "in", ("funding", "programme"))]]
        )
        today = fields.Date.context_today(self)
        open_domain = ["|", ("application_deadline", "=", False), ("application_deadline", ">=", today)]
        opened = self.search(
            expression.AND([base, open_domain]),
            order="application_deadline asc nulls last, name, id",
            limit=FUNDING_MAX,
        )
        closed = self.search(
            expression.AND([base, [("application_deadline", "<", today)]]),
            order="application_deadline desc, name, id",
            limit=FUNDING_MAX,
        )
        return (opened + closed)[:FUNDING_MAX]

    # ------------------------------------------------------------
    # HOW ESSBOT SHOWS THEM
    # ------------------------------------------------------------

    def _ess_bot_link(self):
        self.ensure_one()
        return Markup('<a href="%s" target="_blank">%s</a>') % (
            self.get_base_url() + self.website_url,
            self.name,
        )

    def _ess_bot_list(self, with_deadline=False):
        """The resources as ESSBot lists them: name and link, type, licence, one line."""
        if not self:
            return Markup()
        labels = self._ess_selection_labels()
        today = fields.Date.context_today(self)
        items = Markup()
        for resource in self:
            badges = Markup(" · %s") % labels["resource_type"][resource.resource_type]
            if resource.license_type:
                badge_class = "text-bg-success" if resource.is_free_software else "text-bg-light"
                badges += Markup(' <span class="badge %s">%s</span>') % (
                    badge_class,
                    labels["license_type"][resource.license_type],
                )
            if with_deadline and resource.application_deadline:
                deadline = format_date(self.env, resource.application_deadline)
                badges += Markup(" · %s") % (
                    self.env._("open until %(date)s", date=deadline)
                    if resource.application_deadline >= today
                    else self.env._("closed on %(date)s", date=deadline)
                )
            summary = Markup("<br/>%s") % resource.summary if resource.summary else Markup()
            items += Markup("<li>%s%s%s</li>") % (resource._ess_bot_link(), badges, summary)
        return Markup("<ul>%s</ul>") % items

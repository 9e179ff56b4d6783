from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL, html2plaintext

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG
from odoo.addons.ess_office_base.tools.batch import forget_after
from odoo.addons.web_editor.tools import get_video_embed_code

RESOURCE_TYPES = [
    ("tool", "Tool"),
    ("provider_service", "Provider service"),
    ("programme", "Accompaniment programme"),
    ("training", "Training"),
    ("case", "Reference case"),
    ("guide", "Guide"),
    ("funding", "Funding programme"),
]
LICENSE_TYPES = [
    ("free_software", "Free software"),
    ("open_content", "Open content"),
    ("freemium", "Freemium"),
    ("proprietary", "Proprietary"),
]
COSTS = [("free", "Free"), ("paid", "Paid"), ("mixed", "Free and paid")]
DATA_LOCATIONS = [
    ("self_hosted", "Self-hosted"),
    ("eu", "In the EU"),
    ("outside_eu", "Outside the EU"),
    ("unknown", "Unknown"),
]
# The catalogue's facets: the URL parameter, and the field it filters. Values are codes for
# selections and languages, ids for the other relations.
FACETS = {
    "type": "resource_type",
    "dimension": "dimension_ids",
    "license": "license_type",
    "tag": "tag_ids",
    "lang": "language_ids",
    "cost": "cost",
}
# What the catalogue's facets and its search read: a change to one of them, on a published
# resource, changes the listing's counts.
LISTED_FIELDS = (*FACETS.values(), "name", "summary", "description", "state", "is_published", "website_id")
# The listing's version: a change to a published resource takes a new one, so that the
# counts cached under the previous one are no longer read (see _ess_facet_counts).
# How long a proposer's IP address is kept (GDPR: only to trace abuse of the form).
PROPOSER_IP_RETENTION_DAYS = 30
LISTING_VERSION_TABLE, LISTING_VERSION_SEQUENCE = (
    "ess_catalogue_listing_version",
    "ess_catalogue_listing_version_seq",
)


class EssCatalogueResource(models.Model):
    """A resource of the public catalogue: a tool, a provider's service, a programme, a
    training, a reference case, a guide or a funding programme. ``state`` is the
    moderation truth: only published resources are on the website."""

    _name = "ess.catalogue.resource"
    _description = "Catalogue resource"
    _inherit = [
        "rating.mixin",
        "mail.thread",
        "website.seo.metadata",
        "website.published.multi.mixin",
        "website.searchable.mixin",
    ]
    _order = "name, id"
    # Logged-in entity members who read a published resource review it (portal chatter).
    _mail_post_access = "read"

    name = fields.Char(required=True, translate=True, tracking=True)
    summary = fields.Char(translate=True, help="One sentence, shown on the catalogue's cards.")
    description = fields.Html(translate=True, sanitize_attributes=True)
    # What the catalogue's search reads: one plain-text column with a trigram index, instead
    # of three translated JSON columns read for every resource.
    search_document = fields.Text(
        compute="_compute_search_document", store=True, index="trigram",
        help="The name, summary and description in every installed language, as plain text.",
    )  # fmt: skip
    resource_type = fields.Selection(RESOURCE_TYPES, string="Type", required=True, default="tool", index=True)
    dimension_ids = fields.Many2many(
        "ess.dimension",
        "ess_catalogue_resource_dimension_rel",
        "resource_id",
        "dimension_id",
        string="Dimensions",
    )
    tag_ids = fields.Many2many(
        "ess.catalogue.tag", "ess_catalogue_resource_tag_rel", "resource_id", "tag_id", string="Tags"
    )
    url = fields.Char(string="Link")
    license_type = fields.Selection(LICENSE_TYPES, string="Licence", index=True)
    is_free_software = fields.Boolean(compute="_compute_is_free_software", store=True, index=True)
    provider_id = fields.Many2one("res.partner", index="btree_not_null")
    provider_is_ess = fields.Boolean(
        string="ESS provider", compute="_compute_provider_is_ess", store=True, index=True,
        help="The provider is an ESS entity or an ESS provider: the catalogue shows an ESS badge.",
    )  # fmt: skip
    language_ids = fields.Many2many(
        "res.lang", "ess_catalogue_resource_lang_rel", "resource_id", "lang_id",
        context={"active_test": False},
    )  # fmt: skip
    cost = fields.Selection(COSTS, index=True)
    video_url = fields.Char(string="Video", help="A capsule's video (YouTube, Vimeo, Dailymotion...).")
    video_embed_code = fields.Html(compute="_compute_video_embed_code", sanitize=False)
    case_outcome = fields.Selection(
        [("success", "Success"), ("failure", "Failure"), ("mixed", "Mixed")],
        string="Outcome",
        help="Reference cases share their failures too.",
    )
    application_deadline = fields.Date(
        string="Applications close",
        help="For a funding or an accompaniment programme: the last day to apply. Empty, it is always open.",
    )
    # Data sovereignty facts, as PRISM Break tells them.
    alternative_ids = fields.Many2many(
        "ess.catalogue.resource", "ess_catalogue_resource_alternative_rel", "resource_id", "alternative_id",
        string="Free alternatives", domain=[("license_type", "=", "free_software")],
    )  # fmt: skip
    replaces_ids = fields.Many2many(
        "ess.catalogue.resource", "ess_catalogue_resource_alternative_rel", "alternative_id", "resource_id",
        help="The proprietary tools this one is a free alternative to.",
    )  # fmt: skip
    self_hostable = fields.Boolean(string="Self-hostable")
    data_location = fields.Selection(DATA_LOCATIONS, string="Where data is kept")
    vendor_sells_data = fields.Boolean(string="Vendor sells personal data")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("published", "Published"), ("rejected", "Rejected")],
        required=True, default="draft", tracking=True, copy=False, index=True,
    )  # fmt: skip
    # Proposals from the website: the proposer's personal data, the office's only.
    proposer_name = fields.Char(string="Proposed by", groups="ess_office_base.group_ess_officer")
    proposer_email = fields.Char(string="Proposer's email", groups="ess_office_base.group_ess_officer")
    proposer_partner_id = fields.Many2one(
        "res.partner", string="Proposer", index="btree_not_null", groups="ess_office_base.group_ess_officer"
    )
    proposer_ip = fields.Char(string="Proposer's address", groups="ess_office_base.group_ess_officer")
    rejection_reason = fields.Text(copy=False)
    # Reviews: kept stored so that the catalogue sorts by them.
    review_avg = fields.Float(string="Rating", compute="_compute_reviews", store=True, digits=(3, 2))
    review_count = fields.Integer(string="Reviews", compute="_compute_reviews", store=True)

    _sql_constraints = [
        ("published_is_published_state", "CHECK(NOT is_published OR state = 'published')",
         "Only a published resource can be on the website."),
    ]  # fmt: skip

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("license_type")
    def _compute_is_free_software(self):
        for resource in self:
            resource.is_free_software = resource.license_type == "free_software"

    @api.depends("provider_id.is_ess_provider", "provider_id.is_ess_entity")
    def _compute_provider_is_ess(self):
        for resource in self:
            provider = resource.provider_id.commercial_partner_id
            resource.provider_is_ess = bool(provider.is_ess_provider or provider.is_ess_entity)

    @api.depends("name", "summary", "description")
    def _compute_search_document(self):
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        for resource in self:
            texts = []
            for lang in langs:
                translated = resource.with_context(lang=lang)
                texts += [translated.name, translated.summary, html2plaintext(translated.description or "")]
            resource.search_document = "\n".join(dict.fromkeys(text for text in texts if text))

    @api.depends("video_url")
    def _compute_video_embed_code(self):
        for resource in self:
            resource.video_embed_code = (
                get_video_embed_code(resource.video_url) if resource.video_url else False
            )

    @api.depends("rating_ids.rating", "rating_ids.consumed")
    def _compute_reviews(self):
        stats = (
            self.env["rating.rating"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("consumed", "=", True),
                    ("rating", ">", 0),
                ],
                ["res_id"],
                ["rating:avg", "__count"],
            )
        )
        by_resource = {res_id: (avg, count) for res_id, avg, count in stats}
        for resource in self:
            resource.review_avg, resource.review_count = by_resource.get(resource.id, (0.0, 0))

    @api.depends("name")
    def _compute_website_url(self):
        res = super()._compute_website_url()
        for resource in self:
            if resource.id:
                resource.website_url = f"/catalogue/{self.env['ir.http']._slug(resource)}"
        return res

    # ------------------------------------------------------------
    # CONSTRAINTS AND CRUD
    # ------------------------------------------------------------

    @api.constrains("url", "video_url")
    def _check_links(self):
        for resource in self:
            for link in (resource.url, resource.video_url):
                if link and not link.lower().startswith(("http://", "https://")):
                    raise ValidationError(self.env._("Links start with http:// or https:// (got %s).", link))

    @api.constrains("video_url")
    def _check_video(self):
        for resource in self:
            if resource.video_url and not resource.video_embed_code:
                raise ValidationError(
                    self.env._(
                        "%s is not a video the catalogue can embed (YouTube, Vimeo...).", resource.video_url
                    )
                )

    def init(self):
        # One row, changed in the transaction that changes a published resource: other
        # transactions see the new version when they see the change, never before.
        self.env.cr.execute(
            SQL(
                """CREATE SEQUENCE IF NOT EXISTS %(sequence)s;
                   CREATE TABLE IF NOT EXISTS %(table)s (version bigint NOT NULL);
                   INSERT INTO %(table)s (version)
                        SELECT nextval(%(sequence_name)s) WHERE NOT EXISTS (SELECT FROM %(table)s)""",
                sequence=SQL.identifier(LISTING_VERSION_SEQUENCE),
                sequence_name=LISTING_VERSION_SEQUENCE,
                table=SQL.identifier(LISTING_VERSION_TABLE),
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._sync_publication(vals)
        resources = super().create(vals_list)
        resources._ess_clear_facet_counts()
        return resources

    def write(self, vals):
        self._sync_publication(vals)
        listed = bool(set(vals) & set(LISTED_FIELDS))
        was_published = listed and any(self.sudo().mapped("is_published"))
        res = super().write(vals)
        if was_published:
            self._ess_new_listing_version()
        elif listed:
            self._ess_clear_facet_counts()
        return res

    def unlink(self):
        published = self.sudo().filtered("is_published")
        res = super().unlink()
        if published:
            self._ess_new_listing_version()
        return res

    def _ess_clear_facet_counts(self):
        """The facet counts count published resources only: a change to a draft or to a
        proposal leaves them alone; a change to a published resource gives the listing a new
        version, and the counts are counted again (Odoo's other caches are left alone)."""
        if any(self.sudo().mapped("is_published")):
            self._ess_new_listing_version()

    @api.model
    def _ess_new_listing_version(self):
        if self.env.context.get(MODULE_UNINSTALL_FLAG):
            return  # the catalogue is being uninstalled: its uninstall hook dropped the row
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET version = nextval(%s)",
                SQL.identifier(LISTING_VERSION_TABLE),
                LISTING_VERSION_SEQUENCE,
            )
        )

    @api.model
    def _ess_listing_version(self):
        """The version of the published resources: it changes with any of them (values from
        a sequence: never the same twice, even after a rollback)."""
        self.env.cr.execute(SQL("SELECT version FROM %s", SQL.identifier(LISTING_VERSION_TABLE)))
        return self.env.cr.fetchone()[0]

    def _update_field_translations(self, field_name, translations, digest=None, source_lang=""):
        res = super()._update_field_translations(
            field_name, translations, digest=digest, source_lang=source_lang
        )
        if field_name in LISTED_FIELDS:
            # Translations are written in SQL: the search reads them in its document.
            self.modified([field_name])
            self._ess_clear_facet_counts()
        return res

    @api.model
    def _sync_publication(self, vals):
        """Publishing sets the moderation state; any other state unpublishes."""
        if vals.get("is_published") or vals.get("website_published"):
            vals["state"] = "published"
        elif vals.get("state") and vals["state"] != "published":
            vals["is_published"] = False
        elif vals.get("state") == "published":
            vals.setdefault("is_published", True)

    # ------------------------------------------------------------
    # MESSAGING: the people of the entities review, one review per author
    # ------------------------------------------------------------

    @api.model
    def _ess_is_reviewer(self):
        """The current user is a person of an ESS entity, logged in: who reviews resources."""
        user = self.env.user
        return not user._is_public() and bool(user.partner_id.commercial_partner_id.is_ess_entity)

    def _ess_may_comment(self):
        """Whether the current user may comment on ``self``, even as superuser (the mail
        controller posts with sudo for the user): the office, who may change the resources,
        and the reviewers on published resources; nobody else, visitors included."""
        if self.env.user._is_superuser() or self.sudo(False).has_access("write"):
            return True
        return self._ess_is_reviewer() and all(state == "published" for state in self.sudo().mapped("state"))

    @api.model
    def _get_mail_message_access(self, res_ids, operation, model_name=None):
        # A message written on a resource is created as message_post would: reviewers read
        # the resource, anyone else must be able to change it.
        check = super()._get_mail_message_access(res_ids, operation, model_name=model_name)
        if operation == "create" and check == "read" and not self._ess_is_reviewer():
            return "write"
        return check

    def message_post(self, **kwargs):
        if not self._ess_may_comment():
            raise AccessError(
                self.env._(
                    "Only the people of an ESS entity, logged in, comment on and review published resources."
                )
            )
        if kwargs.get("rating_value"):
            self.ensure_one()
            self._ess_check_stars(kwargs["rating_value"])
            author = self.env.user.partner_id
            if self.env.user._is_public() or not author.commercial_partner_id.is_ess_entity:
                raise UserError(self.env._("Only the people of an ESS entity, logged in, review resources."))
            if self.state != "published":
                raise UserError(self.env._("Only published resources are reviewed."))
            if self._ess_reviewed_by(author):
                raise ValidationError(
                    self.env._("You have already reviewed %s: edit your review instead.", self.name)
                )
        return super().message_post(**kwargs)

    def _ess_check_stars(self, rating_value):
        """A review's rating is 1 to 5 stars: anything else (a list, a word, 0, 7...) is
        refused with a message, before core's rating turns it into a float."""
        try:
            stars = float(rating_value)
        except (TypeError, ValueError):
            stars = None
        if isinstance(rating_value, bool) or stars is None or not 1 <= stars <= 5:
            raise UserError(self.env._("A review gives 1 to 5 stars."))

    def _ess_reviewed_by(self, partner):
        return bool(
            self.env["rating.rating"].sudo().search_count(
                [("res_model", "=", self._name), ("res_id", "=", self.id), ("partner_id", "=", partner.id),
                 ("consumed", "=", True)],
                limit=1,
            )
        )  # fmt: skip

    # ------------------------------------------------------------
    # WEBSITE
    # ------------------------------------------------------------

    @api.model
    def _ess_selection_labels(self):
        """{field: {code: label}} of the selections the catalogue's badges show, in the
        reader's language (one lookup for a whole listing)."""
        return {
            name: dict(self._fields[name]._description_selection(self.env))
            for name in ("resource_type", "license_type", "cost")
        }

    @api.model
    def _ess_published_domain(self, website):
        """The resources visitors see on ``website``: published, for every website or this one."""
        return expression.AND([[("is_published", "=", True)], website.website_domain()])

    @api.model
    def _ess_selected_facets(self, raw):
        """``{facet: [values]}`` of the values in ``raw`` (``{facet: [strings]}``, from a URL)
        that a facet may hold: unknown values are dropped, never searched."""
        selected = {}
        for facet, field_name in FACETS.items():
            field, given = self._fields[field_name], raw.get(facet) or []
            if field.type == "selection":
                codes = field.get_values(self.env)
                values = [value for value in given if value in codes]
            elif field.comodel_name == "res.lang":
                values = [value for value in given if value.replace("_", "").isalnum()]
            else:
                # isdecimal, not isdigit: "²" is a digit that int() refuses.
                values = [int(value) for value in given if value.isdecimal()]
            if values:
                selected[facet] = values
        return selected

    @api.model
    def _ess_facet_domains(self, selected):
        """The domains of the facet values ``selected`` (``{facet: [values]}``)."""
        return [
            [(f"{FACETS[facet]}.code", "in", values)] if facet == "lang" else [(FACETS[facet], "in", values)]
            for facet, values in selected.items()
        ]

    @api.model
    def _ess_search_domain(self, website, search, selected):
        """The domain of the published resources of ``website`` that match ``search`` and the
        facet values ``selected``: the listing's, its counts' and the site search's."""
        detail = self._search_get_detail(website, None, {"facets": selected})
        return self._search_build_domain(detail["base_domain"], search, detail["search_fields"])

    @api.model
    def _ess_facet_counts(self, website, search, selected):
        """(total, ``{facet: {value: count}}``): the number of resources of ``website``
        published and matching ``search`` and the facet values ``selected``, and for each
        facet the results each of its values would give with the other facets' values (ids
        for relations, codes for languages and selections). Facets sharing the same filters
        are counted together (with nothing selected, the six facets are one count).

        A catalogue is read far more often than it changes: the counts are cached under the
        listing's version, which a change to a published resource renews (create, write,
        unlink, translation). They are counted as superuser over published resources only,
        which everyone may read, so one count serves every visitor without revealing
        anything unpublished."""
        version = self._ess_listing_version()
        by_filters = {}
        for facet in FACETS:
            others = tuple(other for other in FACETS if other in selected and other != facet)
            by_filters.setdefault(others, []).append(facet)
        everything = tuple(facet for facet in FACETS if facet in selected)
        by_filters.setdefault(everything, [])  # the total: every filter applied
        counts, total = {}, 0
        for filters, facets in by_filters.items():
            domain = self._ess_search_domain(website, search, {facet: selected[facet] for facet in filters})
            result = self._ess_facet_counts_cached(domain, tuple(FACETS[facet] for facet in facets), version)
            for facet in facets:
                counts[facet] = dict(result[FACETS[facet]])
            if filters == everything:
                total = result["__total__"]
        return total, counts

    @tools.ormcache("str(domain)", "field_names", "version")
    def _ess_facet_counts_cached(self, domain, field_names, version):
        resources = self.sudo()
        counts = {"__total__": resources.search_count(domain)}
        for field_name in field_names:
            counts[field_name] = {
                (value.code if value._name == "res.lang" else value.id)
                if hasattr(value, "_name")
                else value: count
                for value, count in resources._read_group(domain, [field_name], ["__count"])
                if value
            }
        return counts

    @api.model
    def _ess_facet_options(self, counts):
        """``{facet: [(value, label)]}``: the values each facet offers, with their labels in
        the reader's language (taxonomy and languages as the public sees them)."""
        dimensions = self.env["ess.dimension"].sudo().search([("id", "in", list(counts["dimension"]))])
        tags = self.env["ess.catalogue.tag"].sudo().search([("id", "in", list(counts["tag"]))])
        langs = (
            self.env["res.lang"]
            .sudo()
            .with_context(active_test=False)
            .search([("code", "in", list(counts["lang"]))])
        )
        labels = self._ess_selection_labels()
        return {
            "type": list(labels["resource_type"].items()),
            "dimension": [(dimension.id, dimension.name) for dimension in dimensions],
            "license": list(labels["license_type"].items()),
            "tag": [(tag.id, tag.name) for tag in tags],
            "lang": [(lang.code, lang.name) for lang in langs],
            "cost": list(labels["cost"].items()),
        }

    @api.model
    def _search_get_detail(self, website, order, options):
        """The catalogue's search, for the website's site search as for /catalogue: published
        resources of ``website``, with the facet values of ``options["facets"]``
        (``{facet: [values]}``), whose name, summary or description (in any language) hold
        every word searched."""
        with_description = options.get("displayDescription")
        fetch_fields = ["name", "summary", "website_url"]
        mapping = {
            "name": {"name": "name", "type": "text", "match": True},
            "website_url": {"name": "website_url", "type": "text", "truncate": False},
        }
        if with_description:
            mapping["description"] = {"name": "summary", "type": "text", "match": True}
        detail = {
            "model": self._name,
            "base_domain": [
                self._ess_published_domain(website),
                *self._ess_facet_domains(options.get("facets") or {}),
            ],
            # One plain-text column with a trigram index: the name, summary and description
            # in every installed language.
            "search_fields": ["search_document"],
            "fetch_fields": fetch_fields,
            "mapping": mapping,
            "icon": "fa-book",
        }
        # A page of the listing: where it starts, and the total its facets counted.
        detail.update({key: options[key] for key in ("offset", "count") if key in options})
        return detail

    @api.model
    def _search_fetch(self, search_detail, search, limit, order):
        # As the mixin's, with the listing's page, and the count cached as the facets' are.
        domain = self._search_build_domain(
            search_detail["base_domain"], search, search_detail["search_fields"]
        )
        results = self.search(
            domain,
            limit=limit,
            offset=search_detail.get("offset", 0),
            order=search_detail.get("order", order),
        )
        count = search_detail.get("count")
        if count is None:
            count = self._ess_facet_counts_cached(domain, (), self._ess_listing_version())["__total__"]
        return results, count

    def _default_website_meta(self):
        meta = super()._default_website_meta()
        meta["default_opengraph"]["og:title"] = self.name
        meta["default_opengraph"]["og:description"] = (
            self.summary or html2plaintext(self.description or "")[:160]
        )
        meta["default_twitter"]["twitter:title"] = self.name
        meta["default_meta_description"] = self.summary
        return meta

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    # Public methods are RPC endpoints: each one checks the caller may change the resource.

    def action_publish(self):
        self.check_access("write")
        self.write({"state": "published"})

    def action_reject(self):
        """Open the dialog that asks for the reason, mailed to the proposer."""
        self.ensure_one()
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject %s", self.name),
            "res_model": "ess.catalogue.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_resource_id": self.id},
        }

    def action_draft(self):
        self.check_access("write")
        self.write({"state": "draft"})

    def _ess_notify_officers(self):
        """A proposal came from the website: the officers are told, in their inbox."""
        officers = self.env.ref("ess_office_base.group_ess_officer").sudo().users
        for resource in self.sudo():
            resource.message_notify(
                partner_ids=officers.partner_id.ids,
                subject=self.env._("New proposal for the catalogue: %s", resource.name),
                body=self.env._("%(person)s proposes %(resource)s: publish or reject it.",
                                person=resource.proposer_name or "-", resource=resource.name),
                model_description=self.env._("Catalogue resource"),
            )  # fmt: skip

    def _ess_reject(self, reason):
        """Reject with ``reason`` and mail it to the proposer (escaped: it is plain text)."""
        for resource in self:
            resource.write({"state": "rejected", "rejection_reason": reason})
            email = resource.proposer_partner_id.email or resource.proposer_email
            if email:
                self.env["mail.mail"].sudo().create(
                    {
                        "subject": self.env._("Your proposal to the catalogue: %s", resource.name),
                        "email_to": email,
                        "body_html": self.env["ir.qweb"]._render(
                            "ess_catalogue.mail_proposal_rejected", {"resource": resource, "reason": reason}
                        ),
                        "auto_delete": False,
                    }
                )
            resource.message_post(body=self.env._("Rejected: %s", reason))

    # ------------------------------------------------------------
    # CRONS
    # ------------------------------------------------------------

    @api.model
    def _cron_clear_proposer_ip(self):
        """Daily: forget the IP address of proposals made more than
        PROPOSER_IP_RETENTION_DAYS ago. Only those records are written, and the address is
        not a listed field: the listing keeps its version and its cached counts."""
        forget_after(self, "proposer_ip", PROPOSER_IP_RETENTION_DAYS, "Proposer IP retention")

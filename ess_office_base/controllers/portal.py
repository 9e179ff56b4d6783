import logging
from urllib.parse import urlencode

from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

_logger = logging.getLogger(__name__)


class EssOfficePortal(CustomerPortal):
    """What every ESS addon's /my pages share. Each addon's portal controller extends
    this class directly, as project's and sale's extend CustomerPortal: Odoo merges the
    installed subclasses into one controller, so their routes and home counters add up."""

    def _ess_portal_entity(self):
        """The ESS entity the portal user belongs to (their commercial partner), or None:
        for internal users and for people of organisations that are not ESS entities."""
        entity = request.env.user.partner_id.commercial_partner_id
        return entity if entity.is_ess_entity and not request.env.user._is_internal() else None

    def _ess_attempt(self, action):
        """(what ``action()`` returns, None), or (None, the message) when it refuses with a
        UserError (access and validation errors included): nothing it began is kept."""
        try:
            with request.env.cr.savepoint():
                return action(), None
        except UserError as error:
            return None, error.args[0]

    def _ess_render(self, template, values, status=200):
        """The page, with ``status`` (400 when it shows what was wrong with a form)."""
        response = request.render(template, values)
        response.status_code = status
        return response

    def _ess_count(self, model, domain):
        """The home tile's counter: 0 for a user without the right to read ``model``."""
        Model = request.env[model]
        return Model.search_count(domain) if Model.has_access("read") else 0

    def _ess_list(self, model, domain, sortings, sortby, url, page):
        """One page of the entity's ``model`` records, sorted, and its pager. An internal
        user outside the office reaches the page too: an empty list, not a 403."""
        Model = request.env[model]
        readable = Model.has_access("read")
        pager = portal_pager(
            url=url,
            url_args={"sortby": sortby},
            total=Model.search_count(domain) if readable else 0,
            page=page,
            step=self._items_per_page,
        )
        records = (
            Model.search(
                domain, order=sortings[sortby]["order"], limit=self._items_per_page, offset=pager["offset"]
            )
            if readable
            else Model
        )
        return records, pager

    def _ess_document_or_none(self, model, record_id, access_token=None):
        """The record, sudo, when the user may read it; None for another entity's or a
        missing one, which the pages answer with a 404 that says nothing of it."""
        if not (isinstance(access_token, str) and access_token.isascii()):
            # Our tokens are ASCII; core's constant-time comparison raises on anything else.
            access_token = None
        try:
            return self._document_check_access(model, record_id, access_token)
        except (AccessError, MissingError):
            return None

    def _show_report(self, model, report_type, report_ref, download=False):
        """An ESS PDF that cannot be printed (wkhtmltopdf missing or failing) is a page
        that says so and links to the same report on screen, instead of an error page."""
        if report_type != "pdf" or not model._name.startswith("ess."):
            return super()._show_report(model, report_type, report_ref, download=download)
        try:
            return super()._show_report(model, report_type, report_ref, download=download)
        except AccessError:
            raise
        except UserError as error:
            _logger.warning("The PDF of %s%s could not be printed: %s", model._name, model.ids, error)
            args = {key: value for key, value in request.httprequest.args.items() if key != "download"}
            values = {"html_url": f"{request.httprequest.path}?{urlencode({**args, 'report_type': 'html'})}"}
            return self._ess_render("ess_office_base.portal_report_unavailable", values, status=503)

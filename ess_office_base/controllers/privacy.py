from werkzeug.exceptions import Forbidden, NotFound

from odoo import fields, http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request


class EssPrivacy(http.Controller):
    @http.route("/ess/privacy/export/<int:partner_id>", type="http", auth="user", methods=["GET"])
    def ess_privacy_export(self, partner_id, **kwargs):
        """The ZIP of a partner's personal data, for the office's officers and managers."""
        partner = request.env["res.partner"].browse(partner_id)
        try:
            partner._ess_check_privacy_officer()
            if not partner.exists():
                raise NotFound()
            content = partner._ess_privacy_export_zip()
        except AccessError as refusal:
            raise Forbidden() from refusal
        filename = f"personal-data-{partner.id}-{fields.Date.context_today(partner).isoformat()}.zip"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/zip"),
                ("Content-Disposition", content_disposition(filename)),
                ("Cache-Control", "no-store"),
            ],
        )

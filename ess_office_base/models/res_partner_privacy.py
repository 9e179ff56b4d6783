import csv
import io
import json
import zipfile
from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import html2plaintext

OFFICER = "ess_office_base.group_ess_officer"
# Fields of a person's profile, and the ESS ones an entity adds.
PROFILE_FIELDS = (
    "name", "parent_id", "function", "email", "phone", "mobile", "street", "street2", "zip", "city",
    "state_id", "country_id", "lang", "website", "vat", "comment", "create_date",
)  # fmt: skip
ENTITY_FIELDS = (
    "is_ess_entity", "ess_legal_form", "ess_sector_id", "ess_worker_count", "ess_member_count",
    "ess_volunteer_count", "ess_size_class", "ess_change_readiness", "ess_market_digitalisability",
    "ess_accompaniment_intensity", "ess_referent_id",
)  # fmt: skip
MESSAGE_FIELDS = ("date", "model", "record_name", "message_type", "author_id", "subject", "body")
# Characters that make a spreadsheet read a CSV cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ResPartner(models.Model):
    """People's data rights (GDPR articles 15, 17 and 20): the export of everything the
    suite holds about an entity or a person, and the erasure of a person, on top of OCA's
    ``privacy_partner_to_be_forgotten``. Each ESS addon adds its records by extending
    ``_ess_privacy_export_data`` and ``_ess_privacy_erase``."""

    _inherit = "res.partner"

    ess_privacy_log_ids = fields.One2many(
        "ess.privacy.log", "partner_id", string="Personal data log", groups=OFFICER
    )
    ess_privacy_log_count = fields.Integer(
        string="Personal data log count", compute="_compute_ess_privacy_log_count", groups=OFFICER
    )

    @api.depends("ess_privacy_log_ids")
    def _compute_ess_privacy_log_count(self):
        counts = dict(
            self.env["ess.privacy.log"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.ess_privacy_log_count = counts.get(partner, 0)

    # --- the checks ----------------------------------------------------------------------
    def _ess_check_privacy_officer(self):
        """Only officers and managers export or erase a person's data."""
        if not self.env.su and not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only the office's officers and managers export or erase personal data."))

    def _ess_privacy_log(self, kind, name=None):
        self.ensure_one()
        return (
            self.env["ess.privacy.log"]
            .sudo()
            .create(
                {
                    "partner_id": self.id,
                    "partner_name": name or self.display_name,
                    "kind": kind,
                    "user_id": self.env.user.id,
                }
            )
        )

    # --- export --------------------------------------------------------------------------
    def action_ess_privacy_export(self):
        """Download the ZIP of the partner's personal data (served by the export route,
        which checks the caller again and logs the export)."""
        self._ess_check_privacy_officer()
        self.ensure_one()
        self.check_access("read")
        return {"type": "ir.actions.act_url", "url": f"/ess/privacy/export/{self.id}", "target": "download"}

    def action_ess_view_privacy_log(self):
        self._ess_check_privacy_officer()
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ess_office_base.ess_privacy_log_action")
        action["domain"] = [("partner_id", "=", self.id)]
        return action

    def _ess_privacy_people(self):
        """The people whose data an export holds: the person, or the entity and its people."""
        self.ensure_one()
        if self.is_company:
            return self | self.with_context(active_test=False).child_ids
        return self

    @api.model
    def _ess_privacy_value(self, record, name):
        """A field's value as JSON takes it: names for records, ISO dates, text for HTML."""
        field = record._fields[name]
        value = record[name]
        if field.type == "many2one":
            return value.display_name or None
        if field.type in ("one2many", "many2many"):
            return value.mapped("display_name")
        if field.type == "html":
            return html2plaintext(value) if value else None
        if field.type == "boolean":
            return bool(value)
        if isinstance(value, (date, datetime)):
            return value.isoformat()
        if value is False:
            return None
        return value

    @api.model
    def _ess_privacy_rows(self, records, names, **extra):
        """One row per record: ``names``' values, then ``extra`` {column: callable(record)}."""
        return [
            {
                **{name: self._ess_privacy_value(record, name) for name in names},
                **{column: value(record) for column, value in extra.items()},
            }
            for record in records
        ]

    def _ess_privacy_messages(self):
        """The chatter messages the partner's people wrote, and those on their contact."""
        people = self._ess_privacy_people()
        return (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    "|",
                    ("author_id", "in", people.ids),
                    "&",
                    ("model", "=", "res.partner"),
                    ("res_id", "in", people.ids),
                ],
                order="date, id",
            )
        )

    def _ess_privacy_export_data(self):
        """{file stem: [row]} of everything the suite holds about the partner: for an
        entity, the entity's records and its people's; for a person, their own data only
        (never a colleague's). Called with sudo, after the officer check."""
        self.ensure_one()
        people = self._ess_privacy_people()
        profile = self._ess_privacy_rows(people, PROFILE_FIELDS)
        if self.is_company:
            profile[0].update(self._ess_privacy_rows(self, ENTITY_FIELDS)[0])
        return {
            "profile": profile,
            "messages": self._ess_privacy_rows(self._ess_privacy_messages(), MESSAGE_FIELDS),
        }

    @api.model
    def _ess_privacy_csv(self, rows):
        columns = list(dict.fromkeys(column for row in rows for column in row))
        output = io.StringIO()
        writer = csv.DictWriter(output, columns, restval="")
        writer.writeheader()
        for row in rows:
            writer.writerow({column: self._ess_privacy_cell(value) for column, value in row.items()})
        return output.getvalue()

    @api.model
    def _ess_privacy_cell(self, value):
        if isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False, default=str)
        if value is None:
            return ""
        if isinstance(value, str) and value.startswith(FORMULA_START):
            return f"'{value}"  # text, not a formula, in a spreadsheet
        return value

    def _ess_privacy_export_zip(self):
        """The ZIP of the partner's personal data: one JSON and one CSV file per kind of
        record, and manifest.json saying who exported it, when, and for whom. Logged."""
        self._ess_check_privacy_officer()
        self.ensure_one()
        self.check_access("read")
        data = self.sudo()._ess_privacy_export_data()
        now = fields.Datetime.now()
        manifest = {
            "about": self.env._("Personal data held by ESS Office (GDPR articles 15 and 20)"),
            "partner": self.display_name,
            "partner_id": self.id,
            "kind": "entity" if self.is_company else "person",
            "exported_by": self.env.user.name,
            "exported_by_login": self.env.user.login,
            "exported_at": now.isoformat(),
            "database": self.env.cr.dbname,
            "files": {stem: len(rows) for stem, rows in data.items()},
        }
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
            for stem, rows in data.items():
                archive.writestr(f"{stem}.json", json.dumps(rows, ensure_ascii=False, indent=2, default=str))
                archive.writestr(f"{stem}.csv", self._ess_privacy_csv(rows))
        self._ess_privacy_log("export")
        return buffer.getvalue()

    # --- erasure -------------------------------------------------------------------------
    def _ess_privacy_erase(self):
        """Clear what the person wrote in ESS records and detach their answers: each addon
        adds its records. Called with sudo, for a person, before OCA anonymises the
        contact and deletes the messages they wrote."""
        self.ensure_one()

    def anonymize_partner_data(self):
        """OCA's erasure, refused to anyone but officers and managers (OCA checks nothing
        here, and any user could call it over RPC), extended to the ESS records and logged."""
        self._ess_check_privacy_officer()
        self.ensure_one()
        self.check_access("write")
        name = self.display_name
        if not self.is_company:
            self.sudo()._ess_privacy_erase()
        # The portal user's login and state are written too: only the superuser may.
        result = super(ResPartner, self.sudo()).anonymize_partner_data()
        self._ess_privacy_log("erasure", name)
        return result

    # --- privacy lookup ------------------------------------------------------------------
    @api.model
    def _ess_privacy_lookup_queries(self, name, email):
        """Extra ``SELECT res_model_id, res_id, is_active`` queries for Odoo's privacy
        lookup (which finds a model's many2one to the partner and its ``email`` fields):
        ESS records holding the person under another name. The query's CTE
        ``indirect_references`` holds the partners found by name or e-mail."""
        return []

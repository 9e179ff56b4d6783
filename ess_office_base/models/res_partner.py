import csv
import io
import json
import zipfile
from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext

# Size classes by number of workers (EU SME thresholds): upper bound excluded.
SIZE_CLASSES = [("micro", 10), ("small", 50), ("medium", 250), ("large", None)]
# Points a size class adds to the accompaniment effort (see _compute_ess_accompaniment).
SIZE_POINTS = {"micro": 0, "small": 1, "medium": 2, "large": 3}
# Internal dedication an entity should plan for, in hours per week, by intensity.
DEDICATION_HOURS = {"light": 2.0, "standard": 4.0, "intensive": 6.0}
ITINERARY_MONTHS = 12

INTENSITY_HELP = (
    "Computed from the three key factors. Effort points = (6 - predisposition to change) "
    "+ (6 - market digitalisability) + size points (micro 0, small 1, medium 2, large 3), "
    "from 2 to 13: up to 5 is light, 6 to 8 standard, 9 or more intensive."
)
DEDICATION_HELP = (
    "Hours per week the entity should dedicate internally to the itinerary: "
    "2 (light), 4 (standard) or 6 (intensive), plus one hour per size point."
)

OFFICER = "ess_office_base.group_ess_officer"
ERASER = "privacy_partner_to_be_forgotten.group_partner_anonymize"
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
    _inherit = "res.partner"

    # --- entity ------------------------------------------------------------------------
    is_ess_entity = fields.Boolean(
        string="ESS entity", help="A social and solidarity economy entity the office accompanies."
    )
    ess_legal_form = fields.Selection(
        [
            ("worker_coop", "Worker cooperative"),
            ("consumer_coop", "Consumer cooperative"),
            ("housing_coop", "Housing cooperative"),
            ("other_coop", "Other cooperative"),
            ("association", "Association"),
            ("foundation", "Foundation"),
            ("mutual", "Mutual society"),
            ("labour_company", "Labour company"),
            ("insertion_company", "Insertion company"),
            ("special_employment_centre", "Special employment centre"),
            ("other", "Other"),
        ],
        string="Legal form",
    )
    ess_sector_id = fields.Many2one("ess.sector", string="Sector", index="btree_not_null")
    ess_worker_count = fields.Integer(string="Workers")
    ess_member_count = fields.Integer(string="Members")
    ess_volunteer_count = fields.Integer(string="Volunteers")
    ess_size_class = fields.Selection(
        [("micro", "Micro"), ("small", "Small"), ("medium", "Medium"), ("large", "Large")],
        string="Size",
        compute="_compute_ess_size_class",
        store=True,
        help="From the number of workers: micro under 10, small under 50, medium under 250, large from 250.",
    )
    ess_change_readiness = fields.Integer(
        string="Predisposition to change",
        default=3,
        help="How ready the entity is to change how it works, from 1 (resistant) to 5 (eager).",
    )
    ess_market_digitalisability = fields.Integer(
        string="Market digitalisability",
        default=3,
        help="How easily the entity's market and activity can be digitalised, from 1 (hardly) to 5 (fully).",
    )
    ess_accompaniment_intensity = fields.Selection(
        [("light", "Light"), ("standard", "Standard"), ("intensive", "Intensive")],
        string="Accompaniment intensity",
        compute="_compute_ess_accompaniment",
        store=True,
        help=INTENSITY_HELP,
    )
    ess_recommended_dedication = fields.Float(
        string="Recommended dedication (h/week)",
        compute="_compute_ess_accompaniment",
        store=True,
        help=DEDICATION_HELP,
    )
    ess_referent_id = fields.Many2one(
        "res.users",
        string="Referent",
        domain=lambda self: [("groups_id", "in", self.env.ref("ess_office_base.group_ess_officer").ids)],
        help="The office person who follows the entity through its whole itinerary.",
    )
    ess_mentor_user_ids = fields.Many2many(
        "res.users",
        "ess_partner_mentor_user_rel",
        "partner_id",
        "user_id",
        string="Accompanied by",
        help="The mentors who accompany the entity (kept by the mentoring contracts): they see its "
        "diagnoses and mentoring records.",
    )
    ess_itinerary_ids = fields.One2many("project.project", "ess_entity_id", string="Itineraries")
    ess_itinerary_count = fields.Integer(string="Itinerary count", compute="_compute_ess_itinerary_count")

    # --- mentor ------------------------------------------------------------------------
    is_ess_mentor = fields.Boolean(string="ESS mentor")
    ess_mentor_type = fields.Selection(
        [
            ("staff", "Office staff"),
            ("volunteer", "Volunteer"),
            ("peer", "Peer from another ESS entity"),
            ("consultancy", "Consultancy"),
        ],
        string="Mentor type",
    )
    ess_expertise_ids = fields.Many2many(
        "ess.dimension",
        "ess_partner_expertise_rel",
        "partner_id",
        "dimension_id",
        string="Expertise",
    )
    ess_is_bridge_profile = fields.Boolean(
        string="Bridge profile",
        help="Translates between technical and non-technical people.",
    )
    ess_mentor_capacity = fields.Float(
        string="Capacity (h/month)", help="Hours per month available for mentoring."
    )
    ess_mentor_entity_id = fields.Many2one(
        "res.partner",
        string="Mentor's entity",
        domain=[("is_ess_entity", "=", True)],
        help="For a peer mentor, the ESS entity they belong to.",
    )

    # --- provider ----------------------------------------------------------------------
    is_ess_provider = fields.Boolean(
        string="ESS provider", help="An entity that already helps others digitalise."
    )
    ess_provider_description = fields.Html(
        string="Public description", translate=True, help="Shown to the public in the catalogue."
    )

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("ess_worker_count")
    def _compute_ess_size_class(self):
        for partner in self:
            partner.ess_size_class = next(
                size for size, limit in SIZE_CLASSES if limit is None or partner.ess_worker_count < limit
            )

    @api.depends("ess_change_readiness", "ess_market_digitalisability", "ess_size_class")
    def _compute_ess_accompaniment(self):
        for partner in self:
            size_points = SIZE_POINTS[partner.ess_size_class or "micro"]
            effort = (
                (6 - partner.ess_change_readiness) + (6 - partner.ess_market_digitalisability) + size_points
            )
            intensity = "light" if effort <= 5 else "standard" if effort <= 8 else "intensive"
            partner.ess_accompaniment_intensity = intensity
            partner.ess_recommended_dedication = DEDICATION_HOURS[intensity] + size_points

    @api.depends("ess_itinerary_ids")
    def _compute_ess_itinerary_count(self):
        counts = dict(
            self.env["project.project"]._read_group(
                [("ess_entity_id", "in", self.ids)], ["ess_entity_id"], ["__count"]
            )
        )
        for partner in self:
            partner.ess_itinerary_count = counts.get(partner, 0)

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("ess_worker_count", "ess_member_count", "ess_volunteer_count", "ess_mentor_capacity")
    def _check_ess_counts(self):
        for partner in self:
            if min(partner.ess_worker_count, partner.ess_member_count, partner.ess_volunteer_count) < 0:
                raise ValidationError(
                    self.env._(
                        "%s: workers, members and volunteers cannot be negative.", partner.display_name
                    )
                )
            if partner.ess_mentor_capacity < 0:
                raise ValidationError(
                    self.env._("%s: a mentor's capacity cannot be negative.", partner.display_name)
                )

    @api.constrains("ess_change_readiness", "ess_market_digitalisability")
    def _check_ess_key_factors(self):
        for partner in self:
            for value in (partner.ess_change_readiness, partner.ess_market_digitalisability):
                if not 1 <= value <= 5:
                    raise ValidationError(
                        self.env._(
                            "%(partner)s: predisposition to change and market digitalisability "
                            "go from 1 to 5 (got %(value)s).",
                            partner=partner.display_name,
                            value=value,
                        )
                    )

    @api.constrains("is_ess_mentor", "ess_mentor_type", "ess_mentor_entity_id")
    def _check_ess_peer_mentor(self):
        for partner in self:
            if (
                partner.is_ess_mentor
                and partner.ess_mentor_type == "peer"
                and not partner.ess_mentor_entity_id
            ):
                raise ValidationError(
                    self.env._(
                        "%s is a peer mentor: say which ESS entity they belong to.", partner.display_name
                    )
                )
            if partner.ess_mentor_entity_id and not partner.ess_mentor_entity_id.is_ess_entity:
                raise ValidationError(
                    self.env._(
                        "%s: a mentor's entity must be an ESS entity.",
                        partner.ess_mentor_entity_id.display_name,
                    )
                )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_ess_start_itinerary(self):
        """Open a year-long itinerary for the entity, shared with its people on the portal."""
        itinerary = self._ess_start_itinerary()
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.project",
            "res_id": itinerary.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _ess_start_itinerary(self):
        """A new year-long itinerary of the entity (the project), created with the
        caller's rights."""
        self.ensure_one()
        if not self.is_ess_entity:
            raise UserError(self.env._("Only an ESS entity can start an itinerary."))
        return self.env["project.project"].create(
            {
                "name": self.env._("Itinerary: %s", self.name),
                "is_ess_itinerary": True,
                "ess_entity_id": self.id,
                "user_id": (self.ess_referent_id or self.env.user).id,
            }
        )

    def _ess_latest_itinerary(self):
        """The entity's most recent itinerary, read with the caller's rights (empty: none)."""
        self.ensure_one()
        return self.env["project.project"].search(
            [("is_ess_itinerary", "=", True), ("ess_entity_id", "=", self.id)],
            order="date_start desc, id desc",
            limit=1,
        )

    def action_ess_view_itineraries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ess_office_base.project_project_action_itinerary"
        )
        action["domain"] = [("ess_entity_id", "=", self.id)]
        action["context"] = {"default_ess_entity_id": self.id, "default_is_ess_itinerary": True}
        return action

    # ------------------------------------------------------------
    # PEOPLE'S DATA RIGHTS (GDPR articles 15, 17 and 20): the export of everything the
    # suite holds about an entity or a person, and the erasure of a person, on top of
    # OCA's privacy_partner_to_be_forgotten. Each ESS addon adds its records by extending
    # _ess_privacy_export_data and _ess_privacy_erase.
    # ------------------------------------------------------------
    ess_privacy_log_ids = fields.One2many(
        "ess.privacy.log", "partner_id", string="Personal data log", groups=OFFICER
    )
    ess_privacy_log_count = fields.Integer(
        string="Personal data log count", compute="_compute_ess_privacy_log_count", groups=OFFICER
    )

    @api.depends("ess_privacy_log_ids")
    def _compute_ess_privacy_log_count(self):
        counts = dict(
            self.env["ess.privacy.log"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.ess_privacy_log_count = counts.get(partner, 0)

    # --- the checks ----------------------------------------------------------------------
    def _ess_check_privacy_officer(self):
        """Only officers and managers export or erase a person's data."""
        if not self.env.su and not self.env.user.has_group(OFFICER):
            raise AccessError(
                self.env._("Only the office's officers and managers export or erase personal data.")
            )

    def _ess_check_privacy_eraser(self):
        """Erasing is OCA's right to be forgotten: its group grants it, and officers and
        managers have it (group_ess_officer implies it); mentors and portal users do not."""
        if not self.env.su and not self.env.user.has_group(ERASER):
            raise AccessError(self.env._("Only the office's officers and managers erase personal data."))

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
        return self.env["mail.message"].search(
            [
                "|",
                ("author_id", "in", people.ids),
                "&",
                ("model", "=", "res.partner"),
                ("res_id", "in", people.ids),
            ],
            order="date, id",
        )

    def _ess_privacy_export_data(self):
        """{file stem: [row]} of everything the suite holds about the partner: for an
        entity, the entity's records and its people's; for a person, their own data only
        (never a colleague's). Called with the officer's own rights, after the officer
        check: the export holds what they may read (their offices' records), no more."""
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
        data = self._ess_privacy_export_data()
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
        return True

    def anonymize_partner_data(self):
        """OCA's erasure, refused to anyone outside its group (officers and managers; OCA
        checks only in its wizard, and any user could call this over RPC), extended to the
        ESS records and logged."""
        self._ess_check_privacy_eraser()
        self.ensure_one()
        self.check_access("write")
        name = self.display_name
        if not self.is_company:
            self.sudo()._ess_privacy_erase()
        # The portal user's login and state are written too: only the superuser may.
        result = super(ResPartner, self.sudo()).anonymize_partner_data()
        self._ess_privacy_log("erasure", name)
        return result

    def _log_anonymization(self, timestamp):
        """OCA's note in the contact's chatter, with OCA's words, in the office's languages
        (OCA's Python terms have no Catalan nor Spanish, and only its own i18n can
        translate them)."""
        message = self.message_post(
            body=self.env._(
                "This contact has been anonymized on %(date)s by %(user)s",
                date=fields.Datetime.to_string(timestamp),
                user=self.env.user.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        # As OCA does: the officer's open form shows the note at once.
        self.env["bus.bus"]._sendone(
            self.env.user.partner_id,
            "mail.record/insert",
            {"Message": {"id": message.id, "body": message.body}},
        )

    # --- privacy lookup ------------------------------------------------------------------
    @api.model
    def _ess_privacy_lookup_queries(self, name, email):
        """Extra ``SELECT res_model_id, res_id, is_active`` queries for Odoo's privacy
        lookup (which finds a model's many2one to the partner and its ``email`` fields):
        ESS records holding the person under another name. The query's CTE
        ``indirect_references`` holds the partners found by name or e-mail."""
        return []

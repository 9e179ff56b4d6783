from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ess_catalogue.models.ess_catalogue_resource import DATA_LOCATIONS
from odoo.addons.project.models.project_task import CLOSED_STATES

USAGES = [
    ("email", "Email"),
    ("files", "Files"),
    ("video_calls", "Video calls"),
    ("accounting", "Accounting"),
    ("crm", "CRM"),
    ("communication", "Communication"),
    ("participation", "Participation"),
    ("other", "Other"),
]
STATUSES = [
    ("in_use", "In use"),
    ("migrating", "Migrating"),
    ("replaced", "Replaced"),
    ("kept", "Kept on purpose"),
]
# Lines of the tools the entity still uses: the indicator reads these.
USED_STATUSES = ("in_use", "migrating", "kept")
# Fields only the office sets: entity members reach them through the portal's actions.
OFFICE_FIELDS = {"task_id", "chosen_alternative_id"}
# The catalogue's resources a line links: its author must be able to read them.
RESOURCE_FIELDS = ("resource_id", "chosen_alternative_id")


class EssToolInventoryLine(models.Model):
    """One tool an entity uses: what for, by how many people, where its data is kept,
    and where it stands in the entity's move to free software."""

    _name = "ess.tool.inventory.line"
    _inherit = ["ess.placement.mixin"]
    _description = "Digital tool of an entity"
    _order = "partner_id, status_sequence, usage, name, id"
    _check_company_auto = True
    # A line is moved (entity, company, migration task) only where its writer could create it.
    _ess_placement_fields = ("partner_id", "company_id", "task_id")

    partner_id = fields.Many2one(
        "res.partner",
        string="Entity",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_ess_entity", "=", True)],
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The office that keeps this inventory: the entity's company, else the current one.",
    )
    resource_id = fields.Many2one(
        "ess.catalogue.resource",
        string="Catalogue tool",
        index="btree_not_null",
        ondelete="set null",
        domain=[("resource_type", "=", "tool")],
        help="The tool in the catalogue: its licence and data facts come from there.",
    )
    name = fields.Char(
        string="Tool",
        required=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        help="The tool's name; the catalogue tool's when one is chosen.",
    )
    usage = fields.Selection(USAGES, string="Used for", required=True, default="other")
    user_count = fields.Integer(string="People using it", default=1)
    data_location = fields.Selection(
        DATA_LOCATIONS, string="Where its data is kept", compute="_compute_data_location", store=True, readonly=False,
        precompute=True,
    )  # fmt: skip
    holds_personal_data = fields.Boolean(
        string="Personal data", help="It holds personal data of the entity's members or users."
    )
    status = fields.Selection(STATUSES, required=True, default="in_use", index=True)
    status_sequence = fields.Integer(compute="_compute_status_sequence", store=True)
    kept_reason = fields.Text(string="Why it is kept", help="Keeping a tool on purpose is allowed: say why.")
    license_type = fields.Selection(related="resource_id.license_type", string="Licence")
    is_free_software = fields.Boolean(
        related="resource_id.is_free_software", store=True, string="Free software"
    )
    vendor_sells_data = fields.Boolean(related="resource_id.vendor_sells_data")
    self_hostable = fields.Boolean(related="resource_id.self_hostable")
    is_sovereignty_risk = fields.Boolean(
        string="Data at risk",
        compute="_compute_is_sovereignty_risk",
        store=True,
        help="Still used, holds personal data, and keeps it outside the EU or its vendor sells data.",
    )
    alternative_ids = fields.Many2many(
        "ess.catalogue.resource",
        string="Free alternatives",
        compute="_compute_alternative_ids",
        help="The catalogue's published free alternatives, ESS providers first.",
    )
    chosen_alternative_id = fields.Many2one(
        "ess.catalogue.resource", string="Migrating to", index="btree_not_null", ondelete="set null"
    )
    task_id = fields.Many2one(
        "project.task",
        string="Migration task",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        check_company=True,
    )
    replacement_line_id = fields.Many2one(
        "ess.tool.inventory.line", string="Replaced by", ondelete="set null", copy=False, readonly=True
    )

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("partner_id")
    def _compute_company_id(self):
        for line in self:
            line.company_id = line.partner_id.company_id or line.company_id or self.env.company

    @api.depends("resource_id")
    def _compute_name(self):
        for line in self:
            if line.resource_id:
                line.name = line.resource_id.name

    @api.depends("resource_id")
    def _compute_data_location(self):
        for line in self:
            if line.resource_id.data_location:
                line.data_location = line.resource_id.data_location
            elif not line.data_location:
                line.data_location = "unknown"

    @api.depends("status")
    def _compute_status_sequence(self):
        order = [code for code, _label in STATUSES]
        for line in self:
            line.status_sequence = order.index(line.status) if line.status in order else len(order)

    @api.depends("status", "holds_personal_data", "data_location", "resource_id.vendor_sells_data")
    def _compute_is_sovereignty_risk(self):
        for line in self:
            line.is_sovereignty_risk = (
                line.status in USED_STATUSES
                and line.holds_personal_data
                and (line.data_location == "outside_eu" or line.resource_id.vendor_sells_data)
            )

    @api.depends("resource_id.alternative_ids")
    def _compute_alternative_ids(self):
        for line in self:
            line.alternative_ids = line._ess_alternatives()

    def _ess_alternatives(self):
        """The published free alternatives of the line's tool, ESS providers first."""
        self.ensure_one()
        if not self.resource_id or self.is_free_software:
            return self.env["ess.catalogue.resource"]
        # sudo: the alternatives are published catalogue resources, which everyone reads.
        return (
            self.resource_id.sudo()
            .alternative_ids.filtered("is_published")
            .sorted(
                lambda resource: (not resource.provider_is_ess, not resource.is_free_software, resource.name)
            )
        )

    # ------------------------------------------------------------
    # CONSTRAINTS AND CRUD
    # ------------------------------------------------------------

    @api.constrains("partner_id", "resource_id", "name", "usage", "status")
    def _check_unique_tool_per_usage(self):
        for line in self.filtered(lambda line: line.status != "replaced"):
            domain = [
                ("id", "!=", line.id),
                ("partner_id", "=", line.partner_id.id),
                ("usage", "=", line.usage),
                ("status", "!=", "replaced"),
            ]
            domain += (
                [("resource_id", "=", line.resource_id.id)]
                if line.resource_id
                else [("resource_id", "=", False), ("name", "=ilike", line.name)]
            )
            if self.sudo().search_count(domain, limit=1):
                usage = dict(self._fields["usage"]._description_selection(self.env))[line.usage]
                raise ValidationError(
                    self.env._(
                        "%(tool)s is already in the inventory of %(entity)s for %(usage)s.",
                        tool=line.name,
                        entity=line.partner_id.name,
                        usage=usage,
                    )
                )

    @api.constrains("user_count")
    def _check_user_count(self):
        for line in self:
            if line.user_count < 0:
                raise ValidationError(
                    self.env._("%s: the number of people using a tool cannot be negative.", line.name)
                )

    @api.constrains("partner_id")
    def _check_entity(self):
        for line in self:
            if not line.partner_id.is_ess_entity:
                raise ValidationError(
                    self.env._(
                        "%s is not an ESS entity: only entities keep a tool inventory.", line.partner_id.name
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._ess_check_office_fields(set().union(*vals_list))
        self._ess_check_resources(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._ess_check_office_fields(set(vals))
        self._ess_check_resources([vals])
        return super().write(vals)

    def _ess_check_resources(self, vals_list):
        """A line links only the catalogue's resources its author reads: its name, licence
        and data facts are computed from the resource as superuser, before any check."""
        if self.env.su:
            return
        ids = [vals[name] for vals in vals_list for name in RESOURCE_FIELDS if vals.get(name)]
        # A resource is given by its id: anything else (a word, a list, from RPC) links nothing.
        if any(isinstance(value, bool) or not isinstance(value, int) for value in ids):
            raise ValidationError(
                self.env._("Only the tools published in the catalogue can be linked to an inventory.")
            )
        resources = self.env["ess.catalogue.resource"].browse(set(ids)).exists()
        if resources and not resources.has_access("read"):
            raise AccessError(
                self.env._("Only the tools published in the catalogue can be linked to an inventory.")
            )

    def _ess_check_office_fields(self, field_names):
        """The migration's task and target are set by the office or the portal's actions
        (sudo), never by an entity member through RPC."""
        if self.env.su or not field_names & OFFICE_FIELDS:
            return
        if not self.env.user.has_group("ess_office_base.group_ess_officer"):
            raise AccessError(self.env._("Only the office links a tool to its migration."))

    # ------------------------------------------------------------
    # MIGRATION PLAN
    # ------------------------------------------------------------

    def action_plan_migration(self):
        """Open the dialog that turns a free alternative into a task of the itinerary."""
        self.ensure_one()
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Plan the migration of %s", self.name),
            "res_model": "ess.tool.migration.plan",
            "view_mode": "form",
            "target": "new",
            "context": {"default_line_id": self.id},
        }

    def _ess_plan_migration(self, alternative, deadline=None, user=None):
        """Make the move to ``alternative`` a task of the entity's itinerary, tagged as a
        migration, linked to the line; the line is then migrating. Callers check rights."""
        self.ensure_one()
        if self.status == "replaced":
            raise UserError(self.env._("%s is already replaced.", self.name))
        # Planning is idempotent: one open migration task per line.
        planned = self._ess_open_migration_task()
        if planned and self.chosen_alternative_id == alternative:
            return planned
        if planned:
            raise UserError(
                self.env._("The move of %(tool)s to %(alternative)s is already planned: close or cancel its "
                           "task before planning another one.",
                           tool=self.name, alternative=self.chosen_alternative_id.sudo().name)
            )  # fmt: skip
        if alternative not in self._ess_alternatives():
            raise UserError(
                self.env._("%(alternative)s is not a free alternative to %(tool)s in the catalogue.",
                           alternative=alternative.name, tool=self.name)
            )  # fmt: skip
        # sudo: the entity's people plan from the portal; they may not read projects.
        itinerary = self.partner_id.sudo()._ess_latest_itinerary()
        if not itinerary:
            raise UserError(
                self.env._("%s has no itinerary yet: the office starts one before planning migrations.",
                           self.partner_id.name)
            )  # fmt: skip
        user = user or itinerary.user_id or self.partner_id.ess_referent_id
        deadline = deadline or fields.Date.context_today(self) + relativedelta(months=1)
        lang = self.partner_id.lang or self.env.lang
        name = self.with_context(lang=lang).env._(
            "Migrate %(tool)s to %(alternative)s",
            tool=self.name,
            alternative=alternative.with_context(lang=lang).name,
        )
        task = (
            self.env["project.task"]
            .sudo()
            .create(
                {
                    "name": name,
                    "project_id": itinerary.id,
                    "date_deadline": deadline,
                    "user_ids": [Command.set(user.ids)],
                    "tag_ids": [Command.link(self.env.ref("ess_tool_inventory.project_tag_migration").id)],
                    "ess_inventory_line_id": self.id,
                    "description": self.env["ir.qweb"]
                    .with_context(lang=lang)
                    ._render(
                        "ess_tool_inventory.migration_task_description",
                        {"line": self, "alternative": alternative.sudo().with_context(lang=lang)},
                    ),
                }
            )
        )
        self.sudo().write(
            {"task_id": task.id, "chosen_alternative_id": alternative.id, "status": "migrating"}
        )
        return task

    def _ess_open_migration_task(self):
        """The line's migration task still open (neither done nor cancelled), if any."""
        self.ensure_one()
        # sudo: the entity's people plan from the portal; they may not read tasks.
        return (
            self.env["project.task"]
            .sudo()
            .search(
                ["|", ("id", "=", self.sudo().task_id.id), ("ess_inventory_line_id", "=", self.id),
                 ("state", "not in", list(CLOSED_STATES))],
                order="id desc",
                limit=1,
            )
        )  # fmt: skip

    def _ess_migration_done(self):
        """The migration task is done: the line is replaced by a line of the chosen
        alternative, used by as many people for the same purpose."""
        for line in self.sudo().filtered(
            lambda line: line.status != "replaced" and line.chosen_alternative_id
        ):
            replacement = self.sudo().search(
                [("partner_id", "=", line.partner_id.id), ("usage", "=", line.usage),
                 ("resource_id", "=", line.chosen_alternative_id.id), ("status", "!=", "replaced")],
                limit=1,
            )  # fmt: skip
            line.status = "replaced"
            if not replacement:
                replacement = line.create(
                    {
                        "partner_id": line.partner_id.id,
                        "company_id": line.company_id.id,
                        "resource_id": line.chosen_alternative_id.id,
                        "usage": line.usage,
                        "user_count": line.user_count,
                        "holds_personal_data": line.holds_personal_data,
                    }
                )
            line.replacement_line_id = replacement

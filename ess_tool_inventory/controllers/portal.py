from odoo import fields, http
from odoo.http import request

from odoo.addons.ess_catalogue.models.ess_catalogue_resource import DATA_LOCATIONS
from odoo.addons.ess_office_base.controllers.portal import EssOfficePortal
from odoo.addons.ess_office_base.tools import form_text

from ..models.ess_tool_inventory_line import STATUSES, USAGES, USED_STATUSES

TOOL_NAME_MAX, KEPT_REASON_MAX, USER_COUNT_MAX = 120, 1000, 100_000
SUGGESTIONS = 10


class EssToolInventoryPortal(EssOfficePortal):
    """/my/tools: an entity's people keep the inventory of the tools it uses, see their
    free alternatives in the catalogue and plan the moves to them."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ess_tool_count" in counters:
            entity = self._ess_portal_entity()
            values["ess_tool_count"] = (
                self._ess_count(
                    "ess.tool.inventory.line",
                    [("partner_id", "=", entity.id), ("status", "in", USED_STATUSES)],
                )
                if entity
                else 0
            )
        return values

    def _ess_tool_form_values(self, form=None, errors=None, line=None):
        env = request.env
        line_fields = env["ess.tool.inventory.line"]._fields
        return {
            "form": form or {},
            "errors": errors or {},
            "line": line,
            "usages": line_fields["usage"]._description_selection(env),
            "statuses": line_fields["status"]._description_selection(env),
            "locations": line_fields["data_location"]._description_selection(env),
            "limits": {"name": TOOL_NAME_MAX, "kept_reason": KEPT_REASON_MAX},
            "page_name": "ess_tools",
        }

    @http.route(["/my/tools"], type="http", auth="user", website=True)
    def portal_my_ess_tools(self, **kw):
        return self._ess_tools_page()

    def _ess_tools_page(self, form=None, errors=None, status=200):
        entity = self._ess_portal_entity()
        Line = request.env["ess.tool.inventory.line"]
        lines = Line.search([("partner_id", "=", entity.id)]) if entity else Line
        values = self._prepare_portal_layout_values()
        values.update(self._ess_tool_form_values(form, errors))
        values.update(entity=entity, lines=lines)
        if entity:
            # sudo: the entity's own indicators, which its people read on this page.
            values.update(
                share=entity.sudo().ess_free_software_share,
                risk_count=entity.sudo().ess_sovereignty_risk_count,
            )
        return self._ess_render("ess_tool_inventory.portal_my_ess_tools", values, status)

    def _ess_tool_form(self, post):
        """The line's values from the form (only these fields), and what is wrong with them."""
        form = {
            key: form_text(post.get(key))
            for key in (
                "name",
                "resource_id",
                "usage",
                "user_count",
                "data_location",
                "status",
                "kept_reason",
            )
        }
        form["holds_personal_data"] = bool(post.get("holds_personal_data"))
        errors = {}
        if not form["name"]:
            errors["name"] = request.env._("Name the tool.")
        elif len(form["name"]) > TOOL_NAME_MAX:
            errors["name"] = request.env._("Keep it under %s characters.", TOOL_NAME_MAX)
        if len(form["kept_reason"]) > KEPT_REASON_MAX:
            errors["kept_reason"] = request.env._("Keep it under %s characters.", KEPT_REASON_MAX)
        if form["usage"] not in dict(USAGES):
            errors["usage"] = request.env._("Choose what the tool is used for.")
        if form["status"] not in dict(STATUSES) or form["status"] == "replaced":
            errors["status"] = request.env._("Choose whether the tool is in use, migrating or kept.")
        if form["data_location"] not in dict(DATA_LOCATIONS):
            form["data_location"] = "unknown"
        try:
            user_count = int(form["user_count"] or 0)
        except ValueError:
            user_count = -1
        if not 0 <= user_count <= USER_COUNT_MAX:
            errors["user_count"] = request.env._("Give a number of people, 0 or more.")
        resource = self._ess_tool_resource(form["resource_id"], form["name"])
        values = {
            "name": form["name"],
            "resource_id": resource.id or False,
            "usage": form["usage"],
            "user_count": max(user_count, 0),
            "data_location": form["data_location"],
            "holds_personal_data": form["holds_personal_data"],
            "status": form["status"],
            "kept_reason": form["kept_reason"] or False,
        }
        if form["data_location"] == "unknown" and resource.data_location:
            values["data_location"] = resource.data_location  # the catalogue knows better
        return form, values, errors

    def _ess_tool_resource(self, resource_id, name):
        """The published catalogue tool chosen among the suggestions, or named exactly."""
        Resource = request.env["ess.catalogue.resource"]
        domain = [("resource_type", "=", "tool"), ("is_published", "=", True)]
        if resource_id.isdecimal():
            resource = Resource.search(domain + [("id", "=", int(resource_id))], limit=1)
            if resource and resource.name.lower() == name.lower():
                return resource
        return Resource.search(domain + [("name", "=ilike", name)], limit=1) if name else Resource

    def _ess_tool_line(self, line_id):
        """The line as the user, when it is their entity's; None otherwise (a 404)."""
        entity = self._ess_portal_entity()
        line = request.env["ess.tool.inventory.line"].browse(line_id).exists()
        if not entity or not line or not line.has_access("read") or line.partner_id != entity:
            return None
        return line

    @http.route(["/my/tools/add"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_ess_tool_add(self, **post):
        entity = self._ess_portal_entity()
        if not entity:
            raise request.not_found()
        form, values, errors = self._ess_tool_form(post)
        if not errors:
            line, errors["form"] = self._ess_attempt(
                lambda: request.env["ess.tool.inventory.line"].create(dict(values, partner_id=entity.id))
            )
            if line:
                return request.redirect(f"/my/tools/{line.id}")
        return self._ess_tools_page(form, errors, status=400)

    @http.route(["/my/tools/<int:line_id>"], type="http", auth="user", website=True, methods=["GET"])
    def portal_my_ess_tool(self, line_id, **kw):
        line = self._ess_tool_line(line_id)
        if line is None:
            raise request.not_found()
        return self._ess_tool_page(line)

    def _ess_tool_page(self, line, form=None, errors=None, status=200):
        values = self._prepare_portal_layout_values()
        values.update(self._ess_tool_form_values(form, errors, line))
        values.update(
            alternatives=line._ess_alternatives(),
            today=fields.Date.context_today(line),
            # sudo: the task's name and state, shown to the entity it belongs to.
            task=line.sudo().task_id,
        )
        return self._ess_render("ess_tool_inventory.portal_my_ess_tool", values, status)

    @http.route(["/my/tools/<int:line_id>"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_ess_tool_save(self, line_id, **post):
        line = self._ess_tool_line(line_id)
        if line is None:
            raise request.not_found()
        form, values, errors = self._ess_tool_form(post)
        if line.status == "replaced":
            errors["form"] = request.env._("This tool is replaced: it is kept as history.")
        if not errors:
            _done, errors["form"] = self._ess_attempt(lambda: line.write(values))
            if not errors["form"]:
                return request.redirect("/my/tools")
        return self._ess_tool_page(line, form, errors, status=400)

    @http.route(["/my/tools/<int:line_id>/delete"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_ess_tool_delete(self, line_id, **post):
        line = self._ess_tool_line(line_id)
        if line is None:
            raise request.not_found()
        line.unlink()
        return request.redirect("/my/tools")

    @http.route(["/my/tools/<int:line_id>/plan"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_ess_tool_plan(self, line_id, alternative_id="", date_deadline="", **post):
        line = self._ess_tool_line(line_id)
        if line is None:
            raise request.not_found()
        line.check_access("write")
        alternative = line._ess_alternatives().filtered(lambda resource: str(resource.id) == alternative_id)
        date_deadline = form_text(date_deadline)
        try:
            deadline = fields.Date.to_date(date_deadline) if date_deadline else None
        except ValueError:
            deadline = None
        errors = {}
        if not alternative:
            errors["form"] = request.env._("Choose one of the free alternatives.")
        elif deadline and deadline < fields.Date.context_today(line):
            errors["form"] = request.env._("The deadline cannot be in the past.")
        else:
            task, errors["form"] = self._ess_attempt(lambda: line._ess_plan_migration(alternative, deadline))
            if task:
                return request.redirect(f"/my/tools/{line.id}")
        return self._ess_tool_page(line, errors=errors, status=400)

    @http.route(["/my/tools/suggest"], type="http", auth="user", website=True, methods=["GET"], readonly=True)
    def portal_my_ess_tool_suggest(self, term="", **kw):
        """The catalogue's published tools whose name holds ``term``, as the member types."""
        term = form_text(term)[:TOOL_NAME_MAX]
        tools = (
            request.env["ess.catalogue.resource"].search(
                [("resource_type", "=", "tool"), ("is_published", "=", True), ("name", "ilike", term)],
                order="name, id",
                limit=SUGGESTIONS,
            )
            if len(term) >= 2
            else []
        )
        payload = [{"id": tool.id, "name": tool.name, "free": tool.is_free_software} for tool in tools]
        return request.make_json_response(payload)

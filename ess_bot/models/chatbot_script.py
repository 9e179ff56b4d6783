from odoo import api, fields, models


class ChatbotScript(models.Model):
    _inherit = "chatbot.script"

    ess_duty_user_id = fields.Many2one(
        "res.users",
        string="Officer on duty",
        domain=lambda self: [("groups_id", "in", self.env.ref("ess_office_base.group_ess_officer").ids)],
        help="ESSBot gives this officer the requests for accompaniment and the messages left when "
        "nobody was online; empty, the live chat channel's first officer.",
    )
    ess_menu_step_id = fields.Many2one(
        "chatbot.script.step", compute="_compute_ess_menu_step_id", string="ESSBot's menu"
    )

    @api.depends("script_step_ids.ess_is_menu")
    def _compute_ess_menu_step_id(self):
        for script in self:
            script.ess_menu_step_id = script.script_step_ids.filtered("ess_is_menu")[:1]

    def _ess_duty_user(self, livechat_channel):
        """The officer who receives what the visitor asks of the office: the script's officer
        on duty, else the first officer among the live chat channel's operators, else the
        office's first officer."""
        self.ensure_one()
        officers = self.env.ref("ess_office_base.group_ess_officer").sudo().users.filtered("active")
        if self.ess_duty_user_id in officers:
            return self.ess_duty_user_id
        operators = livechat_channel.sudo().user_ids & officers
        return operators[:1] or officers.sorted("id")[:1]

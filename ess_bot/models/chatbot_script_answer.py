from odoo import fields, models


class ChatbotScriptAnswer(models.Model):
    _inherit = "chatbot.script.answer"

    ess_consent = fields.Boolean(
        string="Consent to be contacted",
        help="Choosing this answer is the visitor's consent to be contacted by the office: ESSBot "
        "passes a request on only after it.",
    )
    ess_dimension_id = fields.Many2one(
        "ess.dimension",
        string="Dimension",
        ondelete="cascade",
        help="For the step 'Providers for a dimension': the dimension this answer asks for.",
    )

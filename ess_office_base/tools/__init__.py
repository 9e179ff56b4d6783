from .form import form_text

from . import batch
from .form import form_text

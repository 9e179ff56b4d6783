from . import date_utils

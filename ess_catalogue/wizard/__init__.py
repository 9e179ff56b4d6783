from . import ess_catalogue_reject

from . import ess_catalogue_tag
from . import ess_catalogue_resource
from . import res_partner
from . import website
from . import ir_module

from . import ess_catalogue_tag
from . import ess_catalogue_resource
from . import ess_diagnosis
from . import res_partner
from . import website
from . import ir_module
from . import ess_tool_inventory_line
from . import project_task

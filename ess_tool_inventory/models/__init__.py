from . import ess_tool_inventory_line
from . import ess_diagnosis
from . import res_partner
from . import project_task

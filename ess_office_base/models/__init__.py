from . import ess_placement_mixin
from . import ess_dimension
from . import ess_sector
from . import ess_service_package
from . import res_partner
from . import project_project
from . import project_task_type

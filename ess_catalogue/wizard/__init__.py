from . import ess_catalogue_reject
from . import ess_tool_migration_plan

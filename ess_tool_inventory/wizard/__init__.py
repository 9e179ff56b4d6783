from . import ess_tool_migration_plan

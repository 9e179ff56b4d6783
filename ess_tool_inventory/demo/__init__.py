from . import ess_tool_inventory_demo

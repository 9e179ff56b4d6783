from . import ess_impact_report

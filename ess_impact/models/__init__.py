from . import res_partner
from . import ess_impact_report

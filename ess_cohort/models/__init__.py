from . import res_partner
from . import calendar_event
from . import ess_cohort
from . import ess_cohort_member
from . import ess_cohort_session
from . import ess_cohort_progress_report

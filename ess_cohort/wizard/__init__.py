from . import ess_cohort_session_generate

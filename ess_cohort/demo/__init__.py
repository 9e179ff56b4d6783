from . import ess_cohort_demo

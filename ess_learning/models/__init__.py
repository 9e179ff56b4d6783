from . import (
    ess_cohort_session,
    ess_diagnosis,
    ess_mentoring_goal,
    res_partner,
    slide_channel,
    slide_channel_partner,
)

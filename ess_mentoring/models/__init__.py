from . import ess_mentoring_contract
from . import ess_mentoring_goal
from . import ess_mentoring_followup
from . import res_partner
from . import survey_survey
from . import survey_user_input

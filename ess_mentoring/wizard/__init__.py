from . import ess_mentoring_mentor_suggestion
from . import ess_mentoring_week_grid
from . import survey_invite

from . import ess_diagnosis_level
from . import ess_diagnosis
from . import ess_diagnosis_score
from . import res_partner
from . import survey_survey
from . import survey_question
from . import survey_question_answer
from . import survey_user_input

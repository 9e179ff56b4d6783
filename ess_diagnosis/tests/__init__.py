from . import test_scoring
from . import test_results
from . import test_security
from . import test_performance
from . import test_questionnaire
from . import test_portal
from . import test_demo
from . import test_translations

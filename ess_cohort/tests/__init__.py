from . import test_cohort
from . import test_access
from . import test_portal
from . import test_translations
from . import test_trust
from . import test_portal_base
from . import test_fuzz_http

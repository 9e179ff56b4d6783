from . import test_contract
from . import test_followup
from . import test_matching
from . import test_cron
from . import test_access
from . import test_portal
from . import test_ui

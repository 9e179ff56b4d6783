from . import test_access
from . import test_fuzz_http
from . import test_http
from . import test_impact
from . import test_performance
from . import test_security
from . import test_translations

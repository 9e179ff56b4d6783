from . import test_demo_website
from . import test_translations
from . import test_resource
from . import test_website
from . import test_ui
from . import test_access_matrix
from . import test_security
from . import test_fuzz_http

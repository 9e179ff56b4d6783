from . import test_demo
from . import test_translations
from . import test_inventory
from . import test_inventory_portal
from . import test_recommended_resources
from . import test_access_matrix
from . import test_security
from . import test_fuzz_http

from . import test_partner_profile
from . import test_itinerary
from . import test_security
from . import test_portal
from . import test_translations
from . import test_ui
from . import test_access_matrix
from . import test_route_matrix

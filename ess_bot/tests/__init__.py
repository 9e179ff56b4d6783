from . import test_access
from . import test_essbot
from . import test_fuzz_http
from . import test_translations
from . import test_ui

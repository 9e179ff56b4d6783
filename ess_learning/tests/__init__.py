from . import test_access, test_fuzz_http, test_learning, test_translations

from . import test_demo_website
from . import test_translations

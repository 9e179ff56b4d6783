from . import test_demo_website

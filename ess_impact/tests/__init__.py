from . import test_impact

from . import test_impact_learning, test_translations

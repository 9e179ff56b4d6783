from . import test_learning

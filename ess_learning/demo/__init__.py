from . import ess_learning_demo

from . import ess_diagnosis_demo

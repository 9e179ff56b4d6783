from . import batch

from . import radar

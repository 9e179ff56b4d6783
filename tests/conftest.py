"""Suite-level tests: they drive the real project tooling, PostgreSQL and Odoo.

Run them through ``make test``, which prepares the environment they read
(``ESS_ODOO_SRC``, ``ESS_VENV``, ``PG*``).
"""

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))

REQUIRED_ENV = ("ESS_ODOO_SRC", "ESS_VENV", "PGHOST", "PGPORT", "PGUSER", "PGPASSWORD")


def pytest_configure(config):
    missing = [name for name in REQUIRED_ENV if not os.environ.get(name)]
    if missing:
        raise pytest.UsageError(
            f"missing {', '.join(missing)}: run these tests with `make test` (or tools/ess test)"
        )


@pytest.fixture(scope="session")
def repo():
    return REPO

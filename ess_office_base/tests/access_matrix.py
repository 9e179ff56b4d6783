"""The access matrix: who may read, write, create and unlink what, per role.

Every addon of the suite declares, in ``tests/access_rows.py``, an ``ACCESS_ROWS`` list with
one :class:`AccessRow` for every model it defines (``ess.*``) or extends with entity data
(ESS partners, itineraries, diagnosis answers), and checks them with a test case built on
:class:`AccessMatrixCase`. A row gives, for each role and each operation, the records on
which it is allowed, by scope letter:

- ``A``: a record of entity A (the entity of ``portal_a``, accompanied by the mentor);
- ``B``: a record of entity B (the entity of ``portal_b``);
- ``S``: a shared record (configuration, mentor and provider profiles).

An empty string means "on none of them". ``test_access_matrix_coverage`` (in this addon)
fails when an installed ``ess.*`` model has no row.
"""

import importlib
import importlib.util
import logging
from collections.abc import Callable
from dataclasses import dataclass

from odoo.exceptions import AccessError, UserError
from odoo.service.model import get_public_method

_logger = logging.getLogger(__name__)

ROLES = ("visitor", "portal_a", "portal_b", "mentor", "officer", "manager")
OPERATIONS = ("read", "write", "create", "unlink")


@dataclass
class AccessRow:
    """One model's line of the matrix: ``access[role]`` is a (read, write, create, unlink)
    tuple of scope strings; ``records(case)`` gives {scope: record}; ``create(case, scope)``
    the values of a new record in that scope; ``write(case)`` the values a write tries."""

    model: str
    label: str
    records: Callable
    create: Callable
    write: Callable
    access: dict

    def allowed(self, role, operation):
        return set(self.access[role][OPERATIONS.index(operation)])

    def scopes(self):
        return {scope for row in self.access.values() for cell in row for scope in cell}


def office_row(model, records, create, write):
    """A shared record (S) that only officers and managers reach: a wizard of theirs, say."""
    office = ("S", "S", "S", "S")
    nothing = ("", "", "", "")
    return AccessRow(
        model=model,
        label=model,
        records=records,
        create=create,
        write=write,
        access={
            "visitor": nothing,
            "portal_a": nothing,
            "portal_b": nothing,
            "mentor": nothing,
            "officer": office,
            "manager": office,
        },
    )


def rows_of(access_rows):
    """Check the shape of an addon's rows: every role, four operations, known scopes."""
    for row in access_rows:
        assert set(row.access) == set(ROLES), f"{row.label}: one entry per role {ROLES}"
        assert all(len(cells) == 4 for cells in row.access.values()), f"{row.label}: 4 operations"
        assert row.scopes() <= {"A", "B", "S"}, f"{row.label}: scopes are A, B and S"
    return access_rows


def installed_rows(env):
    """The rows declared by every installed ESS addon."""
    rows = []
    modules = (
        env["ir.module.module"].sudo().search([("name", "=like", "ess\\_%"), ("state", "=", "installed")])
    )
    for module in modules:
        try:
            declared = importlib.util.find_spec(f"odoo.addons.{module.name}.tests.access_rows")
        except ModuleNotFoundError:  # an addon that has no tests yet
            declared = None
        if declared:
            rows += importlib.import_module(f"odoo.addons.{module.name}.tests.access_rows").ACCESS_ROWS
    return rows


class _Undo(Exception):
    """Raised to roll a successful attempt back."""


class AccessMatrixMixin:
    """Checks ``ACCESS_ROWS`` cell by cell, through the ORM, as real users of each role.

    To mix into a test case that has the users of ``EssOfficeCommon`` and the records the
    rows' callables read."""

    def _matrix_users(self):
        return {
            "visitor": self.env.ref("base.public_user"),
            "portal_a": self.portal_a,
            "portal_b": self.portal_b,
            "mentor": self.user_mentor,
            "officer": self.user_officer,
            "manager": self.user_manager,
        }

    def _attempt(self, operation):
        """Whether ``operation`` goes through; whatever it did is undone."""
        try:
            with self.env.cr.savepoint():
                operation()
                self.env.flush_all()
                raise _Undo
        except _Undo:
            return True
        except AccessError:
            return False
        finally:
            self.env.invalidate_all()

    def _cell_allowed(self, row, user, operation, scope):
        Model = self.env[row.model].with_user(user)
        if operation == "create":
            values = row.create(self, scope)
            return self._attempt(lambda: Model.create(values))
        record = row.records(self)[scope].with_user(user)
        if operation == "read":
            return self._attempt(lambda: record.read(["display_name"]))
        if operation == "write":
            values = row.write(self)
            return self._attempt(lambda: record.write(values))
        return self._attempt(record.unlink)

    def assertAccessMatrix(self, access_rows):
        """Every cell of ``access_rows``: the operation goes through exactly where the row says."""
        users = self._matrix_users()
        cells = 0
        for row in rows_of(access_rows):
            scopes = sorted(row.records(self))
            for role, user in users.items():
                for operation in OPERATIONS:
                    expected = row.allowed(role, operation)
                    for scope in scopes:
                        allowed = self._cell_allowed(row, user, operation, scope)
                        cells += 1
                        with self.subTest(model=row.label, role=role, operation=operation, scope=scope):
                            self.assertEqual(
                                allowed,
                                scope in expected,
                                f"{row.label}: {role} {operation} on {scope} should be "
                                f"{'allowed' if scope in expected else 'refused'}",
                            )
        _logger.info("access matrix: %s cells checked for %s", cells, ", ".join(r.label for r in access_rows))
        return cells


# --- public methods ----------------------------------------------------------------------

# What an action must leave untouched besides the records' own stored fields.
SIDE_EFFECT_MODELS = ("mail.message", "mail.activity", "mail.followers")


def ess_public_actions(record):
    """The public ``action_*`` methods that ESS addons define on ``record``'s model."""
    names = set()
    for cls in type(record).__mro__:
        if cls.__module__.startswith("odoo.addons.ess_"):
            names.update(
                name for name, value in vars(cls).items() if name.startswith("action_") and callable(value)
            )
    return sorted(names)


class ActionsChangeNothingMixin:
    """Calls every public ESS action as users who may not change the records, the way an
    RPC call does, and checks that nothing changed."""

    def _snapshot(self, records):
        state = {}
        for record in records:
            Model = self.env[record._name].sudo().with_context(active_test=False)
            targets = Model.search([]) if record._name.startswith("ess.") else record.sudo()
            names = [
                name
                for name, field in Model._fields.items()
                if field.store and name not in ("write_date", "write_uid", "__last_update")
            ]
            for values in targets.read(names):
                state[(record._name, values["id"])] = values
        for model in SIDE_EFFECT_MODELS:
            state[model] = self.env[model].sudo().search_count([])
        return state

    def assertActionsChangeNothing(self, records, users):
        """Each user calls each ESS action of each record; returns the number of calls."""
        calls = 0
        before = self._snapshot(records)
        for user in users:
            for record in records:
                for name in ess_public_actions(record):
                    mine = record.with_user(user)
                    try:
                        get_public_method(mine, name)
                    except AccessError:
                        continue  # @api.private: not an RPC endpoint
                    try:
                        with self.env.cr.savepoint():
                            getattr(mine, name)()
                            self.env.flush_all()
                    except (AccessError, UserError) as refusal:
                        # refused: the RPC call's transaction is rolled back too
                        self.assertTrue(str(refusal), f"{name} refused {user.login} without a message")
                    self.env.invalidate_all()
                    calls += 1
                    with self.subTest(user=user.login, model=record._name, action=name):
                        self.assertEqual(
                            self._snapshot(records), before, f"{user.login} changed data with {name}"
                        )
        return calls

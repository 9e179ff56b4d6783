"""The access matrix: who may read, write, create and unlink what, per role.

Every addon of the suite declares, in ``tests/access_rows.py``, an ``ACCESS_ROWS`` list with
one :class:`AccessRow` for every model it defines (``ess.*``) or extends with entity data
(ESS partners, itineraries, diagnosis answers), and checks them with a test case built on
:class:`AccessMatrixCase`. A row gives, for each role and each operation, the records on
which it is allowed, by scope letter:

- ``A``: a record of entity A (the entity of ``portal_a``, accompanied by the mentor);
- ``B``: a record of entity B (the entity of ``portal_b``);
- ``S``: a shared record (configuration, mentor and provider profiles).

Two more mentors take part: the ``expert`` (a second mentor on entity A's team, who
accompanies A as the main mentor does) and the ``facilitator`` (a mentor who facilitates
cohorts and accompanies no entity). A row that does not name them gives them the
mentor's cells; rows of an entity's data (``entity_row`` in ess_diagnosis) give the
facilitator none of the entity's records (:func:`unaccompanied`).

An empty string means "on none of them". ``test_access_matrix_coverage`` (in this addon)
fails when an installed ``ess.*`` model has no row.

Beyond records, a row names:

- ``private_fields``: the fields that only some of the roles reading the record may read
  (personal data, notes meant for the office), with those roles. Every field of every
  row is read as every role (:meth:`AccessMatrixMixin.assertFieldAccess`); a field whose
  name says it holds personal data (:data:`PERSONAL_FIELD`) must be listed, so that a
  new one cannot be added without a decision;
- ``moves``: the fields that place a record (its entity, parent, author), each with the
  value (or the values, as a dict) that would move record A elsewhere and the scope it
  would land in; a write that
  moves a record is allowed only to the roles that may create it there
  (:meth:`AccessMatrixMixin.assertMoves`).
"""

import importlib
import importlib.util
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.service.model import get_public_method
from odoo.tests import new_test_user
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

ROLES = ("visitor", "portal_a", "portal_b", "mentor", "expert", "facilitator", "officer", "manager")
# The roles every row must name; the others default from the mentor's cells (see above).
NAMED_ROLES = ("visitor", "portal_a", "portal_b", "mentor", "officer", "manager")
OPERATIONS = ("read", "write", "create", "unlink")
OFFICE = ("officer", "manager")
# Names of fields that hold a person's contact details or traces: a row must say who reads them.
PERSONAL_FIELD = re.compile(r"(^|_)(email|phone|mobile|ip|ip_address|proposer|transcript)(_|$)")


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
    # {field name: roles that may read it, among those reading the record}
    private_fields: dict = field(default_factory=dict)
    # {field name: (callable(case) giving the value that moves record A, the scope it lands in)}
    moves: dict = field(default_factory=dict)
    # whether its records of an entity (A, B) belong to an office (a company)
    company: bool = True

    def __post_init__(self):
        if "mentor" in self.access:
            self.access.setdefault("expert", self.access["mentor"])
            self.access.setdefault("facilitator", self.access["mentor"])

    def allowed(self, role, operation):
        return set(self.access[role][OPERATIONS.index(operation)])

    def scopes(self):
        return {scope for row in self.access.values() for cell in row for scope in cell}


# Odoo's contact fields of a partner, all named by PERSONAL_FIELD.
PARTNER_CONTACT_FIELDS = (
    "email",
    "email_normalized",
    "email_formatted",
    "phone",
    "phone_sanitized",
    "phone_mobile_search",
    "mobile",
)


INTERNAL = ("mentor", "expert", "facilitator", "officer", "manager")
# ... of which Odoo keeps the blacklist flags for its internal users.
PARTNER_BLACKLIST_FIELDS = ("phone_blacklisted", "phone_sanitized_blacklisted", "mobile_blacklisted")


def partner_contact_fields():
    """``private_fields`` of a partner whose contact details go to whoever reads it."""
    return {
        **readable_by(ROLES, *PARTNER_CONTACT_FIELDS),
        **readable_by(INTERNAL, *PARTNER_BLACKLIST_FIELDS),
    }


def readable_by(roles, *names):
    """``private_fields`` giving ``names`` to ``roles`` (among those reading the record)."""
    return dict.fromkeys(names, tuple(roles))


def unaccompanied(cells):
    """A mentor's cells for a mentor who accompanies no entity: shared records only."""
    return tuple(cell.replace("A", "").replace("B", "") for cell in cells)


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
        assert set(row.access) == set(ROLES), f"{row.label}: one entry per role {NAMED_ROLES}"
        assert all(len(cells) == 4 for cells in row.access.values()), f"{row.label}: 4 operations"
        assert row.scopes() <= {"A", "B", "S"}, f"{row.label}: scopes are A, B and S"
        assert all(set(roles) <= set(ROLES) for roles in row.private_fields.values()), row.label
    return access_rows


def personal_fields_without_rule(env, access_rows):
    """{model: field names} of the rows' models whose name says they hold personal data
    and that no row of that model lists in ``private_fields``."""
    listed = {}
    for row in access_rows:
        listed.setdefault(row.model, set()).update(row.private_fields)
    missing = {}
    for model, names in listed.items():
        unlisted = {name for name in env[model]._fields if PERSONAL_FIELD.search(name) and name not in names}
        if unlisted:
            missing[model] = unlisted
    return missing


def models_without_row(env):
    """The installed ``ess.*`` models (mixins aside) that no installed addon gives a row."""
    declared = {row.model for row in installed_rows(env)}
    installed = {
        model
        for model in env["ir.model"].sudo().search([("model", "=like", "ess.%")]).mapped("model")
        if model in env and not env[model]._abstract  # a mixin holds no record of its own
    }
    return installed - declared


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
            "expert": self.user_expert,
            "facilitator": self.user_facilitator,
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

    def _field_readable(self, record, name):
        """Whether ``record`` (with its user) reads field ``name``, as a fresh RPC call would."""
        self.env.invalidate_all()
        try:
            with self.env.cr.savepoint():
                record.read([name])
            return True
        except AccessError:
            return False
        finally:
            self.env.invalidate_all()

    def assertFieldAccess(self, access_rows):
        """Every field of every row's records, read as every role that reads the record:
        a private field reaches only the roles its row names. Returns the reads made."""
        missing = personal_fields_without_rule(self.env, access_rows)
        self.assertFalse(missing, "these fields hold personal data: list who reads them in private_fields")
        reads = 0
        for role, user in self._matrix_users().items():
            for row in rows_of(access_rows):
                readable = row.allowed(role, "read")
                for scope, record in row.records(self).items():
                    if scope not in readable:
                        continue
                    mine = record.with_user(user)
                    for name in self.env[row.model]._fields:
                        may = role in row.private_fields.get(name, ROLES)
                        reads += 1
                        with self.subTest(model=row.label, role=role, scope=scope, field=name):
                            if name in row.private_fields or not may:
                                self.assertEqual(
                                    self._field_readable(mine, name),
                                    may,
                                    f"{row.label}.{name}: {role} should {'' if may else 'not '}read it",
                                )
                            else:
                                # Any other field: reading it must not fail with an error
                                # other than a refusal.
                                self._field_readable(mine, name)
        _logger.info("field access: %s field reads for %s", reads, ", ".join(r.label for r in access_rows))
        return reads

    def assertCompanyIsolation(self, access_rows):
        """Record A of every ``ess.*`` row with a company, moved to a second company: the
        officer of the first company no longer reads it, an officer of both does. Every
        ``ess.*`` model holding an entity's records must have a company. Returns the models
        checked."""
        other = self.env["res.company"].create({"name": "Second office"})
        both = new_test_user(
            self.env,
            "ess_officer_both",
            groups="ess_office_base.group_ess_officer",
            company_id=self.env.company.id,
            company_ids=[Command.set([self.env.company.id, other.id])],
        )
        checked = []
        for row in rows_of(access_rows):
            Model = self.env[row.model]
            if not (row.company and row.model.startswith("ess.") and "A" in row.scopes()):
                continue
            if not Model._auto:
                continue  # a report (an SQL view) takes its company from the records it reads
            with self.subTest(model=row.label):
                self.assertIn(
                    "company_id", Model._fields, f"{row.label} holds an entity's data: it needs a company"
                )
                self.assertTrue(Model._fields["company_id"].store, f"{row.label}: its company must be stored")
                record = row.records(self)["A"]
                try:
                    with self.env.cr.savepoint():
                        self.env.flush_all()
                        self.env.cr.execute(
                            SQL(
                                "UPDATE %s SET company_id = %s WHERE id = %s",
                                SQL.identifier(Model._table),
                                other.id,
                                record.id,
                            )
                        )
                        self.env.invalidate_all()
                        officer_reads = self._attempt(record.with_user(self.user_officer).read)
                        both_reads = self._attempt(record.with_user(both).read)
                        raise _Undo
                except _Undo:
                    self.env.invalidate_all()
                self.assertFalse(
                    officer_reads, f"{row.label}: the first office's officer reads the second's record"
                )
                self.assertTrue(both_reads, f"{row.label}: an officer of both offices should read it")
                checked.append(row.model)
        return checked

    def assertMoves(self, access_rows):
        """Each role that may write record A tries each move of its row: it goes through
        only where the role may create a record in the scope it lands in."""
        moves = 0
        for row in rows_of(access_rows):
            if not row.moves:
                continue
            record = row.records(self)["A"]
            for role, user in self._matrix_users().items():
                if "A" not in row.allowed(role, "write"):
                    continue
                for name, (value, landing) in row.moves.items():
                    moved_to = value(self)
                    values = moved_to if isinstance(moved_to, dict) else {name: moved_to}
                    expected = landing in row.allowed(role, "create")
                    mine = record.with_user(user)
                    moved = self._attempt(lambda mine=mine, values=values: mine.write(values))
                    moves += 1
                    with self.subTest(model=row.label, role=role, field=name):
                        self.assertEqual(
                            moved,
                            expected,
                            f"{row.label}: {role} moving record A by {name} to {landing} should be "
                            f"{'allowed' if expected else 'refused'}",
                        )
        _logger.info("moves: %s moves tried", moves)
        return moves


class AccessMatrixTests(AccessMatrixMixin):
    """The field, move and company checks of an addon's rows, for its matrix test case:
    ``access_rows`` are the rows, ``company_models`` the models the company check finds."""

    # Odoo runs only the test methods a test case defines itself, unless told.
    allow_inherited_tests_method = True
    access_rows = ()
    company_models = ()

    def test_field_access(self):
        self.assertGreater(self.assertFieldAccess(self.access_rows), 0)

    def test_moves(self):
        self.assertGreater(self.assertMoves(self.access_rows), 0)

    def test_company_isolation(self):
        self.assertEqual(self.assertCompanyIsolation(self.access_rows), list(self.company_models))


# --- public methods ----------------------------------------------------------------------

# What an action must leave untouched besides the records' own stored fields.
SIDE_EFFECT_MODELS = ("mail.message", "mail.activity", "mail.followers")
# ... and the records of these core models, field by field: an action could write them.
SIDE_EFFECT_RECORDS = ("calendar.event", "project.task", "rating.rating")


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
        targets = [
            self.env[record._name].sudo().with_context(active_test=False).search([])
            if record._name.startswith("ess.")
            else record.sudo()
            for record in records
        ]
        # calendar and rating come with the addons that use them
        targets += [
            self.env[model].sudo().with_context(active_test=False).search([])
            for model in SIDE_EFFECT_RECORDS
            if model in self.env
        ]
        for target in targets:
            names = [
                name
                for name, field in target._fields.items()
                if field.store and name not in ("write_date", "write_uid", "__last_update")
            ]
            for values in target.read(names):
                state[(target._name, values["id"])] = values
        for model in SIDE_EFFECT_MODELS:
            state[model] = self.env[model].sudo().search([], order="id").ids
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

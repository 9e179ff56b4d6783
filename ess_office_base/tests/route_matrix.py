"""The route table: which role may use which HTTP route of the suite, on whose records.

Every addon with controllers declares, in ``tests/route_rows.py``, a ``ROUTE_ROWS`` list with
one :class:`RouteRow` per route and HTTP method (the path as ``@http.route`` declares it),
and a ``setup_route_records(cls)`` function that builds, on the test class, the records its
rows request (with the builders of the addon's test commons). A row's scopes:

- ``A``: a record of entity A (the entity of ``portal_a``, accompanied by the mentor);
- ``B``: a record of entity B (the entity of ``portal_b``);
- ``U``: an unpublished record (a proposal waiting for moderation, a partner that is no
  provider), which no page of the website shows;
- ``S``: the page itself (a list, a form), or a record every role may reach.

``access[role]`` gives the scopes the role may use: on the row's scopes among them the
route answers with one of the row's ``ok`` statuses (200, or the route's own redirect), on
the others with a 403, a 404 or a redirect to the login page. Whatever the answer, its body
holds no text of a scope missing from ``access[role]`` (a list page of scope ``S`` that
portal_a reads with access ``SA`` may show A's records, never B's), and a 200 shows the
requested record's text (or, for a list, the text of the scopes it may show).
``test_route_matrix_coverage`` (in this addon) fails when a route of an installed ESS addon
has no row.
"""

import importlib
import importlib.util
import logging
import re
from collections.abc import Callable
from contextlib import closing, nullcontext
from dataclasses import dataclass

from odoo.tools import mute_logger

_logger = logging.getLogger(__name__)

ROLES = ("visitor", "portal_a", "portal_b", "mentor", "officer")
SCOPES = "ABUS"
REFUSED = (403, 404)
CSRF_TOKEN = re.compile(r'csrf_token: "([^"]+)"|name="csrf_token" value="([^"]+)"')


@dataclass
class RouteRow:
    """One route and method: ``request(case, scope)`` gives the URL and the POST data (None
    for a GET) of the route on the scope's record; ``texts(case)`` the distinctive text of
    each scope's records, {scope: [text]}; ``stored(case, scope)`` what a POST would change,
    read back to check that a refused POST stored nothing."""

    path: str
    method: str
    request: Callable
    access: dict
    scopes: str
    texts: Callable = lambda case: {}
    stored: Callable = None
    ok: tuple = None

    def __post_init__(self):
        if self.ok is None:
            self.ok = (303,) if self.method == "POST" else (200,)

    @property
    def label(self):
        return f"{self.method} {self.path}"


def route_rows_of(rows):
    """Check the shape of an addon's rows: every role, known scopes, POSTs read back."""
    for row in rows:
        assert set(row.access) == set(ROLES), f"{row.label}: one entry per role {ROLES}"
        assert set(row.scopes) <= set(SCOPES), f"{row.label}: scopes are {SCOPES}"
        assert all(set(scopes) <= set(SCOPES) for scopes in row.access.values()), row.label
        assert row.method in ("GET", "POST"), f"{row.label}: GET or POST"
        assert row.method == "GET" or row.stored, f"{row.label}: a POST says what it stores"
    return rows


def installed_route_modules(env):
    """The ``tests.route_rows`` modules of the installed ESS addons, dependencies first."""
    modules = (
        env["ir.module.module"].sudo().search([("name", "=like", "ess\\_%"), ("state", "=", "installed")])
    )
    declared = []
    for module in modules.sorted(lambda module: (len(module.upstream_dependencies()), module.name)):
        name = f"odoo.addons.{module.name}.tests.route_rows"
        try:
            found = importlib.util.find_spec(name)
        except ModuleNotFoundError:  # an addon that has no tests yet
            found = None
        if found:
            declared.append(importlib.import_module(name))
    return declared


def installed_route_rows(env):
    """The rows declared by every installed ESS addon."""
    return [row for module in installed_route_modules(env) for row in module.ROUTE_ROWS]


def ess_routes(env):
    """{(path, method)} of every route an installed ESS addon declares; a route open to
    every method is requested as a GET."""
    installed = env["ir.module.module"].sudo().search([("state", "=", "installed")]).mapped("name")
    IrHttp = env["ir.http"]
    routes = set()
    for path, endpoint in IrHttp._generate_routing_rules(installed, converters=IrHttp._get_converters()):
        method = endpoint.func
        declared_by = [
            cls
            for cls in type(method.__self__).mro()
            if path
            in (getattr(cls.__dict__.get(method.__name__), "original_routing", {}).get("routes") or ())
        ]
        if any(cls.__module__.startswith("odoo.addons.ess_") for cls in declared_by):
            routes.update(
                (path, verb) for verb in endpoint.routing["methods"] or ["GET"] if verb != "OPTIONS"
            )
    return routes


class RouteMatrixMixin:
    """Requests every row of ``ROUTE_ROWS`` as every role on every scope, with real HTTP
    requests (to mix into an ``HttpCase`` that has the users of ``EssOfficeCommon`` and the
    records the rows' callables read). Each request's changes are rolled back."""

    def _route_users(self):
        return {
            "visitor": None,
            "portal_a": self.portal_a,
            "portal_b": self.portal_b,
            "mentor": self.user_mentor,
            "officer": self.user_officer,
        }

    def _route_login(self, user):
        """Log in as ``user`` (no session for None); the session's CSRF token."""
        self.authenticate(user and user.login, user and user.login)
        page = self.url_open("/my" if user else "/web/login").text
        match = CSRF_TOKEN.search(page)
        self.assertTrue(match, "a page of the portal carries the session's CSRF token")
        return match.group(1) or match.group(2)

    def _route_response(self, row, scope, token, quiet=True):
        """(the response, what the row stored before, after) of one request, rolled back;
        ``quiet``: the refusals' warnings are not logged."""
        url, data = row.request(self, scope)
        self.assertEqual(data is not None, row.method == "POST", f"{row.label}: POST data, for a POST only")
        if data is not None and token is not None:
            data = dict(data, csrf_token=token)
        with closing(self.env.cr.savepoint()):
            before = row.stored(self, scope) if row.stored else None
            # refusals are logged as warnings (403, invalid CSRF token)
            with mute_logger("odoo.http") if quiet else nullcontext():
                response = self.url_open(url, data=data, allow_redirects=False)
            self.env.invalidate_all()
            after = row.stored(self, scope) if row.stored else None
        self.env.invalidate_all()
        return response, before, after

    def _is_login_redirect(self, response):
        return response.status_code in (302, 303) and "/web/login" in response.headers.get("Location", "")

    def _check_route_answer(self, row, role, scope, answer, texts):
        """``answer``: (the response, what the row stored before, after)."""
        response, before, after = answer
        allowed = row.access[role]
        if scope not in allowed:
            self.assertTrue(
                response.status_code in REFUSED or self._is_login_redirect(response),
                f"{row.label}: {role} is refused on {scope}, not answered {response.status_code}",
            )
            self.assertEqual(after, before, f"{row.label}: {role} stored something on {scope}")
            return
        self.assertIn(response.status_code, row.ok, f"{row.label}: {role} may use it on {scope}")
        self.assertFalse(self._is_login_redirect(response), f"{row.label}: {role} is logged in")
        if response.status_code == 200:
            # The texts are what the page shows: its record's, or those of the records a
            # list shows the role.
            for shown in allowed if scope == "S" else scope:
                if texts.get(shown):
                    self.assertTrue(
                        any(text in response.text for text in texts[shown]),
                        f"{row.label}: {role} reads {shown}'s records there",
                    )

    def assertRouteMatrix(self, rows):
        """Every row as every role on every scope; returns the number of requests."""
        requests = 0
        texts = {row.label: row.texts(self) for row in route_rows_of(rows)}
        for role, user in self._route_users().items():
            token = self._route_login(user)
            for row in rows:
                hidden = [text for scope, scope_texts in texts[row.label].items()
                          if scope not in row.access[role] for text in scope_texts]  # fmt: skip
                for scope in row.scopes:
                    answer = self._route_response(row, scope, token)
                    requests += 1
                    with self.subTest(route=row.label, role=role, scope=scope, check="answer"):
                        self._check_route_answer(row, role, scope, answer, texts[row.label])
                    with self.subTest(route=row.label, role=role, scope=scope, check="texts"):
                        leaked = [text for text in hidden if text in answer[0].text]
                        self.assertFalse(leaked, f"{row.label}: {role} reads these on {scope}")
        _logger.info("route matrix: %s route x role x scope requests checked, %s rows", requests, len(rows))
        return requests

    def assertPostsNeedCsrf(self, rows):
        """Every POST row, as a role that may use it, without a CSRF token and with the token
        of another session: a 400 from the CSRF check, that stores nothing. Returns the
        number of requests."""
        requests = 0
        users = self._route_users()
        foreign = self._route_login(None)  # a visitor's session, which the next login replaces
        for row in route_rows_of(rows):
            if row.method != "POST":
                continue
            role, scope = next(
                (
                    (role, scope)
                    for role, scopes in row.access.items()
                    for scope in row.scopes
                    if scope in scopes
                ),
                (None, None),
            )
            self.assertTrue(role, f"{row.label}: some role may use it")
            self._route_login(users[role])
            for token in (None, foreign):
                requests += 1
                with self.subTest(
                    route=row.label, role=role, scope=scope, token=token and "another session's"
                ):
                    # no warning logged: the CSRF check let the request through
                    with self.assertLogs("odoo.http", "WARNING") as logs:
                        response, before, after = self._route_response(row, scope, token=token, quiet=False)
                    self.assertEqual(response.status_code, 400, f"{row.label} without a valid CSRF token")
                    self.assertTrue(any("CSRF" in line for line in logs.output), "refused by the CSRF check")
                    self.assertEqual(
                        after, before, f"{row.label} stored something without a valid CSRF token"
                    )
        _logger.info("route matrix: %s POST requests without a valid CSRF token refused", requests)
        return requests

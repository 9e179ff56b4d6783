"""Property-based fuzzing of the suite's HTTP endpoints, shared by every addon's
``tests/test_fuzz_http.py``: the payload strategies (hypothesis), the properties every
answer must have, and the request counter.

Each addon's fuzz class mixes :class:`EssFuzzCase` into its ``HttpCase`` and sends its
requests through :meth:`EssFuzzCase.fuzz_open` / :meth:`EssFuzzCase.fuzz_rpc`, which
count them and check the first property (no server error) on every answer. The
examples run inside the test's transaction: the server handles ``url_open`` requests in
the test cursor, so that rows counted before and after a request tell what it created.

The suite's run is repeatable: it uses the seed SUITE_SEED, so that `make test` (and
CI) sends the same requests every time and is red only when the code changed. To explore
further, ``ESS_FUZZ_SEED=random`` draws a new seed for the run, and ``ESS_FUZZ_SEED=<n>``
uses seed n; the seed is logged at the start of every fuzz class and named in every
failure. What a random run finds is fixed, and kept as an ``@example`` of its test.
"""

import html
import json
import logging
import os
import random
import re
import time
from contextlib import contextmanager
from urllib.parse import quote_from_bytes, urlencode

import lxml.html
from hypothesis import HealthCheck, Phase, seed, settings
from hypothesis import strategies as st

_logger = logging.getLogger(__name__)

SUITE_SEED = 134910553
SEED = os.environ.get("ESS_FUZZ_SEED") or SUITE_SEED
SEED = random.SystemRandom().randrange(2**32) if SEED == "random" else int(SEED)

# JSON-RPC errors that are clean refusals: Odoo's user-facing exceptions, shown to the
# user as a message. ValueError and AttributeError are clean only when Odoo's own
# argument checks raise them (an unknown field or method, a value of the wrong type for a
# field, a malformed domain): the innermost frame of their traceback is in Odoo's core,
# not in one of our addons. Anything else (TypeError, KeyError, IndexError, a psycopg2
# error...) is a defect of the code that let it through, unless it comes from a generic
# ORM call (read, write, create, search_read, copy) that fails alike on core's own
# res.partner given the same values (see CORE_TWINS): Odoo's handling, logged and counted.
CLEAN_RPC_ERRORS = frozenset(
    {
        "odoo.exceptions.AccessError",
        "odoo.exceptions.AccessDenied",
        "odoo.exceptions.UserError",
        "odoo.exceptions.ValidationError",
        "odoo.exceptions.MissingError",
        "odoo.exceptions.RedirectWarning",
        "odoo.http.SessionExpiredException",
        "werkzeug.exceptions.NotFound",
        "werkzeug.exceptions.Forbidden",
        "werkzeug.exceptions.BadRequest",
    }
)
CORE_ARGUMENT_ERRORS = frozenset({"builtins.ValueError", "builtins.AttributeError"})
CORE_FRAME = re.compile(
    r'File "[^"]*/odoo/(?:models|fields|api|osv/expression|service/model|tools/[\w/]+)\.py"'
)
FRAME = re.compile(r'File "([^"]+)"')
# A field of core's res.partner of each type, to replay a generic ORM call that failed on
# one of our models: when core fails the same way on its own model, the failure is
# Odoo's handling of a value of the wrong type, not ours (logged, counted, reported).
CORE_TWINS = {
    "many2one": "parent_id", "many2many": "category_id", "one2many": "child_ids", "char": "ref",
    "text": "comment", "html": "comment", "integer": "color", "float": "partner_latitude",
    "monetary": "partner_latitude", "boolean": "is_company", "selection": "type", "date": "date",
}  # fmt: skip
GENERIC_METHODS = ("read", "write", "create", "search_read", "copy")
# The longest URL sent: what a front proxy lets through (nginx answers 414 beyond its 8 KB
# header buffers). Werkzeug's development server itself fails on request lines over 64 KB,
# before any of Odoo's code. Huge values travel in POST bodies.
URL_MAX = 8192

# ------------------------------------------------------------
# STRATEGIES
# ------------------------------------------------------------

MARKUP_TEMPLATES = (
    "<script>ess-fuzz-{n}</script>",
    '"><img src=x onerror=ess_fuzz_{n}>',
    "'><svg onload=ess_fuzz_{n}>",
    '<a href="javascript:ess_fuzz_{n}()">ess-fuzz-{n}</a>',
    "<b>ess-fuzz-{n}</b><iframe src=//ess-fuzz-{n}>",
)
# Not markup, but what a template, a format string or a query must not interpret.
INJECTION_TEMPLATES = (
    "{{{{ ess_fuzz_{n} }}}}",
    "${{ess_fuzz_{n}}}",
    "%s %d %(ess_fuzz_{n})s",
    "ess-fuzz-{n}'; DROP TABLE res_users; --",
    'ess-fuzz-{n}" OR 1=1 --',
    '<t t-out="ess_fuzz_{n}"/>',
    "ess-fuzz-{n}\\",
    "%%ess-fuzz-{n}%%_",
)
WEIRD_NUMBERS = (
    "-1", "0", "1", "2147483647", "2147483648", str(2**63), str(-(2**63) - 1), str(10**30),
    "1e9", "1.5", "-0", "NaN", "inf", "-inf", "0x10", "abc", "", " ", " 7 ", "١٢", "7\x00",
    "None", "null", "false", "[]", "{}", "²", "1²", "৪", "\uff11",
)  # fmt: skip
# Characters that stress a decoder, a database or a page: NUL, controls, a right-to-left
# mark, a zero-width joiner, an emoji, a CJK character, a combining accent.
ODD_CHARACTERS = ("\x00", "\x07", "\x1b", "\u202e", "\u200d", "😀", "中", "e\u0301", "\ufffd", "\r\n")


def markup_payloads():
    """An HTML or script payload that carries a marker: ``(payload, marker)``."""
    return st.builds(
        lambda template, n: (
            template.format(n=n),
            f"ess-fuzz-{n}" if "ess-fuzz" in template else f"ess_fuzz_{n}",
        ),
        st.sampled_from(MARKUP_TEMPLATES),
        st.integers(0, 10**9),
    )


def texts(max_huge=100_000):
    """Anything a person (or a robot) may type: random text, odd characters, markup and
    injection payloads, huge strings (up to ``max_huge`` characters)."""
    printable = st.characters(blacklist_categories=("Cs",))
    return st.one_of(
        st.text(printable, max_size=80),
        st.lists(st.sampled_from(ODD_CHARACTERS), max_size=6).map("".join),
        markup_payloads().map(lambda pair: pair[0]),
        st.builds(
            lambda template, n: template.format(n=n),
            st.sampled_from(INJECTION_TEMPLATES),
            st.integers(0, 999),
        ),
        st.builds(
            lambda unit, size: (unit * size)[:size],
            st.sampled_from(("a", "é", "<", "😀", " ", "ab\x00", "<script>")),
            st.integers(min(1000, max_huge), max_huge),
        ),
    )


def numbers(ids=()):
    """A number as a form or a URL carries it, right or wrong: huge, negative, not a
    number at all, or the id of a record the user must not reach (``ids``)."""
    choices = [
        st.sampled_from(WEIRD_NUMBERS),
        st.integers(-(2**70), 2**70).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
    ]
    if ids:
        choices.append(st.sampled_from([str(record_id) for record_id in ids]))
    return st.one_of(*choices)


def path_ids(ids=()):
    """An id in a URL's path (``<int:...>`` converters): huge, zero, unknown, another's."""
    choices = [st.sampled_from((0, 1, 2**31 - 1, 2**31, 2**63, 10**30)), st.integers(0, 2**70)]
    if ids:
        choices.append(st.sampled_from(list(ids)))
    return st.one_of(*choices)


def rpc_values():
    """A JSON value of any type, where an argument is expected."""
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False, allow_infinity=False),
        texts(max_huge=20_000),
        st.lists(st.integers(-(2**40), 2**40), max_size=3),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    )


def raw_bodies(keys):
    """A form body as bytes, broken: invalid UTF-8 (raw or percent-encoded), NUL bytes,
    missing ``=``, keys sent twice."""
    value = st.binary(max_size=60)
    pair = st.one_of(
        st.builds(
            lambda key, raw: key.encode() + b"=" + quote_from_bytes(raw).encode(),
            st.sampled_from(keys),
            value,
        ),
        st.builds(
            lambda key, raw: key.encode() + b"=" + raw.replace(b"&", b""), st.sampled_from(keys), value
        ),
        st.sampled_from(keys).map(str.encode),
        st.sampled_from((b"\xff\xfe", b"%FF%FE=%C0%80", b"=", b"&&", b"\x00=\x00")),
    )
    return st.lists(pair, min_size=1, max_size=8).map(b"&".join)


def broken_query(keys):
    """A query string with invalid UTF-8 and NUL bytes, percent-encoded, keys repeated."""
    return st.lists(
        st.builds(
            lambda key, raw: f"{key}={quote_from_bytes(raw)}",
            st.sampled_from(keys),
            st.one_of(
                st.binary(max_size=30), st.sampled_from((b"\xff", b"\xc0\x80", b"\x00", b"\xed\xa0\x80"))
            ),
        ),
        min_size=1,
        max_size=6,
    ).map("&".join)


def fuzz_settings(max_examples):
    """Hypothesis's settings for one fuzzing test: ``max_examples`` requests' worth,
    no deadline (a request's time varies), no example database, the run's seed."""
    decorate = settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        derandomize=False,
        print_blob=True,
        # No shrinking: a failing example is reported as found, within the run's time budget.
        phases=(Phase.explicit, Phase.reuse, Phase.generate),
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
            HealthCheck.filter_too_much,
            HealthCheck.differing_executors,
        ],
    )
    return lambda test: seed(SEED)(decorate(test))


# ------------------------------------------------------------
# THE CASE
# ------------------------------------------------------------


class _Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextmanager
def _recorded(*logger_names):
    """What ``logger_names`` log, kept out of the log (refusals are logged as warnings
    that name our models) and handed to the caller to check."""
    loggers = [logging.getLogger(name) for name in logger_names]
    recorder = _Recorder()
    saved = [(logger.propagate, logger.level) for logger in loggers]
    for logger in loggers:
        logger.addHandler(recorder)
        logger.propagate = False
        logger.setLevel(logging.INFO)
    try:
        yield recorder.records
    finally:
        for logger, (propagate, level) in zip(loggers, saved, strict=True):
            logger.removeHandler(recorder)
            logger.propagate, logger.level = propagate, level


class EssFuzzCase:
    """Mixed into an ``HttpCase``: the fuzzing requests, counted per test and per class,
    and the properties their answers must have."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._fuzz_class_requests = 0
        cls._fuzz_class_endpoints = set()
        cls._fuzz_core_errors = {}
        cls._fuzz_class_started = time.monotonic()
        _logger.info("ess fuzz: %s, seed %s (ESS_FUZZ_SEED=%s replays it)", cls.__name__, SEED, SEED)

    @classmethod
    def tearDownClass(cls):
        _logger.info(
            "ess fuzz: %s requests to %s endpoints (%s, %.0f s)",
            cls._fuzz_class_requests,
            len(cls._fuzz_class_endpoints),
            cls.__name__,
            time.monotonic() - cls._fuzz_class_started,
        )
        if cls._fuzz_core_errors:
            _logger.info(
                "ess fuzz: %s: errors that core's res.partner raises alike for the same values: %s",
                cls.__name__,
                cls._fuzz_core_errors,
            )
        super().tearDownClass()

    def setUp(self):
        super().setUp()
        self.fuzz_requests = 0

    def _fuzz_count(self, endpoint):
        self.fuzz_requests += 1
        type(self)._fuzz_class_requests += 1
        type(self)._fuzz_class_endpoints.add(endpoint)

    def _fuzz_context(self, what):
        return f"{what} (hypothesis seed {SEED}: ESS_FUZZ_SEED={SEED} replays it)"

    def fuzz_open(self, endpoint, url, data=None, files=None, headers=None, allow_redirects=False, rpc=False):
        """``url_open`` for the fuzzer: counted under ``endpoint`` (the route's pattern),
        and never a server error, whatever was sent (for ``rpc``, :meth:`fuzz_rpc` tells
        a clean refusal from a crash by the error's class)."""
        url = url[:URL_MAX]
        with _recorded("odoo.http", "odoo.sql_db") as records:
            response = self.url_open(
                url, data=data, files=files, headers=headers, allow_redirects=allow_redirects, timeout=60
            )
        self._fuzz_count(endpoint)
        crashes = [record for record in records if record.levelno >= logging.ERROR]
        if crashes and not rpc:
            trace = (
                crashes[0].getMessage()
                + "\n"
                + (crashes[0].exc_info and logging.Formatter().formatException(crashes[0].exc_info) or "")
            )
            self.fail(self._fuzz_context(f"{url:.300} {data!r:.300} crashed the server:\n{trace}"))
        self.assertLess(
            response.status_code,
            500,
            self._fuzz_context(f"{url} answered {response.status_code} to {data!r:.300}"),
        )
        return response

    def fuzz_rpc(self, endpoint, route, params):
        """A JSON-RPC call: (result, None) or (None, the error's class name), the error
        being a clean refusal (see CLEAN_RPC_ERRORS)."""
        body = json.dumps({"id": 0, "jsonrpc": "2.0", "method": "call", "params": params}).encode()
        response = self.fuzz_open(
            endpoint, route, data=body, headers={"Content-Type": "application/json"}, rpc=True
        )
        self.assertEqual(response.status_code, 200, self._fuzz_context(f"{route} {params!r:.300}"))
        answer = response.json()
        if "error" not in answer:
            # Odoo leaves "result" out when the route returns None.
            return answer.get("result"), None
        error = answer["error"]["data"]
        name, debug = error.get("name", ""), error.get("debug", "")
        frames = FRAME.findall(debug)
        innermost = frames[-1] if frames else ""
        clean = name in CLEAN_RPC_ERRORS or (
            name in CORE_ARGUMENT_ERRORS
            and CORE_FRAME.search(f'File "{innermost}"')
            and "/ess_" not in innermost
        )
        if not clean and self._core_does_the_same(params, name):
            errors = type(self)._fuzz_core_errors
            errors[name] = errors.get(name, 0) + 1
            return None, name
        self.assertTrue(
            clean,
            self._fuzz_context(f"{route} {params!r:.300} raised {name}: {error.get('message')}\n{debug}"),
        )
        return None, name

    def _core_does_the_same(self, params, name):
        """Whether the generic ORM call ``params`` (call_kw's), which failed with the error
        class ``name``, fails alike on core's res.partner given the same values (as
        superuser, in a savepoint)."""
        model, method, args = params.get("model"), params.get("method"), params.get("args")
        if model not in self.env or method not in GENERIC_METHODS:
            return False
        Model, Partner = self.env[model], self.env["res.partner"].sudo()

        def twin(values):
            twin_values = {}
            for field_name, value in values.items():
                field = Model._fields.get(field_name)
                if field is None or field.type not in CORE_TWINS:
                    return None
                twin_values[CORE_TWINS[field.type]] = value
            return twin_values

        if method == "read":
            call = lambda: Partner.browse(args[0]).read(["name"])  # noqa: E731
        elif method == "search_read":
            domain = twin({leaf[0]: leaf[2] for leaf in args[0]})
            call = domain is not None and (
                lambda: Partner.search([(key, "=", value) for key, value in domain.items()]).ids
            )
        else:
            values = twin(args[-1] if method != "create" else args[0][0])
            call = values is not None and (lambda: Partner.create(dict(values, name="ess fuzz twin")))
        if not call:
            return False
        try:
            with self.env.cr.savepoint(), _recorded("odoo.sql_db"):
                call()
                self.env.flush_all()
        except Exception as error:
            return f"{type(error).__module__}.{type(error).__name__}" == name
        return False

    def fuzz_rpc_args(self, model, method, ids, values):
        """The arguments of ``method`` on ``model`` for the fuzzed ``ids`` and ``values``.
        Fields read are the model's own (reading an unknown field of a missing record is a
        KeyError in Odoo's core ``read``, whatever the model)."""
        fields = [name for name in values if name in self.env[model]._fields] or ["display_name"]
        return {
            "write": [ids, values],
            "create": [[values]],
            "read": [ids, fields],
            "search_read": [[[name, "=", value] for name, value in values.items()], fields],
            "copy": [ids[:1], values],
        }.get(method, [ids])

    def assertFuzzed(self, minimum):
        """The test made at least ``minimum`` requests (hypothesis ran its examples)."""
        self.assertGreaterEqual(self.fuzz_requests, minimum, "the fuzzer made fewer requests than meant")

    # ------------------------------------------------------------
    # PROPERTIES
    # ------------------------------------------------------------

    def fuzz_csrf(self, url="/my"):
        """The session's CSRF token, as the portal's pages carry it."""
        page = self.url_open(url).text
        return re.search(r'csrf_token: "([^"]+)"|name="csrf_token" value="([^"]+)"', page).group(1)

    def fuzz_rows(self, *models, domain=None):
        """{model: number of rows}, read by the superuser after the requests' writes."""
        self.env.invalidate_all()
        return {
            model: self.env[model].sudo().with_context(active_test=False).search_count(domain or [])
            for model in models
        }

    def assertNothingCreated(self, before, what):
        after = self.fuzz_rows(*before)
        self.assertEqual(after, before, self._fuzz_context(f"a refused request created rows: {what!r:.300}"))

    def assertEscaped(self, text, payload, where):
        """``payload`` (markup) does not appear raw in ``text``: it is shown as text. A
        payload without markup reads the same escaped or not: nothing to check."""
        if "<" not in payload:
            return
        self.assertNotIn(payload, text, self._fuzz_context(f"{payload!r} shown unescaped in {where}"))

    def assertShownEscaped(self, text, payload, marker, where):
        """``payload`` is shown, escaped: its marker is there, the markup is not."""
        self.assertEscaped(text, payload, where)
        self.assertIn(marker, html.unescape(text), self._fuzz_context(f"{marker} not shown in {where}"))

    def assertSanitized(self, value, marker, where):
        """An Html value holds no active markup (around ``marker``): no script, iframe or
        object element, no event handler attribute, no javascript: link. Escaped text
        that reads like markup is text, and fine."""
        value = str(value or "")
        if not value.strip():
            return
        root = lxml.html.fromstring(f"<div>{value}</div>")
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            self.assertNotIn(
                element.tag,
                ("script", "iframe", "object", "embed"),
                self._fuzz_context(f"{where} ({marker})"),
            )
            for attribute, attribute_value in element.attrib.items():
                self.assertFalse(
                    attribute.lower().startswith("on")
                    or "javascript:" in attribute_value.lower().replace(" ", ""),
                    self._fuzz_context(f"{where} keeps {attribute}={attribute_value!r} ({marker})"),
                )

    @staticmethod
    def fuzz_query(**params):
        return urlencode(params)

    def assertMailsSafe(self, marker, payload):
        """Every message and mail that carries ``marker`` holds ``payload`` escaped or
        sanitized, never as active markup."""
        self.env.invalidate_all()
        messages = self.env["mail.message"].sudo().search([("body", "ilike", marker)])
        mails = self.env["mail.mail"].sudo().search([("body_html", "ilike", marker)])
        for body in messages.mapped("body") + mails.mapped("body_html"):
            self.assertEscaped(str(body), payload, "a mail")
            self.assertSanitized(body, marker, "a mail")
        return messages, mails

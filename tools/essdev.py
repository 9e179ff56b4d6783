"""Odoo-level tasks behind ``make demo`` and ``make test``.

Run by ``tools/ess`` inside the project's virtualenv, once PostgreSQL is up. It keeps
template databases of the core modules the ESS addons depend on (keyed by the module
set and the Odoo source), so that each run only installs the ESS addons themselves.
The suite-level tests in ``tests/`` import it for the same helpers.

Libraries do what they can: manifestoo lists the addons and walks their dependencies, and
click-odoo-makepot exports the terms. The templates stay ours: click-odoo-initdb's cache
cannot load languages (ours hold Catalan and Spanish) and keeps attachments in the
database, unlike a real Odoo, where ours copy the filestore with the database.

Copying a template and dropping a database stay ours too (CREATE DATABASE ... TEMPLATE and
DROP DATABASE ... WITH (FORCE), the filestore hard-linked or removed alongside):
click-odoo-copydb and click-odoo-dropdb do the same with Odoo 18 here, given our odoo.conf
for the filestore's place, but each starts Odoo, and copydb also loads the copy's registry
to give it a new database.uuid, which a throw-away copy does not need. Measured on the
template of every ESS addon (49 MB), 2 cores under load: a copy takes 0.2 s of CPU and
7.7 s here against 6 s of CPU and 32 s with copydb; a drop 0.2 s and 1.7 s against 2 s and
9 s with dropdb. `make test` copies 7 databases and drops 14: 4½ minutes more. Nothing in
click-odoo-contrib renames a database (a template is built under another name, then
renamed once complete).
"""

import argparse
import ast
import contextlib
import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import polib
import psycopg2
from psycopg2 import sql

REPO = Path(__file__).resolve().parent.parent
ODOO_SRC = Path(os.environ.get("ESS_ODOO_SRC", ""))
VENV = Path(os.environ.get("ESS_VENV", sys.prefix))
CACHE = Path(
    os.environ.get("ESS_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ess-office"
)
DATA_DIR = CACHE / "data"
# English first: the first language loaded becomes the database default.
LANGUAGES = "en_US,ca_ES,es_ES"
DEMO_DB = os.environ.get("ESS_DEMO_DB", "ess_demo")
DEMO_PORT = int(os.environ.get("ESS_HTTP_PORT", "8069"))
TEST_DB = os.environ.get("ESS_TEST_DB", "ess_test")
TEST_PORT = int(os.environ.get("ESS_TEST_HTTP_PORT", "8269"))
CORE_DB = os.environ.get("ESS_CORE_DB", "ess_core")
CORE_PORT = int(os.environ.get("ESS_CORE_HTTP_PORT", "8270"))
# Odoo's own test suites of the core apps our addons extend (`make test-core`): they must
# keep passing with every ESS module installed. An app joins when one of our addons
# extends it.
# Odoo's own tests of what the suite extends: survey, project and portal whole; of
# website, those covering what ess_catalogue adds to it (pages the crawler follows, menus,
# site search, language URLs, slugs, controllers and sitemap).
# Two of website_slides' tours that drive the website editor in its iframe hang this
# machine's Chromium (156) until the script timeout, on plain Odoo too: a database with
# only website_slides_survey installed, none of ours, fails them alike (2 errors of 2).
# Every other website_slides test runs.
WEBSITE_SLIDES_BROKEN_HERE = (
    "TestUi.test_full_screen_edition_website_restricted_editor",
    "TestUiPublisher.test_course_publisher_elearning_manager",
)
WEBSITE_TEST_CLASSES = (
    "Crawler", "TestFuzzy", "TestAutoComplete", "TestMenu", "TestMenuHttp", "TestControllers",
    "TestLangUrl", "TestControllerRedirect", "TestSlugUnslug", "TestTitleToSlug", "TestHttpEndPoint",
)  # fmt: skip
CORE_TEST_TAGS = ",".join(
    [
        "/survey",
        "/project",
        "/portal",
        "/calendar",
        "/privacy_lookup",
        "/privacy_partner_to_be_forgotten",
        "/im_livechat",
        "/website_livechat",
        "/website_slides",
        "/website_slides_survey",
    ]
    + [f"/website:{name}" for name in WEBSITE_TEST_CLASSES]
    + [f"-/website_slides:{name}" for name in WEBSITE_SLIDES_BROKEN_HERE]
)
# Logins of the demo database, printed by `make demo` and listed in the README.
DEMO_LOGINS = [
    ("admin", "admin", "ESS Office manager (administrator)"),
    ("officer", "officer", "officer, referent of every demo entity"),
    ("mentor", "mentor", "mentor (office staff)"),
    ("marta@lafornal.example", "portal", "portal: Cooperativa de Treball La Fornal"),
    ("jana@lateulada.example", "portal", "portal: Habitatge Cooperatiu La Teulada"),
    ("oriol@santroc.example", "portal", "portal: Associació Veïnal Sant Roc Actiu"),
]

LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>[\w.]+): (?P<msg>.*)"
)
TEST_FAILURE = re.compile(r"^(FAIL|ERROR): ")
# What a test logs itself (a tour's failed step, say) is already counted by its failure.
TEST_LOGGER = re.compile(r"^odoo\.addons\.\w+\.tests\.")
# A warning that names one of our addons or models is a defect too: Odoo only warns when,
# for instance, an addon's demo data fails to load or a model has no access rule.
OWN_WARNING = re.compile(r"\bess[_.]\w")
# Odoo's own retry of a failed test (ODOO_TEST_FAILURE_RETRIES, as its runbot runs them),
# printed so that a flaky test shows in every run that needed it.
RETRIED = re.compile(r"Retrying a failed test: ")
TEST_REPORT = re.compile(
    r"^(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<tests>\d+) tests when loading"
)


# --- addons ----------------------------------------------------------------------------


def manifest(addon):
    return ast.literal_eval((REPO / addon / "__manifest__.py").read_text())


def manifestoo(*args):
    """What manifestoo prints, with only this repository on its addons path."""
    return subprocess.run(
        [
            str(VENV / "bin" / "manifestoo"),
            f"--addons-path={REPO}",
            "--no-addons-path-from-import-odoo",
            "--odoo-series=18.0",
            *args,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def last_release():
    """(release, commit) of the last line of setup/RELEASES: the tags a clone need not carry."""
    lines = (REPO / "setup" / "RELEASES").read_text().splitlines()
    release, commit = [line.split() for line in lines if line.strip() and not line.startswith("#")][-1]
    return release, commit


@functools.cache
def _ess_addons():
    return tuple(sorted(manifestoo(f"--select-addons-dir={REPO}", "list", "--separator=,").split(",")))


def ess_addons():
    """The installable ESS addons of this repository, by name (manifestoo leaves out
    those whose manifest says installable: False)."""
    return list(_ess_addons())


def core_dependencies(addons):
    """The modules outside this repository that ``addons`` need, directly or not: those
    manifestoo cannot find here are Odoo's."""
    listed = manifestoo(
        f"--select={','.join(addons)}", "list-depends", "--transitive", "--ignore-missing", "--separator=,"
    )
    return sorted(set(listed.split(",")) - set(ess_addons()) - {""})


# --- PostgreSQL ------------------------------------------------------------------------


@contextlib.contextmanager
def connect(dbname="postgres"):
    """An autocommit connection (DDL such as CREATE DATABASE needs one), closed after use."""
    conn = psycopg2.connect(dbname=dbname)
    conn.autocommit = True
    try:
        yield conn
    finally:
        conn.close()


def db_exists(name):
    with connect() as conn, conn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return bool(cr.fetchone())


def drop_db(name):
    with connect() as conn, conn.cursor() as cr:
        cr.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    shutil.rmtree(DATA_DIR / "filestore" / name, ignore_errors=True)


def clone_db(template, name):
    """A new database ``name`` copied from ``template``, filestore included."""
    drop_db(name)
    with connect() as conn, conn.cursor() as cr:
        cr.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
        )
    source = DATA_DIR / "filestore" / template
    if source.is_dir():
        # Filestore files are written once and never changed: hard links are safe.
        subprocess.run(["cp", "-al", str(source), str(DATA_DIR / "filestore" / name)], check=True)


def rename_db(old, new):
    with connect() as conn, conn.cursor() as cr:
        cr.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(old), sql.Identifier(new)))
    old_store = DATA_DIR / "filestore" / old
    if old_store.is_dir():
        old_store.rename(DATA_DIR / "filestore" / new)


# --- Odoo ------------------------------------------------------------------------------


def work_dir():
    """The clone's own folder for logs and generated files (.ess/, ignored by git)."""
    work = REPO / ".ess"
    work.mkdir(exist_ok=True)
    return work


def odoo_config():
    """The odoo.conf of every run (odoo-bin's and click-odoo's): where Odoo finds its
    addons, its files and PostgreSQL."""
    options = {
        "addons_path": f"{ODOO_SRC / 'odoo' / 'addons'},{REPO}",
        "data_dir": DATA_DIR,
        "db_host": os.environ["PGHOST"],
        "db_port": os.environ["PGPORT"],
        "db_user": os.environ["PGUSER"],
        "db_password": os.environ["PGPASSWORD"],
    }
    config = work_dir() / "odoo.conf"
    text = "[options]\n" + "".join(f"{option} = {value}\n" for option, value in options.items())
    if not config.exists() or config.read_text() != text:
        written = config.with_name(f"odoo.conf.{os.getpid()}")
        written.write_text(text)
        written.replace(config)  # atomic: a run starting meanwhile reads the old file or the new
    return config


def odoo_command(db, *args, http_port=None, subcommand=None):
    command = [
        str(VENV / "bin" / "python"),
        str(ODOO_SRC / "odoo-bin"),
        *([subcommand] if subcommand else []),
        f"--config={odoo_config()}",
        f"--database={db}",
        f"--db-filter=^{re.escape(db)}$",
        "--max-cron-threads=0",
    ]
    command += [f"--http-port={http_port}"] if http_port else ["--no-http"]
    return command + list(args)


def run_odoo(db, *args, http_port=None, log_path=None, subcommand=None, stdin=None, env=None):
    """Run Odoo until it stops; return its exit code and its log lines."""
    command = odoo_command(db, *args, http_port=http_port, subcommand=subcommand)
    lines = []
    log = open(log_path, "w") if log_path else None  # noqa: SIM115
    try:
        with subprocess.Popen(
            command,
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
            env={**os.environ, **(env or {})},
        ) as proc:
            if stdin:
                proc.stdin.write(stdin)
                proc.stdin.close()
            for line in proc.stdout:
                lines.append(line.rstrip("\n"))
                if log:
                    log.write(line)
                if os.environ.get("ESS_QUIET") != "1":
                    sys.stdout.write(line)
            returncode = proc.wait()
    finally:
        if log:
            log.close()
    return returncode, lines


def template_name(modules):
    key = hashlib.sha256()
    key.update((ODOO_SRC / "odoo" / "release.py").read_bytes())
    key.update(str(ODOO_SRC).encode())
    key.update(",".join(sorted(modules)).encode())
    key.update(LANGUAGES.encode())
    return f"ess_tpl_{key.hexdigest()[:12]}"


def ensure_template(modules):
    """A cached database with ``modules`` (and their demo data) and our languages."""
    name = template_name(modules)
    if db_exists(name):
        return name
    building = f"{name}_building"
    drop_db(building)
    print(f"[ess] building the template database {name}: {', '.join(modules)}", flush=True)
    returncode, lines = run_odoo(
        building,
        f"--init={','.join(modules)}",
        f"--load-language={LANGUAGES}",
        "--stop-after-init",
        log_path=CACHE / f"{name}.log",
    )
    if returncode or any_errors(lines):
        drop_db(building)
        sys.exit(f"[ess] building {name} failed: see {CACHE / (name + '.log')}")
    rename_db(building, name)
    return name


def any_errors(lines):
    """The log lines that report an error, or a warning about one of our addons."""
    return [line for line in lines if (match := LOG_LINE.match(line)) and is_error(match)]


def is_error(match):
    return match["level"] in ("ERROR", "CRITICAL") or (
        match["level"] == "WARNING" and bool(OWN_WARNING.search(match["msg"].replace(match["db"], "")))
    )


def new_database(name, addons):
    """A fresh database ``name`` holding the core modules ``addons`` depend on."""
    clone_db(ensure_template(core_dependencies(addons)), name)


# --- reports ---------------------------------------------------------------------------


def odoo_test_counts(lines):
    """(passed, failed) of the Odoo test run logged in ``lines``."""
    run = failed = 0
    outside = []
    for line in lines:
        match = LOG_LINE.match(line)
        if not match:
            continue
        if match["logger"] == "odoo.tests.result" and (report := TEST_REPORT.match(match["msg"])):
            run = int(report["tests"])
            failed = int(report["failed"]) + int(report["errors"])
        elif (
            is_error(match)
            and not TEST_FAILURE.match(match["msg"])
            and not TEST_LOGGER.match(match["logger"])
        ):
            outside.append(line)
    for line in outside:
        print(f"[ess] error outside a test: {line}")
    # An error outside any test (a module that fails to load, say) counts as a failure.
    return run - failed, failed + len(outside)


def install_and_test(db, addons, tags, http_port, log_path, env=None):
    """Install ``addons`` in ``db`` with the Odoo tests ``tags`` enabled: (passed, failed)."""
    returncode, lines = run_odoo(
        db,
        f"--init={','.join(addons)}",
        "--test-enable",
        f"--test-tags={tags}",
        "--stop-after-init",
        "--workers=0",
        http_port=http_port,
        log_path=log_path,
        env=env,
    )
    for line in lines:
        match = LOG_LINE.match(line)
        # Retried tests, and the name of each failed one (its traceback is in the log).
        if RETRIED.search(line) or (match and TEST_FAILURE.match(match["msg"])):
            print(f"[ess] {line}", flush=True)
    passed, failed = odoo_test_counts(lines)
    return passed, failed or int(bool(returncode))


def pytest_counts(junit_path):
    if not junit_path.exists():
        return 0, 1
    root = ET.parse(junit_path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root)
    total = sum(int(s.get("tests", 0)) for s in suites)
    failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    return total - failed - skipped, failed


# --- commands --------------------------------------------------------------------------


def installed_modules(db, names):
    """Those of ``names`` installed in ``db``."""
    with connect(db) as conn, conn.cursor() as cr:
        cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)", [names])
        return sorted(name for (name,) in cr.fetchall())


def build_demo(db, fresh=False):
    """Create the demo database ``db``, or update the existing one in place: its ESS addons
    are updated (their migration scripts keep what it holds) and the new ones installed.
    Demo files are 'noupdate': an update adds their new records and keeps the others as
    they are in the database. ``fresh`` drops it and builds it again."""
    addons = ess_addons()
    if db_exists(db) and not fresh:
        print(f"[ess] updating the demo database {db} in place (`make demo FRESH=1` rebuilds it)", flush=True)
        # First the installed addons: their migrations may install new ones (with the
        # records the database already holds); then, with their demo data, those still
        # missing.
        if installed := installed_modules(db, addons):
            run_demo_step(db, f"--update={','.join(installed)}")
        missing = [addon for addon in addons if addon not in installed_modules(db, addons)]
        if missing:
            run_demo_step(db, f"--init={','.join(missing)}")
    else:
        print(f"[ess] creating the demo database {db}", flush=True)
        new_database(db, addons)
        run_demo_step(db, f"--init={','.join(addons)}")


def run_demo_step(db, step):
    returncode, lines = run_odoo(db, step, "--stop-after-init", log_path=CACHE / f"{db}.log")
    if returncode or any_errors(lines):
        sys.exit(f"[ess] the demo database could not be built: see {CACHE / (db + '.log')}")


def cmd_demo(args):
    build_demo(DEMO_DB, fresh=args.fresh)
    print(f"\nESS Office demo: http://localhost:{DEMO_PORT}  (database {DEMO_DB})", flush=True)
    for login, password, who in DEMO_LOGINS:
        print(f"  {login:<28} password {password:<10} {who}")
    print("Stop it with Ctrl+C; `make stop` stops PostgreSQL.", flush=True)
    print(
        "This server is for trying the product: its PostgreSQL runs with fsync=off and may lose\n"
        "its data on a crash. Keep no real data here: see 'Running it for real' in README.md.\n",
        flush=True,
    )
    command = odoo_command(DEMO_DB, http_port=DEMO_PORT)
    os.execv(command[0], command)


def cmd_test(args):
    addons = args.addons.split(",") if args.addons else ess_addons()
    unknown = set(addons) - set(ess_addons())
    if unknown:
        sys.exit(f"[ess] unknown addons: {', '.join(sorted(unknown))}")
    work = work_dir()
    print(f"[ess] Odoo tests of {', '.join(addons)} in a fresh database {TEST_DB}", flush=True)
    new_database(TEST_DB, addons)
    tags = ",".join("/" + addon for addon in addons)
    passed, failed = install_and_test(TEST_DB, addons, tags, TEST_PORT, work / "odoo-tests.log")
    print(f"[ess] Odoo tests: {passed} passed, {failed} failed (log: .ess/odoo-tests.log)", flush=True)

    if not args.addons:
        junit = work / "pytest.xml"
        junit.unlink(missing_ok=True)
        subprocess.run(
            [
                str(VENV / "bin" / "python"),
                "-m",
                "pytest",
                "tests/",
                "-v",
                "-p",
                "no:cacheprovider",
                f"--junitxml={junit}",
            ],
            cwd=REPO,
            check=False,
        )
        more_passed, more_failed = pytest_counts(junit)
        print(f"[ess] suite-level tests: {more_passed} passed, {more_failed} failed", flush=True)
        passed, failed = passed + more_passed, failed + more_failed
    print(f"{passed} passed, {failed} failed", flush=True)
    sys.exit(1 if failed else 0)


def cmd_test_core(args):
    """Odoo's own tests of the core apps we extend, with every ESS module installed.

    A fresh database with only ``base`` installs every ESS addon, the core apps included,
    with those apps' tests enabled: as in any Odoo, their at_install tests run as each app
    is installed, and their post_install tests (tours included) once everything is, our
    code and data with it. (Updating the apps in a database that already holds the others
    instead runs their at_install tests on a half-loaded registry: they fail on plain Odoo.)

    A failed test is run up to twice more (ODOO_TEST_FAILURE_RETRIES=2, Odoo's own retry):
    some of Odoo's tours wait a fixed wall-clock time for a server round trip (the survey
    session tour gives its 2-second results refresh 2.1 s) and miss it now and then on a
    2-core machine; im_livechat's session history tour failed twice in a row once on a
    loaded machine and passes alone. A test that fails three times fails the run, and Odoo
    stops retrying after the first such failure; each retry and each failure is printed."""
    tags = args.tags or CORE_TEST_TAGS
    addons = ess_addons()
    work = work_dir()
    print(f"[ess] Odoo's tests {tags} with {', '.join(addons)} installed, in {CORE_DB}", flush=True)
    clone_db(ensure_template(["base"]), CORE_DB)
    # Odoo's tests expect the address they are served on, as `odoo-bin -i` on that port sets it.
    with connect(CORE_DB) as conn, conn.cursor() as cr:
        cr.execute(
            "UPDATE ir_config_parameter SET value = %s WHERE key = 'web.base.url'",
            [f"http://localhost:{CORE_PORT}"],
        )
    passed, failed = install_and_test(
        CORE_DB, addons, tags, CORE_PORT, work / "odoo-core-tests.log", env={"ODOO_TEST_FAILURE_RETRIES": "2"}
    )
    if not passed and not failed:
        failed = 1  # a run that tested nothing proves nothing
    print("[ess] Odoo's own tests: log in .ess/odoo-core-tests.log", flush=True)
    print(f"{passed} passed, {failed} failed", flush=True)
    sys.exit(1 if failed else 0)


def cmd_i18n(args):
    """Export an addon's terms to i18n/<addon>.pot and merge them into its ca.po and es.po
    (click-odoo-makepot, on a database where the addon is installed)."""
    addon = args.addon
    i18n = REPO / addon / "i18n"
    i18n.mkdir(exist_ok=True)
    db = os.environ.get("ESS_I18N_DB", "ess_i18n")
    new_database(db, [addon])
    returncode, lines = run_odoo(db, f"--init={addon}", "--stop-after-init")
    if returncode or any_errors(lines):
        sys.exit(f"[ess] installing {addon} to export its terms failed")
    exported = subprocess.run(
        [
            str(VENV / "bin" / "click-odoo-makepot"),
            f"--config={odoo_config()}",
            f"--database={db}",
            f"--addons-dir={REPO}",
            f"--modules={addon}",
            "--msgmerge",
            "--no-fuzzy-matching",  # Odoo ignores fuzzy entries: a changed term is to translate
            "--purge-old-translations",
        ],
        # msgmerge makes no "ca.po~" backups; babel's pkg_resources deprecation is not ours to fix
        env=dict(os.environ, VERSION_CONTROL="off", PYTHONWARNINGS="ignore::UserWarning"),
        check=False,
    )
    drop_db(db)
    if exported.returncode:
        sys.exit(f"[ess] exporting the terms of {addon} failed")
    template = polib.pofile(str(i18n / f"{addon}.pot"))
    for lang in ("ca", "es"):
        path = i18n / f"{lang}.po"
        if not path.exists():  # a new addon: its catalogues start from the template
            template.metadata["Language"] = lang
            template.save(str(path))
        missing = [entry.msgid for entry in polib.pofile(str(path)) if not entry.msgstr]
        print(f"[ess] {path.relative_to(REPO)}: {len(missing)} terms to translate")


# --- backups and upgrades --------------------------------------------------------------
# click-odoo-contrib's commands, given our odoo.conf or an office's own (``config``): a
# real database lives on the office's PostgreSQL with its filestore in its data_dir.
BACKUPS = CACHE / "backups"


def click_odoo(tool, *args, config=None):
    command = [str(VENV / "bin" / tool), f"--config={config or odoo_config()}", *args]
    if subprocess.run(command, check=False).returncode:
        raise SystemExit(f"[ess] {tool} failed")


def backup(db, dest=None, config=None):
    """A zip of ``db``: its dump and its filestore (click-odoo-backupdb); its path."""
    dest = Path(dest) if dest else BACKUPS / f"{db}-{datetime.now():%Y%m%d-%H%M%S}.zip"
    dest.parent.mkdir(parents=True, exist_ok=True)
    click_odoo("click-odoo-backupdb", "--format=zip", db, str(dest), config=config)
    print(f"[ess] {db} backed up to {dest}", flush=True)
    return dest


def restore(source, db, config=None, move=False, neutralize=False):
    """A new database ``db`` from a backup, filestore included (click-odoo-restoredb). A
    copy gets a new database uuid, unless ``move`` says it replaces the original;
    ``neutralize`` stops its crons and outgoing mail (a copy to try things on)."""
    click_odoo(
        "click-odoo-restoredb",
        "--move" if move else "--copy",
        *(["--neutralize"] if neutralize else []),
        db,
        str(source),
        config=config,
    )
    print(f"[ess] {source} restored into {db}", flush=True)


def upgrade(db, config=None):
    """Back ``db`` up, then update the addons whose code changed (click-odoo-update, which
    keeps each addon's checksum in the database): Odoo runs their migration scripts and
    installs the dependencies a new version adds."""
    saved = backup(db, BACKUPS / f"{db}-before-upgrade-{datetime.now():%Y%m%d-%H%M%S}.zip", config=config)
    click_odoo("click-odoo-update", f"--database={db}", "--ignore-core-addons", config=config)
    print(f"[ess] {db} upgraded; the backup taken before: {saved}", flush=True)


def cmd_backup(args):
    backup(args.db, args.to, args.config)


def cmd_restore(args):
    restore(args.source, args.db, args.config, move=args.move, neutralize=args.neutralize)


def cmd_upgrade(args):
    upgrade(args.db, args.config)


# A benchmark: (the addon it needs, its script in tools/, the prefix of the lines it prints)
BENCHMARKS = {
    "bench-scoring": ("ess_diagnosis", "benchmark_scoring.py", "scored "),
    "bench-reminders": ("ess_mentoring", "benchmark_reminders.py", "reminded "),
    "bench-impact": ("ess_impact", "benchmark_impact.py", "impact over "),
}


def cmd_bench(args):
    """Run a benchmark script in Odoo's shell, in a throw-away database or rolled back in
    the one given."""
    addon, script_name, prefix = BENCHMARKS[args.command]
    db = args.database or "ess_bench"
    if not args.database:
        new_database(db, [addon])
        returncode, lines = run_odoo(db, f"--init={addon}", "--stop-after-init")
        if returncode or any_errors(lines):
            sys.exit(f"[ess] installing {addon} for the benchmark failed")
    script = (REPO / "tools" / script_name).read_text()
    os.environ["ESS_QUIET"] = "1"
    _returncode, lines = run_odoo(db, "--log-level=warn", subcommand="shell", stdin=script)
    print("\n".join(line for line in lines if line.startswith(prefix)))
    if not args.database:
        drop_db(db)


def main():
    parser = argparse.ArgumentParser(prog="tools/ess")
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="build or update the demo database and serve it")
    demo.add_argument("--fresh", action="store_true", help="drop the demo database and build it again")
    test = commands.add_parser("test", help="run the whole test suite")
    test.add_argument("--addons", help="comma-separated addons: only their Odoo tests")
    core = commands.add_parser("test-core", help="Odoo's own tests of the core apps we extend")
    core.add_argument("--tags", help=f"Odoo test tags (default: {CORE_TEST_TAGS})")
    i18n = commands.add_parser("i18n", help="export an addon's terms and merge them into ca.po and es.po")
    i18n.add_argument("addon")
    for command, help_text in (
        ("bench-scoring", "time the scoring of 1,000 completed responses"),
        ("bench-reminders", "time the weekly reminder cron over 5,000 active contracts"),
        ("bench-impact", "time the impact report over 10,000 entities"),
    ):
        bench = commands.add_parser(command, help=help_text)
        bench.add_argument(
            "database",
            nargs="?",
            help=f"an existing database with {BENCHMARKS[command][0]} (default: a new one)",
        )
    config_help = "an Odoo configuration file for a database outside the project's PostgreSQL"
    backup_parser = commands.add_parser("backup", help="back a database up: its dump and filestore in a zip")
    backup_parser.add_argument("--db", default=DEMO_DB, help=f"the database (default {DEMO_DB})")
    backup_parser.add_argument("--to", help=f"the zip to write (default {BACKUPS}/<db>-<time>.zip)")
    backup_parser.add_argument("--config", help=config_help)
    restore_parser = commands.add_parser("restore", help="restore a backup into a new database")
    restore_parser.add_argument("source", help="the backup zip")
    restore_parser.add_argument("--db", required=True, help="the new database")
    restore_parser.add_argument("--config", help=config_help)
    restore_parser.add_argument("--move", action="store_true", help="it replaces the original (same uuid)")
    restore_parser.add_argument("--neutralize", action="store_true", help="no crons nor outgoing mail")
    upgrade_parser = commands.add_parser("upgrade", help="back a database up, then update the changed addons")
    upgrade_parser.add_argument("--db", default=DEMO_DB, help=f"the database (default {DEMO_DB})")
    upgrade_parser.add_argument("--config", help=config_help)
    args = parser.parse_args()
    commands_run = {
        "demo": cmd_demo,
        "test": cmd_test,
        "test-core": cmd_test_core,
        "i18n": cmd_i18n,
        "bench-scoring": cmd_bench,
        "bench-reminders": cmd_bench,
        "bench-impact": cmd_bench,
        "backup": cmd_backup,
        "restore": cmd_restore,
        "upgrade": cmd_upgrade,
    }
    commands_run[args.command](args)


if __name__ == "__main__":
    main()

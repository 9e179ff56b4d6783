"""ess_catalogue installs and works alone: in a database without survey nor the diagnosis,
its own Odoo tests (resources, /catalogue, proposals, reviews, its access rows) and the
route matrix over its routes pass. A network that only wants the public catalogue installs nothing more.

The catalogue is installed with its tests enabled in a fresh database from the cached
template of its core dependencies: one install and one run of its tests (about 4 minutes
on 2 cores)."""

import os

import essdev

ADDON = "ess_catalogue"
DB = "ess_alone_catalogue_tests"
PORT = int(os.environ.get("ESS_ALONE_HTTP_PORT", "8173"))


def test_catalogue_installs_and_passes_its_tests_without_survey(repo):
    essdev.new_database(DB, [ADDON])
    try:
        tags = f"/{ADDON},/ess_office_base:TestRouteMatrix"
        log = essdev.work_dir() / "catalogue-alone-tests.log"
        passed, failed = essdev.install_and_test(DB, [ADDON], tags, PORT, log)
        with essdev.connect(DB) as conn, conn.cursor() as cr:
            cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed'")
            installed = {name for (name,) in cr.fetchall()}
        assert ADDON in installed
        assert not installed & {"survey", "ess_diagnosis", "ess_tool_inventory"}, installed
        assert {name for name in installed if name.startswith("ess_")} == {"ess_office_base", ADDON}
        assert failed == 0, "see .ess/catalogue-alone-tests.log"
        assert passed >= 35, f"only {passed} tests ran: see .ess/catalogue-alone-tests.log"
    finally:
        essdev.drop_db(DB)

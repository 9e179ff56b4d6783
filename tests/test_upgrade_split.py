"""`make demo` on a demo database built before ess_tool_inventory was split out of
ess_catalogue updates it in place and loses nothing.

The pre-split tree (commit FROM_COMMIT, from git) builds a demo database as its `make
demo` did; the rows of the ESS models and the values of the moved fields are recorded;
this tree's `make demo` update path (essdev.build_demo) then updates it: ess_catalogue's
migration gives the inventory's XML ids to ess_tool_inventory, which is installed in the
same run. Costs one demo database build and one update: about 6 minutes on 2 idle cores
(16 with the machine busy with other runs)."""

import http.cookiejar
import json
import os
import subprocess
import sys
import time
import urllib.request

import essdev
import pytest

FROM_COMMIT = "3671903"
DB = "ess_upgrade_split"
PORT = int(os.environ.get("ESS_UPGRADE_HTTP_PORT", "8172"))
MOVED_MODULE = "ess_tool_inventory"

BUILD_OLD = """
import sys
sys.path.insert(0, {tools!r})
import essdev
addons = essdev.ess_addons()
essdev.new_database({db!r}, addons)
returncode, lines = essdev.run_odoo({db!r}, "--init=" + ",".join(addons), "--stop-after-init")
errors = essdev.any_errors(lines)
print("\\n".join(lines[-40:] if returncode else errors))
sys.exit(returncode or bool(errors))
"""

# What must survive, row by row: (table, columns), ordered by id.
KEPT = {
    "ess_tool_inventory_line": (
        "id, partner_id, company_id, resource_id, name, usage, user_count, data_location, holds_personal_data, "
        "status, kept_reason, is_free_software, is_sovereignty_risk, chosen_alternative_id, task_id, "
        "replacement_line_id, create_date, write_date"
    ),
    "project_task": "id, name, project_id, ess_inventory_line_id, state",
    "ess_diagnosis": (
        "id, partner_id, state, ess_inventory_snapshot_date, ess_free_software_share, ess_sovereignty_risk_count"
    ),
    "res_partner": "id, name, ess_free_software_share, ess_sovereignty_risk_count",
    "ess_catalogue_resource": "id, name, state, is_published, review_count",
    "project_tags": "id, name",
}


def rows(db, statement, params=None):
    with essdev.connect(db) as conn, conn.cursor() as cr:
        cr.execute(statement, params)
        return cr.fetchall()


def snapshot(db):
    kept = {table: rows(db, f"SELECT {columns} FROM {table} ORDER BY id") for table, columns in KEPT.items()}
    # Every record of every ESS model, by model.
    for (model,) in rows(db, "SELECT model FROM ir_model WHERE model LIKE 'ess.%%' ORDER BY model"):
        table = model.replace(".", "_")
        if table not in kept and rows(db, "SELECT 1 FROM pg_tables WHERE tablename = %s", [table]):
            kept[table] = rows(db, f"SELECT id FROM {table} ORDER BY id")
    return kept


def xmlids(db, module):
    """{name: (model, res_id)} of ``module``'s XML ids."""
    return {
        name: (model, res_id)
        for name, model, res_id in rows(
            db, "SELECT name, model, res_id FROM ir_model_data WHERE module = %s", [module]
        )
    }


def portal_page(path, login, password):
    """``path`` as served to ``login`` by an Odoo serving the database."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    base = f"http://127.0.0.1:{PORT}"
    payload = {"jsonrpc": "2.0", "params": {"db": DB, "login": login, "password": password}}
    request = urllib.request.Request(
        f"{base}/web/session/authenticate", json.dumps(payload).encode(), {"Content-Type": "application/json"}
    )
    assert "error" not in json.loads(opener.open(request, timeout=120).read())
    with opener.open(f"{base}{path}", timeout=120) as response:
        return response.status, response.read().decode()


def serve(db):
    server = subprocess.Popen(
        essdev.odoo_command(db, "--log-level=warn", http_port=PORT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _attempt in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/web/login", timeout=10).read()
            return server
        except OSError:
            time.sleep(1)
    server.terminate()
    pytest.fail("the updated demo database is not served")


def test_make_demo_updates_a_database_built_before_the_split(repo, tmp_path):
    old_tree = tmp_path / "old"
    old_tree.mkdir()
    archive = subprocess.run(["git", "archive", FROM_COMMIT], cwd=repo, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(old_tree)], input=archive.stdout, check=True)
    essdev.drop_db(DB)
    try:
        built = subprocess.run(
            [sys.executable, "-c", BUILD_OLD.format(tools=str(old_tree / "tools"), db=DB)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert built.returncode == 0, built.stdout[-4000:] + built.stderr[-4000:]
        assert not rows(
            DB, "SELECT 1 FROM ir_module_module WHERE name = %s AND state != 'uninstalled'", [MOVED_MODULE]
        )
        before = snapshot(DB)
        catalogue_xmlids = xmlids(DB, "ess_catalogue")
        assert len(before["ess_tool_inventory_line"]) >= 25
        assert [row for row in before["project_task"] if row[3]], "the demo has migration tasks"
        assert [row for row in before["ess_diagnosis"] if row[3]], "the demo has inventory snapshots"

        essdev.build_demo(DB)

        assert rows(DB, "SELECT state, demo FROM ir_module_module WHERE name = %s", [MOVED_MODULE]) == [
            ("installed", True)
        ]
        assert rows(DB, "SELECT latest_version FROM ir_module_module WHERE name = 'ess_catalogue'") == [
            (essdev.manifest("ess_catalogue")["version"],)
        ]
        after = snapshot(DB)
        for table, kept in before.items():
            assert after.get(table) == kept, f"{table} changed in the update"
        # Every XML id of the catalogue names the same record, in the catalogue or, for the
        # inventory's, in the new addon.
        kept, moved = xmlids(DB, "ess_catalogue"), xmlids(DB, MOVED_MODULE)
        lost = {
            name
            for name, record in catalogue_xmlids.items()
            if record not in (kept.get(name), moved.get(name))
        }
        assert not lost, lost
        for name in ("model_ess_tool_inventory_line", "field_res_partner__ess_free_software_share",
                     "field_ess_diagnosis__ess_inventory_snapshot_date", "field_project_task__ess_inventory_line_id",
                     "ess_tool_inventory_line_rule_portal", "access_ess_tool_inventory_line_portal",
                     "portal_my_ess_tools", "diagnosis_results", "project_tag_migration",
                     "ess_tool_line_lafornal_holded"):  # fmt: skip
            assert moved.get(name) == catalogue_xmlids[name], name
        left = [name for name, (model, _id) in kept.items() if "tool" in model or "_tool_" in name]
        assert not left, left
        views = rows(DB, "SELECT key FROM ir_ui_view WHERE key LIKE 'ess_catalogue.%%tool%%'")
        assert not views, views

        server = serve(DB)
        try:
            status, page = portal_page("/my/tools", "marta@lafornal.example", "portal")
            assert status == 200
            assert "Nextcloud" in page and "o_ess_tool_row" in page, page[-2000:]
        finally:
            server.terminate()
            server.wait(timeout=60)
    finally:
        essdev.drop_db(DB)

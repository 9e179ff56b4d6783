"""`make demo` builds a demo database and serves the login page; `make backup` and
`make restore` copy it, database and filestore, into a new database."""

import hashlib
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request

import essdev
import pytest

DEMO_DB = "ess_demo_pytest"
RESTORED_DB = "ess_demo_pytest_restored"
PORT = 8169


@pytest.fixture(scope="module")
def served_demo(repo, tmp_path_factory):
    """`make demo` until it serves its login page: (the page, what make printed)."""
    env = dict(os.environ, ESS_DEMO_DB=DEMO_DB, ESS_HTTP_PORT=str(PORT), ESS_QUIET="1")
    output = tmp_path_factory.mktemp("demo") / "make-demo.log"
    essdev.drop_db(DEMO_DB)
    with open(output, "w") as log:
        proc = subprocess.Popen(
            ["make", "demo"], cwd=repo, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        status, body = None, ""
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline and status != 200:
            assert proc.poll() is None, f"make demo stopped:\n{output.read_text()[-4000:]}"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/web/login", timeout=10) as response:
                    status, body = response.status, response.read().decode()
            except (urllib.error.URLError, ConnectionError):
                time.sleep(2)
        assert status == 200, output.read_text()[-4000:]
        yield body, output.read_text()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
        essdev.drop_db(DEMO_DB)


def test_make_demo_serves_the_login_page(served_demo):
    body, printed = served_demo
    assert 'name="login"' in body
    assert f"http://localhost:{PORT}" in printed
    for login, password, _who in essdev.DEMO_LOGINS:
        assert login in printed and password in printed


def rows(db, statement, params=None):
    with essdev.connect(db) as conn, conn.cursor() as cr:
        cr.execute(statement, params)
        return cr.fetchall()


def ess_tables(db):
    models = rows(db, "SELECT model FROM ir_model WHERE model LIKE 'ess.%%' ORDER BY model")
    tables = [model.replace(".", "_") for (model,) in models]
    return [table for table in tables if rows(db, "SELECT 1 FROM pg_tables WHERE tablename = %s", [table])]


def records(db):
    """Every row of every ESS table, the people and the stored files' rows."""
    held = {table: rows(db, f"SELECT * FROM {table} ORDER BY id") for table in ess_tables(db)}
    held["res_partner"] = rows(
        db, "SELECT id, name, email, is_ess_entity, parent_id FROM res_partner ORDER BY id"
    )
    held["survey_user_input"] = rows(
        db, "SELECT id, partner_id, state, scoring_percentage FROM survey_user_input"
    )
    return held


def stored_files(db):
    """{checksum: sha1 of the file in the filestore} of every attachment kept as a file."""
    store = essdev.DATA_DIR / "filestore" / db
    return {
        checksum: hashlib.sha1((store / fname).read_bytes()).hexdigest()
        for fname, checksum in rows(
            db, "SELECT store_fname, checksum FROM ir_attachment WHERE store_fname IS NOT NULL"
        )
    }


def test_backup_restores_the_same_records_and_files(served_demo, repo, tmp_path):
    backup = tmp_path / "demo.zip"
    essdev.drop_db(RESTORED_DB)
    try:
        for command in (
            ["make", "backup", f"DB={DEMO_DB}", f"TO={backup}"],
            ["make", "restore", f"FROM={backup}", f"DB={RESTORED_DB}"],
        ):
            done = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        before, after = records(DEMO_DB), records(RESTORED_DB)
        assert len(before["ess_diagnosis"]) >= 5 and len(before["ess_mentoring_followup"]) >= 10
        for table, held in before.items():
            assert after[table] == held, f"{table} differs in the restored database"
        files = stored_files(DEMO_DB)
        assert len(files) >= 20, "the demo keeps files in its filestore"
        assert stored_files(RESTORED_DB) == files
        assert all(checksum == sha1 for checksum, sha1 in files.items())
        # A copy, not the same database: Odoo tells them apart by their uuid.
        uuid = "SELECT value FROM ir_config_parameter WHERE key = 'database.uuid'"
        assert rows(RESTORED_DB, uuid) != rows(DEMO_DB, uuid)
    finally:
        essdev.drop_db(RESTORED_DB)

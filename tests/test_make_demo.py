"""`make demo` builds a demo database and serves the login page."""

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request

import essdev

DEMO_DB = "ess_demo_pytest"
PORT = 8169


def test_make_demo_serves_the_login_page(repo, tmp_path):
    env = dict(os.environ, ESS_DEMO_DB=DEMO_DB, ESS_HTTP_PORT=str(PORT), ESS_QUIET="1")
    output = tmp_path / "make-demo.log"
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
        assert 'name="login"' in body
        printed = output.read_text()
        assert f"http://localhost:{PORT}" in printed
        for login, password, _who in essdev.DEMO_LOGINS:
            assert login in printed and password in printed
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
        essdev.drop_db(DEMO_DB)

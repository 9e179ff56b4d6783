"""Where the set-up takes Odoo from, and what it says when it cannot."""

import os
import subprocess


def run_setup(repo, tmp_path, **env):
    environ = {k: v for k, v in os.environ.items() if k != "ODOO_SOURCE"}
    environ.update(ESS_CACHE=str(tmp_path / "cache"), **env)
    return subprocess.run(
        ["bash", "tools/ess", "setup"], cwd=repo, env=environ, capture_output=True, text=True, timeout=120
    )


def test_offline_without_source_says_how_to_provide_it(repo, tmp_path):
    # Nothing listens on port 9 of the loopback: the download fails at once, as offline.
    result = run_setup(repo, tmp_path, ODOO_DOWNLOAD_URL="http://127.0.0.1:9/odoo_18.0.latest.tar.gz")
    assert result.returncode != 0
    assert "cannot obtain the Odoo 18.0 source" in result.stderr
    assert "ODOO_SOURCE=" in result.stderr
    assert str(tmp_path / "cache" / "odoo-18.0") in result.stderr
    assert not (tmp_path / "cache" / "odoo-18.0").exists()


def test_odoo_source_must_be_an_odoo_18_tree(repo, tmp_path):
    (tmp_path / "not-odoo").mkdir()
    result = run_setup(repo, tmp_path, ODOO_SOURCE=str(tmp_path / "not-odoo"))
    assert result.returncode != 0
    assert "is not an Odoo 18.0 source tree" in result.stderr


def test_odoo_source_comes_first(repo, tmp_path):
    # A valid ODOO_SOURCE is used as it is: nothing is downloaded into the cache.
    source = os.environ["ESS_ODOO_SRC"]
    result = subprocess.run(
        ["bash", "-c", '. tools/bootstrap.sh && REPO=$PWD && ensure_odoo_source && echo "SRC=$ODOO_SRC"'],
        cwd=repo,
        env=dict(os.environ, ODOO_SOURCE=source, ESS_CACHE=str(tmp_path / "cache")),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert f"SRC={source}" in result.stdout
    assert not (tmp_path / "cache").exists()

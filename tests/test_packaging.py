"""Every addon and the metapackage build a wheel that names the right dependencies."""

import re
import subprocess
import sys
import zipfile

import essdev
import pytest


def build_wheel(source, out_dir):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        + ["-w", str(out_dir), str(source)],
        check=True,
    )
    (wheel,) = out_dir.glob("*.whl")
    return wheel


def metadata(wheel):
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return archive.read(name).decode()


def normalise(requirement):
    """PEP 503 name plus its version specifier: 'odoo-addon-ess_x==18.0.*' -> 'odoo-addon-ess-x==18.0.*'."""
    name, _sep, spec = re.split(r"[ ;]", requirement)[0].partition("==")
    return re.sub(r"[-_.]+", "-", name).lower() + (f"=={spec}" if spec else "")


def oca_addons():
    """The addons from outside Odoo that requirements.txt installs: 'odoo-addon-<name>==...'."""
    lines = (essdev.REPO / "requirements.txt").read_text().splitlines()
    return {
        line.split("==")[0].removeprefix("odoo-addon-") for line in lines if line.startswith("odoo-addon-")
    }


def requirements(wheel):
    return {
        normalise(line.split(": ", 1)[1])
        for line in metadata(wheel).splitlines()
        if line.startswith("Requires-Dist: ")
    }


@pytest.mark.parametrize("addon", essdev.ess_addons())
def test_addon_wheel_names_its_dependencies(addon, repo, tmp_path):
    wheel = build_wheel(repo / addon, tmp_path)
    meta = metadata(wheel)
    assert re.search(rf"^Name: odoo-addon-{addon}$", meta, re.MULTILINE | re.IGNORECASE), meta
    assert re.search(rf"^Version: {re.escape(essdev.manifest(addon)['version'])}", meta, re.MULTILINE), meta
    assert re.search(r"^License: AGPL-3$", meta, re.MULTILINE), meta
    expected = {
        normalise(f"odoo-addon-{dep}==18.0.*")
        for dep in essdev.manifest(addon)["depends"]
        if dep.startswith("ess_") or dep in oca_addons()
    }
    requires = requirements(wheel)
    # Its ESS and OCA dependencies and Odoo itself (core modules come with Odoo), nothing else.
    assert {r for r in requires if r.startswith("odoo-addon-")} == expected, requires
    assert "odoo==18.0.*" in requires, requires
    with zipfile.ZipFile(wheel) as archive:
        assert f"odoo/addons/{addon}/__manifest__.py" in archive.namelist()


def test_metapackage_depends_on_every_addon(repo, tmp_path):
    wheel = build_wheel(repo / "setup" / "_metapackage", tmp_path)
    assert requirements(wheel) == {normalise(f"odoo-addon-{addon}==18.0.*") for addon in essdev.ess_addons()}

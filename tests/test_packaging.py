"""Every addon and the metapackage build a wheel that names the right dependencies."""

import re
import subprocess
import sys
import zipfile

import essdev
import pytest


def build_wheel(source, out_dir):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out_dir), str(source)],
        check=True,
    )
    (wheel,) = out_dir.glob("*.whl")
    return wheel


def metadata(wheel):
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return archive.read(name).decode()


def requirements(wheel):
    return {re.split(r"[ ;]", line.split(": ", 1)[1])[0] for line in metadata(wheel).splitlines() if line.startswith("Requires-Dist: ")}


def distribution(name):
    return f"odoo-addon-{name}"


@pytest.mark.parametrize("addon", essdev.ess_addons())
def test_addon_wheel_names_its_dependencies(addon, repo, tmp_path):
    wheel = build_wheel(repo / addon, tmp_path)
    meta = metadata(wheel)
    assert re.search(rf"^Name: odoo-addon-{addon}$", meta, re.M | re.I), meta
    assert re.search(r"^Version: 18\.0\.", meta, re.M), meta
    assert re.search(r"^License: AGPL-3$", meta, re.M), meta
    requires = requirements(wheel)
    expected = {
        re.sub(r"[-_.]+", "-", distribution(dep)).lower() + "==18.0.*"
        for dep in essdev.manifest(addon)["depends"]
        if dep.startswith("ess_")
    }
    normalised = {re.sub(r"[-_.]+", "-", req.split("==")[0]).lower() + "==" + req.split("==")[1] for req in requires if "==" in req}
    assert expected <= normalised, requires
    assert "odoo==18.0.*" in requires, requires
    # Nothing but the declared ESS addons and Odoo itself.
    assert {r for r in normalised if r.startswith("odoo-addon-")} == expected, requires
    with zipfile.ZipFile(wheel) as archive:
        assert f"odoo/addons/{addon}/__manifest__.py" in archive.namelist()


def test_metapackage_depends_on_every_addon(repo, tmp_path):
    wheel = build_wheel(repo / "setup" / "_metapackage", tmp_path)
    requires = {re.sub(r"[-_.]+", "-", r.split("==")[0]).lower() for r in requirements(wheel)}
    assert requires == {re.sub(r"[-_.]+", "-", distribution(addon)).lower() for addon in essdev.ess_addons()}

"""Every addon and the metapackage build a wheel that names the right dependencies, and
an addon changed since the last release carries a new version."""

import ast
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


def version(text):
    return tuple(int(part) for part in text.split("."))


# What changes without a new version, as in OCA: translations and the readme.
UNVERSIONED = ("i18n", "readme", "README.rst", "static/description")


@pytest.mark.parametrize("addon", essdev.ess_addons())
def test_addon_changed_since_the_release_has_a_new_version(addon, repo):
    release, commit = essdev.last_release()
    shown = subprocess.run(
        ["git", "show", f"{commit}:{addon}/__manifest__.py"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    if shown.returncode:  # new since the release: it starts at the first version of the series
        assert version(essdev.manifest(addon)["version"]) >= (18, 0, 1, 0, 0)
        return
    released = ast.literal_eval(shown.stdout)["version"]
    excluded = [f":(exclude){addon}/{path}" for path in UNVERSIONED]
    changed = subprocess.run(
        ["git", "diff", "--name-only", commit, "--", addon, *excluded],
        cwd=repo, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    current = essdev.manifest(addon)["version"]
    if changed:
        assert version(current) > version(released), (
            f"{addon} changed since {release} ({', '.join(changed[:5])}) but is still {current}: bump it"
        )
    else:
        assert current == released, f"{addon} did not change since {release}: keep {released}"

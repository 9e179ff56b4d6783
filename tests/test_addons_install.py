"""Each addon installs alone, with only its declared dependencies, and uninstalls cleanly."""

import essdev
import pytest

UNINSTALL = """
modules = env["ir.module.module"].search([("name", "in", {names!r}), ("state", "=", "installed")])
modules.button_immediate_uninstall()
env.cr.commit()
"""


def query(db, statement, params=None):
    with essdev.connect(db) as conn, conn.cursor() as cr:
        cr.execute(statement, params)
        return [row[0] for row in cr.fetchall()]


def installed_modules(db):
    return set(query(db, "SELECT name FROM ir_module_module WHERE state = 'installed'"))


def ess_closure(addon):
    own, todo = set(), [addon]
    while todo:
        name = todo.pop()
        if name not in own:
            own.add(name)
            todo += [dep for dep in essdev.manifest(name)["depends"] if dep.startswith("ess_")]
    return own


def uninstall(db, names):
    returncode, lines = essdev.run_odoo(db, subcommand="shell", stdin=UNINSTALL.format(names=sorted(names)))
    assert returncode == 0, "\n".join(lines[-40:])
    assert not essdev.any_errors(lines), "\n".join(essdev.any_errors(lines))


@pytest.mark.parametrize("addon", essdev.ess_addons())
def test_addon_installs_alone_and_uninstalls_cleanly(addon):
    db = f"ess_alone_{addon}"
    essdev.new_database(db, [addon])
    try:
        assert not {m for m in installed_modules(db) if m.startswith("ess_")}

        returncode, lines = essdev.run_odoo(db, f"--init={addon}", "--stop-after-init")
        assert returncode == 0, "\n".join(lines[-40:])
        assert not essdev.any_errors(lines), "\n".join(essdev.any_errors(lines))
        installed = installed_modules(db)
        assert {m for m in installed if m.startswith("ess_")} == ess_closure(addon)
        assert set(essdev.core_dependencies([addon])) <= installed

        uninstall(db, [addon])
        assert addon not in installed_modules(db)
        assert not query(db, "SELECT name FROM ir_model_data WHERE module = %s", [addon])

        # Then its ESS dependencies too: nothing of the suite may stay behind.
        uninstall(db, ess_closure(addon) - {addon})
        assert not {m for m in installed_modules(db) if m.startswith("ess_")}
        assert not query(db, "SELECT model FROM ir_model WHERE model LIKE 'ess.%%'")
        # Nor a table or a sequence of ours, those made outside the ORM included.
        assert not query(
            db, "SELECT relname FROM pg_class WHERE relname LIKE 'ess\\_%%' AND relkind IN ('r', 'S')"
        )
    finally:
        essdev.drop_db(db)

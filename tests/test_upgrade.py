"""An office's database at the last release upgrades to this tree without losing a record.

The last release of setup/RELEASES (its commit, from git) builds a database with every
addon and its demo data, as its own tooling did; every row of every ESS model, the
columns our addons add to Odoo's models and the core rows that carry our figures
(answers, scores, tasks, activities, messages, files) are recorded. `make upgrade`, the
command an office runs, then updates it with this tree's addons (a backup first, then
click-odoo-update: the changed addons, their migration scripts, their new
dependencies); the addons new since the release are installed after it, as an office
adds them; and everything recorded is compared: nothing lost, nothing changed but what a
migration means to change (CHANGED, with the reason). Costs one demo build at
the release and one update: about 4 minutes on 2 idle cores."""

import subprocess
import sys

import essdev

DB = "ess_upgrade"

BUILD_RELEASE = """
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

# What an update rewrites by itself: its bookkeeping, not a user's data.
BOOKKEEPING = {"write_date", "write_uid"}
# {(table, column): why a migration since the release changes it}. Empty: nothing may change.
CHANGED = {}
# Rows of Odoo's tables that hold our figures, beyond the columns our addons add to them.
CORE_ROWS = {
    "survey_user_input": "id, survey_id, partner_id, state, scoring_percentage, scoring_total",
    "survey_user_input_line": "id, user_input_id, question_id, suggested_answer_id, answer_score",
    "project_project": "id, name, partner_id, active",
    "project_task": "id, name, project_id, stage_id, state, active",
    "mail_activity": "id, res_model, res_id, activity_type_id, user_id, date_deadline",
    "rating_rating": "id, res_model, res_id, partner_id, rating, consumed",
    "calendar_event": "id, name, start, stop",
}


def rows(db, statement, params=None):
    with essdev.connect(db) as conn, conn.cursor() as cr:
        cr.execute(statement, params)
        return cr.fetchall()


def columns(db, table):
    return [
        name
        for (name,) in rows(
            db,
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
            [table],
        )
        if name not in BOOKKEEPING
    ]


def ess_columns(db):
    """{table: columns} of every stored field our addons define, many2many tables included."""
    by_table = {}
    for model, name, ttype, relation_table in rows(
        db,
        """SELECT m.model, f.name, f.ttype, f.relation_table
             FROM ir_model_fields f
             JOIN ir_model m ON m.id = f.model_id
             JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id
            WHERE d.module LIKE 'ess\\_%%' AND f.store AND f.ttype != 'one2many'""",
    ):
        if ttype == "many2many":
            by_table.setdefault(relation_table, set())
        else:
            by_table.setdefault(model.replace(".", "_"), set()).add(name)
    return by_table


def snapshot(db):
    """{(table, column list): rows} of everything the comparison covers."""
    held = {}
    ess_tables = {
        model.replace(".", "_")
        for (model,) in rows(db, "SELECT model FROM ir_model WHERE model LIKE 'ess.%%'")
    }
    for table, own in ess_columns(db).items():
        if not rows(db, "SELECT 1 FROM pg_tables WHERE tablename = %s", [table]):
            continue  # an abstract or transient model's field
        kept = columns(db, table) if table in ess_tables or not own else ["id", *sorted(own)]
        order = "id" if "id" in kept else ", ".join(kept)
        held[table] = (kept, rows(db, f"SELECT {', '.join(kept)} FROM {table} ORDER BY {order}"))
    for table, kept in CORE_ROWS.items():
        held.setdefault(table, (kept.split(", "), rows(db, f"SELECT {kept} FROM {table} ORDER BY id")))
    held["mail_message"] = (
        ["model", "count"],
        rows(
            db,
            "SELECT model, count(*) FROM mail_message WHERE model LIKE 'ess.%%' GROUP BY model ORDER BY model",
        ),
    )
    held["ir_attachment"] = (
        ["id", "res_model", "res_id", "checksum"],
        rows(
            db,
            "SELECT id, res_model, res_id, checksum FROM ir_attachment WHERE res_model LIKE 'ess.%%' ORDER BY id",
        ),
    )
    return held


def compare(before, after):
    """The differences, column by column, that no migration declared."""
    problems = []
    for table, (kept, old_rows) in before.items():
        new_kept, new_rows = after.get(table, ([], []))
        missing = [column for column in kept if column not in new_kept]
        if missing:
            problems.append(f"{table}: columns gone: {missing}")
            continue
        positions = [new_kept.index(column) for column in kept]
        new_rows = [tuple(row[i] for i in positions) for row in new_rows]
        if "id" not in kept:
            if table == "mail_message":
                # Counted per model: an addon installed after the upgrade brings its own
                # models' messages (its demo's chatter); those of the models there before
                # must be as they were.
                models = {row[0] for row in old_rows}
                new_rows = [row for row in new_rows if row[0] in models]
            if new_rows != old_rows:
                problems.append(f"{table}: rows differ")
            continue
        new_by_id = {row[0]: row for row in new_rows}
        for row in old_rows:
            new = new_by_id.get(row[0])
            if new is None:
                problems.append(f"{table} #{row[0]}: lost")
                continue
            for column, old_value, new_value in zip(kept, row, new, strict=True):
                if old_value != new_value and (table, column) not in CHANGED:
                    problems.append(f"{table} #{row[0]}.{column}: {old_value!r} -> {new_value!r}")
    return problems


def test_the_last_release_upgrades_without_losing_a_record(repo, tmp_path):
    release, commit = essdev.last_release()
    known = subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=repo, check=False)
    assert known.returncode == 0, f"release {release} ({commit}) is not in this clone's history"
    old_tree = tmp_path / release
    old_tree.mkdir()
    archive = subprocess.run(["git", "archive", commit], cwd=repo, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(old_tree)], input=archive.stdout, check=True)
    essdev.drop_db(DB)
    try:
        built = subprocess.run(
            [sys.executable, "-c", BUILD_RELEASE.format(tools=str(old_tree / "tools"), db=DB)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert built.returncode == 0, built.stdout[-4000:] + built.stderr[-4000:]
        before = snapshot(DB)
        released = [
            name
            for (name,) in rows(
                DB, "SELECT name FROM ir_module_module WHERE name LIKE 'ess\\_%%' AND state = 'installed'"
            )
        ]
        xmlids = rows(
            DB, "SELECT module, name, model, res_id FROM ir_model_data WHERE module LIKE 'ess\\_%%'"
        )
        counted = sum(len(table_rows) for _kept, table_rows in before.values())
        assert len(before["ess_diagnosis"][1]) >= 5 and len(before["ess_mentoring_followup"][1]) >= 10
        print(f"[upgrade test] release {release}: {counted} rows in {len(before)} tables recorded")

        upgraded = subprocess.run(
            ["make", "upgrade", f"DB={DB}"], cwd=repo, capture_output=True, text=True, check=False
        )
        assert upgraded.returncode == 0, upgraded.stdout[-4000:] + upgraded.stderr[-4000:]

        # The release's addons are at this tree's versions; an addon new since the release
        # is the office's choice: the upgrade leaves it out, and it installs afterwards on
        # the upgraded data.
        addons = essdev.ess_addons()
        added = sorted(set(addons) - set(released))
        installed = dict(
            rows(
                DB,
                "SELECT name, latest_version FROM ir_module_module WHERE name = ANY(%s) AND state = 'installed'",
                [addons],
            )
        )
        assert installed == {addon: essdev.manifest(addon)["version"] for addon in released}
        if added:
            returncode, lines = essdev.run_odoo(DB, "--init=" + ",".join(added), "--stop-after-init")
            assert returncode == 0 and not essdev.any_errors(lines), "\n".join(lines[-40:])
        versions = dict(
            rows(DB, "SELECT name, latest_version FROM ir_module_module WHERE name = ANY(%s)", [addons])
        )
        assert versions == {addon: essdev.manifest(addon)["version"] for addon in addons}
        problems = compare(before, snapshot(DB))
        assert not problems, "\n".join(problems[:60])
        # Every XML id of ours names the same record: integrators and data files rely on them.
        now = set(
            rows(DB, "SELECT module, name, model, res_id FROM ir_model_data WHERE module LIKE 'ess\\_%%'")
        )
        lost = [xmlid for xmlid in xmlids if xmlid not in now]
        assert not lost, lost[:40]
    finally:
        essdev.drop_db(DB)
        for saved in essdev.BACKUPS.glob(f"{DB}-before-upgrade-*.zip"):
            saved.unlink()

"""A warehouse made by the previous release is upgraded in place, its data kept, and then read again by the
new parser. tests/data/previous-release.duckdb was made by jixiao at commit acffbe5 (the release before
versioned migrations) with `jixiao ingest` of luohu-2024-projects.pdf, qiaokou-2020-department-overall.pdf
and a notes.txt."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import warehouse
from tests.conftest import ROOT, SAMPLES
from warehouse.schema import BASE_VERSION, latest_version, schema_version

PREVIOUS = ROOT / "tests" / "data" / "previous-release.duckdb"
TABLES = ["runs", "documents", "evaluations", "budget_lines", "goals", "indicators", "dq_results"]
COLUMNS = ("SELECT table_name, column_name, data_type FROM duckdb_columns() "
           "WHERE schema_name = 'main' AND NOT internal ORDER BY ALL")


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_previous_release_upgrades_in_place_keeping_its_data(tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copyfile(PREVIOUS, db)
    before = counts(db)
    assert before["documents"] == 3 and before["indicators"] > 0 and before["dq_results"] > 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert schema_version(con) == BASE_VERSION
        old_columns = ", ".join(f'"{c}"' for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'indicators' ORDER BY column_index").fetchall())
        old_facts = con.execute(f"SELECT {old_columns} FROM indicators ORDER BY ALL").fetchall()

    warehouse.connect(db).close()

    assert counts(db) == before
    with duckdb.connect(str(db), read_only=True) as con:
        assert schema_version(con) == latest_version() > BASE_VERSION
        assert con.execute("SELECT * EXCLUDE (finding_id) FROM dq_results WHERE finding_id IS NULL").fetchall() == []
        assert con.execute("SELECT count(DISTINCT finding_id) FROM dq_results").fetchone()[0] == before["dq_results"]
        assert con.execute(f"SELECT {old_columns} FROM indicators ORDER BY ALL").fetchall() == old_facts
        upgraded = con.execute(COLUMNS).fetchall()
        uncommented = con.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = "
                                  "'main' AND NOT internal AND comment IS NULL").fetchall()
    fresh = tmp_path / "fresh.duckdb"
    warehouse.connect(fresh).close()
    with duckdb.connect(str(fresh), read_only=True) as con:
        assert con.execute(COLUMNS).fetchall() == upgraded  # sql/ and the migrations agree
    assert uncommented == []
    with duckdb.connect(str(db)) as con:  # 005: runs rebuilt with 'interrupted' in its status check
        con.execute("INSERT INTO runs (run_id, source, parser_version, started_at, status) "
                    "VALUES ('stopped', 'in', 'v', now(), 'interrupted')")
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO runs (run_id, source, parser_version, started_at, status) "
                        "VALUES ('bad', 'in', 'v', now(), 'paused')")
        with pytest.raises(duckdb.ConstraintException):  # the primary key survived the rebuild
            con.execute("INSERT INTO runs (run_id, source, parser_version, started_at, status) "
                        "VALUES ('stopped', 'in', 'v', now(), 'completed')")


def test_the_next_run_rereads_what_the_previous_release_read(tmp_path):
    db, source = tmp_path / "w.duckdb", tmp_path / "src"
    shutil.copyfile(PREVIOUS, db)
    before = counts(db)
    source.mkdir()
    for name in ("luohu-2024-projects.pdf", "qiaokou-2020-department-overall.pdf"):
        shutil.copyfile(SAMPLES / name, source / name)
    (source / "notes.txt").write_text("not a form\n")  # the same bytes as the previous release saw

    done = subprocess.run([sys.executable, "-m", "jixiao.cli", "ingest", str(source), "--db", str(db),
                           "--fail-on", "never"], cwd=ROOT, capture_output=True, text=True, timeout=900)

    assert done.returncode == 0, done.stderr
    assert "new 3, skipped 0" in " ".join(done.stderr.split())
    after = counts(db)
    assert after["runs"] == before["runs"] + 1
    assert {t: after[t] for t in ("documents", "evaluations", "budget_lines", "goals", "indicators")} == \
        {t: before[t] for t in ("documents", "evaluations", "budget_lines", "goals", "indicators")}
    with duckdb.connect(str(db), read_only=True) as con:
        versions = con.execute("SELECT DISTINCT parser_version FROM documents").fetchall()
        assert len(versions) == 1 and versions[0][0] != "0.1.0"
        # the re-read facts come with the cells their values are printed in (007's value_cells)
        assert con.execute("SELECT count(DISTINCT doc_id) FROM value_cells").fetchone()[0] == after["documents"] - 1
        assert con.execute("SELECT count(*) FROM value_cells WHERE field = 'total_score'").fetchone()[0] == \
            con.execute("SELECT count(*) FROM evaluations WHERE total_score IS NOT NULL").fetchone()[0]


def test_007_moves_the_total_and_grade_cells_into_value_cells(tmp_path):
    """A warehouse at version 6 kept its 总分 and grade cells on evaluations (total_*, grade_*): 007 copies
    them into value_cells, where every value's cell now is, and drops those columns."""
    from warehouse.schema import SQL_DIR, migrations

    db = tmp_path / "w.duckdb"
    shutil.copyfile(PREVIOUS, db)
    with duckdb.connect(str(db)) as con:  # the warehouse as release 006 left it
        con.execute((SQL_DIR / "00_schema_migrations.sql").read_text(encoding="utf-8"))
        for version, path in migrations():
            if version < 7:
                con.execute(path.read_text(encoding="utf-8"))
                con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, path.stem])
        con.execute("UPDATE evaluations SET total_page = 2, total_x0 = 564.1, total_y0 = 231.6, total_x1 = 641.3, "
                    "total_y1 = 250.2 WHERE evaluation_no = 0")
        with_total = con.execute("SELECT count(*) FROM evaluations WHERE evaluation_no = 0").fetchone()[0]

    warehouse.connect(db).close()

    with duckdb.connect(str(db), read_only=True) as con:
        assert schema_version(con) == latest_version()
        cells = con.execute("SELECT DISTINCT frame, row_no, field, page, x0, y0, x1, y1 FROM value_cells").fetchall()
        assert cells == [("evaluations", None, "total_score", 2, 564.1, 231.6, 641.3, 250.2)]
        assert con.execute("SELECT count(*) FROM value_cells").fetchone()[0] == with_total > 0
        columns = {c for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'evaluations'").fetchall()}
        assert not columns & {f"{cell}_{k}" for cell in ("total", "grade") for k in ("page", "x0", "y0", "x1", "y1")}
        assert {"total_score", "grade"} <= columns

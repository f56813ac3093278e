"""The command line as an operator meets it: real processes, real folders, a real DuckDB file."""
from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, SAMPLES

LUOHU = SAMPLES / "luohu-2024-projects.pdf"  # loads with no error finding
QIAOKOU = SAMPLES / "qiaokou-2020-department-overall.pdf"  # loads with two error findings


def jixiao(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return subprocess.run([sys.executable, "-m", "jixiao.cli", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=900)


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def folder(tmp_path: Path, *files: Path) -> Path:
    source = tmp_path / "in"
    source.mkdir()
    for f in files:
        shutil.copyfile(f, source / f.name)
    return source


@pytest.mark.parametrize("case", ["missing", "file", "db is a folder", "db folder missing"])
def test_bad_inputs_are_one_line_and_exit_2_before_anything_starts(tmp_path, case):
    source, db = folder(tmp_path, LUOHU), tmp_path / "w.duckdb"
    args = {"missing": (tmp_path / "unmounted", db), "file": (source / LUOHU.name, db),
            "db is a folder": (source, tmp_path), "db folder missing": (source, tmp_path / "no" / "w.duckdb")}[case]
    done = jixiao("ingest", args[0], "--db", args[1])
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stderr.startswith("jixiao ingest: ")
    assert not db.exists() and not (tmp_path / "reports").exists()  # nothing started


def test_exit_codes_follow_fail_on_and_quarantined_files_count(tmp_path):
    source, db = folder(tmp_path, LUOHU), tmp_path / "w.duckdb"
    clean = jixiao("ingest", source, "--db", db)
    assert clean.returncode == 0, clean.stderr
    assert not Path(f"{db}.lock").exists()  # the lock is released and its file removed

    (source / "notes.txt").write_text("not a form")
    quarantined = jixiao("ingest", source, "--db", db)
    assert quarantined.returncode == 1, quarantined.stderr
    assert "--fail-on error" in quarantined.stderr and "1 file(s) quarantined" in quarantined.stderr
    assert query(db, "SELECT files_quarantined, checks_failed FROM runs ORDER BY started_at DESC LIMIT 1") == [(1, 1)]
    report = Path(query(db, "SELECT report_path FROM runs ORDER BY started_at DESC LIMIT 1")[0][0])
    header = report.read_text(encoding="utf-8").split("</h1>", 1)[1].split("</div>", 1)[0]
    assert "1 个错误" in header and "1 份文件被隔离" in header
    assert (report.parent / "latest.html").resolve() == report.resolve()
    listed = jixiao("findings", "--db", db, "--run", "latest")  # a file's finding: no indicator, no page
    assert listed.returncode == 0, listed.stderr
    assert "document_quarantined" in listed.stdout and "notes.txt" in listed.stdout

    (source / "notes.txt").unlink()
    shutil.copyfile(QIAOKOU, source / QIAOKOU.name)  # error findings, no quarantined file
    never = jixiao("ingest", source, "--db", db, "--fail-on", "never")
    assert never.returncode == 0, never.stderr
    errors = query(db, "SELECT checks_failed FROM runs ORDER BY started_at DESC LIMIT 1")[0][0]
    assert errors > 0
    newest = Path(query(db, "SELECT report_path FROM runs ORDER BY started_at DESC LIMIT 1")[0][0])
    assert newest != report and (report.parent / "latest.html").resolve() == newest.resolve()


def test_great_expectations_validates_and_writes_data_docs_when_asked(tmp_path):
    """A plain run evaluates the suite with pandas and never imports GX; --data-docs has GX validate the
    same suite: the same findings land, and the report links GX's Data Docs of the run."""
    source = folder(tmp_path, QIAOKOU)
    findings = "SELECT rule, severity, indicator_no, line_no FROM dq_results ORDER BY ALL"
    plain = subprocess.run([sys.executable, "-X", "importtime", "-m", "jixiao.cli", "ingest", source, "--db",
                            tmp_path / "plain.duckdb", "--fail-on", "never"], cwd=ROOT, capture_output=True,
                           text=True, timeout=900, env={k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"})
    assert plain.returncode == 0, plain.stderr[-2000:]
    assert " great_expectations" not in plain.stderr  # -X importtime lists every module imported
    assert not list((tmp_path / "reports").glob("*-gx"))

    gx = jixiao("ingest", source, "--db", tmp_path / "gx.duckdb", "--fail-on", "never", "--data-docs")
    assert gx.returncode == 0, gx.stderr
    assert query(tmp_path / "gx.duckdb", findings) == query(tmp_path / "plain.duckdb", findings)
    assert len(query(tmp_path / "gx.duckdb", findings)) >= 2  # qiaokou breaks its own rules
    report = Path(query(tmp_path / "gx.duckdb", "SELECT report_path FROM runs")[0][0])
    site = report.with_name(report.stem + "-gx") / "index.html"
    assert site.is_file() and f'href="{report.stem}-gx/index.html"' in report.read_text(encoding="utf-8")
    assert "total_score" in site.read_text(encoding="utf-8")  # a suite GX validated in this run


def test_a_run_that_cannot_complete_exits_3_and_is_recorded_failed(tmp_path):
    source, db = folder(tmp_path, LUOHU), tmp_path / "w.duckdb"
    (source / "notes.txt").write_text("not a form")
    blocker = tmp_path / "quarantine-is-a-file"
    blocker.write_text("")
    done = jixiao("ingest", source, "--db", db, "--quarantine-dir", blocker)
    assert done.returncode == 3, done.stderr
    assert "the run could not complete" in done.stderr
    [(status, error)] = query(db, "SELECT status, error FROM runs")
    assert status == "failed" and "quarantine-is-a-file" in error


def test_a_new_parser_rereads_and_reprocess_forces_it(warehouse_copy, tmp_path):
    before = query(warehouse_copy, "SELECT count(*) FROM indicators")[0][0]
    documents = query(warehouse_copy, "SELECT count(*) FROM documents")[0][0]
    with duckdb.connect(str(warehouse_copy)) as con:  # as an older parser would have left it
        con.execute("UPDATE documents SET parser_version = '0.1.0'")
    reread = jixiao("ingest", SAMPLES, "--db", warehouse_copy, "--fail-on", "never")
    assert reread.returncode == 0, reread.stderr
    assert f"new {documents}, skipped 0" in reread.stderr
    current = query(warehouse_copy, "SELECT DISTINCT parser_version FROM documents")
    assert len(current) == 1 and current[0][0].startswith("0.1.0+")
    assert query(warehouse_copy, "SELECT count(*) FROM indicators")[0][0] == before  # replaced, not doubled

    again = jixiao("ingest", SAMPLES, "--db", warehouse_copy, "--fail-on", "never")
    assert f"new 0, skipped {documents}" in again.stderr
    forced = jixiao("ingest", SAMPLES, "--db", warehouse_copy, "--fail-on", "never", "--reprocess")
    assert f"new {documents}, skipped 0" in forced.stderr
    assert query(warehouse_copy, "SELECT reprocess FROM runs ORDER BY started_at DESC LIMIT 1") == [(True,)]
    assert query(warehouse_copy, "SELECT count(*) FROM indicators")[0][0] == before
    assert query(warehouse_copy, "SELECT status, count(*) FROM documents GROUP BY ALL") == [("loaded", documents)]


def test_the_parser_version_follows_the_parsing_code(tmp_path):
    from flows.plan import code_digest

    copies = [tmp_path / "extract", tmp_path / "transform"]
    for name, copy in zip(("extract", "transform"), copies):
        shutil.copytree(ROOT / name, copy, ignore=shutil.ignore_patterns("__pycache__"))
    first = code_digest(copies)
    labels = copies[1] / "labels.py"
    labels.write_text(labels.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # the label data changes
    assert code_digest(copies) != first
    version = jixiao("--version")
    assert re.fullmatch(r"jixiao \S+ \(parser \S+\+[0-9a-f]{12}, warehouse schema \d+\)\n", version.stdout)


def test_runs_findings_report_and_export(sample_warehouse, tmp_path):
    db = sample_warehouse
    runs = jixiao("runs", "--db", db)  # piped: tab-separated, a header line
    assert runs.returncode == 0
    header, *lines = [line.split("\t") for line in runs.stdout.splitlines()]
    row = dict(zip(header, lines[0]))
    assert len(lines) == 1 and row["status"] == "completed"
    assert row["run_id"] == query(db, "SELECT run_id FROM runs")[0][0][:8]
    assert int(row["files_seen"]) == len(list(SAMPLES.glob("*.pdf"))) and int(row["errors"]) > 0

    errors = query(db, "SELECT finding_id, file_name FROM v_dq_findings WHERE severity = 'error'")
    assert errors
    listed = jixiao("findings", "--db", db, "--run", "latest", "--severity", "error")
    assert listed.returncode == 0
    header, *lines = [line.split("\t") for line in listed.stdout.splitlines()]
    assert header[:5] == ["id", "run_id", "file_name", "severity", "rule"]
    assert sorted((int(line[0]), line[2]) for line in lines) == sorted(errors)
    name = errors[0][1]
    one_file = jixiao("findings", "--db", db, "--file", name[:10])
    assert {line.split("\t")[2] for line in one_file.stdout.splitlines()[1:]} == {name}
    assert len(one_file.stdout.splitlines()) - 1 == \
        query(db, f"SELECT count(*) FROM v_dq_findings WHERE file_name = '{name}'")[0][0]
    assert jixiao("findings", "--db", db, "--run", "nosuchrun").returncode == 2

    report = jixiao("report", "--db", db)
    assert report.returncode == 0 and Path(report.stdout.strip()).is_file()
    assert report.stdout.strip() == query(db, "SELECT report_path FROM runs")[0][0]

    out = tmp_path / "csv"
    assert jixiao("export", "--db", db, "--format", "csv", out).returncode == 0
    raw = (out / "indicators.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel on Chinese Windows reads UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == query(db, "SELECT count(*) FROM indicators")[0][0]
    assert any("指标" in r["level1"] for r in rows)
    assert jixiao("export", "--db", db, "--format", "parquet", tmp_path / "pq").returncode == 0
    assert query(db, f"SELECT count(*) FROM '{tmp_path / 'pq' / 'findings.parquet'}'") == \
        query(db, "SELECT count(*) FROM v_dq_findings")
    assert jixiao("export", "--db", db, "--format", "xlsx", tmp_path / "w.xlsx").returncode == 0
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "w.xlsx", read_only=True)
    assert book.sheetnames == ["documents", "evaluations", "budget_lines", "goals", "indicators", "findings"]
    assert book["budget_lines"].max_row == query(db, "SELECT count(*) FROM budget_lines")[0][0] + 1


def test_every_command_and_option_has_help_with_its_default():
    from jixiao.cli import build_parser

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert set(commands) >= {"extract", "ingest", "serve", "runs", "findings", "report", "export"}
    for name, sub in commands.items():
        for action in sub._actions:
            assert action.help, f"{name} {action.dest} has no help"
            if action.option_strings and action.default not in (None, False, "==SUPPRESS==") \
                    and action.dest != "help":
                assert "default" in action.help, f"{name} {action.dest}"
        assert jixiao(name, "--help").returncode == 0

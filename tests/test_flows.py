"""The ingest flow on real PDFs and real DuckDB files, Prefect in process (test harness, no network)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.ingest import ingest, with_dask
from tests.conftest import ROOT, SAMPLES

FACT_TABLES = ["evaluations", "budget_lines", "goals", "indicators"]


def snapshot(db: Path) -> dict[str, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        out = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in FACT_TABLES}
        out["documents"] = con.execute("SELECT sha256, source_path, status FROM documents ORDER BY ALL").fetchall()
        return out


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_samples_load_and_a_second_run_changes_nothing(warehouse_copy):
    before = snapshot(warehouse_copy)
    assert {s for _, _, s in before["documents"]} == {"loaded"}
    assert len(before["documents"]) == len(list(SAMPLES.glob("*.pdf")))
    assert query(warehouse_copy, "SELECT count(*) FROM v_budget_execution WHERE budget_a_yuan > 0")[0][0] > 10

    outcome = ingest(str(SAMPLES), str(warehouse_copy))

    assert (outcome.files_new, outcome.files_skipped, outcome.facts_loaded) == (0, len(before["documents"]), 0)
    assert snapshot(warehouse_copy) == before
    assert query(warehouse_copy, "SELECT status, files_skipped FROM runs ORDER BY started_at") == [
        ("completed", 0), ("completed", len(before["documents"]))]


def test_corpus_amounts_equal_the_truth_and_a_scan_of_a_text_form_counts_once(corpus, tmp_path, prefect_api):
    db = tmp_path / "corpus.duckdb"
    ingest(str(corpus), str(db))
    rows = query(db, "SELECT file_name, evaluation_no, budget_a_yuan, executed_b_yuan FROM v_evaluations")
    got = {(f, n): (float(a), float(b)) for f, n, a, b in rows}
    want = {}
    for truth_file in corpus.glob("*.truth.json"):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        factor = 10_000 if truth["document"].get("amounts_in", truth["document"]["money_unit"]) == "万元" else 1
        for n, ev in enumerate(truth["evaluations"]):
            total = next(b for b in ev["budget"] if b["executed"] is not None)
            a = total["annual_budget"] if total["annual_budget"] is not None else total["initial_budget"]
            want[(truth["document"]["file"], n)] = (round(a * factor, 2), round(total["executed"] * factor, 2))
    assert got == want
    # the scan is the text PDF's form published again: flagged as its copy, counted once
    copies = query(db, "SELECT e.file_name, d.file_name FROM v_evaluations e JOIN documents d "
                       "ON d.sha256 = e.copy_of_doc_id AND d.status = 'loaded' WHERE NOT e.counted")
    assert copies == [("dawukou-2020-project-scan.pdf", "dawukou-2020-project.pdf")]
    counted = query(db, "SELECT file_name FROM v_budget_execution")
    assert len(counted) == len(want) - 1 and ("dawukou-2020-project-scan.pdf",) not in counted
    assert query(db, "SELECT count(*) FROM v_indicators WHERE file_name = 'dawukou-2020-project-scan.pdf'") == [(0,)]


def test_new_version_supersedes_and_a_copy_is_loaded_once(tmp_path, prefect_api):
    source, db = tmp_path / "in", tmp_path / "w.duckdb"
    source.mkdir()
    luohu, pingshan = SAMPLES / "luohu-2024-projects.pdf", SAMPLES / "pingshan-2020-projects.pdf"
    shutil.copyfile(luohu, source / "report.pdf")
    shutil.copyfile(luohu, source / "same-as-report.pdf")
    first = ingest(str(source), str(db))
    assert (first.files_new, first.files_duplicate) == (1, 1)
    assert query(db, "SELECT status FROM documents ORDER BY source_path") == [("loaded",), ("duplicate",)]
    assert query(db, "SELECT count(*) FROM v_budget_execution")[0][0] == 2  # luohu's two projects, once

    shutil.copyfile(pingshan, source / "report.pdf")  # same path, new content
    second = ingest(str(source), str(db))

    assert (second.files_new, second.files_superseded) == (1, 1)
    assert query(db, "SELECT source_path, status FROM documents ORDER BY source_path, status") == [
        ("report.pdf", "loaded"), ("report.pdf", "superseded"), ("same-as-report.pdf", "loaded")]
    # luohu's facts stay (the copy still holds them, now as the loaded name); pingshan's six are added
    assert query(db, "SELECT file_name, count(*) FROM v_budget_execution GROUP BY ALL ORDER BY ALL") == [
        ("report.pdf", 6), ("same-as-report.pdf", 2)]


def test_flow_on_a_dask_cluster(tmp_path, prefect_api):
    import dask
    from distributed import LocalCluster

    source = tmp_path / "in"
    source.mkdir()
    for name in ("luohu-2024-projects.pdf", "qiaokou-2020-department-overall.pdf"):
        shutil.copyfile(SAMPLES / name, source / name)
    # Dask workers are daemonic processes by default, which may not start the parser's process pool.
    with dask.config.set({"distributed.worker.daemon": False}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        outcome = with_dask(cluster.scheduler_address)(str(source), str(tmp_path / "w.duckdb"), chunk_size=1,
                                                       workers=1)
    assert (outcome.files_new, outcome.files_quarantined, outcome.deferred) == (2, 0, [])
    assert query(tmp_path / "w.duckdb", "SELECT count(*) FROM v_budget_execution")[0][0] == 3


def jixiao(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jixiao.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600)


def test_cli_summary_then_a_concurrent_ingest_is_refused(tmp_path):
    from filelock import FileLock

    source, db = tmp_path / "in", tmp_path / "w.duckdb"
    source.mkdir()
    shutil.copyfile(SAMPLES / "luohu-2024-projects.pdf", source / "a.pdf")
    (source / "notes.txt").write_text("not a form")
    done = jixiao("ingest", str(source), "--db", str(db), env={"PREFECT_HOME": str(tmp_path / "prefect")})
    assert done.returncode == 1, done.stderr  # notes.txt quarantined: --fail-on error (the default) says so
    assert "files seen 2, new 2, skipped 0, quarantined 1" in " ".join(done.stderr.split())  # notes.txt: not a PDF

    with FileLock(f"{db.resolve()}.lock"):  # another ingest holds the warehouse
        busy = jixiao("ingest", str(source), "--db", str(db))
    assert busy.returncode == 2
    assert "another jixiao ingest is already running" in busy.stderr

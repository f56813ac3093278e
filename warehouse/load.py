"""Writes to the warehouse: documents go in batches, one transaction per batch, so a crash leaves each
document all or nothing and a commit is paid per batch, not per file.

Statements are parameterised; frames go in through DuckDB's pandas scan (INSERT ... BY NAME), set-wise.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timezone

import duckdb
import pandas as pd

from transform.facts import FactRows, Facts

FACT_TABLES = ["evaluations", "budget_lines", "goals", "indicators", "value_cells"]
# The frames' provenance columns `table`/`row` are SQL keywords; the warehouse names them table_no/row_no.
RENAMES = {"table": "table_no", "row": "row_no"}
# Evaluation keys an analyst filters on, taken from the document header onto every evaluation.
DOCUMENT_KEYS = {"fiscal_year": "fiscal_year", "province": "province", "city": "city",
                 "district": "district", "issuer": "bureau"}
DQ_COLUMNS = ["doc_id", "evaluation_no", "indicator_no", "line_no", "rule", "severity", "observed",
              "expected", "message", "message_en", "page", "x0", "y0", "x1", "y1"]


@dataclass
class DocumentRecord:
    """One row of `documents`: a file at a path with a given content, and what became of it."""
    sha256: str
    source_path: str
    file_name: str
    bytes: int
    parser_version: str
    status: str  # loaded | duplicate | quarantined
    format: str | None = None  # extract.formats: pdf, xlsx, xls, ods, docx, doc, html, …
    error: str | None = None
    quarantine_path: str | None = None
    pages: int | None = None
    layout: str | None = None
    title: str | None = None
    issuer: str | None = None
    money_unit: str | None = None
    ocr: bool | None = None


def _now() -> datetime:
    return datetime.now(timezone.utc)


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, source: str, parser_version: str,
              prefect_flow_run_id: str | None, reprocess: bool = False) -> None:
    # The caller holds the warehouse lock: a run still 'running' was killed while it wrote (its
    # batches committed so far stay; the files of the others are parsed again by this run).
    # (a run stopped by a signal marks itself 'interrupted'; one still 'running' here was killed)
    con.execute("UPDATE runs SET status = 'failed', error = 'killed while running (found by the next run)' "
                "WHERE status = 'running'")
    con.execute("INSERT INTO runs (run_id, prefect_flow_run_id, source, parser_version, started_at, status, "
                "reprocess) VALUES (?, ?, ?, ?, ?, 'running', ?)",
                [run_id, prefect_flow_run_id, source, parser_version, _now(), reprocess])


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, outcome: dict[str, int | str | None],
               status: str) -> None:
    """The run's counts and report path (names are ours: runs columns; values are bound)."""
    assignments = ", ".join(f"{name} = ?" for name in outcome)
    con.execute(f"UPDATE runs SET {assignments}, status = ?, finished_at = ? WHERE run_id = ?",
                [*outcome.values(), status, _now(), run_id])


@dataclass
class Load:
    """One file to record: its documents row, and its facts and findings when it has them."""
    record: DocumentRecord
    facts: FactRows | None = None
    findings: pd.DataFrame | None = None


def load_documents(con: duckdb.DuckDBPyConnection, loads: list[Load], run_id: str) -> int:
    """Record files (and the facts of loaded ones) in a single transaction; returns fact rows written.

    A path's earlier content is superseded only when the new content is loaded (or is a copy of loaded
    content): a corrupt new version is quarantined beside the old one and the old facts stay.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        old = _supersede_other_versions(con, [load.record for load in loads
                                              if load.record.status in ("loaded", "duplicate")], run_id)
        _upsert_documents(con, [load.record for load in loads], run_id)
        for sha in old:  # after the new rows, so a copy recorded in this batch can take over
            _keep_one_current_copy(con, sha)
        loaded = [load for load in loads if load.record.status == "loaded"]
        shas = [load.record.sha256 for load in loaded]
        for table in FACT_TABLES:  # a re-parse (new parser version) replaces the facts of its content
            con.execute(f"DELETE FROM {table} WHERE list_contains(?, doc_id)", [shas])
        written = _insert_facts(con, [load.facts for load in loaded if load.facts is not None])
        findings = [load.findings for load in loads if load.findings is not None and len(load.findings)]
        if findings:
            _insert(con, "dq_results", pd.concat(findings).reindex(columns=DQ_COLUMNS).assign(run_id=run_id))
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):  # the error that made us roll back is the one to report
            con.execute("ROLLBACK")
        raise
    return written


def integrity_problems(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """The rows of v_integrity (problem, doc_id): facts without a loaded document, a loaded document
    without facts, a duplicate of content nothing loaded. A run publishes nothing while there is one."""
    return con.execute("SELECT problem, doc_id FROM v_integrity ORDER BY ALL LIMIT 10").fetchall()


def _supersede_other_versions(con: duckdb.DuckDBPyConnection, records: list[DocumentRecord],
                              run_id: str) -> list[str]:
    """Mark the other contents of these records' paths superseded, in one statement; returns their sha256."""
    if not records:
        return []
    paths = pd.DataFrame({"source_path": [r.source_path for r in records], "sha256": [r.sha256 for r in records]})
    with _registered(con, "incoming_paths", paths):
        return [sha for (sha,) in con.execute(
            "UPDATE documents SET status = 'superseded', loaded_at = ?, run_id = ? FROM incoming_paths i "
            "WHERE documents.source_path = i.source_path AND documents.sha256 <> i.sha256 "
            "AND documents.status <> 'superseded' RETURNING documents.sha256", [_now(), run_id]).fetchall()]


def _keep_one_current_copy(con: duckdb.DuckDBPyConnection, sha: str) -> None:
    """After a path moved on from content `sha`: if another path still holds it, that one now carries
    its facts; otherwise its facts go."""
    statuses = {status for (status,) in con.execute(
        "SELECT status FROM documents WHERE sha256 = ?", [sha]).fetchall()}
    if "loaded" in statuses:
        return
    if "duplicate" in statuses:
        con.execute("UPDATE documents SET status = 'loaded' WHERE sha256 = ? AND source_path = "
                    "(SELECT min(source_path) FROM documents WHERE sha256 = ? AND status = 'duplicate')",
                    [sha, sha])
        return
    for table in FACT_TABLES:
        con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [sha])


def _upsert_documents(con: duckdb.DuckDBPyConnection, records: list[DocumentRecord], run_id: str) -> None:
    now = _now()
    rows = pd.DataFrame([asdict(r) | {"run_id": run_id, "loaded_at": now, "first_seen": now} for r in records])
    names = [n for n in rows.columns if n != "first_seen"]
    with _registered(con, "incoming", rows):
        con.execute(
            "INSERT INTO documents BY NAME SELECT * FROM incoming "
            "ON CONFLICT (source_path, sha256) DO UPDATE SET "
            + ", ".join(f"{n} = excluded.{n}" for n in names if n not in ("source_path", "sha256")))


def _insert_facts(con: duckdb.DuckDBPyConnection, facts: list[FactRows]) -> int:
    if not facts:
        return 0
    run = Facts.from_rows(facts)
    keys = run.documents[["doc_id", *DOCUMENT_KEYS]].rename(columns=DOCUMENT_KEYS)
    written = 0
    for table in FACT_TABLES:
        frame = getattr(run, table).rename(columns=RENAMES)
        if table == "evaluations":
            frame = frame.drop(columns=[c for c in keys.columns if c != "doc_id" and c in frame.columns])
            frame = frame.merge(keys, on="doc_id", how="left")
        if not frame.empty:
            _insert(con, table, frame)
            written += len(frame)
    return written


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    with _registered(con, "incoming", frame):
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")


@contextlib.contextmanager
def _registered(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> Iterator[None]:
    """`frame` visible to SQL as `name` for the block. After a failed statement the transaction is
    aborted and unregistering fails too: that error is dropped so the first one is what is reported."""
    con.register(name, frame)
    try:
        yield
    finally:
        with contextlib.suppress(duckdb.Error):
            con.unregister(name)

"""Writes to the warehouse: one transaction per document, so a crash leaves each document all or nothing.

Statements are parameterised; fact frames go in through DuckDB's pandas scan (INSERT ... BY NAME).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timezone

import duckdb
import pandas as pd

from transform.facts import Facts

FACT_TABLES = ["evaluations", "budget_lines", "goals", "indicators"]
# The frames' provenance columns `table`/`row` are SQL keywords; the warehouse names them table_no/row_no.
RENAMES = {"table": "table_no", "row": "row_no"}
# Evaluation keys an analyst filters on, taken from the document header onto every evaluation.
DOCUMENT_KEYS = {"fiscal_year": "fiscal_year", "province": "province", "city": "city",
                 "district": "district", "issuer": "bureau"}
DQ_COLUMNS = ["doc_id", "evaluation_no", "indicator_no", "line_no", "rule", "severity", "observed",
              "expected", "message", "page", "x0", "y0", "x1", "y1"]


@dataclass
class DocumentRecord:
    """One row of `documents`: a file at a path with a given content, and what became of it."""
    sha256: str
    source_path: str
    file_name: str
    bytes: int
    parser_version: str
    status: str  # loaded | duplicate | quarantined
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
              prefect_flow_run_id: str | None) -> None:
    con.execute("INSERT INTO runs (run_id, prefect_flow_run_id, source, parser_version, started_at, status) "
                "VALUES (?, ?, ?, ?, ?, 'running')",
                [run_id, prefect_flow_run_id, source, parser_version, _now()])


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, outcome: dict[str, int | str | None],
               status: str) -> None:
    """The run's counts and report path (names are ours: runs columns; values are bound)."""
    assignments = ", ".join(f"{name} = ?" for name in outcome)
    con.execute(f"UPDATE runs SET {assignments}, status = ?, finished_at = ? WHERE run_id = ?",
                [*outcome.values(), status, _now(), run_id])


def load_document(con: duckdb.DuckDBPyConnection, record: DocumentRecord, run_id: str,
                  facts: Facts | None = None, findings: pd.DataFrame | None = None) -> int:
    """Record one file (and its facts when loaded) in a single transaction; returns fact rows written.

    A path's earlier content is superseded only when the new content is loaded (or is a copy of loaded
    content): a corrupt new version is quarantined beside the old one and the old facts stay.
    """
    written = 0
    con.execute("BEGIN TRANSACTION")
    try:
        if record.status in ("loaded", "duplicate"):
            _supersede_other_versions(con, record, run_id)
        if record.status == "loaded":
            for table in FACT_TABLES:
                con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [record.sha256])
            written = _insert_facts(con, facts, record.sha256) if facts is not None else 0
        _upsert_document(con, record, run_id)
        if findings is not None and len(findings):
            _insert_findings(con, findings, run_id)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return written


def _supersede_other_versions(con: duckdb.DuckDBPyConnection, record: DocumentRecord, run_id: str) -> None:
    old = [sha for (sha,) in con.execute(
        "UPDATE documents SET status = 'superseded', loaded_at = ?, run_id = ? "
        "WHERE source_path = ? AND sha256 <> ? AND status <> 'superseded' RETURNING sha256",
        [_now(), run_id, record.source_path, record.sha256]).fetchall()]
    for sha in old:
        _keep_one_current_copy(con, sha)


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


def _upsert_document(con: duckdb.DuckDBPyConnection, record: DocumentRecord, run_id: str) -> None:
    row = asdict(record) | {"run_id": run_id, "loaded_at": _now()}
    names = list(row)
    con.execute(
        f"INSERT INTO documents ({', '.join(names)}, first_seen) VALUES ({', '.join('?' * len(names))}, ?) "
        "ON CONFLICT (source_path, sha256) DO UPDATE SET "
        + ", ".join(f"{n} = excluded.{n}" for n in names if n not in ("source_path", "sha256")),
        [*row.values(), _now()])


def _insert_facts(con: duckdb.DuckDBPyConnection, facts: Facts, doc_id: str) -> int:
    header = facts.documents[facts.documents["doc_id"] == doc_id]
    keys = {column: (header.iloc[0][source] if len(header) else None)
            for source, column in DOCUMENT_KEYS.items()}
    written = 0
    for table in FACT_TABLES:
        frame = getattr(facts, table)
        frame = frame[frame["doc_id"] == doc_id].rename(columns=RENAMES)
        if table == "evaluations":
            frame = frame.assign(**keys)
        if frame.empty:
            continue
        con.register("incoming", frame)
        try:
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
        finally:
            con.unregister("incoming")
        written += len(frame)
    return written


def _insert_findings(con: duckdb.DuckDBPyConnection, findings: pd.DataFrame, run_id: str) -> None:
    frame = findings.reindex(columns=DQ_COLUMNS).assign(run_id=run_id)
    con.register("incoming", frame)
    try:
        con.execute("INSERT INTO dq_results BY NAME SELECT * FROM incoming")
    finally:
        con.unregister("incoming")

"""Read-only questions the command line asks the warehouse: runs, findings, reports (SQL lives here,
printing in jixiao/cli.py)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

CURRENT = "current"  # the findings on the current version of every document (v_dq_findings)
LATEST = "latest"    # the newest run that read files (wrote a report); a run that found nothing new did not


class NoSuchRun(LookupError):
    pass


def open_read_only(db: str | Path) -> duckdb.DuckDBPyConnection:
    if not Path(db).is_file():
        raise FileNotFoundError(f"no warehouse at {db} (give --db, or run jixiao ingest first)")
    return duckdb.connect(str(db), read_only=True)


def runs(con: duckdb.DuckDBPyConnection, limit: int) -> pd.DataFrame:
    """The last `limit` runs, newest first, with their counts and status."""
    return con.execute(
        "SELECT run_id, started_at, finished_at, status, files_seen, files_new, files_skipped, "
        "files_quarantined, facts_loaded, checks_failed AS errors, checks_warned AS warnings, "
        "parser_version, report_path, error FROM runs ORDER BY started_at DESC LIMIT ?", [limit]).df()


def resolve_run(con: duckdb.DuckDBPyConnection, run: str) -> str:
    """A run id from `latest`, a full id or its first characters."""
    if run == LATEST:
        found = con.execute("SELECT run_id FROM runs WHERE report_path IS NOT NULL "
                            "ORDER BY started_at DESC LIMIT 1").fetchall()
    else:
        found = con.execute("SELECT run_id FROM runs WHERE starts_with(run_id, ?)", [run]).fetchall()
    if len(found) != 1:
        raise NoSuchRun(f"no run {run!r} in the warehouse" if not found else f"run {run!r} is ambiguous")
    return found[0][0]


def findings(con: duckdb.DuckDBPyConnection, run: str = CURRENT, severity: str | None = None,
             file: str | None = None) -> pd.DataFrame:
    """Findings with their number (what `findings ack` would name), errors first. `file`: part of the
    file name."""
    if run == CURRENT:
        base = ("SELECT finding_id, run_id, file_name, severity, rule, message, message_en, page, ack_note "
                "FROM v_dq_findings")
        params: list = []
    else:
        base = ("SELECT q.finding_id, q.run_id, coalesce(d.file_name, q.observed) AS file_name, q.severity, "
                "q.rule, q.message, q.message_en, q.page, a.note AS ack_note FROM dq_results q "
                "LEFT JOIN (SELECT * FROM dq_acks QUALIFY row_number() OVER (PARTITION BY doc_id, evaluation_no, "
                "indicator_no, line_no, rule ORDER BY acked_at DESC) = 1) a ON a.doc_id = q.doc_id AND a.rule = q.rule "
                "AND a.evaluation_no IS NOT DISTINCT FROM q.evaluation_no AND a.indicator_no IS NOT DISTINCT FROM "
                "q.indicator_no AND a.line_no IS NOT DISTINCT FROM q.line_no LEFT JOIN (SELECT sha256, min(file_name) AS "
                "file_name FROM documents GROUP BY sha256) d ON d.sha256 = q.doc_id WHERE q.run_id = ?")
        params = [resolve_run(con, run)]
    return con.execute(
        f"SELECT * FROM ({base}) WHERE (? IS NULL OR severity = ?) AND (? IS NULL OR contains(file_name, ?)) "
        "ORDER BY ack_note IS NOT NULL, severity <> 'error', severity = 'warning', file_name, finding_id", [*params, severity, severity, file, file]).df()


def report_path(con: duckdb.DuckDBPyConnection, run: str) -> str | None:
    return con.execute("SELECT report_path FROM runs WHERE run_id = ?", [resolve_run(con, run)]).fetchone()[0]

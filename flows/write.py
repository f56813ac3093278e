"""The run's one short write phase: everything is parsed and checked before the warehouse is opened,
so DuckDB's single-writer lock is held for seconds, not for the whole run."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

import warehouse
from flows.files import SourceFile
from flows.parse import Parsed
from flows.plan import Plan
from warehouse import DocumentRecord, Load

QUARANTINE_RULE = "document_quarantined"
LOAD_BATCH = 100  # files per transaction: a commit per file would cost more than its facts' insert


@dataclass
class Outcome:
    files_seen: int = 0
    files_new: int = 0
    files_skipped: int = 0
    files_quarantined: int = 0
    files_duplicate: int = 0
    files_superseded: int = 0
    facts_loaded: int = 0
    checks_failed: int = 0
    checks_warned: int = 0
    report_path: str | None = None  # the run's HTML data-quality report, when anything was parsed


def quarantine_findings(parsed: list[Parsed], plan: Plan) -> pd.DataFrame:
    """One error finding per file that cannot be loaded, so the report and dq_results list it with its reason."""
    bad = [(p.file, p.error) for p in parsed if p.error] + [(f, f.error) for f in plan.unreadable]
    return pd.DataFrame([{"doc_id": f.sha256, "rule": QUARANTINE_RULE, "severity": "error",
                          "observed": f.source_path, "message": error} for f, error in bad],
                        columns=["doc_id", "rule", "severity", "observed", "message"])


def copy_to_quarantine(f: SourceFile, folder: Path) -> str | None:
    """Copy (never move: the source may be read-only or someone else's) a bad file aside for a human."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{f.sha256[:12] or 'unreadable'}-{f.file_name}"
    try:
        shutil.copyfile(f.fs_path, target)
    except OSError:
        return None
    return str(target)


def _record(f: SourceFile, parser_version: str, status: str, error: str | None = None,
            quarantine_path: str | None = None, facts_header: pd.Series | None = None) -> DocumentRecord:
    header = {} if facts_header is None else {
        "pages": int(facts_header["pages"]) if pd.notna(facts_header["pages"]) else None,
        "ocr": bool(facts_header["ocr"]) if pd.notna(facts_header["ocr"]) else None,
        **{k: facts_header[k] for k in ("layout", "title", "issuer", "money_unit")}}
    return DocumentRecord(sha256=f.sha256, source_path=f.source_path, file_name=f.file_name, bytes=f.bytes,
                          parser_version=parser_version, status=status, error=error,
                          quarantine_path=quarantine_path, **header)


def write_run(db: str | Path, run_id: str, prefect_flow_run_id: str | None, source: str, parser_version: str,
              plan: Plan, parsed: list[Parsed], findings: pd.DataFrame, outcome: Outcome,
              quarantine_dir: Path, on_done: Callable[[int], None] = lambda n: None) -> Outcome:
    """Write every decision of the run, LOAD_BATCH files per transaction, then the run's own row."""
    by_doc = {doc: frame for doc, frame in findings.groupby("doc_id")} if len(findings) else {}
    errors = {p.file.sha256: p.error for p in parsed if p.error} | plan.known_errors
    loads = []
    for p in parsed:
        if p.error:
            record = _record(p.file, parser_version, "quarantined", p.error,
                             copy_to_quarantine(p.file, quarantine_dir))
        else:
            record = _record(p.file, parser_version, "loaded", facts_header=p.facts.documents.iloc[0])
        loads.append(Load(record, p.facts, by_doc.get(p.file.sha256)))
    loads += [Load(_record(f, parser_version, "quarantined", f.error), findings=by_doc.get(f.sha256))
              for f in plan.unreadable]
    # copies after the content they copy, so its status is known
    loads += [Load(_record(f, parser_version, "quarantined" if errors.get(f.sha256) else "duplicate",
                           errors.get(f.sha256))) for f in plan.copies]
    outcome.files_quarantined = sum(load.record.status == "quarantined" for load in loads)
    outcome.files_duplicate = sum(load.record.status == "duplicate" for load in loads)
    con = warehouse.connect(db)
    try:
        warehouse.start_run(con, run_id, source, parser_version, prefect_flow_run_id)
        for i in range(0, len(loads), LOAD_BATCH):
            batch = loads[i:i + LOAD_BATCH]
            outcome.facts_loaded += warehouse.load_documents(con, batch, run_id)
            on_done(len(batch))
        outcome.files_superseded = con.execute(
            "SELECT count(*) FROM documents WHERE run_id = ? AND status = 'superseded'", [run_id]).fetchone()[0]
        warehouse.finish_run(con, run_id, vars(outcome), "completed")
    finally:
        con.close()
    return outcome

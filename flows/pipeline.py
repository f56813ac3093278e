"""One ingest run, start to end: survey the folder, parse what is new, check the run's Facts as a set,
write the report, then load in one short write phase. The Prefect flow and the CLI's quick path share it."""
from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

import warehouse
from flows import progress
from flows.files import SourceFile, list_source
from flows.lock import warehouse_lock
from flows.parse import Parsed
from flows.plan import Plan, make_plan, parser_version
from flows.report import write_report
from flows.write import Outcome, quarantine_findings, write_run
from transform.facts import Facts
from warehouse.load import DQ_COLUMNS

ParseStep = Callable[[list[SourceFile]], list[Parsed]]


@dataclass
class Options:
    quarantine_dir: str | None = None  # default: quarantine/ beside the warehouse file
    report_dir: str | None = None      # default: reports/ beside the warehouse file
    chunk_size: int = 16               # files per Prefect task: task overhead is paid per chunk
    workers: int = 0                   # parser processes (one pool per run); 0 = the CPUs this process may use
    file_timeout: float = 300.0        # seconds before a file's parse is killed and the file quarantined


def survey(source: str, db: str) -> tuple[list[SourceFile], Plan]:
    files = list_source(source)
    return files, make_plan(files, warehouse.catalogue(db), parser_version())


def run(source: str, db: str, options: Options, parse: ParseStep | None,
        prefect_flow_run_id: str | None = None) -> Outcome:
    """The run; `parse` may be None only when the caller knows nothing needs parsing."""
    bar = progress.current.get()
    home = Path(db).resolve().parent
    with warehouse_lock(db):
        files, plan = survey(source, db)
        bar.phase("parse", len(plan.to_parse))
        parsed = parse(plan.to_parse) if plan.to_parse else []
        facts = Facts.concat([p.facts for p in parsed if p.facts is not None])
        run_id = str(uuid.uuid4())
        reports = Path(options.report_dir or home / "reports")
        data_docs = reports / f"{run_id}-gx"
        checks = validate(facts, data_docs)
        findings = pd.concat([checks, quarantine_findings(parsed, plan)], ignore_index=True)
        report_path = write_report(reports, run_id, facts, checks, parsed, plan.unreadable,
                                   data_docs / "index.html") if parsed or plan.unreadable else None
        outcome = Outcome(files_seen=len(files), files_new=len(plan.to_parse), files_skipped=len(plan.skipped),
                          checks_failed=int((checks["severity"] == "error").sum()),
                          checks_warned=int((checks["severity"] == "warning").sum()),
                          report_path=str(report_path) if report_path else None)
        bar.phase("load", len(parsed) + len(plan.unreadable) + len(plan.copies))
        return write_run(db, run_id, prefect_flow_run_id, source, parser_version(), plan, parsed, findings,
                         outcome, Path(options.quarantine_dir or home / "quarantine"),
                         on_done=lambda n: bar.advance("load", n))


def validate(facts: Facts, data_docs: Path) -> pd.DataFrame:
    """expectations.validate on the whole run's Facts at once (cross-document rules see them all)."""
    if facts.evaluations.empty:
        return pd.DataFrame(columns=DQ_COLUMNS)
    import expectations  # great-expectations is slow to import; a run with nothing new never needs it

    return expectations.validate(facts, data_docs)

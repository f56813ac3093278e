"""One ingest run, start to end: survey the folder, then parse what is new and check and load it one
slice of files at a time, then write the run's report. The Prefect flow and the CLI's quick path share it."""
from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

import warehouse
from expectations import Checks
from expectations.report import RunReport
from flows import progress, stop
from flows.files import SourceFile, list_source
from flows.gc_policy import collecting_rarely
from flows.inputs import check_inputs, create_output_folders, output_folders
from flows.lock import warehouse_lock
from flows.parse import Parsed
from flows.plan import Plan, make_plan, parser_version
from flows.report import write_report
from flows.write import Outcome, RunWriter, quarantine_findings
from transform.facts import Facts

# Parsed files, yielded as they are ready (a generator keeps only the files not yet checked in memory).
ParseStep = Callable[[list[SourceFile]], Iterable[Parsed]]
# Files checked and loaded together: a run's memory is that of one slice, not of the whole run.
SLICE_FILES = 500


@dataclass
class Options:
    quarantine_dir: str | None = None  # default: quarantine/ beside the warehouse file
    report_dir: str | None = None      # default: reports/ beside the warehouse file
    chunk_size: int = 16               # files per Prefect task: task overhead is paid per chunk
    workers: int = 0                   # parser processes (one pool per run); 0 = the CPUs this process may use
    file_timeout: float = 300.0        # seconds before a file's parse is killed and the file quarantined
    reprocess: bool = False            # read every file again, whatever the warehouse holds
    data_docs: bool = False            # great-expectations validates the run and writes its Data Docs


def survey(source: str, db: str, options: Options) -> tuple[list[SourceFile], Plan]:
    """The folder's files and what to do with each. The warehouse's own files and the run's output
    folders are never among them (a warehouse kept inside the source folder does not ingest itself)."""
    outputs = output_folders(db, options.quarantine_dir, options.report_dir)
    files = list_source(source, (Path(db).resolve(), *outputs))
    return files, make_plan(files, warehouse.catalogue(db), parser_version(), options.reprocess)


def run(source: str, db: str, options: Options, parse: ParseStep | None,
        prefect_flow_run_id: str | None = None) -> Outcome:
    """The run; `parse` may be None only when the caller knows nothing needs parsing. A run that raises
    is recorded as failed, with why, before the error goes on to the caller. Asked to stop (flows.stop),
    it writes what is parsed, leaves the rest to the next run and ends `interrupted`."""
    check_inputs(source, db)
    bar = progress.current.get()
    source = str(Path(source).resolve())
    with warehouse_lock(db), collecting_rarely():
        files, plan = survey(source, db, options)
        run_id = str(uuid.uuid4())
        outcome = Outcome(files_seen=len(files), files_new=len(plan.to_parse), files_skipped=len(plan.skipped))
        quarantine, reports = output_folders(db, options.quarantine_dir, options.report_dir)
        writer = RunWriter(db, run_id, parser_version(), quarantine, outcome,
                           on_done=lambda n: bar.advance("load", n))
        writer.start(source, prefect_flow_run_id, options.reprocess)
        try:
            create_output_folders(quarantine, reports)  # before the bars: a run that stops here is one line
            bar.phase("parse", len(plan.to_parse))
            bar.phase("load", len(plan.to_parse) + len(plan.unreadable) + len(plan.copies))
            _run(writer, plan, parse, reports, options.data_docs)
        except BaseException as err:
            with contextlib.suppress(Exception):  # the caller must see the run's error, not this one's
                writer.fail(f"{type(err).__name__}: {err}")
            raise
        return writer.finish()


def _run(writer: RunWriter, plan: Plan, parse: ParseStep | None, reports: Path, data_docs: bool) -> None:
    run_id, outcome = writer.run_id, writer.outcome
    checks: Checks | None = None  # started with the first facts (with data_docs, GX takes seconds to import)
    report = RunReport()
    pdf_paths: dict[str, Path] = {}
    quarantined: list[dict[str, str]] = []
    parsed_contents: set[str] = set()
    acknowledged = writer.acknowledged()
    for k, batch in enumerate(_slices(parse(plan.to_parse) if plan.to_parse and parse else [], SLICE_FILES), 1):
        facts = Facts.from_rows([p.facts for p in batch if p.facts is not None])
        findings = pd.DataFrame(columns=["doc_id"])
        if not facts.documents.empty:
            checks = checks or Checks(data_docs)
            findings = _check(checks, facts, f"{run_id} slice {k}", report, outcome, acknowledged)
        bad = [(p.file, p.error) for p in batch if p.error and not p.transient]
        writer.parsed(batch, pd.concat([findings, quarantine_findings(bad)], ignore_index=True))
        pdf_paths |= {p.file.sha256: Path(p.file.fs_path) for p in batch if p.facts is not None}
        quarantined += [{"file_name": f.file_name, "reason": error} for f, error in bad]
        parsed_contents |= {p.file.sha256 for p in batch}
        del facts, findings, batch  # before the next slice is gathered
    if stop.requested.is_set():
        outcome.status = "interrupted"
        writer.not_parsed([f for f in plan.to_parse if f.sha256 not in parsed_contents])
    writer.rest(plan, quarantine_findings([(f, f.error) for f in plan.unreadable]))
    quarantined += [{"file_name": f.file_name, "reason": f.error} for f in plan.unreadable]
    # A quarantined file is an error finding (document_quarantined): it counts where errors are counted.
    outcome.checks_failed += len(quarantined)
    if quarantined or checks is not None:
        outcome.report_path = write_report(reports, run_id, report, checks, pdf_paths, quarantined)


def _check(checks: Checks, facts: Facts, name: str, report: RunReport, outcome: Outcome,
           acknowledged: pd.DataFrame) -> pd.DataFrame:
    """A slice's findings; its counts go to the report and the outcome (its prepared frames end here).
    Acknowledged findings are listed but do not count: they never fail a run."""
    checked = checks.check(facts, name, acknowledged)
    report.add(facts, checked)
    open_ = checked.findings[checked.findings["ack_note"].isna()]
    outcome.checks_failed += int((open_["severity"] == "error").sum())
    outcome.checks_warned += int((open_["severity"] == "warning").sum())
    return checked.findings


def _slices(parsed: Iterable[Parsed], size: int) -> Iterator[list[Parsed]]:
    batch: list[Parsed] = []
    for p in parsed:
        batch.append(p)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


"""The run's writes: the runs row first, then each checked slice of files, LOAD_BATCH files per
transaction, then the files nothing was parsed for, then the run's counts. Each write goes to a private
copy of the warehouse that is published over it when the write is whole and the warehouse's invariants
hold (warehouse/publish.py): readers never block a write, and a failed write publishes nothing."""
from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

import warehouse
from flows.files import SourceFile, read_regular
from flows.parse import Parsed
from flows.plan import Plan
from warehouse import DocumentRecord, Load

QUARANTINE_RULE = "document_quarantined"
FAIL_ON = ("error", "warning", "never")  # what makes a completed run count as failed (exit code, Prefect state)
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
    status: str = "completed"       # or "interrupted" (stopped by a signal)
    deferred: list[tuple[str, str]] = field(default_factory=list)  # (path, why): not recorded, read next run

    def failure(self, fail_on: str) -> str | None:
        """Why the run fails under `fail_on` (error: quarantined files or error findings; warning: those
        or warnings; never), in words, or None."""
        if fail_on not in FAIL_ON:
            raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
        found = []
        if fail_on in ("error", "warning") and (self.checks_failed or self.files_quarantined):
            found.append(f"{self.checks_failed} error finding(s), {self.files_quarantined} file(s) quarantined")
        if fail_on == "warning" and self.checks_warned:
            found.append(f"{self.checks_warned} warning(s)")
        return "; ".join(found) or None


class IntegrityError(RuntimeError):
    """A write would break the warehouse's invariants (v_integrity); it is not published."""


def quarantine_findings(bad: list[tuple[SourceFile, str]]) -> pd.DataFrame:
    """One error finding per file that cannot be loaded, so the report and dq_results list it with its reason."""
    return pd.DataFrame([{"doc_id": f.sha256, "rule": QUARANTINE_RULE, "severity": "error",
                          "observed": f.source_path, "message": error} for f, error in bad],
                        columns=["doc_id", "rule", "severity", "observed", "message"])


def copy_to_quarantine(f: SourceFile, folder: Path) -> str | None:
    """Copy (never move: the source may be read-only or someone else's) a bad file aside for a human. The
    copy is the content that was hashed and is readable by its owner only (the source may be private)."""
    target = folder / f"{f.sha256[:12] or 'unreadable'}-{f.file_name}"
    try:
        data = read_regular(f.fs_path)
        if hashlib.sha256(data).hexdigest() != f.sha256:
            return None  # changed since it was read; the next run sees the new content
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        os.fchmod(fd, 0o600)  # a copy from an earlier run may have other permissions
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError:
        return None
    return str(target)


def _record(f: SourceFile, parser_version: str, status: str, error: str | None = None,
            quarantine_path: str | None = None, facts_header: dict | None = None) -> DocumentRecord:
    header = {} if facts_header is None else {k: facts_header[k] for k in (
        "pages", "ocr", "layout", "title", "issuer", "money_unit")}
    return DocumentRecord(sha256=f.sha256, source_path=f.source_path, file_name=f.file_name, bytes=f.bytes,
                          format=f.format,  # by content, as read_document routes it
                          parser_version=parser_version, status=status, error=error,
                          quarantine_path=quarantine_path, **header)


class RunWriter:
    """Everything one run writes, in the order that keeps the warehouse right if the run is killed
    between any two calls: each document is all or nothing, and the next run parses what is missing."""

    def __init__(self, db: str | Path, run_id: str, parser_version: str, quarantine_dir: Path,
                 outcome: Outcome, on_done: Callable[[int], None] = lambda n: None) -> None:
        self.db, self.run_id, self.parser_version = db, run_id, parser_version
        self.quarantine_dir, self.outcome, self.on_done = quarantine_dir, outcome, on_done
        self._errors: dict[str, str] = {}  # sha256 -> why this run quarantined it (its copies follow it)
        self._deferred: set[str] = set()   # contents left for the next run (their copies wait with them)
        self._unparsed: set[str] = set()   # contents the run was stopped before parsing
        self._schema_current = False  # the first write of the run brings the schema up to date

    def start(self, source: str, prefect_flow_run_id: str | None, reprocess: bool = False) -> None:
        self._write(lambda con: warehouse.start_run(con, self.run_id, source, self.parser_version,
                                                    prefect_flow_run_id, reprocess))

    def parsed(self, parsed: list[Parsed], findings: pd.DataFrame) -> None:
        """A checked slice: loaded files with their facts and findings, quarantined ones with their reason."""
        by_doc = _by_doc(findings)
        loads = []
        for p in parsed:
            if p.transient:
                self.outcome.deferred.append((p.file.source_path, p.error or ""))
                self._deferred.add(p.file.sha256)
                continue
            if p.error:
                self._errors[p.file.sha256] = p.error
                record = _record(p.file, self.parser_version, "quarantined", p.error,
                                 copy_to_quarantine(p.file, self.quarantine_dir))
            else:
                record = _record(p.file, self.parser_version, "loaded", facts_header=p.facts["documents"][0])
            loads.append(Load(record, p.facts, by_doc.get(p.file.sha256)))
        self._load(loads)

    def rest(self, plan: Plan, findings: pd.DataFrame) -> None:
        """The files nothing was parsed for: unreadable ones, then copies of content whose status is known."""
        by_doc = _by_doc(findings)
        errors = self._errors | plan.known_errors
        loads = [Load(_record(f, self.parser_version, "quarantined", f.error), findings=by_doc.get(f.sha256))
                 for f in plan.unreadable]
        waiting = self._deferred | self._unparsed
        loads += [Load(_record(f, self.parser_version, "quarantined" if errors.get(f.sha256) else "duplicate",
                               errors.get(f.sha256))) for f in plan.copies if f.sha256 not in waiting]
        self.outcome.deferred += [(f.source_path, "same content as a file left for the next run")
                                  for f in plan.copies if f.sha256 in waiting]
        self._load(loads)

    def not_parsed(self, files: list[SourceFile]) -> None:
        """Files the run was stopped before it parsed: left, with their copies, to the next run."""
        self._unparsed |= {f.sha256 for f in files}

    def acknowledged(self) -> pd.DataFrame:
        """The findings auditors reviewed (jixiao findings ack): the checks mark them, runs do not fail on them.
        Read from the published warehouse (a read needs no private copy); `start` brought its schema up to date."""
        from warehouse.acks import acknowledged

        with warehouse.connect(self.db, read_only=True) as con:
            return acknowledged(con)

    def finish(self) -> Outcome:
        self._close(self.outcome.status)  # completed, or interrupted by a signal
        return self.outcome

    def fail(self, error: str) -> None:
        """The run stops on an error: its counts so far and why. Files written stay (all or nothing each)."""
        self._close("failed", error)

    def _close(self, status: str, error: str | None = None) -> None:
        def close(con) -> None:
            self.outcome.files_superseded = con.execute(
                "SELECT count(*) FROM documents WHERE run_id = ? AND status = 'superseded'",
                [self.run_id]).fetchone()[0]
            counts = {k: v for k, v in vars(self.outcome).items() if k not in ("status", "deferred")}
            warehouse.finish_run(con, self.run_id, counts | {"error": error}, status)
        self._write(close)

    def _load(self, loads: list[Load]) -> None:
        if not loads:
            return
        self.outcome.files_quarantined += sum(load.record.status == "quarantined" for load in loads)
        self.outcome.files_duplicate += sum(load.record.status == "duplicate" for load in loads)

        def load(con) -> None:
            for i in range(0, len(loads), LOAD_BATCH):
                batch = loads[i:i + LOAD_BATCH]
                self.outcome.facts_loaded += warehouse.load_documents(con, batch, self.run_id)
                self.on_done(len(batch))
        self._write(load)

    def _write(self, action: Callable) -> None:
        """`action` on a private copy, published when it and the warehouse's invariants succeed."""
        with warehouse.writable_copy(Path(self.db)) as work:
            con = warehouse.connect(work, refresh=not self._schema_current)
            try:
                action(con)
                problems = warehouse.integrity_problems(con)
                if problems:
                    raise IntegrityError(f"not published: the write would leave {problems}")
                con.execute("CHECKPOINT")
            finally:
                with contextlib.suppress(duckdb.Error):  # never hide the error that ended the write
                    con.close()
        self._schema_current = True


def _by_doc(findings: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {doc: frame for doc, frame in findings.groupby("doc_id")} if len(findings) else {}

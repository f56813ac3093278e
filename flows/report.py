"""The run's HTML data-quality report (expectations.report draws it; flows/ decides where and when)."""
from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from flows.files import SourceFile
from flows.parse import Parsed
from transform.facts import Facts

log = logging.getLogger(__name__)


def write_report(folder: Path, run_id: str, facts: Facts, checks: pd.DataFrame, parsed: list[Parsed],
                 unreadable: list[SourceFile], data_docs: Path) -> str | None:
    """reports/<run_id>.html; a failing report is logged and never stops the load of good facts."""
    from expectations.report import write_report as write_html

    pdf_paths = {p.file.sha256: Path(p.file.fs_path) for p in parsed if p.facts is not None}
    quarantined = [{"file_name": p.file.file_name, "reason": p.error} for p in parsed if p.error] + \
                  [{"file_name": f.file_name, "reason": f.error} for f in unreadable]
    try:
        return str(write_html(folder, run_id, facts, checks, pdf_paths,
                              data_docs if data_docs.exists() else None, quarantined))
    except Exception:  # noqa: BLE001
        log.exception("could not write the report of run %s", run_id)
        return None

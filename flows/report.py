"""The run's HTML data-quality report and GX's Data Docs (expectations/ draws them; flows/ decides where
and when)."""
from __future__ import annotations

import logging
from pathlib import Path

from expectations import Checks
from expectations.report import RunReport, write_report as write_html

log = logging.getLogger(__name__)


def write_report(folder: Path, run_id: str, report: RunReport, checks: Checks | None,
                 pdf_paths: dict[str, Path], quarantined: list[dict[str, str]]) -> str | None:
    """reports/<run_id>.html, linking GX's Data Docs in reports/<run_id>-gx/, and reports/latest.html
    pointing at it. A report that cannot be written is logged and never fails the run: its facts are
    loaded by now."""
    try:
        data_docs = checks.data_docs(folder / f"{run_id}-gx") if checks is not None else None
        path = write_html(folder, run_id, report, pdf_paths, data_docs, quarantined)
        point_latest(path)
        return str(path)
    except Exception:  # noqa: BLE001
        log.exception("could not write the report of run %s", run_id)
        return None


def point_latest(report: Path) -> None:
    """latest.html beside `report` becomes a relative link to it, replaced atomically (a reader never
    finds it missing); relative, so the folder can be moved or served as it is."""
    temporary = report.with_name(f".latest-{report.stem}.html")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(report.name)
    temporary.replace(report.with_name("latest.html"))

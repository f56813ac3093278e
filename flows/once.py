"""`jixiao ingest`: one run in this process, without paying Prefect's start-up when nothing is new."""
from __future__ import annotations

import logging
import threading

from flows import stop
from flows.lock import warehouse_lock
from flows.parse import default_workers, start_pool
from flows.pipeline import Options, output_folders, run, survey
from flows.write import Outcome

log = logging.getLogger(__name__)


def ingest_once(source: str, db: str, options: Options, dask_address: str | None = None) -> Outcome:
    """`jixiao ingest`: when nothing is new, record the run without starting Prefect (its local API takes
    seconds to start); otherwise run the flow in this process."""
    with warehouse_lock(db):
        _, plan = survey(source, db, output_folders(db, options))
        if not plan.to_parse or stop.requested.is_set():  # stopped already: Prefect is not started
            return run(source, db, options, parse=None)
        from flows.ingest import ingest, with_dask  # Prefect is imported only when there is work

        parsers = None if dask_address else options.workers or default_workers()
        threading.Thread(target=_warm_up, args=(parsers,), name="jixiao-warm-up", daemon=True).start()
        chosen = with_dask(dask_address) if dask_address else ingest
        return chosen(source, db, options.quarantine_dir, options.report_dir, options.chunk_size,
                      options.workers, options.file_timeout)


def _warm_up(parsers: int | None) -> None:
    """While Prefect's local API starts (~6 s in which this process mostly waits for it), import
    great-expectations for the checks (~3.5 s) and start the parser pool (unless a Dask cluster parses).
    A failure here is only logged: the run meets it again where it needs the thing, and reports it there."""
    try:
        import expectations.suite  # noqa: F401

        if parsers:
            start_pool(parsers)
    except Exception:  # noqa: BLE001
        log.debug("warm-up failed", exc_info=True)

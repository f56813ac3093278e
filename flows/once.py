"""`jixiao ingest`: one run in this process. Prefect is started only when it has somewhere to report to.

With no Prefect server configured (PREFECT_API_URL unset) a run in Prefect would start a throw-away local
API that nobody looks at: ~6 s of wall and CPU, more than a night's parsing of a few forms. Such a run
calls the same pipeline directly, on the same parser pool. With PREFECT_API_URL set, or a Dask cluster
to parse on, it runs as the Prefect flow, visible in that server's UI.
"""
from __future__ import annotations

import logging
import os
import threading

from flows import progress, stop
from flows.lock import warehouse_lock
from flows.parse import default_workers, parse_stream, start_pool
from flows.pipeline import Options, ParseStep, run, survey
from flows.write import Outcome

log = logging.getLogger(__name__)


def ingest_once(source: str, db: str, options: Options, dask_address: str | None = None) -> Outcome:
    """`jixiao ingest`: when nothing is new, record the run without parsing anything."""
    with warehouse_lock(db):
        _, plan = survey(source, db, options)
        if not plan.to_parse or stop.requested.is_set():  # stopped already: nothing is parsed
            return run(source, db, options, parse=None)
        parsers = None if dask_address else options.workers or default_workers()
        warm_up = threading.Thread(target=_warm_up, args=(parsers, options.data_docs), name="jixiao-warm-up",
                                   daemon=True)
        warm_up.start()
        try:
            if dask_address or os.environ.get("PREFECT_API_URL"):
                from flows.ingest import ingest, with_dask  # Prefect is imported only when it is used

                chosen = with_dask(dask_address) if dask_address else ingest
                return chosen(source, db, options.quarantine_dir, options.report_dir, options.chunk_size,
                              options.workers, options.file_timeout, options.reprocess,
                              data_docs=options.data_docs)
            return run(source, db, options, _parse_here(options))
        finally:
            # A run that fails at once must not exit mid-import: the interpreter would cut the warm-up
            # thread off and print half a traceback under the one-line error.
            warm_up.join()


def _parse_here(options: Options) -> ParseStep:
    def parse(files):
        bar = progress.current.get()
        return parse_stream(files, options.file_timeout, options.workers or default_workers(),
                            on_done=lambda n: bar.advance("parse", n))
    return parse


def _warm_up(parsers: int | None, data_docs: bool) -> None:
    """While the files are surveyed and the first ones parsed, start the parser pool (unless a Dask
    cluster parses) and, for a run that builds GX's Data Docs, import great-expectations (seconds). A
    failure here is only logged: the run meets it again where it needs the thing, and reports it there."""
    try:
        if parsers:
            start_pool(parsers, wait=False)  # the forkserver starts while great-expectations is imported
        if data_docs:
            import expectations.gx_engine  # noqa: F401
    except Exception:  # noqa: BLE001
        log.debug("warm-up failed", exc_info=True)

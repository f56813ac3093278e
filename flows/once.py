"""`jixiao ingest`: one run in this process, without paying Prefect's start-up when nothing is new."""
from __future__ import annotations

from flows.lock import warehouse_lock
from flows.pipeline import Options, run, survey
from flows.write import Outcome


def ingest_once(source: str, db: str, options: Options, dask_address: str | None = None) -> Outcome:
    """`jixiao ingest`: when nothing is new, record the run without starting Prefect (its local API takes
    seconds to start); otherwise run the flow in this process."""
    with warehouse_lock(db):
        _, plan = survey(source, db)
        if not plan.to_parse:
            return run(source, db, options, parse=None)
        from flows.ingest import ingest, with_dask  # Prefect is imported only when there is work

        chosen = with_dask(dask_address) if dask_address else ingest
        return chosen(source, db, options.quarantine_dir, options.report_dir, options.chunk_size,
                      options.workers, options.file_timeout)



"""The Prefect flow `ingest(source, db)`, on threads, on a Dask cluster, or served on a schedule."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner

from flows import progress, stop
from flows.files import SourceFile
from flows.parse import Parsed, close_pools, default_workers, parse_files
from flows.pipeline import Options, run, survey
from flows.write import Outcome


@task(retries=2, retry_delay_seconds=5, cache_policy=NO_CACHE)
def parse_chunk(files: list[SourceFile], file_timeout: float, workers: int) -> list[Parsed]:
    """A chunk of files per task (a task run costs the API a round trip; a file does not). Errors inside
    a file are results; anything raised here (a pool that cannot start, a lost worker) is retried."""
    bar = progress.current.get()
    if stop.requested.is_set():  # queued before the run was asked to stop: the next run parses these
        return []
    return parse_files(files, file_timeout, workers or default_workers(),
                       on_done=lambda n: bar.advance("parse", n))


def _parse_in_tasks(options: Options):
    def parse(files: list[SourceFile]) -> Iterator[Parsed]:
        """Every chunk is submitted at once (the task runner runs two at a time); results are yielded
        chunk by chunk and each future is dropped once read, so parsed files wait in memory only
        until the run checks them."""
        chunks = deque(files[i:i + options.chunk_size] for i in range(0, len(files), options.chunk_size))
        futures = deque(parse_chunk.submit(chunk, options.file_timeout, options.workers) for chunk in chunks)
        while futures and not stop.requested.is_set():
            chunk, future = chunks.popleft(), futures.popleft()
            while not stop.requested.is_set() and not future.wrapped_future.done():
                future.wait(timeout=0.2)
            if stop.requested.is_set():
                return
            future.wait()  # done: this only brings its final state from the runner
            state = future.state
            if state.is_completed():
                yield from future.result()
            else:  # retries spent (a pool that cannot start, a lost worker): nothing is known of the files
                reason = f"parsing failed after retries: {state.message}; retried next run"
                yield from (Parsed(f, None, reason, transient=True) for f in chunk)
    return parse


# Chunk tasks feed one process pool that already keeps every CPU busy; two at a time so the next
# chunk's files are queued while the last files of the one before finish.
@flow(name="jixiao-ingest", task_runner=ThreadPoolTaskRunner(max_workers=2), log_prints=True)
def ingest(source: str, db: str, quarantine_dir: str | None = None, report_dir: str | None = None,
           chunk_size: int = 16, workers: int = 0, file_timeout: float = 300.0) -> Outcome:
    """List the PDFs under `source`, parse the new ones, check them, and load them into `db`."""
    options = Options(quarantine_dir, report_dir, chunk_size, workers, file_timeout)
    stop.take_signals()  # back from Prefect's engine, for a supervised `jixiao ingest` (flows/stop.py)
    try:
        return run(source, db, options, _parse_in_tasks(options), prefect_flow_run_id=flow_run.id)
    finally:
        close_pools()  # a served deployment must not keep idle parser processes between nights


def with_dask(address: str):
    """The same flow on a dask.distributed cluster: chunks go to its workers."""
    from prefect_dask import DaskTaskRunner

    return ingest.with_options(task_runner=DaskTaskRunner(address=address))


def serve(source: str, db: str, cron: str, options: Options) -> None:
    """The nightly deployment; needs a Prefect server (PREFECT_API_URL), see docs/operations.md."""
    ingest.serve(name="nightly", cron=cron,
                 parameters={"source": source, "db": db, "quarantine_dir": options.quarantine_dir,
                             "report_dir": options.report_dir, "chunk_size": options.chunk_size,
                             "workers": options.workers, "file_timeout": options.file_timeout})

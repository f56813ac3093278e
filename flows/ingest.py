"""The Prefect flow `ingest(source, db)`, on threads, on a Dask cluster, or served on a schedule."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_link_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.states import Failed, State
from prefect.task_runners import ThreadPoolTaskRunner

from flows import progress, stop
from flows.files import SourceFile
from flows.parse import Parsed, close_pools, default_workers, parse_files
from flows.pipeline import Options, run
from flows.write import Outcome

DEPLOYMENT = "nightly"


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


def _publish(outcome: Outcome) -> None:
    """The run's counts and its report as artifacts on the flow run (the Prefect UI's Artifacts tab)."""
    counts = {k: v for k, v in vars(outcome).items() if k not in ("report_path", "status", "deferred")}
    counts["files_left_for_next_run"] = len(outcome.deferred)
    create_table_artifact([{"count": k, "value": v} for k, v in counts.items()], key="jixiao-run-counts",
                          description="files and findings of this jixiao ingest run")
    if outcome.report_path:
        create_link_artifact(Path(outcome.report_path).resolve().as_uri(), link_text="data-quality report",
                             key="jixiao-report", description="the run's HTML data-quality report")


# Chunk tasks feed one process pool that already keeps every CPU busy; two at a time so the next
# chunk's files are queued while the last files of the one before finish.
@flow(name="jixiao-ingest", task_runner=ThreadPoolTaskRunner(max_workers=2), log_prints=True)
def ingest(source: str, db: str, quarantine_dir: str | None = None, report_dir: str | None = None,
           chunk_size: int = 16, workers: int = 0, file_timeout: float = 300.0, reprocess: bool = False,
           fail_on: str = "never", data_docs: bool = False) -> Outcome | State:
    """List the files under `source`, parse the new ones, check them, and load them into `db`.

    The flow run ends Failed when the run could not complete (the error is raised) or, by `fail_on`
    (error | warning | never), when it quarantined files or raised findings; the served nightly
    deployment fails on errors, so the UI and notifications show a night that needs a look."""
    options = Options(quarantine_dir, report_dir, chunk_size, workers, file_timeout, reprocess, data_docs)
    stop.take_signals()  # back from Prefect's engine, for a supervised `jixiao ingest` (flows/stop.py)
    try:
        outcome = run(source, db, options, _parse_in_tasks(options), prefect_flow_run_id=flow_run.id)
    finally:
        close_pools()  # a served deployment must not keep idle parser processes between nights
    _publish(outcome)
    failure = outcome.failure(fail_on)
    if failure:
        return Failed(message=f"{failure}; report: {outcome.report_path}", data=outcome)
    return outcome


def with_dask(address: str):
    """The same flow on a dask.distributed cluster: chunks go to its workers."""
    from prefect_dask import DaskTaskRunner

    return ingest.with_options(task_runner=DaskTaskRunner(address=address))


def serve(source: str, db: str, options: Options, cron: str | None, interval: float | None,
          fail_on: str) -> None:
    """Register the nightly deployment with its schedule on the Prefect server at PREFECT_API_URL and run
    its flow runs until stopped (flow runs execute in child processes of this one)."""
    schedule = {"interval": timedelta(seconds=interval)} if interval else {"cron": cron}
    ingest.serve(name=DEPLOYMENT, limit=1, print_starting_message=False, **schedule,
                 parameters={"source": source, "db": db, "quarantine_dir": options.quarantine_dir,
                             "report_dir": options.report_dir, "chunk_size": options.chunk_size,
                             "workers": options.workers, "file_timeout": options.file_timeout,
                             "reprocess": False, "fail_on": fail_on, "data_docs": options.data_docs})

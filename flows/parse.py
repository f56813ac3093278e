"""Parse files in worker processes: camelot is CPU-bound, and a file whose parse hangs must be killable.

pebble's ProcessPool gives each file its own time limit and replaces a worker that is killed or dies.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
import resource
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout, as_completed
from dataclasses import dataclass

from pebble import ProcessExpired, ProcessPool

from flows.files import SourceFile
from transform.facts import Facts


@dataclass
class Parsed:
    file: SourceFile
    facts: Facts | None = None
    error: str | None = None  # why the file is quarantined


def parse_file(path: str, file_name: str) -> tuple[Facts | None, str | None]:
    """Extract and transform one file of any format; an input the pipeline cannot read is an answer, not a crash."""
    from extract import ExtractError, read_document
    from transform import UnknownForm, build_facts

    try:
        return build_facts(read_document(path), file_name), None
    except ExtractError as err:
        return None, f"unreadable file: {err}"
    except UnknownForm as err:
        return None, f"not a known 绩效自评表 form: {err}"
    except Exception as err:  # noqa: BLE001 — a parser bug on one file must not stop the run
        return None, f"parser failed: {type(err).__name__}: {err}"


# Address space of one parser process. A decompression bomb (a page stream that inflates to gigabytes)
# makes pdfium abort at this limit instead of exhausting the machine; a scan's OCR peaks near 1.6 GiB.
WORKER_MEMORY_LIMIT = 3 << 30

_pools: dict[int, ProcessPool] = {}
_pools_lock = threading.Lock()


def shared_pool(workers: int) -> ProcessPool:
    """This process's parser pool of `workers` processes, started on first use and kept for every
    later chunk, so its start-up (a forkserver, the parser's imports) is paid once per run, not per chunk."""
    with _pools_lock:
        pool = _pools.get(workers)
        if pool is None or not pool.active:
            # forkserver: workers start from a clean process with the parser preloaded, never from a
            # fork of a process that runs threads (Prefect's, Dask's).
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["extract", "transform"])
            pool = _pools[workers] = ProcessPool(max_workers=workers, context=context,
                                                 initializer=_limit_memory, initargs=(WORKER_MEMORY_LIMIT,))
        return pool


def start_pool(workers: int) -> None:
    """Start the shared pool's processes now (pebble starts them at the first file otherwise)."""
    shared_pool(workers).schedule(os.getpid).result()


def _limit_memory(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _died(err: ProcessExpired) -> str:
    how = f"signal {signal.Signals(-err.exitcode).name}" if err.exitcode < 0 else f"exit code {err.exitcode}"
    return (f"parser process died ({how}): out of memory (a decompression bomb?) over the "
            f"{WORKER_MEMORY_LIMIT >> 30} GiB limit, or a crash in the PDF library")


@atexit.register
def close_pools() -> None:
    with _pools_lock:
        for pool in _pools.values():
            pool.stop()
            pool.join()
        _pools.clear()


def parse_stream(files: list[SourceFile], timeout: float, workers: int,
                 on_done: Callable[[int], None] | None = None) -> Iterator[Parsed]:
    """Parse `files` on the shared pool of `workers` processes, each file within `timeout` seconds,
    yielding each as it is done (every file is queued at once, so the pool never waits for the reader)."""
    pool = shared_pool(max(1, workers))
    futures = {pool.schedule(parse_file, args=(f.fs_path, f.file_name), timeout=timeout): f for f in files}
    for future in as_completed(futures):
        f = futures.pop(future)
        try:
            facts, error = future.result()
        except FutureTimeout:
            facts, error = None, f"time limit exceeded: parsing took over {timeout:g} s"
        except ProcessExpired as err:
            facts, error = None, _died(err)
        if on_done:
            on_done(1)
        yield Parsed(f, facts, error)


def parse_files(files: list[SourceFile], timeout: float, workers: int,
                on_done: Callable[[int], None] | None = None) -> list[Parsed]:
    """`parse_stream`, gathered in the files' order."""
    return sorted(parse_stream(files, timeout, workers, on_done), key=lambda p: p.file.source_path)


def default_workers() -> int:
    return len(os.sched_getaffinity(0))

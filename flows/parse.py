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
from concurrent.futures import FIRST_COMPLETED, CancelledError, TimeoutError as FutureTimeout, wait
from dataclasses import dataclass

from pebble import ProcessExpired, ProcessPool

from flows import stop
from flows.files import SourceFile, read_regular
from flows.gc_policy import collect_rarely
from flows.stop import die_with_parent
from transform.facts import FactRows


@dataclass
class Parsed:
    file: SourceFile
    facts: FactRows | None = None  # the document's facts as rows: frames are built per slice of files
    error: str | None = None  # why the file is quarantined, or (transient) why it waits for the next run
    transient: bool = False   # the failure says nothing about the content: not recorded, parsed next run


def parse_file(path: str, file_name: str, sha256: str) -> tuple[FactRows | None, str | None, bool]:
    """Extract and transform one file of any format: (facts, error, transient). The file is read once and
    its bytes are parsed only if they are those the survey hashed (`sha256`): facts are always keyed by the
    content they came from. An input the pipeline cannot read is an answer, not a crash."""
    import hashlib

    from extract import ExtractError, read_document
    from transform import UnknownForm, document_rows

    try:
        data = read_regular(path)
    except OSError as err:  # gone, unreadable or replaced by a FIFO since the survey: look again next run
        return None, f"cannot read the file now: {err.strerror or err}; retried next run", True
    if hashlib.sha256(data).hexdigest() != sha256:
        return None, "the file changed during the run; it is read again next run", True
    try:
        return document_rows(read_document(data), file_name), None, False
    except ExtractError as err:
        return None, f"unreadable file: {err}", False
    except UnknownForm as err:
        return None, f"not a known 绩效自评表 form: {err}", False
    except MemoryError:
        return None, f"out of memory over the {WORKER_MEMORY_LIMIT >> 30} GiB limit (a decompression bomb?)", False
    except Exception as err:  # noqa: BLE001 — a parser bug on one file must not stop the run
        return None, f"parser failed: {type(err).__name__}: {err}", False


# What a parser process imports before its first file (the forkserver preloads them): the readers
# themselves, since the packages' __init__ only name them lazily.
PARSER_MODULES = ["extract.read", "transform.document"]

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
            context.set_forkserver_preload(PARSER_MODULES)
            pool = _pools[workers] = ProcessPool(max_workers=workers, context=context,
                                                 initializer=_start_worker, initargs=(WORKER_MEMORY_LIMIT,))
        return pool


def start_pool(workers: int, wait: bool = True) -> None:
    """Start the shared pool's processes now (pebble starts them at the first file otherwise); without
    `wait`, while the caller goes on (the workers start in pebble's own threads and processes)."""
    started = shared_pool(workers).schedule(os.getpid)
    if wait:
        started.result()


def _start_worker(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    collect_rarely()
    die_with_parent()  # a worker never outlives the forkserver that started it


def _died(err: ProcessExpired) -> tuple[str, bool]:
    """Why a worker died, and whether that is transient. SIGKILL comes from outside (the OOM killer, an
    operator): it says nothing about the file. Anything else (an abort at the address-space limit, a
    crash in the PDF library) happened on this content, and would happen again."""
    if err.exitcode == -signal.SIGKILL:
        return "parser process killed from outside (SIGKILL: the OOM killer?); retried next run", True
    how = f"signal {signal.Signals(-err.exitcode).name}" if err.exitcode < 0 else f"exit code {err.exitcode}"
    return (f"parser process died ({how}): out of memory (a decompression bomb?) over the "
            f"{WORKER_MEMORY_LIMIT >> 30} GiB limit, or a crash in the PDF library"), False


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
    yielding each as it is done (every file is queued at once, so the pool never waits for the reader).
    When the run is asked to stop, the files not parsed yet are dropped (the next run parses them)."""
    pool = shared_pool(max(1, workers))
    futures = {pool.schedule(parse_file, args=(f.fs_path, f.file_name, f.sha256), timeout=timeout): f
               for f in files}
    pending = set(futures)
    try:
        while pending and not stop.requested.is_set():
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                if on_done:
                    on_done(1)
                # popped: a future keeps its file's facts, and the run must not hold every file's at once
                yield _result(futures.pop(future), future, timeout)
    finally:
        for future in pending:
            future.cancel()


def parse_files(files: list[SourceFile], timeout: float, workers: int,
                on_done: Callable[[int], None] | None = None) -> list[Parsed]:
    """`parse_stream`, gathered in the files' order."""
    return sorted(parse_stream(files, timeout, workers, on_done), key=lambda p: p.file.source_path)


def _result(f: SourceFile, future, timeout: float) -> Parsed:
    try:
        return Parsed(f, *future.result())
    except FutureTimeout:
        return Parsed(f, None, f"time limit exceeded: parsing took over {timeout:g} s")
    except ProcessExpired as err:
        return Parsed(f, None, *_died(err))
    except (CancelledError, RuntimeError, OSError) as err:  # the pool was stopped or broke: not the file's fault
        return Parsed(f, None, f"parser pool failed: {err or type(err).__name__}; retried next run", True)


def default_workers() -> int:
    return len(os.sched_getaffinity(0))

"""One ingest per warehouse at a time: a lock file beside the DuckDB file."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout


class WarehouseBusy(RuntimeError):
    pass


@contextmanager
def warehouse_lock(db: str | Path, wait: float = 0) -> Iterator[None]:
    """Held for a whole run; re-entrant within one process (the CLI plans, then runs the flow)."""
    lock = FileLock(f"{Path(db).resolve()}.lock", timeout=wait, is_singleton=True)
    try:
        lock.acquire()
    except Timeout:
        raise WarehouseBusy(f"another jixiao ingest is already running on {db} "
                            f"(lock {lock.lock_file}); run again when it has finished") from None
    try:
        yield
    finally:
        lock.release()
        if not lock.is_locked:  # the outermost holder: leave no <db>.lock behind. filelock sees a lock
            Path(lock.lock_file).unlink(missing_ok=True)  # taken on an unlinked file and tries again


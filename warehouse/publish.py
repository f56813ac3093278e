"""Readers never stop the writer: a run writes a private copy of the warehouse file and publishes it by
renaming it over the warehouse (atomic on one filesystem).

DuckDB admits either one writing process or any number of readers on a file, so an analyst's read-only
connection (a notebook, DBeaver) left open all night would block or crash a run writing the file in
place. Here the run takes DuckDB's lock only on its copy; an open reader keeps the file it opened (its
snapshot, whole and consistent) until it reconnects, and a connection opened after a publish sees the
new one. A write that fails (disk full, a kill) leaves the published warehouse as it was.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb


class WarehouseUnreadable(RuntimeError):
    """The warehouse file exists but DuckDB cannot read it (corrupt, not a DuckDB file, no permission)."""


def work_path(db: Path) -> Path:
    """The private copy a run writes, beside the warehouse (a rename is atomic only within a filesystem)."""
    return db.with_name(db.name + ".writing")


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


@contextlib.contextmanager
def writable_copy(db: Path) -> Iterator[Path]:
    """A copy of `db` to write; published over `db` when the block ends without an error, dropped otherwise."""
    work = work_path(db)
    _remove(work)  # a copy left by a killed run: never published, so nothing in it is lost
    if db.exists():
        shutil.copyfile(db, work)
        shutil.copymode(db, work)
        if _wal(db).exists():  # changes a killed writer committed but never checkpointed into the file
            shutil.copyfile(_wal(db), _wal(work))
    try:
        yield work
        if _wal(work).exists():
            raise RuntimeError(f"{work} was not checkpointed; not published")
        with open(work, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(work, db)
        _wal(db).unlink(missing_ok=True)  # it belonged to the file just replaced, and is in the new one
    finally:
        _remove(work)


def _remove(work: Path) -> None:
    work.unlink(missing_ok=True)
    _wal(work).unlink(missing_ok=True)


def check_readable(db: Path) -> None:
    """Fail with one clear line when `db` exists but cannot be read as a DuckDB warehouse."""
    if not db.exists():
        return
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()
    except duckdb.Error as err:
        message = " ".join(str(err).split())
        raise WarehouseUnreadable(f"the warehouse {db} cannot be read: {message}") from None

"""What a run is given, checked before anything starts: an unmounted share must not pass for a quiet night."""
from __future__ import annotations

import os
from pathlib import Path

from warehouse.publish import WarehouseUnreadable, check_readable


class BadInput(ValueError):
    """The operator's arguments cannot make a run; the message says which and why, in one line."""


def check_inputs(source: str | Path, db: str | Path) -> None:
    """`source` is a readable folder; `db` names a file (existing or not) in an existing folder."""
    src = Path(source)
    if not src.exists():
        raise BadInput(f"source folder {source} does not exist (an unmounted share?)")
    if not src.is_dir():
        raise BadInput(f"source {source} is a file; give the folder that holds the forms")
    if not os.access(src, os.R_OK | os.X_OK):
        raise BadInput(f"source folder {source} cannot be read by this user")
    try:
        with os.scandir(src):
            pass
    except OSError as err:
        raise BadInput(f"source folder {source} cannot be read: {err.strerror or err}") from None
    target = Path(db)
    if target.is_dir():
        raise BadInput(f"--db {db} is a folder; give the path of the warehouse file (e.g. {target / 'warehouse.duckdb'})")
    if not target.resolve().parent.is_dir():
        raise BadInput(f"--db {db}: its folder {target.resolve().parent} does not exist")
    try:
        check_readable(target)  # corrupt, not a DuckDB file, no permission: checked even when nothing is new
    except WarehouseUnreadable as err:
        raise BadInput(str(err)) from None


def output_folders(db: str | Path, quarantine_dir: str | None, report_dir: str | None) -> tuple[Path, Path]:
    """The quarantine and report folders as absolute paths (relative ones are taken from the working
    directory; the defaults sit beside the warehouse file)."""
    home = Path(db).resolve().parent
    return (Path(quarantine_dir or home / "quarantine").resolve(), Path(report_dir or home / "reports").resolve())


def create_output_folders(quarantine: Path, reports: Path) -> None:
    """Created before any file is parsed: a run that could not keep its bad files or its report stops."""
    for what, folder in (("quarantine", quarantine), ("report", reports)):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise BadInput(f"cannot create the {what} folder {folder}: {err.strerror or err}") from None

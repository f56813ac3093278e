"""Open the warehouse file and bring its schema up to date from the SQL files in sql/."""
from __future__ import annotations

from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).with_name("sql")


def connect(db: str | Path, read_only: bool = False, refresh: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection to `db`; a writable one also creates or refreshes every table and view, unless
    `refresh` is False (a writer that already did so this run: it costs ~0.15 s a connection)."""
    con = duckdb.connect(str(db), read_only=read_only)
    if not read_only and refresh:
        for sql_file in sorted(SQL_DIR.glob("*.sql")):
            con.execute(sql_file.read_text(encoding="utf-8"))
    return con

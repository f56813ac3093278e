"""Open the warehouse file and bring its schema up to date: versioned migrations, then the SQL files.

sql/ holds the current schema (tables, views, comments), every statement idempotent: a new warehouse is
made from it alone. migrations/NNN_*.sql change the tables of a warehouse made by an earlier release, in
order, each in its own transaction, recorded in `schema_migrations`. Version 1 is the schema of the
releases before migrations existed. A change to a table in sql/ needs a migration too
(tests/test_migrations.py compares a new warehouse with an upgraded one).
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).with_name("sql")
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BASE_VERSION = 1  # the schema before migrations: what a warehouse without schema_migrations holds


def migrations() -> list[tuple[int, Path]]:
    """(version, file) of every migration, in order."""
    found = [(int(re.match(r"\d+", p.name).group()), p) for p in MIGRATIONS_DIR.glob("[0-9]*.sql")]
    return sorted(found)


def latest_version() -> int:
    return max([BASE_VERSION, *(v for v, _ in migrations())])


def _sql_digest() -> str:
    """The current schema's text: the SQL files run again only when it changed (views, comments)."""
    digest = hashlib.sha256()
    for path in sorted(SQL_DIR.glob("*.sql")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def connect(db: str | Path, read_only: bool = False, refresh: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection to `db`; a writable one is first brought up to date (`upgrade`), unless `refresh` is
    False (a writer that already did so this run)."""
    con = duckdb.connect(str(db), read_only=read_only)
    if not read_only and refresh:
        upgrade(con)
    return con


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """0 for an empty file, BASE_VERSION for a warehouse older than migrations, else the last applied."""
    tables = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
                                        ).fetchall()}
    if "schema_migrations" in tables:
        return con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or BASE_VERSION
    return BASE_VERSION if "runs" in tables else 0


def upgrade(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations this warehouse lacks, then (when they changed) the SQL files; returns the
    version it started from (0: a new warehouse)."""
    start = schema_version(con)
    digest = _sql_digest()
    if start == latest_version() and con.execute(
            "SELECT sql_digest FROM schema_migrations ORDER BY version DESC LIMIT 1").fetchone()[0] == digest:
        return start
    con.execute((SQL_DIR / "00_schema_migrations.sql").read_text(encoding="utf-8"))
    pending = [] if start == 0 else [(v, p) for v, p in migrations() if v > start]
    for version, path in pending:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, path.stem])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    con.execute("BEGIN TRANSACTION")
    for sql_file in sorted(SQL_DIR.glob("*.sql")):
        con.execute(sql_file.read_text(encoding="utf-8"))
    con.execute("INSERT INTO schema_migrations (version, name, sql_digest) VALUES (?, ?, ?) "
                "ON CONFLICT (version) DO UPDATE SET sql_digest = excluded.sql_digest, applied_at = now()",
                [latest_version(), "created" if start == 0 else "current", digest])
    con.execute("COMMIT")
    return start

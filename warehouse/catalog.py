"""What the warehouse already holds, for planning a run (read-only, quick)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from warehouse.publish import check_readable

COLUMNS = ["source_path", "sha256", "status", "parser_version", "error"]


def catalogue(db: str | Path) -> pd.DataFrame:
    """Every documents row (path, content, status, parser version); empty if the file does not exist yet."""
    if not Path(db).exists():
        return pd.DataFrame(columns=COLUMNS)
    check_readable(Path(db))
    with duckdb.connect(str(db), read_only=True) as con:
        if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'documents'").fetchone()[0]:
            return pd.DataFrame(columns=COLUMNS)
        return con.execute(f"SELECT {', '.join(COLUMNS)} FROM documents").df()

"""The warehouse's facts and findings as files for people without SQL: Parquet, CSV (UTF-8 with a BOM,
so Excel on a Chinese Windows reads it as UTF-8, not GBK) or one Excel workbook."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

FORMATS = ("parquet", "csv", "xlsx")
# name -> query: the documents, the four fact tables, and the findings on the current documents.
TABLES = {
    "documents": "SELECT * FROM documents ORDER BY source_path, sha256",
    "evaluations": "SELECT * FROM evaluations ORDER BY doc_id, evaluation_no",
    "budget_lines": "SELECT * FROM budget_lines ORDER BY doc_id, evaluation_no, line_no",
    "goals": "SELECT * FROM goals ORDER BY doc_id, evaluation_no, goal_no",
    "indicators": "SELECT * FROM indicators ORDER BY doc_id, evaluation_no, indicator_no",
    "findings": "SELECT * FROM v_dq_findings ORDER BY finding_id",
}
EXCEL_MAX_ROWS = 1_048_575  # a sheet's rows, less the header


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: Path) -> list[Path]:
    """parquet/csv: one file per table in the folder `out`; xlsx: one sheet per table in the file `out`."""
    if fmt == "xlsx":
        out.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(out, engine="openpyxl") as book:
            for name, sql in TABLES.items():
                frame = _for_excel(con.execute(sql).df())
                if len(frame) > EXCEL_MAX_ROWS:
                    raise ValueError(f"{name} has {len(frame)} rows, more than an Excel sheet holds; "
                                     "export as parquet or csv")
                frame.to_excel(book, sheet_name=name, index=False)
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, sql in TABLES.items():
        target = out / f"{name}.{fmt}"
        if fmt == "parquet":
            con.execute(f"COPY ({sql}) TO '{_quoted(target)}' (FORMAT parquet)")
        else:
            con.execute(sql).df().to_csv(target, index=False, encoding="utf-8-sig")
        written.append(target)
    return written


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _for_excel(frame: pd.DataFrame) -> pd.DataFrame:
    """Excel has no time zones: timestamps are written in UTC without one."""
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.DatetimeTZDtype):
            frame[column] = frame[column].dt.tz_convert("UTC").dt.tz_localize(None)
    return frame

"""An auditor's acknowledgements of findings (dq_acks): written by `jixiao findings ack`, read by each run.

An acknowledgement names what a finding is about (document content, evaluation, indicator or line, rule),
not the finding's number: the next run or a re-parse of the same content finds the same break under a new
number, and it is still acknowledged.
"""
from __future__ import annotations

import duckdb
import pandas as pd

ACK_KEYS = ["doc_id", "evaluation_no", "indicator_no", "line_no", "rule"]


class NoSuchFinding(LookupError):
    pass


def acknowledge(con: duckdb.DuckDBPyConnection, finding_id: int, note: str) -> dict:
    """Record the auditor's note on finding `finding_id`; returns what was acknowledged."""
    found = con.execute(f"SELECT {', '.join(ACK_KEYS)}, message FROM dq_results WHERE finding_id = ?",
                        [finding_id]).fetchall()
    if not found:
        raise NoSuchFinding(f"no finding {finding_id} in the warehouse (see jixiao findings)")
    keys = dict(zip([*ACK_KEYS, "message"], found[0]))
    con.execute(f"INSERT INTO dq_acks ({', '.join(ACK_KEYS)}, finding_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [keys[k] for k in ACK_KEYS] + [finding_id, note])
    return keys


def acknowledged(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The latest note per acknowledged finding key (ACK_KEYS + note)."""
    return con.execute(
        f"SELECT {', '.join(ACK_KEYS)}, note FROM dq_acks "
        f"QUALIFY row_number() OVER (PARTITION BY {', '.join(ACK_KEYS)} ORDER BY acked_at DESC) = 1").df()

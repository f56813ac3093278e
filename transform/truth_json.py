"""Facts → the documents' JSON in the shape of the acceptance truth (shared/corpus/TRUTH_SCHEMA.md).

Amounts are given in yuan (`amounts_in`), as the warehouse holds them, so JSON and warehouse
always agree.
"""
from __future__ import annotations

import math

import pandas as pd

from transform.facts import Facts
from transform.values import number

EVALUATION_FIELDS = ["scope", "project_name", "project_code", "implementing_unit", "supervising_unit",
                     "supervising_unit_code", "unit_code", "period", "is_key_project", "project_nature"]
INDICATOR_FIELDS = ["goal_no", "level1", "level1_points", "level2", "name", "target_op_text", "target_text", "measure_unit",
                    "actual_text", "weight", "score", "deviation", "scoring_method"]


def _plain(value):
    """pandas/numpy scalars and missing values → JSON-ready Python values."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _rows(frame: pd.DataFrame, doc_id: str, evaluation_no: int | None = None) -> list[dict]:
    sel = frame[frame.doc_id == doc_id]
    if evaluation_no is not None:
        sel = sel[sel.evaluation_no == evaluation_no]
    return [{k: _plain(v) for k, v in row.items()} for row in sel.to_dict("records")]


def _amounts(line: dict, money_unit: str | None) -> dict:
    """In yuan; as printed when the form states no unit (the warehouse then has no yuan figures)."""
    fields = ("initial_budget", "annual_budget", "executed")
    if money_unit:
        return {f: line[f"{f}_yuan"] for f in fields}
    return {f: number(line[f"{f}_text"]) for f in fields}


def facts_to_json(facts: Facts) -> list[dict]:
    out = []
    for doc in [{k: _plain(v) for k, v in r.items()} for r in facts.documents.to_dict("records")]:
        evaluations = []
        for ev in _rows(facts.evaluations, doc["doc_id"]):
            no = ev["evaluation_no"]
            evaluations.append({
                **{k: ev[k] for k in EVALUATION_FIELDS},
                "budget": [{"fund_source": b["fund_source"], **_amounts(b, doc["money_unit"]),
                            "execution_rate": b["execution_rate"], "execution_rate_text": b["execution_rate_text"],
                            "weight": b["weight"], "score": b["score"]}
                           for b in _rows(facts.budget_lines, doc["doc_id"], no)],
                "goals": [{k: g[k] for k in ("goal_no", "weight", "target_text", "actual_text")}
                          for g in _rows(facts.goals, doc["doc_id"], no)],
                "indicators": [{k: i[k] for k in INDICATOR_FIELDS}
                               for i in _rows(facts.indicators, doc["doc_id"], no)],
                "total_score": ev["total_score"], "notes": ev["notes"],
            })
        out.append({"document": {"file": doc["file_name"], "title": doc["title"], "layout": doc["layout"],
                                 "fiscal_year": doc["fiscal_year"], "money_unit": doc["money_unit"],
                                 "amounts_in": "元" if doc["money_unit"] else None, "issuer": doc["issuer"],
                                 "region": {"province": doc["province"], "city": doc["city"],
                                            "district": doc["district"]},
                                 "pages": doc["pages"]},
                    "evaluations": evaluations})
    return out

"""The fact frames transform/ produces: one dataclass, columns fixed in docs/architecture.md."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

PROVENANCE = ["table", "row", "page", "x0", "y0", "x1", "y1", "locator"]
# value_cells.frame → the key column its row_no stands for (evaluations: none, row_no is null).
ROW_KEYS = {"evaluations": None, "budget_lines": "line_no", "goals": "goal_no", "indicators": "indicator_no"}

COLUMNS: dict[str, list[str]] = {
    "documents": ["doc_id", "file_name", "title", "layout", "fiscal_year", "money_unit", "issuer",
                  "province", "city", "district", "pages", "ocr"],
    "evaluations": ["doc_id", "evaluation_no", "scope", "project_name", "project_code",
                    "implementing_unit", "supervising_unit", "supervising_unit_code", "unit_code", "period", "is_key_project",
                    "project_nature", "total_score", "total_score_text", "grade", "notes", "reading_confidence",
                    "reading_doubts", *PROVENANCE],
    "budget_lines": ["doc_id", "evaluation_no", "line_no", "fund_source", "is_total",
                     "initial_budget_yuan", "annual_budget_yuan", "executed_yuan",
                     "initial_budget_text", "annual_budget_text", "executed_text", "rate_base",
                     "execution_rate", "execution_rate_text", "weight", "score", *PROVENANCE],
    "goals": ["doc_id", "evaluation_no", "goal_no", "weight", "target_text", "actual_text", *PROVENANCE],
    "indicators": ["doc_id", "evaluation_no", "indicator_no", "goal_no", "level1", "level1_points",
                   "level2", "name", "target_op_text", "target_text", "target_op", "target_value", "target_unit",
                   "target_is_qualitative", "measure_unit", "actual_text", "actual_op", "actual_value",
                   "actual_unit", "actual_is_qualitative", "weight", "score", "deviation",
                   "scoring_method", *PROVENANCE],
    # Where each value read from a cell is printed: the evidence a finding on it points at (a 总分 on
    # a later page, the 执行率 cell of a wide summary row), one row per fact row and field. `field` is
    # the fact column read from the cell, or total_weight: the 权重 printed on the 总分 row.
    "value_cells": ["doc_id", "evaluation_no", "frame", "row_no", "field", "page", "x0", "y0", "x1", "y1",
                    "locator"],
}


# One document's facts as rows: table name → its rows, each a dict of (some of) the table's COLUMNS.
# This is what a parser process returns. Frames are built once for a set of documents (Facts.from_rows):
# a DataFrame per table per file, pickled to the run's process and concatenated there, cost ~11 ms a file
# (1.25 CPU-s per 100 generated forms, against 0.16 s for their rows built into frames once).
FactRows = dict[str, list[dict]]


@dataclass
class Facts:
    documents: pd.DataFrame
    evaluations: pd.DataFrame
    budget_lines: pd.DataFrame
    goals: pd.DataFrame
    indicators: pd.DataFrame
    value_cells: pd.DataFrame

    @classmethod
    def from_rows(cls, documents: list[FactRows]) -> Facts:
        """Frames with exactly the documented columns, in order, over the rows of these documents."""
        return cls(**{name: pd.DataFrame([row for doc in documents for row in doc.get(name, ())], columns=cols)
                      for name, cols in COLUMNS.items()})

"""The schema's contract: every column documented, the analyst views' columns, the documented queries."""
from __future__ import annotations

import re

import duckdb

from tests.conftest import ROOT

VIEW_COLUMNS = {
    "v_budget_execution": ["file_name", "fiscal_year", "province", "city", "district", "bureau", "project_name",
                           "budget_a_yuan", "executed_b_yuan", "execution_rate_declared",
                           "execution_rate_recomputed", "budget_score", "total_score"],
    "v_dq_findings": ["run_id", "file_name", "project_name", "indicator_name", "rule", "severity", "observed",
                      "expected", "page"],
}


def test_every_column_of_every_table_and_view_is_commented(sample_warehouse):
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        missing = con.execute("SELECT table_name, column_name FROM duckdb_columns() "
                              "WHERE schema_name = 'main' AND NOT internal AND comment IS NULL").fetchall()
        tables = {t for (t,) in con.execute("SELECT DISTINCT table_name FROM duckdb_columns() "
                                            "WHERE schema_name = 'main' AND NOT internal").fetchall()}
    assert missing == []
    assert {"documents", "evaluations", "budget_lines", "goals", "indicators", "value_cells", "runs", "dq_results",
            "v_budget_execution", "v_indicators", "v_bureau_year", "v_dq_findings"} <= tables


def test_analyst_views_keep_their_columns(sample_warehouse):
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        for view, columns in VIEW_COLUMNS.items():
            names = [d[0] for d in con.execute(f"SELECT * FROM {view} LIMIT 0").description]
            assert set(columns) <= set(names), view


def test_the_documented_questions_run_and_answer(sample_warehouse):
    queries = re.findall(r"```sql\n(.*?)```", (ROOT / "docs" / "warehouse.md").read_text(encoding="utf-8"), re.S)
    assert len(queries) >= 10
    answered = 0
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        for sql in queries:
            answered += bool(con.execute(sql).fetchall())
    assert answered >= 10  # most questions have answers on the five sample forms

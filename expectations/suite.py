"""The suite: each rule's expectations over the columns of its prepared frame (prepare.py), in
great-expectations' own vocabulary (an expectation type and its kwargs, as a GX suite stores them).

Two engines evaluate it: evaluate.py (pandas, every run) and gx_engine.py (great-expectations itself,
when a run builds GX's Data Docs). Importing great-expectations costs more CPU than parsing a small
night's forms, so a plain run does not; tests/test_engines.py holds the two to the same unexpected
rows, rule by rule, on real and on random frames.
"""
from __future__ import annotations

from typing import Any, NamedTuple

from expectations import vocab
from expectations.prepare import latest_fiscal_year


class Expectation(NamedTuple):
    type: str  # GX's expectation type (snake case)
    kwargs: dict[str, Any]


# column_list = [observed, expected, tolerance]: |observed - expected| ≤ tolerance on every row that has
# all three. The arithmetic rules (B/A, sums, scoring rules) derive expected and tolerance per row in
# prepare.py; this is the one comparison GX's built-ins cannot express (a per-row bound).
WITHIN = Expectation("expect_values_within_tolerance", {"column_list": ["observed", "expected", "tolerance"]})


def expectations_for(rule: str) -> list[Expectation]:
    """A rule's expectations; a rule not listed is arithmetic and tested by WITHIN."""
    return {
        "indicator_score_range": [
            Expectation("expect_column_values_to_be_between", {"column": "score", "min_value": 0}),
            Expectation("expect_column_pair_values_a_to_be_greater_than_b",
                        {"column_A": "weight", "column_B": "score", "or_equal": True,
                         "ignore_row_if": "either_value_is_missing"})],
        "budget_subline_score": [Expectation("expect_column_values_to_be_null", {"column": "observed"})],
        "reading": [Expectation("expect_column_values_to_be_null", {"column": "observed"})],
        "deviation_reason": [Expectation("expect_column_values_to_not_be_null", {"column": "observed"})],
        "cost_vs_executed": [Expectation("expect_column_pair_values_a_to_be_greater_than_b",
                                         {"column_A": "expected", "column_B": "observed", "or_equal": True})],
        "required_fields": [Expectation("expect_column_values_to_not_be_null", {"column": "observed"})],
        "amounts_nonnegative": [Expectation("expect_column_values_to_be_between",
                                            {"column": "observed", "min_value": 0})],
        "duplicate_indicators": [Expectation("expect_compound_columns_to_be_unique", {"column_list": [
            "doc_id", "evaluation_no", "goal_key", "level2", "name_key", "target_text", "actual_text"]})],
        "fiscal_year": [Expectation("expect_column_values_to_be_between", {
            "column": "observed", "min_value": vocab.FIRST_FISCAL_YEAR, "max_value": latest_fiscal_year()})],
    }.get(rule, [WITHIN])

"""The suite (suite.py) evaluated with pandas: the `_row`s of a prepared frame each expectation finds
unexpected, with great-expectations' own semantics for its types (which rows a map expectation
ignores, how missing values count). tests/test_engines.py holds it to GX's results."""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from expectations.suite import Expectation, expectations_for


def _between(frame: pd.DataFrame, column: str, min_value: float | None = None,
             max_value: float | None = None) -> pd.Series:
    values = pd.to_numeric(frame[column], errors="coerce")
    ok = pd.Series(True, index=frame.index)
    if min_value is not None:
        ok &= values >= min_value
    if max_value is not None:
        ok &= values <= max_value
    return frame[column].notna() & ~ok  # a column map expectation leaves missing values out


def _to_be_null(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].notna()


def _not_be_null(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].isna()


def _a_greater_than_b(frame: pd.DataFrame, column_A: str, column_B: str, or_equal: bool = False,
                      ignore_row_if: str = "both_values_are_missing") -> pd.Series:
    a, b = frame[column_A], frame[column_B]
    missing = {"both_values_are_missing": a.isna() & b.isna(), "either_value_is_missing": a.isna() | b.isna(),
               "neither": pd.Series(False, index=frame.index)}[ignore_row_if]
    ok = (a >= b) if or_equal else (a > b)
    return ~missing & ~ok.fillna(False).astype(bool)


def _compound_unique(frame: pd.DataFrame, column_list: list[str],
                     ignore_row_if: str = "all_values_are_missing") -> pd.Series:
    part = frame[column_list]
    missing = {"all_values_are_missing": part.isna().all(axis=1), "any_value_is_missing": part.isna().any(axis=1),
               "never": pd.Series(False, index=frame.index)}[ignore_row_if]
    considered = part[~missing]
    out = pd.Series(False, index=frame.index)
    out[considered.index] = considered.duplicated(keep=False)
    return out


def _within_tolerance(frame: pd.DataFrame, column_list: list[str]) -> pd.Series:
    observed, expected, tolerance = (pd.to_numeric(frame[c], errors="coerce") for c in column_list)
    missing = observed.isna() | expected.isna() | tolerance.isna()
    return ~missing & ((observed - expected).abs() > tolerance)


UNEXPECTED: dict[str, Callable[..., pd.Series]] = {
    "expect_column_values_to_be_between": _between,
    "expect_column_values_to_be_null": _to_be_null,
    "expect_column_values_to_not_be_null": _not_be_null,
    "expect_column_pair_values_a_to_be_greater_than_b": _a_greater_than_b,
    "expect_compound_columns_to_be_unique": _compound_unique,
    "expect_values_within_tolerance": _within_tolerance,
}


def unexpected(frames: dict[str, pd.DataFrame]) -> dict[str, set[int]]:
    """For each rule's prepared frame, the `_row`s its expectations find unexpected (as gx_engine's
    Validator.run returns them)."""
    return {rule: unexpected_rows(frame, expectations_for(rule)) if not frame.empty else set()
            for rule, frame in frames.items()}


def unexpected_rows(frame: pd.DataFrame, expectations: list[Expectation]) -> set[int]:
    """The `_row` ids of the rows any of `expectations` finds unexpected."""
    rows: set[int] = set()
    for e in expectations:
        hit = UNEXPECTED[e.type](frame, **e.kwargs)
        rows.update(int(r) for r in frame.loc[hit.to_numpy(dtype=bool), "_row"])
    return rows

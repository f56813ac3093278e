"""The five layout families, told apart by what their labels show (never by page geometry).

First match wins; each family names the features its forms print. Features are the indicator
columns seen (labels.INDICATOR_COLUMNS names), plus 'numbered_goals' (年度目标 1..N) and
'summary_rows' (one project per row under a 序号 header) and 'department_title' (整体…自评表).
"""
from __future__ import annotations

FAMILIES: list[tuple[str, str, frozenset[str]]] = [
    # layout,                scope,        features required
    ("department_summary",    "project",    frozenset({"summary_rows"})),
    ("department_overall",    "department", frozenset({"numbered_goals"})),
    ("department_overall",    "department", frozenset({"department_title"})),
    ("project_scored_method", "project",    frozenset({"scoring_method", "score"})),
    ("project_scored",        "project",    frozenset({"score"})),  # weights may be implicit (Hubei)
    ("project_unscored",      "project",    frozenset({"target", "actual"})),
]


def family(features: set[str]) -> tuple[str, str] | None:
    """(layout, scope) of a form with these features; None when no family fits."""
    for layout, scope, required in FAMILIES:
        if required <= features:
            return layout, scope
    return None

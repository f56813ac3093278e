"""Checks on a run's Facts: the form's own arithmetic and scoring rules, as great-expectations suites.

    findings = validate(facts)            # one row per finding (FINDING_COLUMNS)
    summary = summarize(facts, findings)  # checked / passed / failed per rule and document
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from expectations.prepare import prepare
from expectations.rules import RULE_BY_ID, RULES, rules_frame
from transform.facts import Facts

FINDING_COLUMNS = ["doc_id", "evaluation_no", "indicator_no", "line_no", "rule", "severity", "observed",
                   "expected", "message", "page", "x0", "y0", "x1", "y1"]
SUMMARY_COLUMNS = ["rule", "doc_id", "checked", "passed", "failed", "errors", "warnings"]

__all__ = ["FINDING_COLUMNS", "RULES", "SUMMARY_COLUMNS", "rules_frame", "summarize", "validate"]


def _findings(rule: str, frame: pd.DataFrame, rows: set[int]) -> pd.DataFrame:
    hit = frame[frame["_row"].isin(rows)]
    template = RULE_BY_ID[rule].message
    texts = hit.astype(object).where(hit.notna(), "—")
    return hit.assign(
        rule=rule,
        observed=texts["observed_text"], expected=texts["expected_text"],
        message=[template.format(**r) for r in texts.to_dict("records")],
    )[FINDING_COLUMNS]


def validate(facts: Facts, data_docs_dir: Path | None = None) -> pd.DataFrame:
    """Every rule over the whole run's facts at once; one row per finding, errors first.

    data_docs_dir: also build GX's Data Docs for the run there (for the report's link)."""
    from expectations import suite  # GX import is slow; only validation needs it

    frames = prepare(facts)
    unexpected, _ = suite.run(frames, data_docs_dir)
    parts = [_findings(rule, frames[rule], rows) for rule, rows in unexpected.items() if rows]
    if not parts:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    order = {r.id: k for k, r in enumerate(RULES)}
    out = pd.concat(parts, ignore_index=True)
    return (out.assign(_s=out["severity"].ne("error"), _r=out["rule"].map(order))
            .sort_values(["_s", "doc_id", "evaluation_no", "_r", "indicator_no", "line_no"], kind="stable")
            .drop(columns=["_s", "_r"]).reset_index(drop=True))


def summarize(facts: Facts, findings: pd.DataFrame) -> pd.DataFrame:
    """checked / passed / failed per rule and document (a rule's frame rows are what it checks)."""
    checked = pd.concat([f[["doc_id"]].assign(rule=rule) for rule, f in prepare(facts).items()],
                        ignore_index=True).value_counts(["rule", "doc_id"]).rename("checked")
    failed = findings.groupby(["rule", "doc_id"]).agg(
        failed=("severity", "size"), errors=("severity", lambda s: int((s == "error").sum())))
    docs = facts.documents["doc_id"]
    grid = pd.MultiIndex.from_product([[r.id for r in RULES], docs], names=["rule", "doc_id"])
    out = pd.DataFrame(index=grid).join(checked).join(failed).fillna(0).astype(int).reset_index()
    out["warnings"] = out["failed"] - out["errors"]
    out["passed"] = out["checked"] - out["failed"]
    return out[SUMMARY_COLUMNS]

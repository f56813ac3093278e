"""Checks on a run's Facts: the form's own arithmetic and scoring rules, as great-expectations suites.

    checks = Checks()                       # one GX context for the run
    checked = checks.check(facts, "slice 1")  # findings and per-rule counts of one slice of the run
    checks.data_docs(folder)                # GX's Data Docs over every slice checked
    findings = validate(facts)              # the same, at once, for a single set of Facts
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from expectations.prepare import prepare
from expectations.rules import RULE_BY_ID, RULES, rules_frame
from transform.facts import Facts

FINDING_COLUMNS = ["doc_id", "evaluation_no", "indicator_no", "line_no", "rule", "severity", "observed",
                   "expected", "message", "page", "x0", "y0", "x1", "y1"]
SUMMARY_COLUMNS = ["rule", "doc_id", "checked", "passed", "failed", "errors", "warnings"]

__all__ = ["FINDING_COLUMNS", "RULES", "SUMMARY_COLUMNS", "Checked", "Checks", "in_report_order", "rules_frame",
           "validate"]


@dataclass
class Checked:
    findings: pd.DataFrame  # FINDING_COLUMNS, one row per finding, in report order
    summary: pd.DataFrame   # SUMMARY_COLUMNS: checked / passed / failed per rule and document
    frames: dict[str, pd.DataFrame]  # each rule's prepared frame: the rows it checked (the report plots some)


class Checks:
    """The rules over a run's Facts, one slice of documents at a time: every rule keys on the document,
    so slices give the findings the whole run would, and a run's memory is that of one slice."""

    def __init__(self) -> None:
        from expectations import suite  # GX import is slow; only validation needs it

        self._validator = suite.Validator()

    def check(self, facts: Facts, name: str = "run") -> Checked:
        frames = prepare(facts)
        unexpected = self._validator.run(frames, name)
        parts = [_findings(rule, frames[rule], rows) for rule, rows in unexpected.items() if rows]
        findings = in_report_order(pd.concat(parts, ignore_index=True)) if parts else \
            pd.DataFrame(columns=FINDING_COLUMNS)
        return Checked(findings, _summary(frames, facts.documents["doc_id"], findings), frames)

    def data_docs(self, out_dir: Path) -> Path:
        """Build GX's Data Docs (a static site) for the run's validations under out_dir."""
        return self._validator.build_data_docs(out_dir)


def validate(facts: Facts, data_docs_dir: Path | None = None) -> pd.DataFrame:
    """Every rule over `facts` at once; one row per finding, errors first.

    data_docs_dir: also build GX's Data Docs there."""
    checks = Checks()
    findings = checks.check(facts).findings
    if data_docs_dir is not None:
        checks.data_docs(data_docs_dir)
    return findings


def in_report_order(findings: pd.DataFrame) -> pd.DataFrame:
    """Errors first, then by document, evaluation, rule (as listed in RULES), indicator and line."""
    order = {r.id: k for k, r in enumerate(RULES)}
    return (findings.assign(_s=findings["severity"].ne("error"), _r=findings["rule"].map(order))
            .sort_values(["_s", "doc_id", "evaluation_no", "_r", "indicator_no", "line_no"], kind="stable")
            .drop(columns=["_s", "_r"]).reset_index(drop=True))


def _findings(rule: str, frame: pd.DataFrame, rows: set[int]) -> pd.DataFrame:
    hit = frame[frame["_row"].isin(rows)]
    template = RULE_BY_ID[rule].message
    texts = hit.astype(object).where(hit.notna(), "—")
    return hit.assign(
        rule=rule,
        observed=texts["observed_text"], expected=texts["expected_text"],
        message=[template.format(**r) for r in texts.to_dict("records")],
    )[FINDING_COLUMNS]


def _summary(frames: dict[str, pd.DataFrame], docs: pd.Series, findings: pd.DataFrame) -> pd.DataFrame:
    """checked / passed / failed per rule and document (a rule's frame rows are what it checks)."""
    checked = pd.concat([f[["doc_id"]].assign(rule=rule) for rule, f in frames.items()],
                        ignore_index=True).value_counts(["rule", "doc_id"]).rename("checked")
    failed = findings.groupby(["rule", "doc_id"]).agg(
        failed=("severity", "size"), errors=("severity", lambda s: int((s == "error").sum())))
    grid = pd.MultiIndex.from_product([[r.id for r in RULES], docs], names=["rule", "doc_id"])
    out = pd.DataFrame(index=grid).join(checked).join(failed).fillna(0).astype(int).reset_index()
    out["warnings"] = out["failed"] - out["errors"]
    out["passed"] = out["checked"] - out["failed"]
    return out[SUMMARY_COLUMNS]

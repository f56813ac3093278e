"""Checks on a run's Facts: the form's own arithmetic and scoring rules, as a great-expectations suite.

    checks = Checks()                       # the suite evaluated with pandas (evaluate.py)
    checks = Checks(data_docs=True)         # ... by great-expectations itself, in one GX context
    checked = checks.check(facts, "slice 1")  # findings and per-rule counts of one slice of the run
    checks.data_docs(folder)                # GX's Data Docs over every slice checked (data_docs=True)
    findings = validate(facts)              # the same, at once, for a single set of Facts
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from expectations import evaluate
from expectations.prepare import prepare
from expectations.rules import RULE_BY_ID, RULES, rules_frame
from transform.facts import Facts

FINDING_COLUMNS = ["doc_id", "evaluation_no", "indicator_no", "line_no", "rule", "severity", "observed",
                   "expected", "message", "message_en", "page", "x0", "y0", "x1", "y1", "ack_note",
                   # the box of the finding's row (its label cell), shown beside the value cell in a crop
                   "label_page", "label_x0", "label_y0", "label_x1", "label_y1"]
ACK_KEYS = ["doc_id", "evaluation_no", "indicator_no", "line_no", "rule"]
SEVERITIES = ("error", "reading", "warning")  # report order
# Rules that do not depend on the form's arithmetic: a doubtful reading leaves them as they are.
NOT_ARITHMETIC = frozenset({"reading", "required_fields", "fiscal_year", "duplicate_indicators"})
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
    so slices give the findings the whole run would, and a run's memory is that of one slice.

    data_docs: great-expectations validates the suite (and keeps its results for Data Docs) instead of
    the pandas engine; importing GX alone costs more CPU than a small night's parsing."""

    def __init__(self, data_docs: bool = False) -> None:
        self._validator = None
        if data_docs:
            from expectations import gx_engine  # seconds of import: only when GX's results are wanted

            self._validator = gx_engine.Validator()

    def _unexpected(self, frames: dict[str, pd.DataFrame], name: str) -> dict[str, set[int]]:
        return evaluate.unexpected(frames) if self._validator is None else self._validator.run(frames, name)

    def check(self, facts: Facts, name: str = "run", acknowledged: pd.DataFrame | None = None) -> Checked:
        """acknowledged: what auditors reviewed (ACK_KEYS + note); those findings carry the note in
        ack_note and count as neither errors nor warnings of the run."""
        frames = prepare(facts)
        unexpected = self._unexpected(frames, name)
        parts = [_findings(rule, frames[rule], rows) for rule, rows in unexpected.items() if rows]
        findings = in_report_order(_with_acks(_held_back(pd.concat(parts, ignore_index=True), frames["reading"]),
                                              acknowledged)) if parts else pd.DataFrame(columns=FINDING_COLUMNS)
        return Checked(findings, _summary(frames, facts.documents["doc_id"], findings), frames)

    def data_docs(self, out_dir: Path) -> Path | None:
        """Build GX's Data Docs (a static site) for the run's validations under out_dir; None when GX did
        not validate them (data_docs=False)."""
        return None if self._validator is None else self._validator.build_data_docs(out_dir)


def validate(facts: Facts, data_docs_dir: Path | None = None) -> pd.DataFrame:
    """Every rule over `facts` at once; one row per finding, errors first.

    data_docs_dir: great-expectations validates, and builds its Data Docs there."""
    checks = Checks(data_docs=data_docs_dir is not None)
    findings = checks.check(facts).findings
    if data_docs_dir is not None:
        checks.data_docs(data_docs_dir)
    return findings


def in_report_order(findings: pd.DataFrame) -> pd.DataFrame:
    """Errors first, then by document, evaluation, rule (as listed in RULES), indicator and line."""
    order = {r.id: k for k, r in enumerate(RULES)}
    return (findings.assign(_s=findings["severity"].map({s: k for k, s in enumerate(SEVERITIES)}),
                            _r=findings["rule"].map(order))
            .sort_values(["_s", "doc_id", "evaluation_no", "_r", "indicator_no", "line_no"], kind="stable")
            .drop(columns=["_s", "_r"]).reset_index(drop=True))


def _findings(rule: str, frame: pd.DataFrame, rows: set[int]) -> pd.DataFrame:
    hit = frame[frame["_row"].isin(rows)]
    texts = hit.astype(object).where(hit.notna(), "—")
    records = texts.to_dict("records")
    return hit.assign(
        rule=rule,
        observed=texts["observed_text"], expected=texts["expected_text"],
        message=[RULE_BY_ID[rule].message.format(**r) for r in records],
        message_en=[RULE_BY_ID[rule].message_en.format(**r) for r in records], ack_note=None,
    )[FINDING_COLUMNS]


def _with_acks(findings: pd.DataFrame, acknowledged: pd.DataFrame | None) -> pd.DataFrame:
    if acknowledged is None or acknowledged.empty:
        return findings.assign(ack_note=None)
    notes = dict(zip(_ack_keys(acknowledged), acknowledged["note"]))
    return findings.assign(ack_note=[notes.get(k) for k in _ack_keys(findings)])


def _ack_keys(frame: pd.DataFrame) -> list[tuple]:
    return [tuple(None if pd.isna(v) else int(v) if k.endswith("_no") else v for k, v in zip(ACK_KEYS, row))
            for row in frame[ACK_KEYS].itertuples(index=False)]


def _held_back(findings: pd.DataFrame, reading: pd.DataFrame) -> pd.DataFrame:
    """A form read with doubts gets its reading finding; its arithmetic errors become warnings that say
    why, since a misread form (two projects read as one) would otherwise accuse its publisher."""
    doubtful = reading.loc[reading["observed"].notna(), ["doc_id", "evaluation_no"]]
    keys = set(zip(doubtful["doc_id"], doubtful["evaluation_no"]))
    held = (findings["severity"].eq("error") & ~findings["rule"].isin(NOT_ARITHMETIC)
            & pd.Series([k in keys for k in zip(findings["doc_id"], findings["evaluation_no"])], index=findings.index))
    findings.loc[held, "severity"] = "warning"
    findings.loc[held, "message"] = findings.loc[held, "message"] + "（本表读取存疑，降为警告）"
    findings.loc[held, "message_en"] = findings.loc[held, "message_en"] + " (the form's reading is doubtful: held back as a warning)"
    return findings


def _summary(frames: dict[str, pd.DataFrame], docs: pd.Series, findings: pd.DataFrame) -> pd.DataFrame:
    """checked / passed / failed per rule and document (a rule's frame rows are what it checks)."""
    checked = pd.concat([f[["doc_id"]].assign(rule=rule) for rule, f in frames.items()],
                        ignore_index=True).value_counts(["rule", "doc_id"]).rename("checked")
    open_ = findings[findings["ack_note"].isna()]  # an acknowledged finding no longer counts against a run
    failed = open_.groupby(["rule", "doc_id"]).agg(
        failed=("severity", "size"), errors=("severity", lambda s: int((s == "error").sum())))
    grid = pd.MultiIndex.from_product([[r.id for r in RULES], docs], names=["rule", "doc_id"])
    out = pd.DataFrame(index=grid).join(checked).join(failed).fillna(0).astype(int).reset_index()
    out["warnings"] = out["failed"] - out["errors"]  # reading findings count with the warnings here
    out["passed"] = out["checked"] - out["failed"]
    return out[SUMMARY_COLUMNS]

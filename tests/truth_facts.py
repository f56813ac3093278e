"""Facts built from the corpus ground truth (NAME.truth.json), standing in for transform.build_facts.

Only what the checks need is derived, and simply: amounts to 元, the A column, the total line, and
target/actual split into operator + number + unit. Provenance is unknown here, so page/bbox stay empty.
"""
from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal
from pathlib import Path

from transform.facts import Facts

MONEY = {"元": 1, "万元": 10_000}
# Labels of the line the other fund-source lines break down (the rest of a budget block are parts).
TOTAL_LINES = {"年度资金总额", "部门整体支出总额", "项目年度预算金额/实际支出金额", "合计"}
VALUE = re.compile(r"(≥|≧|>=|>|＞|≤|≦|<=|<|＜|=|＝)?\s*(-?\d+(?:\.\d+)?)\s*(.*)")


def split_value(text: str | None) -> tuple[str | None, float | None, str | None, bool]:
    """'≥16人' -> ('≥', 16.0, '人', False); text without a number is qualitative."""
    m = VALUE.search(text or "")
    if not m:
        return None, None, None, True
    return m.group(1), float(m.group(2)), m.group(3).strip() or None, False


def printed(value: float | None) -> str | None:
    """The truth keeps numbers as parsed; print them back without float noise."""
    return None if value is None else format(Decimal(str(value)).normalize(), "f")


def doc_records(truth_path: Path) -> dict[str, list[dict]]:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    doc = truth["document"]
    pdf = truth_path.with_name(doc["file"])
    doc_id = hashlib.sha256(pdf.read_bytes()).hexdigest()
    scale = MONEY[doc.get("amounts_in") or doc["money_unit"]]
    nobox = {"table": None, "row": None, "page": None, "x0": None, "y0": None, "x1": None, "y1": None}
    out: dict[str, list[dict]] = {"documents": [{
        "doc_id": doc_id, "file_name": doc["file"], "title": doc["title"], "layout": doc["layout"],
        "fiscal_year": doc["fiscal_year"], "money_unit": doc["money_unit"], "issuer": doc["issuer"],
        **doc["region"], "pages": doc["pages"], "ocr": "scan" in doc["file"]}],
        "evaluations": [], "budget_lines": [], "goals": [], "indicators": []}
    for ev_no, ev in enumerate(truth["evaluations"]):
        key = {"doc_id": doc_id, "evaluation_no": ev_no}
        out["evaluations"].append({**key, **{k: ev[k] for k in (
            "scope", "project_name", "project_code", "implementing_unit", "supervising_unit",
            "unit_code", "period", "is_key_project", "project_nature", "total_score", "notes")},
            "total_score_text": printed(ev["total_score"]), **nobox})
        lines = ev["budget"]
        rate_base = "annual" if any(b["annual_budget"] is not None for b in lines) else "initial"
        labelled = [b["fund_source"] in TOTAL_LINES for b in lines]
        for no, b in enumerate(lines):
            amounts = {f"{c}_yuan": None if b[c] is None else b[c] * scale
                       for c in ("initial_budget", "annual_budget", "executed")}
            out["budget_lines"].append({
                **key, "line_no": no, "fund_source": b["fund_source"],
                "is_total": labelled[no] if any(labelled) else no == 0, **amounts,
                **{f"{c}_text": printed(b[c]) for c in ("initial_budget", "annual_budget", "executed")},
                "rate_base": rate_base, "execution_rate": b["execution_rate"],
                "execution_rate_text": b["execution_rate_text"], "weight": b["weight"],
                "score": b["score"], **nobox})
        for g in ev["goals"]:
            out["goals"].append({**key, **g, **nobox})
        for no, i in enumerate(ev["indicators"]):
            t_op, t_val, t_unit, t_qual = split_value(i["target_text"])
            a_op, a_val, a_unit, a_qual = split_value(i["actual_text"])
            out["indicators"].append({
                **key, "indicator_no": no, **i,
                "target_op": t_op, "target_value": t_val, "target_unit": t_unit,
                "target_is_qualitative": t_qual, "actual_op": a_op, "actual_value": a_val,
                "actual_unit": a_unit, "actual_is_qualitative": a_qual, **nobox})
    return out


def truth_facts(paths: list[Path]) -> Facts:
    """One run's Facts from several truth files."""
    return Facts.from_rows([doc_records(p) for p in paths])

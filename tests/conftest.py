"""Shared fixtures: the corpus (skipped when ../shared is absent) and Facts built from its truth files."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from transform.facts import Facts

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TOTAL_LINES = {"年度资金总额", "部门整体支出总额", "项目年度预算金额/实际支出金额"}


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS


def truth_facts(pdf: Path) -> Facts:
    """The Facts a perfect parse of `pdf` yields, from its hand-made NAME.truth.json."""
    truth = json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))
    doc, region = truth["document"], truth["document"]["region"]
    doc_id = hashlib.sha256(pdf.read_bytes()).hexdigest()
    factor = 10_000 if doc.get("amounts_in", doc["money_unit"]) == "万元" else 1
    yuan = lambda v: None if v is None else round(v * factor, 2)  # noqa: E731
    records: dict[str, list[dict]] = {"documents": [{
        "doc_id": doc_id, "file_name": pdf.name, "title": doc["title"], "layout": doc["layout"],
        "fiscal_year": doc["fiscal_year"], "money_unit": doc["money_unit"], "issuer": doc["issuer"],
        "pages": doc["pages"], "ocr": "scan" in pdf.name, **region}]}
    for ev_no, ev in enumerate(truth["evaluations"]):
        keys = {"doc_id": doc_id, "evaluation_no": ev_no}
        records.setdefault("evaluations", []).append(
            keys | {k: ev.get(k) for k in ("scope", "project_name", "project_code", "implementing_unit",
                                           "supervising_unit", "unit_code", "period", "is_key_project",
                                           "project_nature", "total_score", "notes")}
            | {"total_score_text": None if ev["total_score"] is None else str(ev["total_score"]), "page": 1})
        for line_no, b in enumerate(ev["budget"]):
            records.setdefault("budget_lines", []).append(keys | {
                "line_no": line_no, "fund_source": b["fund_source"], "is_total": b["fund_source"] in TOTAL_LINES,
                "initial_budget_yuan": yuan(b["initial_budget"]), "annual_budget_yuan": yuan(b["annual_budget"]),
                "executed_yuan": yuan(b["executed"]),
                "rate_base": "initial" if b["annual_budget"] is None else "annual",
                "execution_rate": b["execution_rate"], "execution_rate_text": b["execution_rate_text"],
                "weight": b["weight"], "score": b["score"], "page": 1})
        for g in ev["goals"]:
            records.setdefault("goals", []).append(keys | g | {"page": 1})
        for ind_no, ind in enumerate(ev["indicators"]):
            records.setdefault("indicators", []).append(keys | ind | {"indicator_no": ind_no, "page": 1})
    return Facts.from_records(records)

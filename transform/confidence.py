"""How sure a form's reading is, judged by the form's own structure (never by the publisher's arithmetic).

A misread form (two projects read as one, columns shifted, a block missed) shows itself in ways a
publisher's slip does not: weights adding to half again their whole, rows with a name but neither
target nor actual, indicators without their 一级指标. Each sign found is one doubt; the checks treat
an evaluation with doubts as a reading problem and hold back its arithmetic errors.
"""
from __future__ import annotations

# Weights adding to more than this share of the form's 100 points are two forms read as one, or a
# column read twice: a publisher's slip moves a few points, not half the form.
WEIGHTS_MISREAD = 1.35
# Shares of indicator rows that say a column was not found where the form has it.
ROWS_WITHOUT_VALUES = 0.3
ROWS_WITHOUT_LEVEL1 = 0.3
OCR_DOUBTFUL = 0.8
DOUBT_COST = 0.25


def assess(evaluation: dict, budget: list[dict], indicators: list[dict], money_unit: str | None,
           ocr_confidence: float | None) -> tuple[float, list[str]]:
    """(confidence 0..1, doubts) for one evaluation's fact rows as transform/ produced them."""
    doubts: list[str] = []
    if evaluation["scope"] == "project" and not evaluation.get("project_name"):
        doubts.append("项目名称 not found (project name not read)")
    if not indicators and not budget:
        doubts.append("neither a budget block nor an indicator table was read")
    if budget and money_unit is None:
        doubts.append("money unit not printed: amounts kept as printed, not converted to 元")
    if indicators:
        n = len(indicators)
        empty = sum(1 for i in indicators if not i.get("target_text") and not i.get("actual_text"))
        if empty / n > ROWS_WITHOUT_VALUES:
            doubts.append(f"{empty} of {n} indicators have neither target nor actual (columns not found)")
        no_level1 = sum(1 for i in indicators if not i.get("level1"))
        if 0 < no_level1 and no_level1 / n > ROWS_WITHOUT_LEVEL1:
            doubts.append(f"{no_level1} of {n} indicators have no 一级指标")
        weights = [i["weight"] for i in indicators if i.get("weight") is not None]
        budget_points = next((b["weight"] for b in budget if b.get("is_total") and b.get("weight")), 0) or 0
        if weights and sum(weights) + budget_points > 100 * WEIGHTS_MISREAD:
            doubts.append(f"weights add to {sum(weights) + budget_points:g} of 100 (forms or columns read together)")
    if ocr_confidence is not None and ocr_confidence < OCR_DOUBTFUL:
        doubts.append(f"scanned page read with mean OCR confidence {ocr_confidence:.2f}")
    return max(0.0, 1.0 - DOUBT_COST * len(doubts)), doubts

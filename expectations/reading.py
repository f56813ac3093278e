"""Reading printed numbers and indicator values the way the people who filled the forms meant them."""
from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from expectations import vocab

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def decimals(printed: object) -> int | None:
    """Digits after the point as printed: '96.86' -> 2, 10.0 -> 0 (floats carry no trailing zeros)."""
    if printed is None or (isinstance(printed, float) and math.isnan(printed)):
        return None
    m = NUMBER.search(str(printed).replace(",", ""))
    if not m:
        return None
    try:
        exponent = Decimal(m.group()).normalize().as_tuple().exponent if isinstance(printed, float) \
            else Decimal(m.group()).as_tuple().exponent
    except InvalidOperation:
        return None
    return max(0, -int(exponent))


def score_tolerance(score: float) -> float:
    """One unit in the last printed place (covers rounding and truncation); whole-number scores are
    read as exact to 0.01, since forms print them without decimals."""
    d = decimals(score) or 0
    return 10.0 ** -max(d, 2) if d == 0 else 10.0 ** -d


def rate_tolerance(rate: float, text: object) -> float:
    """Half a unit in the last printed place of 执行率, in fraction terms (text may be % or fraction)."""
    d = decimals(text)
    if d is None:
        return 5e-5
    number = float(NUMBER.search(str(text).replace(",", "")).group())
    percent = abs(number - rate * 100) < abs(number - rate)
    return 0.5 * 10.0 ** -d / (100 if percent else 1) + 1e-9


def direction(op: object, level2: object) -> tuple[str, ...]:
    """'pos' (more is better) / 'neg' (less is better); an unsigned target has both readings,
    preferred first by its indicator family."""
    if op in vocab.POSITIVE_OPS:
        return ("pos",)
    if op in vocab.NEGATIVE_OPS:
        return ("neg",)
    return ("neg", "pos") if level2 in vocab.CEILING_LEVEL2 else ("pos", "neg")


def actual_in_target_units(target_unit: object, actual_value: float, actual_unit: object) -> tuple[float, ...]:
    """The actual in the target's unit, preferred reading first: a bare 0.9 or 1 against a % target
    is 90% / 100%; money is converted between 元 / 万元."""
    if target_unit in vocab.PERCENT_UNITS and not isinstance(actual_unit, str) and 0 <= actual_value <= 1:
        return actual_value * 100, actual_value
    if target_unit in vocab.MONEY_UNITS and actual_unit in vocab.MONEY_UNITS:
        return (actual_value * vocab.MONEY_UNITS[actual_unit] / vocab.MONEY_UNITS[target_unit],)
    return (actual_value,)


def rule_score(target: float, actual: float, way: str, weight: float) -> float:
    """Full marks when met; else B/A (positive) or A/B (negative) × weight; never above the weight."""
    if way == "pos":
        ratio = 1.0 if actual >= target else actual / target
    else:
        ratio = 1.0 if actual <= target else target / actual
    return max(0.0, min(ratio, 1.0)) * weight


def achievement(target_text: object, actual_text: object) -> tuple[str | None, bool]:
    """How a qualitative completion reads: ('met' | 'partial' | 'not_met' | None, said explicitly)."""
    actual = str(actual_text or "").strip()
    target = str(target_text or "").strip()
    if not actual or actual in vocab.NOT_APPLICABLE:
        return None, False
    if any(w in actual for w in vocab.NOT_MET_WORDS):
        return "not_met", True
    if any(w in actual for w in vocab.PARTIAL_WORDS):
        return "partial", True
    if actual == target or any(w in actual for w in vocab.MET_WORDS):
        return "met", True
    if actual in target or target in actual or actual in ("1", "100%", "100％"):
        return "met", False
    return None, False


def partial_floor(scoring_method: object) -> float:
    """Lower bound of 部分达成 as the form states it ('80-50%'), else the national 60%."""
    m = re.search(vocab.STATED_PARTIAL_FLOOR, str(scoring_method or ""))
    return int(m.group(1)) / 100 if m else vocab.NATIONAL_PARTIAL_FLOOR


def fmt(value: object) -> str:
    """A number as a reader expects it: no float noise, no trailing zeros."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, (int, float)):
        return format(Decimal(repr(round(float(value), 4))).normalize(), ",f")
    return str(value)

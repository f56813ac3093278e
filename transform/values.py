"""Printed cell text → normalised values, keeping nothing but what the text says."""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from transform.labels import (CHINESE_DIGITS, CODE_NAME, COMPARATORS, INSTRUCTION, PLACEHOLDER,
                              QUALITATIVE_HINTS, TICKED, UNIT_WORDS, UNTICKED)

NUMBER = r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?"
_SPACE = re.compile(r"\s+")
EMPTY_MARKS = {"", "—", "——", "-", "--", "－", "/", "／", "无"}


@functools.lru_cache(maxsize=1 << 16)  # a form's labels are folded again and again as its rows are read
def fold(text: str | None) -> str:
    """NFKC (full-width digits and punctuation to ASCII), no white space: for matching labels."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or ""))


def clean(text: str | None) -> str | None:
    """Printed text as kept in the warehouse: trimmed, runs of white space to one; None if blank."""
    if text is None:
        return None
    out = re.sub(r"\s+", " ", str(text)).strip()
    return out or None


def answer(text: str | None) -> str | None:
    """What a filled-in cell says: blank for an unfilled template row (指标2：, ……) or the template's
    own instructions (…（200字以内）), else the cleaned text."""
    out = clean(text)
    if out is None:
        return None
    folded = fold(out)
    if re.fullmatch(PLACEHOLDER, folded) or re.fullmatch(INSTRUCTION, folded):
        return None
    return out


def ticked(text: str | None) -> str | None:
    """The ticked option of a check-box cell ('1、持续性项目☑ 2、新增性项目□' → '持续性项目'); None when
    options are printed and none is ticked; other text as it is."""
    out = clean(text)
    options = re.findall(rf"\d+\s*[、.]\s*([^\d{TICKED}{UNTICKED}]+?)\s*([{TICKED}{UNTICKED}]?)\s*(?=\d+\s*[、.]|$)", out or "")
    if len(options) < 2:
        # One option of a row the grid split apart, printed with no tick: nothing is chosen.
        return None if re.match(rf"\d+\s*、", out or "") and not re.search(f"[{TICKED}]", out) else out
    chosen = [name for name, mark in options if mark and mark in TICKED]
    return clean(chosen[0]) if len(chosen) == 1 else None


def code_name(text: str | None) -> tuple[str | None, str | None]:
    """'219001-池州市贵池区人民政府' / '[105]教育部' → (code, name); plain names → (None, name)."""
    out = clean(text)
    if out is None:
        return None, None
    for pattern in CODE_NAME:
        found = re.fullmatch(pattern, out)
        if found:
            code, name = (v for k, v in found.groupdict().items() if v is not None)
            return code, clean(name)
    return None, out


def number(text: str | None) -> float | None:
    """The one number a cell holds ('2704000.00', '1,407.07', '2758.60 万元', '１０'), else None."""
    found = re.fullmatch(rf"\s*({NUMBER})\s*(?:%|万元|元|分)?\s*", unicodedata.normalize("NFKC", text or ""))
    return float(found.group(1).replace(",", "")) if found else None


def ordinal(text: str) -> int:
    """'7' or '七' / '十二' → 7 / 12 (goal numbers up to 99)."""
    if text.isdigit():
        return int(text)
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return CHINESE_DIGITS[text]
    return (CHINESE_DIGITS.get(tens, 1) if tens else 1) * 10 + (CHINESE_DIGITS.get(units, 0) if units else 0)


# '(50分)', and '20分)' whose '(' a wrapped or copied label lost (after a space or the label itself:
# '年度绩效目标98分)'); never '得分(20分*执行率)'.
POINTS = re.compile(rf"(?:[(（]|^|(?<=\s)|(?<=[\u4e00-\u9fff]))\s*({NUMBER})\s*分\s*[)）]")


def points(text: str | None) -> float | None:
    """Points printed as '(50分)', '（20 分）', '(14.23分)' inside a label."""
    found = POINTS.search(unicodedata.normalize("NFKC", text or ""))
    return float(found.group(1)) if found else None


def strip_points(text: str | None) -> str | None:
    """'产出指标 (50分)' → '产出指标'."""
    if text is None:
        return None
    return clean(POINTS.sub("", text))


def rate(text: str | None, percent_header: bool) -> float | None:
    """Execution rate as a fraction: '99.75%' → 0.9975; '96.86' under an '(%)' header, or bare, → 0.9686."""
    folded = fold(text)
    value = number(folded)
    if value is None:
        return None
    # A bare '99.97' is a percentage whose sign was left off: no execution rate is 99.97 times its budget.
    return value / 100 if folded.endswith("%") or percent_header or value > 2 else value


@dataclass(frozen=True)
class Measure:
    """A target or an actual read as people write it: operator, number, unit — or qualitative."""
    op: str | None
    value: float | None
    unit: str | None
    qualitative: bool


_MEASURE = re.compile(rf"^(?P<op>{'|'.join(map(re.escape, sorted(COMPARATORS, key=len, reverse=True)))})?"
                      rf"(?P<num>{NUMBER})(?P<unit>.*)$")


def measure(text: str | None, op_text: str | None = None) -> Measure:
    """`op_text`: the operator printed in a column of its own (Sichuan's 指标性质), when there is one."""
    folded = fold(text)
    found = _MEASURE.match(folded)
    if found:
        unit = found.group("unit") or None
        if unit is None or len(unit) <= 6 and (unit in UNIT_WORDS or re.fullmatch(r"[^\d]{1,4}(/[^\d]{1,2})?", unit)):
            op = found.group("op") or fold(op_text)
            return Measure(COMPARATORS.get(op) if op else None, float(found.group("num").replace(",", "")), unit, False)
    qualitative = bool(folded) and folded not in EMPTY_MARKS and (
        not re.search(r"\d", folded) or any(h in folded for h in QUALITATIVE_HINTS))
    return Measure(None, None, None, qualitative)

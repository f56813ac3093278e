"""Glyphs → text: group into lines by baseline, order by x, join the way the language writes.

Shared by the text-layer reader and the OCR reader's line assembly, so both give the same strings.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from extract.glyphs import Glyph

# A gap wider than this share of the line height is a word space (Latin) or a column gap.
WORD_GAP = 0.35
NUMERIC = set("0123456789.,%")


def is_cjk(char: str) -> bool:
    """Characters written without spaces between them: CJK ideographs and full-width punctuation."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def join_parts(parts: Iterable[str]) -> str:
    """Join wrapped lines: Chinese joins without a space, Latin words keep one."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        # A number wrapped in a narrow column ('100.0' / '0%') is one number; other Latin keeps its space.
        if out and not (is_cjk(out[-1]) or is_cjk(part[0])) and not (out[-1] in NUMERIC and part[0] in NUMERIC):
            out += " "
        out += part
    return out


def group_lines(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs into visual lines, top to bottom, each left to right.

    Lines are formed from full-height glyphs (vertical centres closer than half a height); small
    glyphs (commas, full stops, quotes) then join the line whose band (a little widened) holds their
    centre, since their own centre sits near the baseline or the top, far from the line's centre.
    """
    if not glyphs:
        return []
    heights = sorted(g.height for g in glyphs)
    median = heights[len(heights) // 2]
    tall = sorted((g for g in glyphs if g.height >= 0.6 * median), key=lambda g: -g.cy)  # top down
    small = [g for g in glyphs if g.height < 0.6 * median]
    one_line = _one_line(tall, small, median)
    return [one_line] if one_line is not None else _grouped(tall, small, median)


def _grouped(tall: list[Glyph], small: list[Glyph], median: float) -> list[list[Glyph]]:
    lines: list[list[Glyph]] = []
    for g in tall:
        for line in reversed(lines[-3:]):
            ref = line[-1]
            if abs(ref.cy - g.cy) < 0.5 * max(ref.height, g.height, 1.0):
                line.append(g)
                break
        else:
            lines.append([g])
    bands = [(min(g.y0 for g in line), max(g.y1 for g in line)) for line in lines]
    for g in small:
        # commas sit low in their line, opening and closing quotes (“ ”) high
        near = [i for i, (lo, hi) in enumerate(bands) if lo - 0.3 * median <= g.cy <= hi + 0.3 * median]
        if near:
            lines[min(near, key=lambda i: abs((bands[i][0] + bands[i][1]) / 2 - g.cy))].append(g)
        else:
            lines.append([g])
            bands.append((g.y0, g.y1))
    return [sorted(line, key=lambda g: g.x0) for line in sorted(lines, key=lambda ln: -max(g.y1 for g in ln))]


def _one_line(tall: list[Glyph], small: list[Glyph], median: float) -> list[Glyph] | None:
    """The glyphs as one line, left to right, when group_lines would make just that (most cells hold
    one line): every full-height centre within half the smallest height of every other (so each joins
    the line), every small glyph inside the line's widened band. The order is group_lines' own: its
    sort by x is stable over tall glyphs top-down, then small ones."""
    cys = [g.cy for g in tall]
    if max(cys) - min(cys) >= 0.5 * max(min(g.height for g in tall), 1.0):
        return None
    low, high = min(g.y0 for g in tall) - 0.3 * median, max(g.y1 for g in tall) + 0.3 * median
    if not all(low <= g.cy <= high for g in small):
        return None
    return sorted([*tall, *small], key=lambda g: g.x0)


def line_text(line: Sequence[Glyph]) -> str:
    """One visual line; between non-CJK characters a gap wider than WORD_GAP × height is a space."""
    text = ""
    for prev, g in zip([None, *line[:-1]], line):
        if (prev is not None and not (is_cjk(prev.char) or is_cjk(g.char))
                and g.x0 - prev.x1 > WORD_GAP * max(prev.height, g.height)):
            text += " "
        text += g.char
    return text


def glyphs_text(glyphs: Sequence[Glyph]) -> str:
    return join_parts(line_text(line) for line in group_lines(glyphs))

"""Cells the producer did not rule apart: one ruled box holding several cells' text.

Web pages and some Word templates rule a header block only outside (项目名称 and its value in one
box, no vertical rule between them), so the lattice grid sees one cell. Such a box is split where
its text leaves a vertical corridor of white space through every line of the box that is wider than
a few characters: the gap a cell border would have stood in. Knows no labels; only the layout of the
printed text decides.
"""
from __future__ import annotations

from dataclasses import replace

from extract.glyphs import Glyph
from extract.model import Cell

# A corridor at least this many line heights wide separates two cells' text. Wider than the gaps of
# text distributed across a label cell (单 位 名 称), narrower than a label/value gap.
CORRIDOR = 2.2
# A grid edge drawn elsewhere in the table that falls inside the corridor is where the border would
# have been: the split snaps to it, so the parts line up with the columns of the other rows. With such
# an edge a narrower corridor will do (a wrapped value fills its column up to the missing rule).
SNAP = 1.0
EDGE_CORRIDOR = 0.8
# White between two rows of one unruled box: more than the leading of wrapped lines.
ROW_GAP = 0.6
# Punctuation inks a corner of its em box (、。，): its box is widened to a full em before gaps are measured.
PUNCTUATION = set("、。，；：！？）》」』】,.;:!?)")


def split_cell(cell: Cell, glyphs: list[Glyph], edges: list[float]) -> list[tuple[Cell, list[Glyph]]]:
    """The cell as one or more cells, each with the glyphs printed inside it: side by side where its
    text leaves a vertical corridor; and, in a box ruled only outside (several label/value rows in
    one box), also one above the other where rows of text split apart that way."""
    bands = _bands(glyphs)
    if len(bands) > 1:
        rows = [split_columns(cell, band, edges) for band in bands]
        if any(len(r) > 1 for r in rows):
            tops = [cell.y1, *[(min(g.y0 for g in upper) + max(g.y1 for g in lower)) / 2
                               for upper, lower in zip(bands, bands[1:])], cell.y0]
            return [(replace(part, y1=top, y0=bottom), inside)
                    for row, top, bottom in zip(rows, tops, tops[1:]) for part, inside in row]
    return split_columns(cell, glyphs, edges)


def _bands(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs in horizontal bands separated by more white than wrapped lines leave (ROW_GAP)."""
    if len(glyphs) < 2:
        return [glyphs]
    height = sorted(g.height for g in glyphs)[len(glyphs) // 2]
    ordered = sorted(glyphs, key=lambda g: -g.y1)
    bands, low = [[ordered[0]]], ordered[0].y0
    for g in ordered[1:]:
        if low - g.y1 >= ROW_GAP * height:
            bands.append([])
        bands[-1].append(g)
        low = min(low, g.y0)
    return bands


def split_columns(cell: Cell, glyphs: list[Glyph], edges: list[float]) -> list[tuple[Cell, list[Glyph]]]:
    if len(glyphs) < 2:
        return [(cell, glyphs)]
    height = sorted(g.height for g in glyphs)[len(glyphs) // 2]
    spans = sorted((g.x0, max(g.x1, g.x0 + height) if g.char in PUNCTUATION else g.x1) for g in glyphs)
    cuts: list[float] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        gap = x0 - reach
        edge = _edge_inside(reach, x0, edges)
        if gap >= CORRIDOR * height or (edge is not None and gap >= EDGE_CORRIDOR * height):
            cuts.append(edge if edge is not None else (reach + x0) / 2)
        reach = max(reach, x1)
    if not cuts:
        return [(cell, glyphs)]
    bounds = [cell.x0, *cuts, cell.x1]
    parts = [[g for g in glyphs if lo <= g.cx < hi] for lo, hi in zip(bounds, bounds[1:])]
    if all(len(p) <= 1 for p in parts):
        return [(cell, glyphs)]  # one character per part: distributed text, not separate cells
    return [(replace(cell, x0=lo, x1=hi), part) for lo, hi, part in zip(bounds, bounds[1:], parts)]


def _edge_inside(left: float, right: float, edges: list[float]) -> float | None:
    inside = [e for e in edges if left + SNAP < e < right - SNAP]
    return min(inside, key=lambda e: abs(e - (left + right) / 2)) if inside else None

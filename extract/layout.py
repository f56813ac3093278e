"""Tables read from workbooks, Word files and web pages → the same `cells` and `lines` frames as a PDF.

Such sources have no printed page, so cells get a layout in points derived from the source itself
(sheet column widths and row heights, the Word table's grid, a uniform grid for HTML), origin at the
bottom-left and y decreasing down the table as on a PDF page, plus a `locator` saying where in the
source the cell is (sheet + cell range, table + rows/columns).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from extract.document import CELL_COLUMNS, LINE_COLUMNS, Extraction

PAGE_TOP = 10_000.0  # y of a sheet's or document's first row: far above anything it holds
MARGIN = 36.0        # left edge, and the gap between stacked blocks
LINE_GAP = 1.4       # a text line's height over its font size


@dataclass
class Region:
    """A merged cell (or single cell) of a source grid, before placement."""
    row: int
    col: int
    row_span: int
    col_span: int
    text: str
    locator: str
    ruled: bool = True  # has a border: part of a ruled table, not free text (sheets only)


@dataclass
class Table:
    """A table of a flowing document (Word, HTML): regions on a grid of column widths and row heights."""
    regions: list[Region]
    widths: list[float]
    heights: list[float]


@dataclass
class Text:
    """A paragraph or heading of a flowing document, outside every table."""
    text: str
    size: float  # font size in points: titles print bigger, and transform reads the biggest first
    locator: str


@dataclass
class Layout:
    """Placed cells and lines of one source, collected across its sheets or blocks."""
    cells: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    tables: int = 0
    pages: int = 1  # sheets of a workbook; a flowing document is one page
    pages_are_separate: bool = False  # sheets are separate forms; a PDF's pages are one flow

    def extraction(self, sha256: str, fmt: str) -> Extraction:
        cells = pd.DataFrame(self.cells, columns=CELL_COLUMNS).sort_values(["table", "row", "col"], ignore_index=True)
        return Extraction(sha256, self.pages, cells, pd.DataFrame(self.lines, columns=LINE_COLUMNS), False, fmt,
                          self.pages_are_separate)

    def add_table(self, regions: list[Region], xs: list[float], ys: list[float], page: int,
                  first_row: int, first_col: int) -> None:
        """Regions on a grid whose column edges are `xs` and row edges (downwards) `ys`."""
        for r in regions:
            row, col = r.row - first_row, r.col - first_col
            self.cells.append({"table": self.tables, "row": row, "col": col, "row_span": r.row_span,
                               "col_span": r.col_span, "page": page,
                               "x0": xs[col], "y0": ys[row + r.row_span], "x1": xs[col + r.col_span], "y1": ys[row],
                               "text": r.text, "confidence": 1.0, "locator": r.locator})
        self.tables += 1

    def add_line(self, text: str, page: int, x0: float, y0: float, x1: float, y1: float) -> None:
        self.lines.append({"page": page, "x0": x0, "y0": y0, "x1": x1, "y1": y1, "text": text,
                           "confidence": 1.0})


def edges(start: float, sizes: list[float], sign: float = 1.0) -> list[float]:
    out = [start]
    for size in sizes:
        out.append(out[-1] + sign * size)
    return out


def place_sheet(layout: Layout, regions: list[Region], widths: list[float], heights: list[float],
                page: int) -> None:
    """One sheet: each run of rows holding ruled cells is a table (as a PDF's ruled table is); the
    text of other rows (titles above the grid, notes below it) becomes lines where the sheet puts it."""
    xs, ys = edges(MARGIN, widths), edges(PAGE_TOP, heights, -1.0)
    ruled_rows = sorted({row for r in regions if r.ruled for row in range(r.row, r.row + r.row_span)})
    if not ruled_rows:  # a sheet drawn without borders: its whole used range is the table
        ruled_rows = _body_rows(regions)
    runs: list[list[int]] = []
    for row in ruled_rows:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    in_table: set[int] = set()
    for run in runs:
        top, bottom = run[0], run[-1] + 1
        members = [r for r in regions if top <= r.row < bottom]
        bottom = max(bottom, *(r.row + r.row_span for r in members))
        left = min(r.col for r in members if r.ruled or r.text)
        right = max(r.col + r.col_span for r in members if r.ruled or r.text)
        members = [r for r in members if left <= r.col < right]
        layout.add_table(members, xs[left:right + 1], ys[top:bottom + 1], page, top, left)
        in_table |= {id(r) for r in members}
    for r in regions:
        if id(r) not in in_table and r.text.strip():
            layout.add_line(r.text, page, xs[r.col], ys[r.row + r.row_span], xs[r.col + r.col_span], ys[r.row])


def _body_rows(regions: list[Region]) -> list[int]:
    """Rows of an unruled sheet's table: all used rows but leading and trailing one-cell rows (titles, notes)."""
    filled: dict[int, int] = {}
    for r in regions:
        if r.text.strip():
            filled[r.row] = filled.get(r.row, 0) + 1
    rows = sorted(filled)
    while rows and filled[rows[0]] < 2:
        rows.pop(0)
    while rows and filled[rows[-1]] < 2:
        rows.pop()
    return list(range(rows[0], rows[-1] + 1)) if rows else []


def place_flow(layout: Layout, blocks: list[Table | Text], width: float) -> None:
    """A Word document or web page: its blocks stacked down one page in reading order."""
    y = PAGE_TOP
    for block in blocks:
        if isinstance(block, Text):
            height = block.size * LINE_GAP
            layout.add_line(block.text, 1, MARGIN, y - height, MARGIN + width, y)
            y -= height
        else:
            scale = width / sum(block.widths) if sum(block.widths) > 0 else 1.0
            xs = edges(MARGIN, [w * scale for w in block.widths])
            ys = edges(y, block.heights, -1.0)
            layout.add_table(block.regions, xs, ys, 1, 0, 0)
            y = ys[-1] - MARGIN / 6


def join_lines(lines: list[str]) -> str:
    """A cell's lines as one text, as the PDF path joins them: CJK without a space, Latin with one."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and out[-1].isascii() and line[0].isascii() and out[-1].isalnum() and line[0].isalnum():
            out += " "
        out += line
    return out

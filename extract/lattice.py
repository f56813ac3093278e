"""Ruled tables of a text PDF: camelot's lattice grid, folded into logical (merged) cells.

camelot finds each table and its grid from the page's ruling; which grid edges are really drawn
tells which grid cells are one merged cell. Text is placed afterwards from glyph boxes (text.py).

Speed: `camelot.read_pdf` builds the full pdfminer-style text layout of every page (every glyph,
its font, text lines and boxes) before its vector engine looks at the ruled lines; that layout is
most of its time, and we never use it (text comes from pdfium glyphs). So camelot's lattice parser
(same parser, same vector engine, same line finder `find_lines_from_layout`) is fed here a layout of
the page's *paths only*, read from the page pdfium has loaded for its glyphs (paths.py), as the
LTLine/LTRect objects playa's `extract_page` would make; no layout analysis runs. The only
use camelot made of its text — dropping near-empty grids (≥ 90 % empty cells, ruling noise) — is
kept, judged by the glyphs printed inside the grid's cells instead of camelot's text lines.
"""
from __future__ import annotations

import logging
import warnings

import numpy as np
from camelot.parsers import Lattice
from playa.miner import LTLine, LTPage, LTRect

from extract.model import Cell, PageTable
from extract.paths import Shape

# The vector engine reads the rules from the PDF's drawing operators instead of rendering the
# page and finding lines in pixels: same grids on ruled forms, several times less CPU.
ENGINE = "vector"
# camelot's Lattice drops grids whose cells are at least this percent empty (_GRID_WHITESPACE_REJECT).
EMPTY_GRID_PERCENT = 90.0
# What camelot's line finder reads: lines and rectangles (it passes curves over).
_LAYOUT_CLASS = {"line": LTLine, "rect": LTRect}


class _RulesParser(Lattice):
    """camelot's lattice parser on a paths-only layout: the caller knows the page has a text
    layer (camelot's own test needs the text layout) and judges empty grids by glyphs."""

    def _document_has_no_text(self) -> bool:
        return False

    def _reject_table(self, table) -> bool:
        return False

    def record_parse_metadata(self, table) -> None:
        """Nothing to record: the data frame, accuracy and whitespace camelot derives here come from its
        text layout, which this parser is not given (cells get their text from glyphs)."""


def _layout(shapes: list[Shape], page_no: int, width: float, height: float) -> LTPage:
    """The page as camelot's line finder reads it (`find_lines_from_layout`: each object's class,
    box, stroke and fill). playa's layout classes are compiled: built empty, as for unpickling, and
    given just what the line finder reads."""
    layout = LTPage(page_no, (0, 0, width, height))
    for s in shapes:
        if s.kind not in _LAYOUT_CLASS:
            continue
        item = _LAYOUT_CLASS[s.kind]()
        item.set_bbox((s.x0, s.y0, s.x1, s.y1))
        item.stroke, item.fill = s.stroke, s.fill
        layout.add(item)
    return layout


def ruled_tables(shapes: list[Shape], page_no: int, size: tuple[float, float],
                 ink: np.ndarray | None) -> list[PageTable]:
    """Every ruled table on a page drawing `shapes` (paths.py), as logical cells without text, top to
    bottom. `size`: the displayed page's width and height; `ink`: (n, 2) centres of the glyphs printed
    on the page, to drop near-empty grids."""
    layout = _layout(shapes, page_no, *size)
    parser = _RulesParser(engine=ENGINE)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        logging.getLogger("camelot").setLevel(logging.ERROR)
        parser.prepare_page_parse("<pdf>", layout, size, page_no, [], [], [], "", layout_kwargs={})
        found = parser.extract_tables()
    out = []
    rules = _vertical_rules(shapes)
    for table in found:
        page_table, grid_cells = _page_table(table)
        if not _near_empty(page_table, grid_cells, ink):
            out.append(_with_cut_side_columns(page_table, rules))
    if not out:
        row = _row_between_rules(rules, page_no)
        if row is not None and not _near_empty(row, len(row.cells), ink):
            out.append(row)
    return sorted(out, key=lambda t: (t.page, -t.y1, t.x0))


def _vertical_rules(shapes: list[Shape]) -> list[Shape]:
    return [o for o in shapes if o.x1 - o.x0 < 2 and o.y1 - o.y0 > 20]


def _with_cut_side_columns(table: PageTable, rules: list[Shape]) -> PageTable:
    """A merged cell in the table's first or last column, cut by page breaks above and below: a
    spreadsheet draws the cell's side rules down the whole page but neither its top nor its bottom,
    so no rule crosses them and the lattice leaves the column out (its label stays loose text). A
    vertical rule beside the table, as tall as the table, adds that column back as one cell."""
    def beside(x: float) -> bool:
        return any(abs((o.x0 + o.x1) / 2 - x) < 2 and o.y0 <= table.y0 + 2 and o.y1 >= table.y1 - 2 for o in rules)

    n_rows = max((c.row + c.row_span for c in table.cells), default=0)
    reach = 0.25 * (table.x1 - table.x0)  # a label column, not a rule of some other table
    xs = sorted({round((o.x0 + o.x1) / 2, 1) for o in rules})
    while True:
        left = [x for x in xs if table.x0 - reach < x < table.x0 - 4 and beside(x)]
        right = [x for x in xs if table.x1 + 4 < x < table.x1 + reach and beside(x)]
        if not left and not right:
            return table
        cells = table.cells
        if left:
            x = max(left)
            cells = [Cell(row=0, col=0, row_span=n_rows, col_span=1, x0=x, y0=table.y0, x1=table.x0, y1=table.y1)] + \
                    [Cell(**{**c.__dict__, "col": c.col + 1}) for c in cells]
            table = PageTable(table.page, x, table.y0, table.x1, table.y1, cells)
        if right:
            x = min(right)
            n_cols = max(c.col + c.col_span for c in cells)
            cells = cells + [Cell(row=0, col=n_cols, row_span=n_rows, col_span=1, x0=table.x1, y0=table.y0, x1=x,
                                  y1=table.y1)]
            table = PageTable(table.page, table.x0, table.y0, x, table.y1, cells)


def _row_between_rules(rules: list[Shape], page_no: int) -> PageTable | None:
    """A page holding only the middle of one tall table row: a browser breaks the row over pages and
    draws its column rules but neither its top nor its bottom rule here, so the lattice finds no grid
    (no rule crosses another). Three or more vertical rules of one height make a one-row table, which
    joins the row above the break (stitch.py)."""
    if not rules:
        return None
    tallest = max(rules, key=lambda o: o.y1 - o.y0)
    same = [o for o in rules if abs(o.y0 - tallest.y0) < 2 and abs(o.y1 - tallest.y1) < 2]
    xs: list[float] = []
    for x in sorted((o.x0 + o.x1) / 2 for o in same):
        if not xs or x - xs[-1] > 2:
            xs.append(x)
    if len(xs) < 3:
        return None
    cells = [Cell(row=0, col=i, row_span=1, col_span=1, x0=a, y0=tallest.y0, x1=b, y1=tallest.y1)
             for i, (a, b) in enumerate(zip(xs, xs[1:]))]
    return PageTable(page=page_no, x0=xs[0], y0=tallest.y0, x1=xs[-1], y1=tallest.y1, cells=cells)


def _near_empty(table: PageTable, grid_cells: int, ink: np.ndarray | None) -> bool:
    """camelot's gate: ≥ 90 % of the grid's cells empty. camelot moves a merged cell's text into its
    top-left grid cell, so the grid cells with text are the logical cells with glyphs inside."""
    if ink is None or grid_cells == 0:
        return False
    if len(ink) == 0:
        return True
    box = np.array([(c.x0, c.y0, c.x1, c.y1) for c in table.cells])
    cx, cy = ink[:, 0][:, None], ink[:, 1][:, None]
    inside = (box[:, 0] <= cx) & (cx < box[:, 2]) & (box[:, 1] <= cy) & (cy < box[:, 3])
    filled = int(inside.any(axis=0).sum())
    return 100.0 * (grid_cells - filled) / grid_cells >= EMPTY_GRID_PERCENT


def _page_table(table) -> tuple[PageTable, int]:
    grid = table.cells
    n_rows, n_cols = len(grid), len(grid[0])
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    # Neighbouring grid cells with no rule drawn between them belong to one merged cell.
    for r in range(n_rows):
        for c in range(n_cols):
            cell = grid[r][c]
            if c + 1 < n_cols and not (cell.right or grid[r][c + 1].left):
                union(r * n_cols + c, r * n_cols + c + 1)
            if r + 1 < n_rows and not (cell.bottom or grid[r + 1][c].top):
                union(r * n_cols + c, (r + 1) * n_cols + c)

    members: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            members.setdefault(find(r * n_cols + c), []).append((r, c))
    cells = []
    for group in members.values():
        rows = [r for r, _ in group]
        cols = [c for _, c in group]
        r0, r1, c0, c1 = min(rows), max(rows), min(cols), max(cols)
        cells.append(Cell(row=r0, col=c0, row_span=r1 - r0 + 1, col_span=c1 - c0 + 1,
                          x0=grid[r0][c0].x1, y0=grid[r1][c0].y1, x1=grid[r0][c1].x2, y1=grid[r0][c0].y2))
    cells.sort(key=lambda c: (c.row, c.col))
    x0, y0, x1, y1 = table._bbox
    return PageTable(page=int(table.page), x0=x0, y0=y0, x1=x1, y1=y1, cells=cells), n_rows * n_cols

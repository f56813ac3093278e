"""Ruled tables of a text PDF: camelot's lattice grid, folded into logical (merged) cells.

camelot finds each table and its grid from the page's ruling; which grid edges are really drawn
tells which grid cells are one merged cell. Text is placed afterwards from glyph boxes (text.py).

Speed: `camelot.read_pdf` builds the full pdfminer-style text layout of every page (every glyph,
its font, text lines and boxes) before its vector engine looks at the ruled lines; that layout is
most of its time, and we never use it (text comes from pdfium glyphs). So camelot's lattice parser
(same parser, same vector engine, same line finder `find_lines_from_layout`) is fed here a layout of
the page's *graphics only*: the content stream is interpreted with text operators skipped, paths
become the same LTLine/LTRect/LTCurve objects playa's `extract_page` makes, and no layout analysis
runs. The PDF is opened once per document, not once per page. The only use camelot made of its text
— dropping near-empty grids (≥ 90 % empty cells, ruling noise) — is kept, judged by the glyphs
printed inside the grid's cells instead of camelot's text lines.
"""
from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import playa
from camelot.parsers import Lattice
from playa.content import PathObject, XObjectObject
from playa.miner import LTFigure, LTPage, apply_matrix_pt, process_path
from playa.parser import KWD

from extract.model import Cell, PageTable

# The vector engine reads the rules from the PDF's drawing operators instead of rendering the
# page and finding lines in pixels: same grids on ruled forms, several times less CPU.
ENGINE = "vector"
# camelot's Lattice drops grids whose cells are at least this percent empty (_GRID_WHITESPACE_REJECT).
EMPTY_GRID_PERCENT = 90.0

_GRAPHICS = (PathObject, XObjectObject)
# Operators that build, paint and place paths; text, colour and marked-content operators are skipped.
_PATH_OPS = frozenset(KWD(op.encode()) for op in
                      "q Q cm w J j M d gs m l c v y h re S s f F f* B B* b b* n W W* Do".split())


class _RulesParser(Lattice):
    """camelot's lattice parser on a graphics-only layout: the caller knows the page has a text
    layer (camelot's own test needs the text layout) and judges empty grids by glyphs."""

    def _document_has_no_text(self) -> bool:
        return False

    def _reject_table(self, table) -> bool:
        return False


def _add_graphics(container, objects) -> None:
    for obj in objects:
        if isinstance(obj, PathObject):
            for item in process_path(obj):
                container.add(item)
        elif isinstance(obj, XObjectObject):  # a form XObject: an LTFigure, as extract_page makes it
            figure = LTFigure(obj)
            _add_graphics(figure, obj.interp(filter_classes=_GRAPHICS, restrict_ops=_PATH_OPS))
            container.add(figure)


def graphics_layout(page: playa.Page) -> LTPage:
    """The page as `playa.miner.extract_page` lays it out, minus its text and without analysis."""
    x0, y0, x1, y1 = page.mediabox
    x0, y0 = apply_matrix_pt(page.ctm, (x0, y0))
    x1, y1 = apply_matrix_pt(page.ctm, (x1, y1))
    layout = LTPage(page.page_idx + 1, (0, 0, abs(x0 - x1), abs(y0 - y1)))
    _add_graphics(layout, page.interp(filter_classes=_GRAPHICS, restrict_ops=_PATH_OPS))
    return layout


class RuledPages:
    """One PDF (a file or its bytes) opened once for camelot's lattice parser; `tables(n, ink)` per
    page (1-based). A print-only PDF (permission flags forbid extraction) is read like any other, as
    pdfium reads its text: camelot.read_pdf would refuse it, so this never asks."""

    def __init__(self, source: Path | str | bytes) -> None:
        self.source = source
        self.path = "<bytes>" if isinstance(source, bytes) else str(source)  # camelot's name for the file
        self._pdf: playa.Document | None = None
        self._parser: _RulesParser | None = None

    def _open(self) -> playa.Document:
        if self._pdf is None:
            if isinstance(self.source, bytes):
                self._pdf = playa.Document(self.source, space="page")
            else:
                self._pdf = playa.open(self.path, space="page")
            self._parser = _RulesParser(engine=ENGINE)
        return self._pdf

    def tables(self, page_no: int, ink: np.ndarray | None) -> list[PageTable]:
        """Every ruled table on the page, as logical cells without text, top to bottom.

        `ink`: (n, 2) centres of the glyphs printed on the page, to drop near-empty grids."""
        pdf = self._open()
        page = pdf.pages[page_no - 1]
        layout = graphics_layout(page)
        parser = self._parser
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            logging.getLogger("camelot").setLevel(logging.ERROR)
            parser.prepare_page_parse(self.path, layout, (layout.bbox[2], layout.bbox[3]), page_no,
                                      [], [], [], "", layout_kwargs={})
            found = parser.extract_tables()
        out = []
        rules = _vertical_rules(layout)
        for table in found:
            page_table, grid_cells = _page_table(table)
            if not _near_empty(page_table, grid_cells, ink):
                out.append(_with_cut_side_columns(page_table, rules))
        if not out:
            row = _row_between_rules(layout, page_no)
            if row is not None and not _near_empty(row, len(row.cells), ink):
                out.append(row)
        return sorted(out, key=lambda t: (t.page, -t.y1, t.x0))

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def __enter__(self) -> RuledPages:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def read_tables(path: Path, pages: str = "all",
                ink: Callable[[int], np.ndarray] | None = None) -> list[PageTable]:
    """Every ruled table on the given pages ("all", "3", "1,4-5"), in page order.

    `ink(page_no)` gives the page's glyph centres; by default they are read with pdfium."""
    import pypdfium2 as pdfium

    from extract.glyphs import page_glyphs

    pdf = pdfium.PdfDocument(str(path))
    try:
        numbers = _page_numbers(pages, len(pdf))
        out: list[PageTable] = []
        with RuledPages(path) as ruled:
            for n in numbers:
                if ink is not None:
                    centres = ink(n)
                else:
                    page = pdf[n - 1]
                    centres = glyph_centres(page_glyphs(page))
                    page.close()
                out.extend(ruled.tables(n, centres))
        return out
    finally:
        pdf.close()


def glyph_centres(glyphs) -> np.ndarray:
    return np.array([(g.cx, g.cy) for g in glyphs], dtype=float).reshape(-1, 2)


def _page_numbers(spec: str, count: int) -> list[int]:
    if spec == "all":
        return list(range(1, count + 1))
    out: set[int] = set()
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.update(range(int(a), (count if b == "end" else int(b or a)) + 1))
    return sorted(out)


def _vertical_rules(layout: LTPage) -> list:
    return [o for o in layout if o.x1 - o.x0 < 2 and o.y1 - o.y0 > 20]


def _with_cut_side_columns(table: PageTable, rules: list) -> PageTable:
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


def _row_between_rules(layout: LTPage, page_no: int) -> PageTable | None:
    """A page holding only the middle of one tall table row: a browser breaks the row over pages and
    draws its column rules but neither its top nor its bottom rule here, so the lattice finds no grid
    (no rule crosses another). Three or more vertical rules of one height make a one-row table, which
    joins the row above the break (stitch.py)."""
    rules = _vertical_rules(layout)
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

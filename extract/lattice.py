"""Ruled tables of a text PDF: camelot's lattice grid, folded into logical (merged) cells.

camelot finds each table and its grid from the page's ruling; which grid edges are really drawn
tells which grid cells are one merged cell. Text is placed afterwards from glyph boxes (text.py).
"""
from __future__ import annotations

import logging
import warnings
from pathlib import Path

import camelot

from extract.model import Cell, PageTable

# The vector engine reads the rules from the PDF's drawing operators instead of rendering the
# page and finding lines in pixels: same grids on ruled forms, several times less CPU.
ENGINE = "vector"


def read_tables(path: Path, pages: str = "all") -> list[PageTable]:
    """Every ruled table on the given pages, as logical cells without text, in page order."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # camelot warns on every page without a table
        logging.getLogger("camelot").setLevel(logging.ERROR)
        tables = camelot.read_pdf(str(path), pages=pages, flavor="lattice", engine=ENGINE)
    out = [_page_table(t) for t in tables]
    return sorted(out, key=lambda t: (t.page, -t.y1, t.x0))


def _page_table(table) -> PageTable:
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
    return PageTable(page=int(table.page), x0=x0, y0=y0, x1=x1, y1=y1, cells=cells)

"""One source file → its ruled tables as cells and its free text as lines, with page and bbox."""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pypdfium2 as pdfium

from extract.glyphs import Glyph, page_glyphs
from extract.lattice import ruled_tables
from extract.model import Cell, PageContent, PageTable, TextLine
from extract.paths import page_shapes
from extract.scan import needs_ocr
from extract.stitch import absorb_overflow, hugs_rule, is_furniture, join_tables, without_furniture
from extract.text import WORD_GAP, glyphs_text, group_lines, line_text
from extract.unruled import split_cell

CELL_COLUMNS = ["table", "row", "col", "row_span", "col_span", "page", "x0", "y0", "x1", "y1",
                "text", "confidence", "locator"]
LINE_COLUMNS = ["page", "x0", "y0", "x1", "y1", "text", "confidence"]
COLUMN_GAP = 4.0  # line heights: wider gaps split free text into separate lines (left/right blocks)


class ExtractError(ValueError):
    """The file cannot be read as a document with tables; the message says why, for the run's report."""


@dataclass
class Extraction:
    sha256: str
    pages: int
    cells: pd.DataFrame
    lines: pd.DataFrame
    ocr: bool
    format: str = "pdf"  # what the source was (extract.formats); transform never looks at it
    pages_are_separate: bool = False  # a workbook's sheets: no table runs on from one page to the next


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def open_pdf(data: bytes, password: str | None = None) -> pdfium.PdfDocument:
    if not data:
        raise ExtractError("empty file (0 bytes)")
    head = data[:1024]
    if b"%PDF-" not in head:
        kind = "an HTML page" if b"<html" in head.lower() or b"<!doctype" in head.lower() else "not a PDF"
        raise ExtractError(f"{kind}: no %PDF- header")
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise ExtractError("encrypted PDF: a password is needed to open it") from err
        raise ExtractError(f"corrupt PDF: {err}") from err


def read_pdf(data: bytes) -> Extraction:
    pdf = open_pdf(data)
    try:
        contents = [_read_page(pdf, i) for i in range(len(pdf))]
    finally:
        pdf.close()
    return _assemble(hashlib.sha256(data).hexdigest(), contents)


def _read_page(pdf: pdfium.PdfDocument, index: int) -> PageContent:
    page = pdf[index]
    try:
        width, height = page.get_size()
        glyphs = page_glyphs(page)
        if not glyphs and needs_ocr(page):
            from extract import ocr  # heavy (ONNX models): only loaded when a page is a scan
            return ocr.read_scanned_page(page, index + 1)
        boxes = np.array([(g.x0, g.y0, g.x1, g.y1) for g in glyphs], dtype=float).reshape(-1, 4)
        centres = (boxes[:, :2] + boxes[:, 2:]) / 2  # where each glyph is: which cell, which grid it inks
        tables = ruled_tables(page_shapes(page), index + 1, (width, height), centres) if glyphs else []
        tables, rest = _fill_tables(tables, glyphs, boxes, centres)
        return PageContent(index + 1, width, height, tables, _free_lines(index + 1, rest, tables))
    finally:
        page.close()


def _fill_tables(tables: list[PageTable], glyphs: list[Glyph], boxes: np.ndarray,
                 centres: np.ndarray) -> tuple[list[PageTable], list[Glyph]]:
    """Give each cell the glyphs whose centre lies inside it; the rest is text outside tables.
    `boxes` (n, 4) and `centres` (n, 2): the glyphs' ink boxes and centres, as arrays."""
    cells = [c for t in tables for c in t.cells]
    if not cells or not glyphs:
        return tables, glyphs
    box = np.array([(c.x0, c.y0, c.x1, c.y1) for c in cells])
    cx, cy = centres[:, 0][:, None], centres[:, 1][:, None]
    inside = (box[:, 0] <= cx) & (cx < box[:, 2]) & (box[:, 1] <= cy) & (cy < box[:, 3])
    owner = np.where(inside.any(axis=1), inside.argmax(axis=1), -1)
    _punctuation_with_its_characters(glyphs, boxes, centres, owner)
    buckets: dict[int, list[Glyph]] = {}
    for g, o in zip(glyphs, owner.tolist()):
        buckets.setdefault(o, []).append(g)
    def filled_cell(c: Cell, inside: list[Glyph]) -> Cell:
        if inside:  # the page's own new cells (ruled_tables, split_cell): filled in place, not copied
            c.text, c.text_y0, c.text_y1 = glyphs_text(inside), min(g.y0 for g in inside), max(g.y1 for g in inside)
        return c

    texts = iter([buckets.get(i, []) for i in range(len(cells))])
    filled = []
    for t in tables:
        edges = sorted({x for c in t.cells for x in (c.x0, c.x1)})
        parts = [part for c in t.cells for part in split_cell(c, next(texts), edges)]
        cells_out = [filled_cell(c, inside) for c, inside in parts]
        filled.append(replace(t, cells=_regrid(cells_out) if len(parts) > len(t.cells) else cells_out))
    return filled, buckets.get(-1, [])


def _regrid(cells: list[Cell]) -> list[Cell]:
    """Grid rows from the cells' own edges: a box split into rows adds rows the ruling did not have."""
    tops = _cluster(sorted({round(y, 1) for c in cells for y in (c.y0, c.y1)}))[::-1]
    def band(y: float) -> int:
        return min(range(len(tops)), key=lambda i: abs(tops[i] - y))
    return sorted((replace(c, row=band(c.y1), row_span=max(band(c.y0) - band(c.y1), 1)) for c in cells),
                  key=lambda c: (c.row, c.x0))


def _punctuation_with_its_characters(glyphs: list[Glyph], boxes: np.ndarray, centres: np.ndarray,
                                     owner: np.ndarray) -> None:
    """Commas sit low in their line and quotes (“ ”) high: where a cell's edge (a cut page's bottom rule)
    runs through a line, a mark goes where the character beside it goes, into the table or out of it."""
    is_mark = np.array([unicodedata.category(g.char).startswith("P") for g in glyphs], dtype=bool)
    marks, letters = np.flatnonzero(is_mark), np.flatnonzero(~is_mark)
    if not len(marks) or not len(letters):
        return
    y0, y1 = boxes[:, 1], boxes[:, 3]
    cx, cy = centres[:, 0], centres[:, 1]
    # marks × letters: beside the mark, then on its own line, else a little above or below it
    lx, ly0, ly1 = cx[letters][None, :], y0[letters][None, :], y1[letters][None, :]
    height = ly1 - ly0
    mx, my = cx[marks][:, None], cy[marks][:, None]
    beside = np.abs(lx - mx) < 1.5 * height
    own_line = (ly0 <= my) & (my <= ly1) & beside
    near = np.where(own_line.any(axis=1)[:, None], own_line,
                    (ly0 - 0.3 * height <= my) & (my <= ly1 + 0.3 * height) & beside)
    found = near.any(axis=1)
    nearest = np.where(near, np.abs(lx - mx), np.inf).argmin(axis=1)
    theirs = owner[letters[nearest]]
    # in or out of the table; a mark in the next cell stays there
    moves = found & ((owner[marks] == -1) | (theirs == -1))
    owner[marks[moves]] = theirs[moves]


def _free_lines(page: int, glyphs: list[Glyph], tables: list[PageTable]) -> list[TextLine]:
    """Free text as lines, split at wide gaps; right under a table's bottom rule, also at the edges of
    its bottom cells (a browser prints there the overflow of several cells cut by a page break, on
    one baseline: each part belongs to its own cell, see stitch.absorb_overflow)."""
    last = min(tables, key=lambda t: t.y0, default=None)
    edges = sorted({x for c in last.cells if abs(c.y0 - last.y0) < 1 for x in (c.x0, c.x1)}) if last else []
    out: list[TextLine] = []
    for line in group_lines(glyphs):
        blocks: list[list[Glyph]] = [[line[0]]]
        for prev, g in zip(line, line[1:]):
            if g.x0 - prev.x1 > COLUMN_GAP * max(prev.height, g.height):
                blocks.append([])
            blocks[-1].append(g)
        hugs = last is not None and hugs_rule(min(g.y0 for g in line), max(g.y1 for g in line), last.y0)
        if hugs and not any(is_furniture(line_text(b)) for b in blocks):
            blocks = [part for b in blocks for part in _split_at(b, edges)]
        out.extend(_text_line(page, b) for b in blocks)
    return out


def _split_at(glyphs: list[Glyph], edges: list[float]) -> list[list[Glyph]]:
    parts: list[list[Glyph]] = [[glyphs[0]]]
    for prev, g in zip(glyphs, glyphs[1:]):
        if any(prev.cx < e <= g.cx for e in edges):
            parts.append([])
        parts[-1].append(g)
    return parts


def _text_line(page: int, glyphs: list[Glyph]) -> TextLine:
    return TextLine(page, min(g.x0 for g in glyphs), min(g.y0 for g in glyphs),
                    max(g.x1 for g in glyphs), max(g.y1 for g in glyphs), line_text(glyphs))


def _assemble(sha256: str, contents: list[PageContent]) -> Extraction:
    # Page numbers, 续表 and browser headers have done their work (they do not break a table): not text of the form.
    lines = without_furniture([ln for pc in contents for ln in pc.lines])
    tables, lines = absorb_overflow([t for pc in contents for t in pc.tables], lines)
    joined = join_tables(tables, lines, {pc.page: pc.width for pc in contents})
    cell_rows = []
    for t_i, jt in enumerate(joined):
        # Columns of the joined table: every distinct left edge, so pieces with other grids align.
        edges = _cluster(sorted({round(pc.cell.x0, 1) for pc in jt.cells}))
        for pc in jt.cells:
            col = _index(edges, pc.cell.x0)
            end = _index(edges, pc.cell.x1 - 3.0)
            cell_rows.append({"table": t_i, "row": pc.row, "col": col, "row_span": pc.row_span,
                              "col_span": max(end - col + 1, 1), "page": pc.page,
                              "x0": pc.cell.x0, "y0": pc.cell.y0, "x1": pc.cell.x1, "y1": pc.cell.y1,
                              "text": pc.cell.text, "confidence": pc.cell.confidence,
                              "locator": f"p{pc.page}"})
    cells = pd.DataFrame(cell_rows, columns=CELL_COLUMNS).sort_values(["table", "row", "col"], ignore_index=True)
    line_frame = pd.DataFrame([vars(ln) for ln in lines],
                              columns=LINE_COLUMNS)
    return Extraction(sha256, len(contents), cells, line_frame, any(pc.ocr for pc in contents))


def _cluster(xs: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for x in xs:
        if not out or x - out[-1] > tol:
            out.append(x)
    return out


def _index(edges: list[float], x: float) -> int:
    return max((i for i, e in enumerate(edges) if e <= x + 1.0), default=0)

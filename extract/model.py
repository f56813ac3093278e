"""What extract/ hands on: ruled tables of merged cells and free text lines, each with page and bbox.

Coordinates are PDF points with the origin at the page's bottom-left (camelot's convention), so text
PDFs and scans (whose pixels are mapped back to points) share one frame.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cell:
    """One logical cell: a merged region of the grid, with the text printed inside it."""
    row: int
    col: int
    row_span: int
    col_span: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str = ""
    confidence: float = 1.0  # 1.0 from a text layer; the OCR score on scanned pages
    text_y0: float | None = None  # how low and how high the text inside reaches (None: no text, or a
    text_y1: float | None = None  # scan): tells text cut by a page break from text centred in its cell


@dataclass
class PageTable:
    """A ruled table as found on one page, before tables running over pages are joined."""
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    cells: list[Cell] = field(default_factory=list)


@dataclass
class TextLine:
    """A line of text outside every table (titles, unit lines, notes, signatures)."""
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    confidence: float = 1.0


@dataclass
class PageContent:
    page: int
    width: float
    height: float
    tables: list[PageTable]
    lines: list[TextLine]
    ocr: bool = False

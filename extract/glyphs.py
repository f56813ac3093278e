"""Characters of a page's text layer with their *glyph* boxes, via pdfium.

Why not the text lines camelot places: camelot positions a text line by its font-declared ascent and
descent. The embedded CJK Type 1 fonts of these forms declare /Descent ≈ -1046 (over a full em), so
a wrapped cell's last line reaches down into the next row and camelot puts it there. pdfium's
tight glyph box (FPDFText_GetCharBox) is the ink itself, so the glyph centre is always inside the
cell it is printed in, whatever the font claims.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


@dataclass(frozen=True, slots=True)
class Glyph:
    char: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def page_glyphs(page: pdfium.PdfPage) -> list[Glyph]:
    """Every printed (inked) character of the page with its tight box."""
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        out: list[Glyph] = []
        for i in range(pdfium_c.FPDFText_CountChars(raw)):
            code = pdfium_c.FPDFText_GetUnicode(raw, i)
            if code in (0, 0xFFFE, 0xFFFF) or code in (0x0A, 0x0D):
                continue
            char = chr(code)
            # Spaces have no ink to place; word gaps are re-derived from geometry (text.py).
            if char.isspace() or not pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top):
                continue
            out.append(Glyph(char, left.value, bottom.value, right.value, top.value))
        return out
    finally:
        textpage.close()

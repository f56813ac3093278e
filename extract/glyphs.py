"""Characters of a page's text layer with their *glyph* boxes, via pdfium.

Why not the text lines camelot places: camelot positions a text line by its font-declared ascent and
descent. The embedded CJK Type 1 fonts of these forms declare /Descent ≈ -1046 (over a full em), so
a wrapped cell's last line reaches down into the next row and camelot puts it there. pdfium's
tight glyph box (FPDFText_GetCharBox) is the ink itself, so the glyph centre is always inside the
cell it is printed in, whatever the font claims.
"""
from __future__ import annotations

import ctypes
import unicodedata
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

IDENTITY = (1, 0, 0, 1, 0, 0)


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


def display_matrix(page: pdfium.PdfPage) -> tuple[float, float, float, float, float, float]:
    """From the page's user space to the page as displayed (its /Rotate applied, origin at the bottom
    left of the rotated media box): the space playa gives camelot the rules in (`space="page"`), so
    glyphs and rules meet on a page stored landscape-as-portrait with /Rotate 90 or 180."""
    x0, y0, x1, y1 = page.get_mediabox()
    width, height = x1 - x0, y1 - y0
    a, b, c, d, e, f = {0: (1, 0, 0, 1, 0, 0), 90: (0, -1, 1, 0, 0, width), 180: (-1, 0, 0, -1, width, height),
                        270: (0, 1, -1, 0, height, 0)}[page.get_rotation() % 360]
    xs = [a * x + c * y + e for x in (x0, x1) for y in (y0, y1)]
    ys = [b * x + d * y + f for x in (x0, x1) for y in (y0, y1)]
    return a, b, c, d, e - min(xs), f - min(ys)


def _placed(glyph: Glyph, m: tuple[float, ...]) -> Glyph:
    xs = [m[0] * x + m[2] * y + m[4] for x in (glyph.x0, glyph.x1) for y in (glyph.y0, glyph.y1)]
    ys = [m[1] * x + m[3] * y + m[5] for x in (glyph.x0, glyph.x1) for y in (glyph.y0, glyph.y1)]
    return Glyph(glyph.char, min(xs), min(ys), max(xs), max(ys))


def page_glyphs(page: pdfium.PdfPage) -> list[Glyph]:
    """Every visible printed (inked) character of the page with its tight box, as the page is displayed."""
    matrix = display_matrix(page)
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        printed: list[tuple[Glyph, pdfium_c.FPDF_PAGEOBJECT]] = []
        for i in range(pdfium_c.FPDFText_CountChars(raw)):
            code = pdfium_c.FPDFText_GetUnicode(raw, i)
            if code in (0, 0xFFFE, 0xFFFF) or code in (0x0A, 0x0D):
                continue
            char = chr(code)
            # Spaces have no ink to place; word gaps are re-derived from geometry (text.py).
            if char.isspace() or not pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top):
                continue
            printed.append((Glyph(char, left.value, bottom.value, right.value, top.value),
                            pdfium_c.FPDFText_GetTextObject(raw, i)))
        clips = _ClipBoxes()
        runs = _runs(printed)
        lines = [(run, clips.shown(run)) for run in runs if not _punctuation(run)]
        out = [g for _, shown in lines for g in shown]
        for run in runs:
            if _punctuation(run):
                # Punctuation set in a font of its own (a text object apart) sits low in a line of full
                # characters: it is shown where that line is, not by its own centre.
                line = _line_of(run, lines)
                out.extend(clips.shown(run) if line is None else [g for g, _ in run] if line[1] else [])
        return [g if matrix == IDENTITY else _placed(g, matrix) for g in out]
    finally:
        textpage.close()


def _runs(printed: list[tuple[Glyph, pdfium_c.FPDF_PAGEOBJECT]]) -> list[list[tuple[Glyph, pdfium_c.FPDF_PAGEOBJECT]]]:
    """Consecutive characters of one text object on one line."""
    runs: list[list[tuple[Glyph, pdfium_c.FPDF_PAGEOBJECT]]] = []
    for glyph, obj in printed:
        if runs:
            last, last_obj = runs[-1][-1]
            if _key(obj) == _key(last_obj) and abs(last.cy - glyph.cy) < 0.6 * max(last.height, glyph.height, 1.0):
                runs[-1].append((glyph, obj))
                continue
        runs.append([(glyph, obj)])
    return runs


def _punctuation(run: list[tuple[Glyph, pdfium_c.FPDF_PAGEOBJECT]]) -> bool:
    return all(unicodedata.category(g.char).startswith("P") for g, _ in run)


def _line_of(run: list[tuple[Glyph, pdfium_c.FPDF_PAGEOBJECT]], lines: list) -> tuple | None:
    """The line of full-height characters a run of punctuation stands in: its band holds the
    punctuation's bottom, and it reaches to within a character of it."""
    g = run[0][0]
    for line, shown in lines:
        y0, y1 = min(h.y0 for h, _ in line), max(h.y1 for h, _ in line)
        x0, x1 = min(h.x0 for h, _ in line), max(h.x1 for h, _ in line)
        size = y1 - y0
        if y0 - 0.3 * size <= g.y0 <= y1 and x0 - size <= g.cx <= x1 + size:
            return line, shown
    return None


def _key(obj: pdfium_c.FPDF_PAGEOBJECT) -> int | None:
    return ctypes.cast(obj, ctypes.c_void_p).value


class _ClipBoxes:
    """Text a clipping path hides is not printed. Office suites print a merged cell cut by a page
    break on both pages, each clipped to the part of the cell on that page: without the clip, its
    text would show twice, half of it in the margin."""
    SLACK = 0.5  # points

    def __init__(self) -> None:
        self._boxes: dict[int, tuple[float, float, float, float] | None] = {}
        self._x, self._y = ctypes.c_float(), ctypes.c_float()

    def shown(self, run: list[tuple[Glyph, pdfium_c.FPDF_PAGEOBJECT]]) -> list[Glyph]:
        """The glyphs of one line of one text object its clip shows. A line is judged whole, at its
        middle height: cut through by a page break, it is on one page or the other, never a few
        characters on each (tight ink boxes put single glyphs' centres either side of the cut)."""
        glyph, obj = run[0]
        key = _key(obj)
        if key is None:
            return [g for g, _ in run]
        if key not in self._boxes:
            self._boxes[key] = self._box(obj)
        box = self._boxes[key]
        if box is None:
            return [g for g, _ in run]
        tall = max(g.height for g, _ in run)
        middle = sorted(g.cy for g, _ in run if g.height >= 0.6 * tall)[len([1 for g, _ in run if g.height >= 0.6 * tall]) // 2]
        if not box[1] - self.SLACK <= middle <= box[3] + self.SLACK:
            return []
        return [g for g, _ in run if box[0] - self.SLACK <= g.cx <= box[2] + self.SLACK]

    def _box(self, text_object: pdfium_c.FPDF_PAGEOBJECT) -> tuple[float, float, float, float] | None:
        """The bounding box of the object's clip (the intersection of its clip paths), in page space."""
        clip = pdfium_c.FPDFPageObj_GetClipPath(text_object)
        if not clip:
            return None
        box: tuple[float, float, float, float] | None = None
        for path in range(pdfium_c.FPDFClipPath_CountPaths(clip)):
            xs, ys = [], []
            for k in range(pdfium_c.FPDFClipPath_CountPathSegments(clip, path)):
                segment = pdfium_c.FPDFClipPath_GetPathSegment(clip, path, k)
                if pdfium_c.FPDFPathSegment_GetPoint(segment, self._x, self._y):
                    xs.append(self._x.value)
                    ys.append(self._y.value)
            if xs:
                b = (min(xs), min(ys), max(xs), max(ys))
                box = b if box is None else (max(box[0], b[0]), max(box[1], b[1]), min(box[2], b[2]), min(box[3], b[3]))
        return box

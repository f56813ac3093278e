"""Characters of a page's text layer with their *glyph* boxes, via pdfium.

Why not the text lines camelot places: camelot positions a text line by its font-declared ascent and
descent. The embedded CJK Type 1 fonts of these forms declare /Descent ≈ -1046 (over a full em), so
a wrapped cell's last line reaches down into the next row and camelot puts it there. pdfium's
tight glyph box (FPDFText_GetCharBox) is the ink itself, so the glyph centre is always inside the
cell it is printed in, whatever the font claims.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

IDENTITY = (1, 0, 0, 1, 0, 0)


@dataclass(slots=True)
class Glyph:
    """A printed character and its ink box. Centre and height are kept, not derived on each use: the
    line grouping reads them tens of times per glyph. Not to be changed once made."""
    char: str
    x0: float
    y0: float
    x1: float
    y1: float
    cx: float = field(init=False)
    cy: float = field(init=False)
    height: float = field(init=False)

    def __post_init__(self) -> None:
        self.cx = (self.x0 + self.x1) / 2
        self.cy = (self.y0 + self.y1) / 2
        self.height = self.y1 - self.y0


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


Box = tuple[float, float, float, float]


def page_glyphs(page: pdfium.PdfPage) -> list[Glyph]:
    """Every visible printed (inked) character of the page with its tight box, as the page is displayed."""
    matrix = display_matrix(page)
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        get_unicode, get_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetCharBox
        clips = _ClipBoxes()
        printed: list[tuple[Glyph, Box | None]] = []
        for i in range(pdfium_c.FPDFText_CountChars(raw)):
            code = get_unicode(raw, i)
            if code in (0, 0xFFFE, 0xFFFF) or code in (0x0A, 0x0D):
                continue
            char = chr(code)
            # Spaces have no ink to place; word gaps are re-derived from geometry (text.py).
            if char.isspace() or not get_box(raw, i, left, right, bottom, top):
                continue
            glyph = Glyph(char, left.value, bottom.value, right.value, top.value)
            printed.append((glyph, clips.box(_text_object(raw, i))))
        shown = _shown(printed)  # clips are in user space
        return shown if matrix == IDENTITY else [_placed(g, matrix) for g in shown]
    finally:
        textpage.close()


def _shown(printed: list[tuple[Glyph, Box | None]]) -> list[Glyph]:
    """The glyphs their clips let through. A line of text is judged whole, at the middle of its full-height
    characters: a line a page break cuts through is on one page or the other, never a few characters
    (a comma, digits of another font) on each, as single tight ink boxes would put it. A character
    with no clip of its own in a clipped line (a comma pdfium gives a text object apart) goes with
    the characters beside it."""
    from extract.text import group_lines  # text.py builds on Glyph: imported here, not at the top

    if _nothing_cut(printed):
        return [g for g, _ in printed]
    clip_of = {id(g): box for g, box in printed}
    out: list[Glyph] = []
    for line in group_lines([g for g, _ in printed]):
        clipped = [g for g in line if clip_of[id(g)] is not None]
        groups: dict[Box | None, list[Glyph]] = {}
        for g in line:
            box = clip_of[id(g)]
            if box is None and clipped:
                beside = min(clipped, key=lambda c: abs(c.cx - g.cx))
                box = clip_of[id(beside)] if abs(beside.cx - g.cx) < 1.5 * beside.height else None
            groups.setdefault(box, []).append(g)
        for box, glyphs in groups.items():
            if box is None:
                out.extend(glyphs)
                continue
            tallest = max(g.height for g in glyphs)
            middles = sorted(g.cy for g in glyphs if g.height >= 0.6 * tallest)
            # No slack in height: the two pages' clips meet at the cut, so exactly one holds the middle.
            if box[1] <= middles[len(middles) // 2] <= box[3]:
                slack = _ClipBoxes.SLACK
                out.extend(g for g in glyphs if box[0] - slack <= g.cx <= box[2] + slack)
    return out


def _nothing_cut(printed: list[tuple[Glyph, Box | None]]) -> bool:
    """No clip on the page, or every character clipped and wholly inside its clip (most pages): the clips
    hide nothing, and _shown need not judge line by line."""
    boxes = [box for _, box in printed]
    if all(box is None for box in boxes):
        return True
    slack = _ClipBoxes.SLACK
    return all(box is not None and box[0] - slack <= g.x0 and g.x1 <= box[2] + slack and box[1] <= g.y0
               and g.y1 <= box[3] for g, box in printed)


# FPDFText_GetTextObject returning the object's address as an int: a text object keys its clip in
# _ClipBoxes without a ctypes cast per character.
_text_object = ctypes.CFUNCTYPE(ctypes.c_void_p, pdfium_c.FPDF_TEXTPAGE, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value)


class _ClipBoxes:
    """Text a clipping path hides is not printed. Office suites print a merged cell cut by a page
    break on both pages, each clipped to the part of the cell on that page: without the clip, its
    text would show twice, half of it in the margin."""
    SLACK = 0.5  # points

    def __init__(self) -> None:
        self._boxes: dict[int, tuple[float, float, float, float] | None] = {}
        self._x, self._y = ctypes.c_float(), ctypes.c_float()

    def box(self, address: int | None) -> Box | None:
        """The clip of the text object at `address` (None: no object, or no clip)."""
        if address is None:
            return None
        if address not in self._boxes:
            self._boxes[address] = self._box(ctypes.cast(address, pdfium_c.FPDF_PAGEOBJECT))
        return self._boxes[address]

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

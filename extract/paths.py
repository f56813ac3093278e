"""The paths a page draws (its ruling), from the page objects pdfium has already parsed.

pdfium parses the whole content stream when it loads a page for its text; reading the paths from
those objects costs a few ms a page, where interpreting the stream a second time (playa) cost
about a third of all reading. Each subpath becomes a line, an axis-aligned rectangle or a curve by
the same rules as pdfminer/playa's `process_path`, which camelot's line finder was written for, in
the displayed page's space (glyphs.py's `display_matrix`), where the glyphs are placed too.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Literal

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.glyphs import display_matrix

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
# pdfium's segment types as playa's path operators (a Bézier is one "c" per point: a curve either way)
_OP = {pdfium_c.FPDF_SEGMENT_MOVETO: "m", pdfium_c.FPDF_SEGMENT_LINETO: "l"}
# The per-segment calls, bound once: a ruled page has thousands of segments.
_MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO
_segment, _point = pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDFPathSegment_GetPoint
_segment_type, _closes = pdfium_c.FPDFPathSegment_GetType, pdfium_c.FPDFPathSegment_GetClose


@dataclass(frozen=True, slots=True)
class Shape:
    kind: Literal["line", "rect", "curve"]
    x0: float
    y0: float
    x1: float
    y1: float
    stroke: bool
    fill: bool


def page_shapes(page: pdfium.PdfPage) -> list[Shape]:
    """Every subpath drawn on the page, form XObjects included."""
    reader = _PathReader()
    raw = page.raw
    objects = (pdfium_c.FPDFPage_GetObject(raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(raw)))
    reader.walk(objects, display_matrix(page))
    return reader.shapes


def _then(m: Matrix, n: Matrix) -> Matrix:
    """The transform `m` followed by `n` (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


class _PathReader:
    def __init__(self) -> None:
        self.shapes: list[Shape] = []
        self._x, self._y = ctypes.c_float(), ctypes.c_float()
        self._fill_mode, self._stroke = ctypes.c_int(), ctypes.c_int()
        self._matrix = pdfium_c.FS_MATRIX()

    def _placed(self, obj: pdfium_c.FPDF_PAGEOBJECT, outer: Matrix) -> Matrix:
        m = self._matrix
        pdfium_c.FPDFPageObj_GetMatrix(obj, m)
        return _then((m.a, m.b, m.c, m.d, m.e, m.f), outer)

    def walk(self, objects, outer: Matrix) -> None:
        for obj in objects:
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                self._path(obj, self._placed(obj, outer))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:  # its objects are placed in the form's own space
                count = pdfium_c.FPDFFormObj_CountObjects(obj)
                self.walk((pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(count)), self._placed(obj, outer))

    def _path(self, obj: pdfium_c.FPDF_PAGEOBJECT, m: Matrix) -> None:
        pdfium_c.FPDFPath_GetDrawMode(obj, self._fill_mode, self._stroke)
        fill, stroke = self._fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE, bool(self._stroke.value)
        a, b, c, d, e, f = m
        x, y = self._x, self._y
        ops: list[str] = []
        pts: list[Point] = []
        for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = _segment(obj, k)
            _point(segment, x, y)
            kind = _segment_type(segment)
            if kind == _MOVETO and ops:
                self._add(ops, pts, stroke, fill)
                ops, pts = [], []
            ops.append(_OP.get(kind, "c"))
            pts.append((a * x.value + c * y.value + e, b * x.value + d * y.value + f))
            if _closes(segment):
                ops.append("h")
                pts.append(pts[0])
        if ops:
            self._add(ops, pts, stroke, fill)

    def _add(self, ops: list[str], pts: list[Point], stroke: bool, fill: bool) -> None:
        shape = "".join(ops)
        # pdfium closes a rectangle with a line back to its start and a close: drop the redundant line.
        if len(ops) > 3 and shape.endswith("lh") and pts[-2] == pts[0]:
            shape = shape[:-2] + "h"
            pts = pts[:-2] + pts[-1:]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        kind: Literal["line", "rect", "curve"] = "curve"
        if shape in ("mlh", "ml"):
            kind = "line"
            xs, ys = xs[:2], ys[:2]
        elif shape in ("mlllh", "mllll") and pts[0] == pts[4]:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[:4]
            if (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0):
                kind = "rect"
        self.shapes.append(Shape(kind, min(xs), min(ys), max(xs), max(ys), stroke, fill))

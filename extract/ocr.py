"""Scanned (image-only) pages into the PageContent model: ruled grid from the raster, text by OCR.

OCR is RapidOCR (PP-OCRv6 small det/rec on onnxruntime); its ONNX models ship inside the `rapidocr`
wheel and are passed by path, so nothing is ever downloaded at run time.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pypdfium2
import rapidocr
from rapidocr import RapidOCR

from extract import raster
from extract.model import Cell, PageContent, PageTable, TextLine
from extract.text import join_parts

RULE_CLEARANCE = 4  # pixels kept clear of a rule when a text box is cut at it
INK_LEVEL = 128  # a piece of a cut box with no pixel darker than this is blank
TEXT_SCORE = 0.5  # recognitions scored lower are dropped (rapidocr's default, kept for re-reads too)
# One inference thread: files are parsed in a process pool as wide as the machine, and on 2 shared
# cores a second spinning onnxruntime thread cost more than it gave (page 1: 6 s wall vs 9-11 s).
OCR_THREADS = 1


@dataclass(frozen=True)
class TextBox:
    """One detected text line, in deskewed pixels."""
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    score: float


def model_paths() -> dict[str, Path]:
    """The ONNX files inside the installed rapidocr package; missing ones are an install error."""
    models = Path(rapidocr.__file__).parent / "models"
    paths = {"Det": models / "PP-OCRv6_det_small.onnx", "Rec": models / "PP-OCRv6_rec_small.onnx"}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"OCR models missing from the rapidocr package: {missing}")
    return paths


@lru_cache(maxsize=1)
def engine() -> RapidOCR:
    """The OCR engine, built once per process (it is not safe to share between threads). Explicit
    model paths keep rapidocr from looking anything up online; the angle classifier is off because
    deskewed forms are upright."""
    params = {f"{task}.model_path": str(path) for task, path in model_paths().items()}
    params.update({"Global.use_cls": False, "Global.log_level": "error", "Global.text_score": TEXT_SCORE,
                   "EngineConfig.onnxruntime.intra_op_num_threads": OCR_THREADS,
                   "EngineConfig.onnxruntime.inter_op_num_threads": OCR_THREADS})
    return RapidOCR(params=params)


def read_text(gray: np.ndarray) -> list[TextBox]:
    """Detect and recognise every text line of a grayscale image."""
    # Every call names its steps: rapidocr keeps the last call's choice for the next one.
    result = engine()(np.dstack([gray] * 3), use_det=True, use_cls=False, use_rec=True)
    if result.boxes is None:
        return []
    return [TextBox(float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 0].max()), float(b[:, 1].max()),
                    text, float(score))
            for b, text, score in zip(np.asarray(result.boxes), result.txts, result.scores)]


def recognise(gray: np.ndarray) -> tuple[str, float]:
    """Text and score of an image holding a single line (no detection)."""
    result = engine()(np.dstack([gray] * 3), use_det=False, use_cls=False, use_rec=True)
    return (result.txts[0], float(result.scores[0])) if result.txts else ("", 0.0)


def _rules_through(box: TextBox, grids: list[raster.Grid]) -> list[int]:
    """x of every ruled vertical grid line that runs through the box's interior at its height."""
    cy, margin = (box.y0 + box.y1) / 2, (box.y1 - box.y0) / 3
    xs = []
    for grid in grids:
        row = int(np.searchsorted(grid.ys, cy)) - 1
        if 0 <= row < len(grid.ys) - 1:
            xs += [x for j, x in enumerate(grid.xs) if box.x0 + margin < x < box.x1 - margin and grid.v_ruled[row, j]]
    return sorted(xs)


def split_at_rules(boxes: list[TextBox], grids: list[raster.Grid], gray: np.ndarray) -> list[TextBox]:
    """Boxes that the detector ran across a cell's rule (text close to it on both sides), cut at
    the rule and each piece read again, so every piece lands in its own cell."""
    out = []
    for box in boxes:
        cuts = _rules_through(box, grids)
        if not cuts:
            out.append(box)
            continue
        edges = [box.x0, *cuts, box.x1]
        for x0, x1 in zip(edges, edges[1:]):
            lo, hi = int(x0) + (RULE_CLEARANCE if x0 in cuts else 0), int(x1) - (RULE_CLEARANCE if x1 in cuts else 0)
            piece = gray[int(box.y0):int(box.y1) + 1, lo:hi]
            if piece.size and (piece < INK_LEVEL).any():
                text, score = recognise(piece)
                if text.strip() and score >= TEXT_SCORE:
                    out.append(TextBox(float(lo), box.y0, float(hi), box.y1, text, score))
    return out


def reading_order(boxes: list[TextBox]) -> list[TextBox]:
    """Top to bottom by visual line (boxes whose centres lie within half a line height of each
    other), left to right within a line."""
    lines: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: (b.y0 + b.y1) / 2):
        centre = (box.y0 + box.y1) / 2
        if lines:
            last = lines[-1]
            line_centre = sum((b.y0 + b.y1) / 2 for b in last) / len(last)
            if abs(centre - line_centre) < (box.y1 - box.y0) / 2:
                last.append(box)
                continue
        lines.append([box])
    return [b for line in lines for b in sorted(line, key=lambda b: b.x0)]


def _inside(box: TextBox, x0: float, y0: float, x1: float, y1: float) -> bool:
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    return x0 <= cx < x1 and y0 <= cy < y1


def read_scanned_page(page: pypdfium2.PdfPage, page_no: int) -> PageContent:
    """Ruled tables (logical cells with OCR text and confidence) and free text lines of a scan.

    Text boxes are detected once per page on the deskewed, seal-free image and each box goes to
    the cell holding its centre. The rules stay in the image: they keep the detector from running
    most boxes across two cells (erasing them cost 5 points of exact-match accuracy); the few
    boxes that still cross a rule are cut there and re-read."""
    ras = raster.rasterise(page)
    grids = raster.find_grids(ras.gray, ras.scale)
    boxes = split_at_rules(read_text(ras.gray), grids, ras.gray)
    tables, claimed = [], set()
    for grid in grids:
        cells = []
        for gc in raster.grid_cells(grid):
            mine = [i for i, b in enumerate(boxes) if i not in claimed and _inside(b, gc.x0, gc.y0, gc.x1, gc.y1)]
            claimed.update(mine)
            ordered = reading_order([boxes[i] for i in mine])
            x0, y0, x1, y1 = raster.bbox_points(ras, gc.x0, gc.y0, gc.x1, gc.y1)
            cells.append(Cell(gc.row, gc.col, gc.row_span, gc.col_span, x0, y0, x1, y1,
                              text=join_parts(b.text for b in ordered),
                              confidence=float(np.mean([b.score for b in ordered])) if ordered else 1.0))
        # The table's box encloses its cells' boxes (each kept upright around its rotated centre).
        tables.append(PageTable(page_no, min(c.x0 for c in cells), min(c.y0 for c in cells),
                                max(c.x1 for c in cells), max(c.y1 for c in cells), cells))
    free = reading_order([b for i, b in enumerate(boxes) if i not in claimed])
    lines = [TextLine(page_no, *raster.bbox_points(ras, b.x0, b.y0, b.x1, b.y1), text=b.text, confidence=b.score)
             for b in free]
    return PageContent(page=page_no, width=page.get_width(), height=page.get_height(),
                       tables=tables, lines=lines, ocr=True)

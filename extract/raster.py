"""Ruled tables on a scanned page: render, drop the red seal, deskew, find the grid, merge cells.

Everything here works in pixels of the *deskewed* render; `to_points` maps a pixel back to PDF
points (origin bottom-left) through the inverse rotation and the render scale.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import pypdfium2

RENDER_DPI = 200  # scans are published at 150-300 dpi; 200 keeps 10pt CJK at ~28 px for OCR
MIN_RULE_PT = 14.0  # a ruling segment is at least this long; CJK strokes at 10-12pt are shorter
LINE_TOL_PT = 2.5  # rule positions closer than this are one grid line
RULED_FRACTION = 0.6  # share of a grid segment that must be inked to count as ruled
MAX_SKEW_DEG = 5.0
MIN_TABLE_PT = 60.0  # both sides of a table's outline are at least this long


@dataclass(frozen=True)
class Raster:
    """A page rendered, cleaned of red ink and deskewed."""
    gray: np.ndarray  # uint8, deskewed, red seal whitened
    scale: float  # pixels per PDF point
    angle: float  # degrees the render was rotated by to level its rules
    inverse: np.ndarray  # 2x3 affine: deskewed pixel -> rendered pixel
    page_height: float  # PDF points


@dataclass(frozen=True)
class Grid:
    """One ruled table: grid line positions and which grid segments carry a rule."""
    xs: tuple[int, ...]  # vertical grid lines, pixels, ascending
    ys: tuple[int, ...]  # horizontal grid lines, pixels, ascending (top first)
    h_ruled: np.ndarray  # bool [len(ys), len(xs)-1]: rule on line ys[i] between xs[j] and xs[j+1]
    v_ruled: np.ndarray  # bool [len(ys)-1, len(xs)]: rule on line xs[j] between ys[i] and ys[i+1]


@dataclass(frozen=True)
class GridCell:
    """A logical (merged) cell in grid units and deskewed pixels."""
    row: int
    col: int
    row_span: int
    col_span: int
    x0: int
    y0: int
    x1: int
    y1: int


def render(page: pypdfium2.PdfPage, dpi: int = RENDER_DPI) -> tuple[np.ndarray, float]:
    """The page as an RGB array and its scale in pixels per point."""
    scale = dpi / 72.0
    rgb = page.render(scale=scale, rev_byteorder=True).to_numpy()
    return np.ascontiguousarray(rgb[:, :, :3]), scale


def drop_red(rgb: np.ndarray) -> np.ndarray:
    """Grayscale with red (seal) ink turned white.

    The red channel alone already makes red strokes light; pixels clearly redder than green and
    blue are set to white so the seal's faint grey ghost does not reach the line finder or OCR.
    Black text under the seal stays dark in every channel and so survives.
    """
    r = rgb[:, :, 0].astype(np.int16)
    redness = r - np.maximum(rgb[:, :, 1], rgb[:, :, 2]).astype(np.int16)
    gray = rgb[:, :, 0].copy()
    gray[(redness > 30) & (gray > 150)] = 255
    return gray


def ink(gray: np.ndarray) -> np.ndarray:
    """Binary mask of dark ink (255) on light paper (Otsu picks the paper/ink split)."""
    _, mask = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return mask


def rule_masks(mask: np.ndarray, min_len: int) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical rules: morphological opening with long thin kernels (as camelot's
    lattice does), then a small closing to heal breaks left by scan noise."""
    horizontal = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (min_len, 1)))
    vertical = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, min_len)))
    horizontal = cv2.morphologyEx(horizontal, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 1)))
    vertical = cv2.morphologyEx(vertical, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 9)))
    return horizontal, vertical


def skew_angle(horizontal: np.ndarray) -> float:
    """Skew in degrees (positive: rules fall to the right on screen), from a straight-line fit of
    every long horizontal rule, weighted by its length."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(horizontal, connectivity=8)
    width = horizontal.shape[1]
    angles, weights = [], []
    for label in range(1, count):
        if stats[label, cv2.CC_STAT_WIDTH] < width / 4:
            continue
        ys, xs = np.nonzero(labels == label)
        vx, vy = cv2.fitLine(np.column_stack([xs, ys]).astype(np.float32), cv2.DIST_L2, 0, 0.01, 0.01)[:2, 0]
        if vx < 0:
            vx, vy = -vx, -vy
        angle = float(np.degrees(np.arctan2(vy, vx)))
        if abs(angle) <= MAX_SKEW_DEG:
            angles.append(angle)
            weights.append(float(stats[label, cv2.CC_STAT_WIDTH]))
    return float(np.average(angles, weights=weights)) if angles else 0.0


def rasterise(page: pypdfium2.PdfPage, dpi: int = RENDER_DPI) -> Raster:
    """Render, whiten the seal, and rotate so that the table rules are level."""
    rgb, scale = render(page, dpi)
    gray = drop_red(rgb)
    horizontal, _ = rule_masks(ink(gray), round(MIN_RULE_PT * scale))
    angle = skew_angle(horizontal)
    h, w = gray.shape
    # Rotating by +angle (counter-clockwise on screen) levels rules that fall to the right.
    forward = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), angle, 1.0)
    level = cv2.warpAffine(gray, forward, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    return Raster(level, scale, angle, cv2.invertAffineTransform(forward), page.get_height())


def to_points(raster: Raster, x: float, y: float) -> tuple[float, float]:
    """A deskewed pixel as PDF points, origin bottom-left."""
    rx, ry = raster.inverse @ np.array([x, y, 1.0])
    return float(rx / raster.scale), float(raster.page_height - ry / raster.scale)


def bbox_points(raster: Raster, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
    """A deskewed pixel box as a PDF-point box: the box's centre is mapped back through the
    rotation and its size kept, so neighbouring cells stay edge to edge instead of overlapping."""
    cx, cy = to_points(raster, (x0 + x1) / 2.0, (y0 + y1) / 2.0)
    half_w, half_h = float(x1 - x0) / 2.0 / raster.scale, float(y1 - y0) / 2.0 / raster.scale
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def _cluster(values: list[float], tol: float) -> tuple[int, ...]:
    """Positions within `tol` of their neighbour collapse to their mean."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    return tuple(round(sum(g) / len(g)) for g in groups)


def _rule_positions(mask: np.ndarray, axis: int, min_len: int, tol: float) -> tuple[int, ...]:
    """Centre lines of the rules in a mask: axis=0 for horizontal rules (their y), 1 for vertical."""
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    length = cv2.CC_STAT_WIDTH if axis == 0 else cv2.CC_STAT_HEIGHT
    positions = [float(centroids[i, 1 - axis]) for i in range(1, count) if stats[i, length] >= min_len]
    return _cluster(positions, tol)


def _covered(band: np.ndarray, across: int) -> float:
    """Share of a segment that has ink anywhere across its band (`across`: the band's short axis)."""
    return float(band.any(axis=across).mean()) if band.size else 0.0


def find_grids(gray: np.ndarray, scale: float) -> list[Grid]:
    """Every ruled table on a deskewed page."""
    min_len = round(MIN_RULE_PT * scale)
    horizontal, vertical = rule_masks(ink(gray), min_len)
    tol = LINE_TOL_PT * scale
    band = max(2, round(tol / 2))
    # A table is a connected body of rules; text never joins two of them.
    joined = cv2.dilate(horizontal | vertical, np.ones((3, 3), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    grids = []
    for label in range(1, count):
        x, y, w, h = stats[label, :4]
        if min(w, h) < MIN_TABLE_PT * scale:
            continue
        sl = np.s_[max(0, y - band):y + h + band, max(0, x - band):x + w + band]
        hm, vm = horizontal[sl], vertical[sl]
        ox, oy = max(0, x - band), max(0, y - band)
        ys = _rule_positions(hm, 0, min_len, tol)
        xs = _rule_positions(vm, 1, min_len, tol)
        if len(xs) < 2 or len(ys) < 2:
            continue
        inset = band + 1  # keep crossings out of the coverage test
        h_ruled = np.array([[_covered(hm[max(0, yi - band):yi + band + 1, xs[j] + inset:xs[j + 1] - inset], 0) >= RULED_FRACTION
                             for j in range(len(xs) - 1)] for yi in ys], dtype=bool).reshape(len(ys), len(xs) - 1)
        v_ruled = np.array([[_covered(vm[ys[i] + inset:ys[i + 1] - inset, max(0, xj - band):xj + band + 1], 1) >= RULED_FRACTION
                             for xj in xs] for i in range(len(ys) - 1)], dtype=bool).reshape(len(ys) - 1, len(xs))
        grids.append(Grid(tuple(int(v + ox) for v in xs), tuple(int(v + oy) for v in ys), h_ruled, v_ruled))
    return sorted(grids, key=lambda g: (g.ys[0], g.xs[0]))


def merge_cells(h_ruled: np.ndarray, v_ruled: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Logical cells as (row, col, row_span, col_span): grid cells with no rule between them are
    one cell. `h_ruled`/`v_ruled` follow `Grid`; works for any grid, scanned or vector."""
    rows, cols = v_ruled.shape[0], h_ruled.shape[1]
    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not v_ruled[r, c + 1]:
                parent[find(r * cols + c + 1)] = find(r * cols + c)
            if r + 1 < rows and not h_ruled[r + 1, c]:
                parent[find((r + 1) * cols + c)] = find(r * cols + c)
    extent: dict[int, list[int]] = {}
    for r in range(rows):
        for c in range(cols):
            e = extent.setdefault(find(r * cols + c), [r, c, r, c])
            e[0], e[1], e[2], e[3] = min(e[0], r), min(e[1], c), max(e[2], r), max(e[3], c)
    return sorted((r0, c0, r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in extent.values())


def grid_cells(grid: Grid) -> list[GridCell]:
    """The grid's logical cells with their pixel boxes."""
    return [GridCell(r, c, rs, cs, grid.xs[c], grid.ys[r], grid.xs[c + cs], grid.ys[r + rs])
            for r, c, rs, cs in merge_cells(grid.h_ruled, grid.v_ruled)]


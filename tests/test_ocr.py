"""Scanned pages: the real scan of the Dawukou form against camelot's reading of its text twin."""
from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import camelot
import cv2
import numpy as np
import pypdfium2
import pytest
from PIL import Image

from extract import raster
from extract.model import Cell, PageContent
from extract.ocr import TextBox, model_paths, read_scanned_page, split_at_rules
from extract.scan import needs_ocr, unusable_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SCAN = CORPUS / "dawukou-2020-project-scan.pdf"
TWIN = CORPUS / "dawukou-2020-project.pdf"

pytestmark = pytest.mark.skipif(not SCAN.exists(), reason="shared corpus not beside the repo")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def loose(text: str) -> str:
    """Whitespace removed and full-width punctuation folded (OCR cannot tell '，' from ', ')."""
    return unicodedata.normalize("NFKC", squash(text))


@pytest.fixture(scope="module")
def scan() -> list[PageContent]:
    pdf = pypdfium2.PdfDocument(SCAN)
    return [read_scanned_page(pdf[i], i + 1) for i in range(len(pdf))]


def camelot_cells(path: Path, pages: str) -> list[tuple[camelot.core.Table, list[tuple[int, int, int, int]]]]:
    """camelot's tables of a text PDF, each with its logical cells (row, col, row_span, col_span)
    merged from camelot's per-edge rule flags by the same merge as the scan reader."""
    tables = []
    for table in camelot.read_pdf(str(path), pages=pages, engine="vector"):
        grid = table.cells
        rows, cols = len(grid), len(grid[0])
        h_ruled = np.zeros((rows + 1, cols), dtype=bool)
        v_ruled = np.zeros((rows, cols + 1), dtype=bool)
        for r in range(rows):
            for c in range(cols):
                cell = grid[r][c]
                h_ruled[r, c] |= cell.top
                h_ruled[r + 1, c] |= cell.bottom
                v_ruled[r, c] |= cell.left
                v_ruled[r, c + 1] |= cell.right
        tables.append((table, raster.merge_cells(h_ruled, v_ruled)))
    return tables


def fake_scan(path: Path, page: int, angle: float) -> pypdfium2.PdfPage:
    """A text page printed to an image-only PDF the way a scanner would: rotated, a red seal
    stamped over the header (red over black stays black), speckled."""
    rgb, _ = raster.render(pypdfium2.PdfDocument(path)[page - 1])
    h, w = rgb.shape[:2]
    rotated = cv2.warpAffine(rgb, cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0), (w, h),
                             borderValue=(255, 255, 255))
    seal = rotated.copy()
    cv2.circle(seal, (int(w * 0.7), int(h * 0.12)), 160, (220, 60, 60), 6)
    cv2.circle(seal, (int(w * 0.7), int(h * 0.12)), 40, (220, 60, 60), -1)
    stamped = np.minimum(rotated, seal)
    speckle = np.random.default_rng(page).integers(0, 12, (h, w, 1), dtype=np.uint8)
    scanned = stamped - np.minimum(stamped, speckle)  # darker by up to 11, never below 0
    buffer = io.BytesIO()
    Image.fromarray(scanned).save(buffer, format="PDF", resolution=float(raster.RENDER_DPI))
    return pypdfium2.PdfDocument(buffer.getvalue())[0]


@pytest.fixture(scope="module")
def twin() -> dict[tuple[int, int, int], tuple[int, int, str, tuple[float, float, float, float]]]:
    """The twin's logical cells by (page, row, col): spans, text and bbox."""
    cells = {}
    for table, merged in camelot_cells(TWIN, "all"):
        grid = table.cells
        for r, c, rs, cs in merged:
            text = "".join(grid[rr][cc].text for rr in range(r, r + rs) for cc in range(c, c + cs))
            top_left, bottom_right = grid[r][c], grid[r + rs - 1][c + cs - 1]
            bbox = (top_left.x1, bottom_right.y1, bottom_right.x2, top_left.y2)
            cells[(int(table.page), r, c)] = (rs, cs, text, bbox)
    return cells


def by_key(pages: list[PageContent]) -> dict[tuple[int, int, int], Cell]:
    assert all(len(p.tables) == 1 for p in pages)
    return {(p.page, c.row, c.col): c for p in pages for c in p.tables[0].cells}


def test_needs_ocr_on_scan_and_twin() -> None:
    assert [needs_ocr(p) for p in pypdfium2.PdfDocument(SCAN)] == [True, True]
    assert [needs_ocr(p) for p in pypdfium2.PdfDocument(TWIN)] == [False, False]


def test_a_blank_page_is_not_sent_to_ocr() -> None:
    pdf = pypdfium2.PdfDocument.new()
    assert not needs_ocr(pdf.new_page(595, 842))


def test_unusable_text_layers() -> None:
    assert not unusable_text("项目支出绩效自评表 项目名称 主管部门及代码")
    assert unusable_text("")
    assert unusable_text("- 3 -\n")  # a page number stamped on a scan
    assert unusable_text("\ue01a\ue0b3\ue2f0" * 20 + "64.22")  # glyphs without a Unicode map
    assert unusable_text("\ufffd" * 30 + "项目名称")


def test_page_content_shape(scan: list[PageContent]) -> None:
    assert [(p.page, p.ocr) for p in scan] == [(1, True), (2, True)]
    assert scan[0].width == pytest.approx(595.44, abs=0.1) and scan[0].height == pytest.approx(842.04, abs=0.1)


def test_deskew_levels_the_rules() -> None:
    page = pypdfium2.PdfDocument(SCAN)[0]
    ras = raster.rasterise(page)
    assert 0.3 < abs(ras.angle) < 3.0  # the scan is visibly rotated
    horizontal, _ = raster.rule_masks(raster.ink(ras.gray), round(raster.MIN_RULE_PT * ras.scale))
    assert abs(raster.skew_angle(horizontal)) < 0.1


def test_drop_red_whitens_seal_keeps_ink() -> None:
    rgb = np.array([[[230, 90, 90], [20, 20, 20], [90, 20, 20], [245, 245, 240]]], dtype=np.uint8)
    gray = raster.drop_red(rgb)
    assert gray[0, 0] == 255  # seal stroke
    assert gray[0, 1] < 60 and gray[0, 2] < 100  # black ink, and black ink under the seal
    assert gray[0, 3] > 200  # paper


def test_merge_cells_follows_missing_rules() -> None:
    h_ruled, v_ruled = np.ones((3, 2), dtype=bool), np.ones((2, 3), dtype=bool)  # a 2x2 grid
    assert raster.merge_cells(h_ruled, v_ruled) == [(0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 1), (1, 1, 1, 1)]
    no_inner_vertical_on_top = v_ruled.copy()
    no_inner_vertical_on_top[0, 1] = False
    assert raster.merge_cells(h_ruled, no_inner_vertical_on_top) == [(0, 0, 1, 2), (1, 0, 1, 1), (1, 1, 1, 1)]
    no_inner_horizontal_on_left = h_ruled.copy()
    no_inner_horizontal_on_left[1, 0] = False
    assert raster.merge_cells(no_inner_horizontal_on_left, v_ruled) == [(0, 0, 2, 1), (0, 1, 1, 1), (1, 1, 1, 1)]


def test_grid_matches_twin(scan: list[PageContent], twin) -> None:
    mine = by_key(scan)
    assert {k: (c.row_span, c.col_span) for k, c in mine.items()} == {k: v[:2] for k, v in twin.items()}
    # the indicator area of page 1: from the header row holding 三级指标 down
    header = next(r for (p, r, _), v in twin.items() if p == 1 and squash(v[2]) == "三级指标")
    indicator = [k for k in twin if k[0] == 1 and k[1] >= header]
    assert len([k for k in mine if k[0] == 1 and k[1] >= header]) == len(indicator) > 100


@pytest.mark.parametrize("name, page, angle", [
    ("longgang-2020-department-summary.pdf", 1, -1.1),  # landscape, one row per project
    ("luohu-2024-projects.pdf", 2, 0.8),
    ("qiaokou-2020-department-overall.pdf", 2, 1.4),
])
def test_grid_on_fake_scans_of_other_families(name: str, page: int, angle: float) -> None:
    scan = fake_scan(CORPUS / name, page, angle)
    assert needs_ocr(scan)
    ras = raster.rasterise(scan)
    assert ras.angle == pytest.approx(-angle, abs=0.1)
    mine = [raster.merge_cells(g.h_ruled, g.v_ruled) for g in raster.find_grids(ras.gray, ras.scale)]
    assert mine == [merged for _, merged in camelot_cells(CORPUS / name, str(page))]


def test_cell_texts(scan: list[PageContent]) -> None:
    mine = by_key(scan)
    texts = [squash(c.text) for c in mine.values()]
    assert texts.count("64.22") == 2
    assert texts.count("5.45") == 2  # one of them lies under the red seal
    assert any("提前下达2020年自治区政法专项" in t for t in texts)
    assert squash(mine[(1, 1, 8)].text) == "大武口区司法局"  # under the seal as well
    assert squash(mine[(1, 8, 6)].text) == "≥400件" and squash(mine[(1, 8, 7)].text) == "593件"
    assert squash(mine[(2, 11, 1)].text) == "总分" and squash(mine[(2, 11, 8)].text) == "91"


def test_text_accuracy_and_confidence(scan: list[PageContent], twin) -> None:
    mine = by_key(scan)
    filled = [k for k, v in twin.items() if squash(v[2])]
    exact = sum(squash(mine[k].text) == squash(twin[k][2]) for k in filled) / len(filled)
    folded = sum(loose(mine[k].text) == loose(twin[k][2]) for k in filled) / len(filled)
    confidence = float(np.mean([c.confidence for c in mine.values()]))
    print(f"\nOCR cells: exact {exact:.3f}, punctuation-folded {folded:.3f}, mean confidence {confidence:.3f}")
    assert exact >= 0.85 and folded >= 0.95
    assert 0.9 < confidence < 1.0
    assert all(c.confidence == 1.0 for c in mine.values() if not c.text)
    assert all(0.0 < c.confidence <= 1.0 for c in mine.values())


def test_bboxes_in_pdf_points(scan: list[PageContent], twin) -> None:
    mine = by_key(scan)
    # The scan is rotated by ~0.8 degrees about the page centre, so its cells sit up to ~5 pt
    # from the twin's unrotated ones.
    worst = max(max(abs(a - b) for a, b in zip((c.x0, c.y0, c.x1, c.y1), twin[k][3])) for k, c in mine.items())
    assert worst < 6.0
    top, bottom = mine[(1, 0, 0)], mine[(1, 22, 3)]
    assert top.y0 > bottom.y1  # origin bottom-left: the first row is highest
    table = scan[0].tables[0]
    assert table.x0 < top.x0 + 1 and table.y1 > top.y1 - 1 and table.y0 < bottom.y0 + 1


def test_text_outside_tables(scan: list[PageContent]) -> None:
    first, second = ([squash(line.text) for line in p.lines] for p in scan)
    assert "大武口区本级项目支出绩效自评表" in first and "(2020年度)" in first
    assert first.index("大武口区本级项目支出绩效自评表") < first.index("(2020年度)")
    title = scan[0].lines[first.index("大武口区本级项目支出绩效自评表")]
    assert title.y0 > scan[0].tables[0].y1  # above the table
    assert second[0].startswith("注") and len(second) >= 4
    assert all(line.y1 < scan[1].tables[0].y0 for line in scan[1].lines)


def test_box_across_a_rule_is_cut_and_reread() -> None:
    # Two cells whose numbers crowd the rule between them: a detector box may run over it.
    img = np.full((120, 400), 255, np.uint8)
    cv2.rectangle(img, (10, 10), (390, 110), 0, 2)
    cv2.line(img, (200, 10), (200, 110), 0, 2)
    cv2.putText(img, "2731", (120, 75), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    cv2.putText(img, "45.5", (208, 75), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    grid = raster.Grid((10, 200, 390), (10, 110), np.ones((2, 2), dtype=bool), np.ones((1, 3), dtype=bool))
    across = TextBox(115.0, 45.0, 290.0, 85.0, "273145.5", 0.9)
    pieces = split_at_rules([across], [grid], img)
    assert [p.text for p in pieces] == ["2731", "45.5"]
    assert pieces[0].x1 < 200 < pieces[1].x0
    unruled = raster.Grid(grid.xs, grid.ys, grid.h_ruled, np.array([[True, False, True]]))
    assert split_at_rules([across], [unruled], img) == [across]  # a merged cell: nothing to cut


def test_models_ship_in_the_package() -> None:
    paths = model_paths()
    assert all(p.is_file() and p.stat().st_size > 1_000_000 and "site-packages" in str(p) for p in paths.values())

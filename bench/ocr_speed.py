"""Seconds per scanned page, by stage, and the OCR models' size on disk.

    .venv/bin/python bench/ocr_speed.py [SCAN.pdf]

Wall time depends on what else the 2 cores are doing; CPU time (all threads) is printed beside it.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pypdfium2

from extract import ocr, raster

DEFAULT_SCAN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dawukou-2020-project-scan.pdf"


def timed(fn, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main(path: Path) -> None:
    pdf = pypdfium2.PdfDocument(path)
    _, load, _ = timed(ocr.read_text, np.full((64, 256), 255, np.uint8))
    print(f"{path.name}: {len(pdf)} pages; model load + first call {load:.2f} s\n")
    print(f"{'page':>4} {'raster+deskew':>13} {'grid':>6} {'ocr':>6} {'read_scanned_page':>17} {'cpu':>6} {'cells':>5}")
    totals = []
    for i, page in enumerate(pdf):
        ras, t_raster, _ = timed(raster.rasterise, page)
        _, t_grid, _ = timed(raster.find_grids, ras.gray, ras.scale)
        _, t_ocr, _ = timed(ocr.read_text, ras.gray)
        content, t_page, c_page = timed(ocr.read_scanned_page, page, i + 1)
        totals.append(t_page)
        cells = sum(len(t.cells) for t in content.tables)
        print(f"{i + 1:>4} {t_raster:>13.2f} {t_grid:>6.2f} {t_ocr:>6.2f} {t_page:>17.2f} {c_page:>6.2f} {cells:>5}")
    print(f"\nmean seconds per page: {sum(totals) / len(totals):.2f}\n")
    print(f"{'model':<40} {'MB':>6}")
    paths = ocr.model_paths()
    for task, p in paths.items():
        print(f"{task + ': ' + p.name:<40} {p.stat().st_size / 1e6:>6.1f}")
    print(f"{'total':<40} {sum(p.stat().st_size for p in paths.values()) / 1e6:>6.1f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCAN)

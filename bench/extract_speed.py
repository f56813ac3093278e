"""Time per page: jixiao's extract + transform (a parser process's work on a file: read_document and
document_rows) beside bare `camelot.read_pdf(f, pages="all")`.

    .venv/bin/python bench/extract_speed.py [PDF_OR_DIR ...]   (default: samples/)

Same files, same process, imports paid before timing; each reader runs `--repeat` times and the
best run counts (CPU = user+sys of this process, wall = elapsed). Prints a table.
"""
from __future__ import annotations

import argparse
import os
import time
import warnings
from pathlib import Path

import camelot
import pypdfium2 as pdfium

from extract import read_document
from transform import document_rows


def timed(fn) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=["samples"])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(f for p in map(Path, args.paths) for f in ([p] if p.is_file() else p.glob("*.pdf")))
    warnings.simplefilter("ignore")
    rows, totals = [], {"pages": 0, "jixiao": [0.0, 0.0], "camelot": [0.0, 0.0]}
    for f in files:
        pages = len(pdfium.PdfDocument(str(f)))
        ours = min((timed(lambda: document_rows(read_document(f), f.name)) for _ in range(args.repeat)))
        bare = min((timed(lambda: camelot.read_pdf(str(f), pages="all")) for _ in range(args.repeat)))
        rows.append((f.name, pages, ours, bare))
        totals["pages"] += pages
        for key, value in (("jixiao", ours), ("camelot", bare)):
            totals[key][0] += value[0]
            totals[key][1] += value[1]
    print(f"{'file':42} {'pages':>5} {'jixiao cpu s/p':>14} {'camelot cpu s/p':>15} {'ratio':>6}")
    for name, pages, ours, bare in rows:
        print(f"{name:42} {pages:5d} {ours[0] / pages:14.3f} {bare[0] / pages:15.3f} {bare[0] / ours[0]:5.1f}x")
    n = totals["pages"]
    print(f"{'ALL':42} {n:5d} {totals['jixiao'][0] / n:14.3f} {totals['camelot'][0] / n:15.3f} "
          f"{totals['camelot'][0] / totals['jixiao'][0]:5.1f}x")
    print(f"wall s/page: jixiao {totals['jixiao'][1] / n:.3f}, camelot {totals['camelot'][1] / n:.3f} "
          f"(cpus={os.cpu_count()})")


if __name__ == "__main__":
    main()

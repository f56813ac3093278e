"""extract/paths.py reads the ruling from pdfium's page objects; camelot's line finder must find the
same rules in it as in playa's own interpretation of the page (`playa.miner.extract_page`)."""
from __future__ import annotations

from pathlib import Path

import playa
import pypdfium2 as pdfium
import pytest
from camelot.image_processing import find_lines_from_layout
from playa.miner import extract_page

from extract.lattice import _layout
from extract.paths import page_shapes

DATA = Path(__file__).resolve().parent / "data"
# One form from each producer and template kind: Calc, Writer, Chromium, a real Chromium-printed form
# drawing its rules inside form XObjects, a Writer-printed real form.
PDFS = ["qiaokou-calc-gen00004.pdf", "planted/total-weights-luohu-calc.pdf",
        "wild/anhui-2022-tianchang-water-flood.pdf", "wild/hubei-2020-huanggang-soil-water-monitoring.pdf",
        "wild/sichuan-2023-qingshen-fgj-wages.pdf"]


def _rules(layout) -> list[list[tuple[float, ...]]]:
    return [sorted(find_lines_from_layout(layout, d)) for d in ("horizontal", "vertical")]


def _same(ours: list[tuple[float, ...]], theirs: list[tuple[float, ...]]) -> bool:
    """pdfium keeps points as 32-bit floats, playa as 64-bit: equal to a hundredth of a point."""
    return len(ours) == len(theirs) and all(abs(a - b) < 0.01 for o, t in zip(ours, theirs) for a, b in zip(o, t))


@pytest.mark.parametrize("name", PDFS)
def test_same_rules_as_playa(name):
    path = DATA / name
    pdf = pdfium.PdfDocument(str(path))
    found = [0, 0]
    with playa.open(path, space="page") as doc:
        for i, page in enumerate(pdf):
            ours = _rules(_layout(page_shapes(page), i + 1, *page.get_size()))
            theirs = _rules(extract_page(doc.pages[i]))
            assert all(_same(o, t) for o, t in zip(ours, theirs)), f"page {i + 1}"
            found = [n + len(lines) for n, lines in zip(found, ours)]
    pdf.close()
    assert min(found) >= 5, "a ruled form has rules both ways"

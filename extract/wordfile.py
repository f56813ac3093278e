"""Word documents (.docx by python-docx; legacy .doc and .ods converted by LibreOffice headless first).

A .docx is one flow of paragraphs and tables: its tables keep their grid (w:gridSpan for merged
columns, w:vMerge for merged rows, w:tblGrid column widths) and its paragraphs become lines above,
between and below them.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from extract.document import ExtractError
from extract.layout import Layout, Region, Table, Text, join_lines, place_flow
from extract.workbook import check_zip, read_xlsx

PAGE_WIDTH = 523.0   # A4 less 2.5 cm margins, in points: tables are drawn to the page's width
DEFAULT_SIZE = 10.5  # 五号, the body size of Chinese Word documents
ROW_POINTS = 15.0    # a table row's height per line of text when the row sets none
CONVERT_SECONDS = 120
W_P, W_TBL = qn("w:p"), qn("w:tbl")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_docx(data: bytes) -> Layout:
    check_zip(data, "Word document")
    try:
        doc = Document(io.BytesIO(data))
    except Exception as err:  # noqa: BLE001 — python-docx raises many kinds on a broken package
        raise ExtractError(f"corrupt Word document: {type(err).__name__}: {err}") from err
    blocks: list[Table | Text] = []
    paragraphs = tables = 0
    # In document order, at any depth: tables also sit in content controls (w:sdt) and text boxes.
    for element in doc.element.body.iter(W_P, W_TBL):
        if _inside(element, W_TBL) or _inside(element, MC_FALLBACK):  # a cell's text; a text box's copy
            continue
        if element.tag == W_TBL:
            tables += 1
            blocks.append(_table(element, tables))
            continue
        paragraphs += 1
        text = "".join(t.text or "" for t in element.iter(qn("w:t")) if not _inside(t, W_TBL, element)).strip()
        if text:
            blocks.append(Text(text, _font_size(Paragraph(element, doc)), f"paragraph {paragraphs}"))
    layout = Layout()
    place_flow(layout, blocks, PAGE_WIDTH)
    return layout


def _inside(element, tag: str, stop=None) -> bool:
    """Whether an ancestor of `element` (below `stop`) is a `tag`."""
    for ancestor in element.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag == tag:
            return True
    return False


def _font_size(para: Paragraph) -> float:
    sizes = [run.font.size.pt for run in para.runs if run.font.size is not None]
    if sizes:
        return max(sizes)
    style = para.style
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    return DEFAULT_SIZE


def _val(element, path: str) -> str | None:
    found = element.find(path)
    return None if found is None else found.get(qn("w:val"))


def _table(tbl, number: int) -> Table:
    widths = [int(g.get(qn("w:w"), 0)) / 20 for g in tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    regions: list[Region] = []
    open_regions: dict[int, Region] = {}  # grid column → region a w:vMerge continuation extends
    heights: list[float] = []
    for row_no, tr in enumerate(tbl.findall(qn("w:tr"))):
        col = int(_val(tr, f"{qn('w:trPr')}/{qn('w:gridBefore')}") or 0)
        lines_in_row = 1
        for tc in tr.findall(qn("w:tc")):
            span = int(_val(tc, f"{qn('w:tcPr')}/{qn('w:gridSpan')}") or 1)
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            continues = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
            if continues and col in open_regions:
                open_regions[col].row_span += 1
            else:
                paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))]
                lines_in_row = max(lines_in_row, len([p for p in paragraphs if p.strip()]))
                region = Region(row_no, col, 1, span, join_lines(paragraphs), "")
                regions.append(region)
                open_regions[col] = region
            col += span
        height = _val(tr, f"{qn('w:trPr')}/{qn('w:trHeight')}")
        heights.append(max(int(height) / 20 if height else 0.0, ROW_POINTS * lines_in_row))
    n_cols = max((r.col + r.col_span for r in regions), default=0)
    if len(widths) < n_cols or not all(widths[:n_cols]):
        widths = [1.0] * n_cols  # no usable w:tblGrid: equal columns
    for r in regions:
        end = f":r{r.row + r.row_span}c{r.col + r.col_span}" if (r.row_span, r.col_span) != (1, 1) else ""
        r.locator = f"table {number} r{r.row + 1}c{r.col + 1}{end}"
    return Table(regions, widths[:n_cols], heights)


def read_doc(data: bytes) -> Layout:
    return _converted(data, "Word .doc", ".doc", "docx", read_docx)


def read_ods(data: bytes) -> Layout:
    return _converted(data, "OpenDocument spreadsheet", ".ods", "xlsx", read_xlsx)


def _converted(data: bytes, what: str, suffix: str, target: str, reader: Callable[[bytes], Layout]) -> Layout:
    """Convert with LibreOffice headless in a private profile (parallel conversions must not share
    one) and read the result; without LibreOffice the file is quarantined, saying so."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ExtractError(f"{what}: needs LibreOffice (soffice on PATH) to convert it, and it is not installed")
    with tempfile.TemporaryDirectory(prefix="jixiao-soffice-") as tmp:
        work = Path(tmp)
        source = work / f"source{suffix}"  # named by its sniffed format, whatever the file was called
        source.write_bytes(data)  # the bytes the run hashed, not the file again
        try:
            done = subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                                   "--convert-to", target, "--outdir", str(work / "out"), str(source)],
                                  capture_output=True, text=True, timeout=CONVERT_SECONDS, check=False)
        except subprocess.TimeoutExpired as err:
            raise ExtractError(f"{what}: LibreOffice took over {CONVERT_SECONDS} s to convert it") from err
        converted = work / "out" / f"{source.stem}.{target}"
        if not converted.exists():
            raise ExtractError(f"{what}: LibreOffice could not convert it: {(done.stderr or done.stdout).strip()[:200]}")
        return reader(converted.read_bytes())

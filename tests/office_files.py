"""Write a PDF form's extraction (its cells and lines) again as .xlsx, .docx and .html, so each reader
can be scored against the PDF's own truth. Tables keep the PDF's grid: one column per distinct
x-edge over all tables (so headers and values line up across tables as on the page), merged
cells as merges / spans, free lines where they stood (titles above, notes below)."""
from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
import pandas as pd
from openpyxl.styles import Border, Side

from extract import Extraction

POINTS_PER_CHAR = 5.25


def _edges(cells: pd.DataFrame) -> list[float]:
    out: list[float] = []
    for x in sorted(set(cells.x0.round(0)) | set(cells.x1.round(0))):
        if not out or x - out[-1] > 2.0:
            out.append(x)
    return out


def _col(edges: list[float], x: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - x))


def flowing(ext: Extraction) -> Extraction:
    """The extraction without text printed beside a table (a summary form's 表外 remarks right of its
    rows): Word and HTML have no place beside a table, so the files written hold none of it."""
    beside = pd.Series(False, index=ext.lines.index)
    for (page, _), t in ext.cells.groupby(["page", "table"]):
        on_page = ext.lines.page == page
        beside |= on_page & (ext.lines.x0 >= t.x1.max() - 1) & (ext.lines.y1 <= t.y1.max()) & (ext.lines.y0 >= t.y0.min())
    return replace(ext, lines=ext.lines[~beside])


def blocks(ext: Extraction) -> tuple[list[float], list[tuple[str, object]]]:
    """The grid's x-edges, and ("line", text) / ("table", [(row, col, row_span, col_span, text)]) blocks
    in reading order (page, then top to bottom)."""
    ext = flowing(ext)
    edges = _edges(ext.cells)
    items: list[tuple[tuple[int, float], str, object]] = []
    for _, table in ext.cells.groupby("table", sort=True):
        first = table.sort_values(["row", "col"]).iloc[0]
        grid = [(int(c.row), _col(edges, c.x0), int(c.row_span), max(_col(edges, c.x1) - _col(edges, c.x0), 1), c.text)
                for c in table.itertuples()]
        items.append(((int(first.page), -float(table[table.page == first.page].y1.max())), "table", grid))
    for line in ext.lines.itertuples():
        items.append(((int(line.page), -float(line.y1)), "line", line.text))
    items.sort(key=lambda item: item[0])
    return edges, [(kind, what) for _, kind, what in items]


def write_xlsx(ext: Extraction, path: Path) -> Path:
    edges, parts = blocks(ext)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效自评表"
    for i, (a, b) in enumerate(zip(edges, edges[1:]), 1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(i)].width = (b - a) / POINTS_PER_CHAR
    thin = Side(style="thin")
    row = 1
    for kind, what in parts:
        if kind == "line":
            sheet.cell(row, 1, what)
            row += 1
            continue
        n_rows = max(r + rs for r, _, rs, _, _ in what)
        for r, c, rs, cs, text in what:
            for rr in range(row + r, row + r + rs):
                for cc in range(c + 1, c + 1 + cs):
                    sheet.cell(rr, cc).border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if rs > 1 or cs > 1:
                sheet.merge_cells(start_row=row + r, start_column=c + 1, end_row=row + r + rs - 1,
                                  end_column=c + cs)
            sheet.cell(row + r, c + 1, text or None)
        row += n_rows + 1  # a blank unruled row between tables, as the gap between them on the page
    book.save(path)
    return path


def write_docx(ext: Extraction, path: Path) -> Path:
    edges, parts = blocks(ext)
    document = docx.Document()
    n_cols = len(edges) - 1
    for kind, what in parts:
        if kind == "line":
            document.add_paragraph(what)
            continue
        n_rows = max(r + rs for r, _, rs, _, _ in what)
        table = document.add_table(rows=n_rows, cols=n_cols)
        for r, c, rs, cs, _ in what:
            if rs > 1 or cs > 1:
                table.cell(r, c).merge(table.cell(r + rs - 1, c + cs - 1))
        for r, c, _, _, text in what:
            table.cell(r, c).text = text or ""
        for i, (a, b) in enumerate(zip(edges, edges[1:])):
            table.columns[i].width = docx.shared.Pt(b - a)
    document.save(path)
    return path


def write_html(ext: Extraction, path: Path, encoding: str = "utf-8") -> Path:
    edges, parts = blocks(ext)
    n_cols = len(edges) - 1
    out = [f'<!DOCTYPE html><html><head><meta charset="{encoding}"><title>公示</title></head><body>',
           "<div class='nav'><a href='/'>首页</a> &gt; <a href='/gk'>政务公开</a></div>"]
    for kind, what in parts:
        if kind == "line":
            out.append(f"<p>{html.escape(what)}</p>")
            continue
        n_rows = max(r + rs for r, _, rs, _, _ in what)
        starts = {(r, c): (rs, cs, text) for r, c, rs, cs, text in what}
        taken = {(r + i, c + j) for r, c, rs, cs, _ in what for i in range(rs) for j in range(cs)}
        out.append("<table border='1'>")
        for r in range(n_rows):
            out.append("<tr>")
            for c in range(n_cols):
                if (r, c) in starts:
                    rs, cs, text = starts[(r, c)]
                    out.append(f"<td rowspan='{rs}' colspan='{cs}'>{html.escape(text or '').replace(chr(10), '<br>')}</td>")
                elif (r, c) not in taken:
                    out.append("<td></td>")
            out.append("</tr>")
        out.append("</table>")
    out.append("</body></html>")
    # pages that declare gb2312 are GBK/GB18030 in practice (— and full-width forms are outside GB2312)
    codec = "gb18030" if encoding.lower() in ("gb2312", "gbk") else encoding
    path.write_bytes("".join(out).encode(codec))
    return path

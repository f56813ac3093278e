"""Workbooks (.xlsx by openpyxl, legacy BIFF8 .xls by xlrd) → one page per sheet, its ruled tables as cells.

Every sheet is read: which one is the self-evaluation is for transform/ to decide by its labels, as it
does with a PDF's tables. Cell text is the value as the sheet displays it (number formats applied).
"""
from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import xlrd
from openpyxl.utils import get_column_letter

from extract.document import ExtractError
from extract.layout import Layout, Region, place_sheet

# Zip bombs disguised as workbooks: refuse before inflating (a real sheet's XML compresses ~5-30×).
MAX_UNPACKED = 256 << 20
MAX_RATIO = 200
# Excel's column width unit is the width of '0' in the default font (~7 px at 96 dpi = 5.25 pt) plus padding.
POINTS_PER_CHAR = 5.25
DEFAULT_ROW_POINTS = 15.0


def check_zip(data: bytes, what: str) -> None:
    """Refuse a corrupt zip or a decompression bomb before any library inflates it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as err:
        raise ExtractError(f"corrupt {what}: {err}") from err
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED:
        raise ExtractError(f"{what} inflates to {total >> 20} MiB (limit {MAX_UNPACKED >> 20} MiB): a zip bomb?")
    for m in members:
        if m.file_size > 1 << 20 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise ExtractError(f"{what} member {m.filename} inflates {m.file_size // max(m.compress_size, 1)}× "
                               f"(limit {MAX_RATIO}×): a zip bomb?")


def read_xlsx(data: bytes) -> Layout:
    check_zip(data, "workbook")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)  # cached values of formulas, as displayed
    except Exception as err:  # noqa: BLE001 — openpyxl raises many kinds on a broken package
        raise ExtractError(f"corrupt workbook: {type(err).__name__}: {err}") from err
    layout = Layout(pages=len(book.worksheets), pages_are_separate=True)
    for page, sheet in enumerate(book.worksheets, 1):
        _xlsx_sheet(layout, sheet, page)
    return layout


def _xlsx_sheet(layout: Layout, sheet, page: int) -> None:
    n_rows, n_cols = sheet.max_row, sheet.max_column
    if n_rows == 0 or n_cols == 0:
        return
    default_w = sheet.sheet_format.defaultColWidth or (sheet.sheet_format.baseColWidth or 8) + 0.71
    widths = []
    for c in range(1, n_cols + 1):
        dim = sheet.column_dimensions.get(get_column_letter(c))
        widths.append((dim.width if dim is not None and dim.width else default_w) * POINTS_PER_CHAR)
    default_h = sheet.sheet_format.defaultRowHeight or DEFAULT_ROW_POINTS
    heights = []
    for r in range(1, n_rows + 1):
        dim = sheet.row_dimensions.get(r)
        heights.append(dim.ht if dim is not None and dim.ht else default_h)
    spans = {(m.min_row, m.min_col): m for m in sheet.merged_cells.ranges}
    covered = {(r, c) for m in spans.values() for r in range(m.min_row, m.max_row + 1)
               for c in range(m.min_col, m.max_col + 1) if (r, c) != (m.min_row, m.min_col)}
    regions = []
    for row in sheet.iter_rows(min_row=1, max_row=n_rows, max_col=n_cols):
        for cell in row:
            key = (cell.row, cell.column)
            if key in covered:
                continue
            m = spans.get(key)
            r_span, c_span = (m.max_row - m.min_row + 1, m.max_col - m.min_col + 1) if m else (1, 1)
            ruled = _xlsx_ruled(sheet, cell.row, cell.column, r_span, c_span)
            text = _display(cell.value, cell.number_format)
            if not ruled and not text:
                continue
            end = f":{get_column_letter(cell.column + c_span - 1)}{cell.row + r_span - 1}" if m else ""
            regions.append(Region(cell.row - 1, cell.column - 1, r_span, c_span, text,
                                  f"{sheet.title}!{cell.coordinate}{end}", ruled))
    place_sheet(layout, regions, widths, heights, page)


def _xlsx_ruled(sheet, row: int, col: int, r_span: int, c_span: int) -> bool:
    for r in (row, row + r_span - 1):
        for c in (col, col + c_span - 1):
            b = sheet.cell(r, c).border
            if any(side is not None and side.style for side in (b.left, b.right, b.top, b.bottom)):
                return True
    return False


def read_xls(data: bytes) -> Layout:
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except xlrd.XLRDError as err:
        if "encrypt" in str(err).lower():
            raise ExtractError("encrypted workbook: a password is needed to open it") from err
        raise ExtractError(f"corrupt workbook: {err}") from err
    except Exception as err:  # noqa: BLE001 — xlrd raises struct/index errors on truncated files
        raise ExtractError(f"corrupt workbook: {type(err).__name__}: {err}") from err
    layout = Layout(pages=book.nsheets, pages_are_separate=True)
    try:
        for page, index in enumerate(range(book.nsheets), 1):
            _xls_sheet(layout, book, book.get_sheet(index), page)
    finally:
        book.release_resources()
    return layout


def _xls_sheet(layout: Layout, book, sheet, page: int) -> None:
    if sheet.nrows == 0 or sheet.ncols == 0:
        return
    default_w = sheet.defcolwidth if sheet.defcolwidth is not None else sheet.standardwidth / 256 if sheet.standardwidth else 8.43
    widths = [(sheet.colinfo_map[c].width / 256 if c in sheet.colinfo_map else default_w) * POINTS_PER_CHAR
              for c in range(sheet.ncols)]
    default_h = sheet.default_row_height / 20 if sheet.default_row_height else DEFAULT_ROW_POINTS
    heights = [sheet.rowinfo_map[r].height / 20 if r in sheet.rowinfo_map else default_h for r in range(sheet.nrows)]
    spans = {(r0, c0): (r1 - r0, c1 - c0) for r0, r1, c0, c1 in sheet.merged_cells}
    covered = {(r, c) for (r0, c0), (rs, cs) in spans.items() for r in range(r0, r0 + rs)
               for c in range(c0, c0 + cs) if (r, c) != (r0, c0)}
    regions = []
    for r in range(sheet.nrows):
        for c in range(sheet.ncols):
            if (r, c) in covered:
                continue
            r_span, c_span = spans.get((r, c), (1, 1))
            ruled = any(_xls_ruled(book, sheet, rr, cc) for rr in (r, r + r_span - 1) for cc in (c, c + c_span - 1))
            text = _xls_text(book, sheet, r, c)
            if not ruled and not text:
                continue
            name = xlrd.formula.cellname(r, c)
            end = f":{xlrd.formula.cellname(r + r_span - 1, c + c_span - 1)}" if (r_span, c_span) != (1, 1) else ""
            regions.append(Region(r, c, r_span, c_span, text, f"{sheet.name}!{name}{end}", ruled))
    place_sheet(layout, regions, widths, heights, page)


def _xls_ruled(book, sheet, r: int, c: int) -> bool:
    if r >= sheet.nrows or c >= sheet.ncols:
        return False
    b = book.xf_list[sheet.cell_xf_index(r, c)].border
    return bool(b.left_line_style or b.right_line_style or b.top_line_style or b.bottom_line_style)


def _xls_text(book, sheet, r: int, c: int) -> str:
    cell = sheet.cell(r, c)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key)
    return _display(cell.value, fmt.format_str if fmt else "General")


def _display(value, number_format: str | None) -> str:
    """A cell's value as the sheet shows it: 190 with format 0.00 is '190.00', 0.9 with 0% is '90%'."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    fmt = (number_format or "General").split(";")[0]
    decimals = len(m.group(1)) if (m := re.search(r"0\.(0+)", fmt)) else 0
    if "%" in fmt:
        return f"{value * 100:.{decimals}f}%"
    if decimals or re.search(r"[0#]", fmt):
        return f"{value:,.{decimals}f}" if "," in fmt else f"{value:.{decimals}f}"
    return str(int(value)) if float(value).is_integer() else repr(float(value))

"""extract/: ruled tables of real PDFs as merged cells with page and bbox, text in its own row."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract import ExtractError, read_document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def pingshan():
    return read_document(SAMPLES / "pingshan-2020-projects.pdf")


def test_wrapped_last_line_stays_in_its_row(pingshan):
    """camelot puts '减少人员聚集' (the wrapped last line) one row too low; glyph boxes don't."""
    cells = pingshan.cells[pingshan.cells.page == 1]
    reason = cells[cells.text == "因受疫情影响，减少人员聚集"]
    assert len(reason) == 2  # two indicators on page 1 give this reason
    name = cells[cells.text == "社区矫正人员每月参加公益活动"].iloc[0]
    assert name.row in set(reason.row)
    assert not (cells.text == "减少人员聚集").any()


def test_cells_carry_page_and_bbox(pingshan):
    cells = pingshan.cells
    assert set(cells.page) == set(range(1, 7))
    assert (cells.x1 > cells.x0).all() and (cells.y1 > cells.y0).all()
    assert pingshan.cells.table.nunique() == 6  # one form a page, each its own table


def test_merged_label_cell_spans_its_rows(pingshan):
    first = pingshan.cells[pingshan.cells.table == 0]
    quantity = first[first.text == "数量指标"].iloc[0]
    assert quantity.row_span == 5  # the five 数量指标 rows of 社区矫正


def test_table_over_a_page_break_is_one_table_with_its_cut_row_fused():
    """硚口: a row cut by the break ('可持续影|响指标') is one row; its 得分 stays beside it."""
    doc = read_document(SAMPLES / "qiaokou-2020-department-overall.pdf")
    cells = doc.cells
    assert cells.table.nunique() == 1 or cells[cells.page < 5].table.nunique() == 1
    name = cells[cells.text == "有助于硚口区法制体系建设"].iloc[0]
    row = cells[(cells.table == name.table) & (cells.row <= name.row) & (cells.row + cells.row_span > name.row)]
    assert "可持续影响指标" in set(row.text)
    assert "达成预期指标" in set(row.text)


def test_merged_cell_blank_on_first_page_takes_text_of_second():
    """大武口: '效益指标 (40分)' is printed on page 2 only, yet labels the rows on page 1 too."""
    cells = read_document(SAMPLES / "dawukou-2020-project.pdf").cells
    benefit = cells[cells.text.str.replace(" ", "").str.startswith("效益指标")].iloc[0]
    economic = cells[cells.text.str.replace(" ", "").str.startswith("经济效益")].iloc[0]
    assert benefit.row <= economic.row < benefit.row + benefit.row_span
    assert benefit.page == 2 and economic.page == 1


def test_repeated_header_rows_are_dropped():
    cells = read_document(SAMPLES / "longgang-2020-department-summary.pdf").cells
    assert (cells.text == "序号").sum() == 1  # the header is printed on all six pages


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"<!DOCTYPE html><html><body>404</body></html>", "HTML"),
    (b"%PDF-1.7\n1 0 obj\n<<", "corrupt"),
])
def test_unreadable_input_is_a_clear_error(tmp_path, content, reason):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(ExtractError, match=reason):
        read_document(path)


def test_text_row_cut_by_the_break_is_one_cell():
    """硚口: the 改进措施 note runs from page 4 onto page 5; it is one cell, labelled once."""
    cells = read_document(SAMPLES / "qiaokou-2020-department-overall.pdf").cells
    note = cells[cells.text.str.startswith("改进措施：")]
    assert len(note) == 1
    assert "司法行政工作加强紧迫感" in note.text.item()  # the part printed on page 5
    assert note.page.item() == 4

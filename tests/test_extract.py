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


def test_one_line_shortcut_groups_as_the_general_pass():
    """text._one_line (most cells hold one line) returns what the general grouping returns, wherever it
    answers: every cell of the samples' pages, and random glyph sets (wrapped, jittered, with commas)."""
    import random

    import pypdfium2 as pdfium

    from extract.glyphs import Glyph, page_glyphs
    from extract.text import _grouped, _one_line

    def both(glyphs: list[Glyph]) -> bool:
        median = sorted(g.height for g in glyphs)[len(glyphs) // 2]
        tall = sorted((g for g in glyphs if g.height >= 0.6 * median), key=lambda g: -g.cy)
        small = [g for g in glyphs if g.height < 0.6 * median]
        shortcut = _one_line(tall, small, median)
        if shortcut is None:
            return False
        assert [shortcut] == _grouped(tall, small, median)
        return True

    answered = 0
    for pdf_path in sorted(SAMPLES.glob("*.pdf")):
        pdf = pdfium.PdfDocument(pdf_path)
        for page in pdf:
            glyphs = page_glyphs(page)
            for k in range(0, len(glyphs), 7):  # runs of neighbouring characters: a cell's, or two lines'
                answered += both(glyphs[k:k + 9])
            page.close()
        pdf.close()
    rng = random.Random(7)
    for _ in range(3000):
        glyphs = []
        for i in range(rng.randint(1, 12)):
            h = rng.choice([10.0, 10.0, 10.0, 4.0, 0.5])  # full height, comma, a dot
            x = float(rng.randrange(0, 60, 5))  # ties in x too: the order of equal x is group_lines' own
            y = rng.choice([0.0, 1.0, 6.0, 12.0]) + rng.uniform(-1, 1)
            glyphs.append(Glyph(chr(0x4E00 + i), x, y, x + rng.choice([5.0, 10.0]), y + h))
        answered += both(glyphs)
    assert answered > 1000  # the shortcut was taken, and agreed, often

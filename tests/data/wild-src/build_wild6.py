"""Rebuild helper wild6's real-form material (tests/data/wild/, tests/data/related/).

Run from the repo root with a Python that has python-docx and openpyxl:
    /work/toolsvenv/bin/python tests/data/wild-src/build_wild6.py [NAME ...]
Each form is a grid of cells transcribed from the published source (text as printed,
see tests/data/<wild|related>/NAME.md). The grid is written once and rendered the way
the bureau published it: a Word table printed by LibreOffice Writer, a workbook printed
by LibreOffice Calc, or a web page printed by headless Chromium. Sources are kept next
to this script as NAME.docx / NAME.xlsx / NAME.html.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SRC = ROOT / "tests" / "data" / "wild-src"
ME = "wild6"


# ---------------------------------------------------------------- grid model
def C(text: str = "", cs: int = 1, rs: int = 1, **style) -> dict:
    """One printed cell: text, column span, row span, style hints (bold, left, size, noborder)."""
    return {"text": text, "cs": cs, "rs": rs, **style}


def place(rows: list[list[dict]], ncols: int) -> list[tuple[int, int, int, int, dict]]:
    """Resolve spans to (row, col, rowspan, colspan, cell), 0-based; fail on a malformed grid."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            if c + cell["cs"] > ncols:
                raise ValueError(f"row {r} overflows at {cell['text']!r}")
            for dr in range(cell["rs"]):
                for dc in range(cell["cs"]):
                    taken.add((r + dr, c + dc))
            out.append((r, c, cell["rs"], cell["cs"], cell))
            c += cell["cs"]
    if any(r >= len(rows) for r, _ in taken):
        raise ValueError("a row span runs past the last row")
    for r in range(len(rows)):
        missing = [c for c in range(ncols) if (r, c) not in taken]
        if missing:
            raise ValueError(f"row {r} leaves columns {missing} empty")
    return out


# ---------------------------------------------------------------- renderers
def soffice_pdf(src: Path, pdf: Path) -> None:
    """Print an office file to pdf with LibreOffice (own profile: other agents run soffice too)."""
    with tempfile.TemporaryDirectory(prefix=f"{ME}-") as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file:///tmp/lo-{ME}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(str(Path(tmp) / (src.stem + ".pdf")), pdf)


def chromium_pdf(src: Path, pdf: Path) -> None:
    """Print a web page to pdf the way a browser's 'print to PDF' does."""
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--no-first-run", "--no-pdf-header-footer",
                    f"--user-data-dir=/tmp/chr-{ME}", f"--print-to-pdf={pdf}", src.as_uri()],
                   check=True, capture_output=True, timeout=300)


def render_docx(form: dict, path: Path) -> None:
    """A Word document: heading paragraphs and one 'Table Grid' table whose rows may split."""
    from docx import Document
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(1.8))
    for side in ("top_margin", "bottom_margin"):
        setattr(sec, side, Cm(2.2))
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    style.font.size = Pt(10.5)
    for text, size, align in form["heading"]:
        p = doc.add_paragraph()
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
        run = p.add_run(text)
        run.bold = size >= 14
        run.font.size = Pt(size)
    ncols = form["ncols"]
    table = doc.add_table(rows=len(form["rows"]), cols=ncols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Cm(w) for w in form["widths_cm"]]
    for gc, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(w.twips)))  # Writer sizes columns from the grid
    for i, w in enumerate(widths):
        for cell in table.columns[i].cells:
            cell.width = w
    for r, c, rs, cs, cell in place(form["rows"], ncols):
        target = table.cell(r, c)
        if rs > 1 or cs > 1:
            target = target.merge(table.cell(r + rs - 1, c + cs - 1))
        target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        target.text = ""
        para = target.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.LEFT if cell.get("left") else WD_ALIGN_PARAGRAPH.CENTER
        for k, line in enumerate(cell["text"].split("\n")):
            if k:
                para.add_run().add_break()
            run = para.add_run(line)
            run.font.size = Pt(cell.get("size", form.get("font_pt", 10)))
            run.bold = bool(cell.get("bold"))
    for tr in table.rows:  # Word's default, kept explicit: a row may break across pages
        trPr = tr._tr.get_or_add_trPr()
        cant = OxmlElement("w:cantSplit")
        cant.set(qn("w:val"), "0")
        trPr.append(cant)
        if form.get("row_min_cm"):
            height = OxmlElement("w:trHeight")
            height.set(qn("w:val"), str(int(Cm(form["row_min_cm"]).twips)))
            height.set(qn("w:hRule"), "atLeast")
            trPr.append(height)
    for text, size, align in form.get("footer", []):
        p = doc.add_paragraph()
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
        p.add_run(text).font.size = Pt(size)
    doc.save(path)


def render_xlsx(form: dict, path: Path) -> None:
    """One worksheet: merged cells, thin borders, wrapped text, fit to one A4 page width."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = form["sheet"]
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for i, width in enumerate(form["widths_chars"], start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for r, c, rs, cs, cell in place(form["rows"], form["ncols"]):
        first = ws.cell(row=r + 1, column=c + 1, value=cell["text"] or None)
        if cell["text"].startswith("="):  # a printed "=100%" is text, not a formula
            first.data_type = "s"
            first.quotePrefix = True
        first.font = Font(name="Noto Sans CJK SC", size=cell.get("size", 10), bold=bool(cell.get("bold")))
        first.alignment = Alignment(horizontal="left" if cell.get("left") else "center",
                                    vertical="center", wrap_text=True)
        if rs > 1 or cs > 1:
            ws.merge_cells(start_row=r + 1, start_column=c + 1,
                           end_row=r + rs, end_column=c + cs)
        if not cell.get("noborder"):
            for rr in range(r + 1, r + rs + 1):
                for cc in range(c + 1, c + cs + 1):
                    ws.cell(row=rr, column=cc).border = box
    for row_no, height in form.get("heights", {}).items():
        ws.row_dimensions[row_no].height = height
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    wb.save(path)


def render_html(form: dict, path: Path) -> None:
    """A CMS article page: title lines, then the form as one rowspan/colspan table."""
    cells = {}
    for r, c, rs, cs, cell in place(form["rows"], form["ncols"]):
        cells.setdefault(r, []).append((rs, cs, cell))
    body = []
    for r in range(len(form["rows"])):
        tds = []
        for rs, cs, cell in cells.get(r, []):
            attrs = []
            if rs > 1:
                attrs.append(f'rowspan="{rs}"')
            if cs > 1:
                attrs.append(f'colspan="{cs}"')
            classes = [k for k in ("bold", "left", "noborder") if cell.get(k)]
            if classes:
                attrs.append(f'class="{" ".join(classes)}"')
            text = "<br>".join(html.escape(line) for line in cell["text"].split("\n")) or "&nbsp;"
            tds.append(f"<td {' '.join(attrs)}>{text}</td>" if attrs else f"<td>{text}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    widths = "".join(f'<col style="width:{w}%">' for w in form["widths_pct"])
    head = "\n".join(f'<p class="{cls}">{html.escape(t)}</p>' for t, cls in form["heading"])
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(form['page_title'])}</title>
<style>
@page {{ size: A4; margin: 16mm 14mm; }}
body {{ font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 10.5pt; }}
p.title {{ text-align: center; font-size: 15pt; font-weight: bold; margin: 4px 0; }}
p.meta {{ text-align: center; color: #555; font-size: 9pt; margin: 2px 0 10px; }}
p.left {{ text-align: left; font-size: 10.5pt; margin: 4px 0; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
td {{ border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle;
     font-size: 9.5pt; word-wrap: break-word; }}
td.left {{ text-align: left; }}
td.bold {{ font-weight: bold; font-size: 13pt; }}
td.noborder {{ border: none; }}
</style></head><body>
{head}
<table>{widths}
{chr(10).join(body)}
</table>
</body></html>
"""
    path.write_text(page, encoding="utf-8")


def build(name: str, kind: str, form: dict) -> None:
    """Write the source for one form and print it to tests/data/<kind>/name.pdf."""
    out = ROOT / "tests" / "data" / kind
    out.mkdir(exist_ok=True)
    pdf = out / f"{name}.pdf"
    producer = form["producer"]
    src = SRC / f"{name}.{producer}"
    {"docx": render_docx, "xlsx": render_xlsx, "html": render_html}[producer](form, src)
    (chromium_pdf if producer == "html" else soffice_pdf)(src, pdf)
    print(f"{kind}/{name}.pdf <- wild-src/{src.name}")


# ================================================================ forms
# Each grid below is the form as printed; see NAME.md for the source and its quirks.


def hubei_2020_district_commerce_service_trade() -> dict:
    """区商务局, 2020年市级服务贸易发展资金: Hubei-style 项目自评表 from a Word file, printed by Writer."""
    rows = [
        [C("项目名称"), C("2020年市级服务贸易发展资金", cs=6)],
        [C("主管部门"), C("区商务局", cs=2), C("项目实施单位", cs=2), C("投资促进中心", cs=2)],
        [C("项目类别"), C("1、部门预算项目    2、区直专项 □", cs=6, left=True)],
        [C("项目属性"), C("1、持续性项目    2、新增性项目 □", cs=6, left=True)],
        [C("项目类型"), C("1、常年性项目    2、延续性项目 □    3、一次性项目 □", cs=6, left=True)],
        [C("预算执行\n情况(万元)\n(20分)", rs=2), C(""), C("预算数\n(A)", cs=2), C("执行数(B)"),
         C("执行率(B/A)"), C("得分\n(20分*执行率)")],
        [C("年度财政\n资金总额"), C("285.84", cs=2), C("285.84"), C("100%"), C("20")],
        [C("年度\n绩效\n目标\n(80分)", rs=9), C("一级指标"), C("二级指标"), C("三级指标"),
         C("年初目标值\n(A)"), C("实际完成值\n(B)"), C("得分")],
        [C("产出指标\n(60分)", rs=6), C("数量指标", rs=3), C("服务外包在岸(万美元)", left=True),
         C("20000"), C("23333.56"), C("10")],
        [C("服务外包离岸(万美元)", left=True), C("4500"), C("4557.51"), C("10")],
        [C("支持服务贸易、服务外包企业数量", left=True), C("3"), C("3"), C("10")],
        [C("质量指标"), C("企业国际质量提升", left=True), C("获得目的国(地区)受众欢迎"),
         C("受目的国受众欢迎显著"), C("10")],
        [C("时效指标", rs=2), C("预算资金执行率", left=True), C("90%"), C("100%"), C("10")],
        [C("资金拨付及时性", left=True), C("98%以上"), C("100%"), C("10")],
        [C("效益指标\n(40分)", rs=2), C("社会效益\n指标"), C("企业把握政治导向和文化方向情况", left=True),
         C("企业把握正确政治导向和文化方向情况的评价"), C("企业较好把握正确政治导向和文化方向情况的评价"),
         C("20")],
        [C("可持续影\n响指标"), C("推动企业走出去方面发挥的作用", left=True), C("是否利于企业走出去"),
         C("有利于推动企业走出去"), C("20")],
        [C("总分"), C("100", cs=6)],
        [C("偏差大或\n目标未完成\n原因分析"), C("", cs=6)],
        [C("改进措施及\n结果应用方案"), C("", cs=6)],
        [C("单位主要负责人\n签批意见"), C("签名:                年    月    日", cs=6, left=True)],
    ]
    return {
        "producer": "docx",
        "heading": [("2020年市级服务贸易发展资金项目自评表", 16, "center"),
                    ("单位名称:区商务局                         填报日期:2021年4月22日", 10.5, "left")],
        "ncols": 7, "widths_cm": [2.4, 2.2, 2.2, 4.2, 2.9, 2.9, 1.6], "font_pt": 10, "rows": rows,
        "row_min_cm": 0.9,
    }


def shanghai_2022_putuo_sports_centre_settlement() -> dict:
    """上海市普陀区体育事业管理中心, 委托运营方结算费用, 2022: 财政项目支出绩效自评表 in 元, printed by Calc."""
    ind = [  # 一级 (span) or None, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分
        ("产出指标", 3, "数量指标", "与委托运营方结算完成率", "=100%", "100%", "10", "10"),
        (None, 0, "质量指标", "合同结算条款完成率", "=100%", "100%", "20", "20"),
        (None, 0, "时效指标", "费用结算及时性", "及时", "及时", "20", "20"),
        ("效益指标", 1, "社会效益指标", "与委托运营方合同完成率", "=100%", "100%", "30", "30"),
        ("满意度指标", 1, "服务对象满意度指标", "场馆开放满意度", ">=90%", "100%", "10", "10"),
    ]
    ind_rows = []
    for level1, span, level2, name, target, actual, weight, score in ind:
        row = [C(level1, rs=span)] if level1 else []
        row += [C(level2), C(name, left=True), C(target), C(actual), C(weight), C(score), C("")]
        ind_rows.append(row)
    rows = [
        [C("财政项目支出绩效自评表", cs=9, bold=True, size=14, noborder=True)],
        [C("(2022年度)", cs=9, noborder=True)],
        [C("项目名称"), C("普陀体育中心与委托运营方结算费用", cs=8, left=True)],
        [C("主管部门"), C("上海市普陀区体育局", cs=3, left=True), C("实施单位", cs=2),
         C("上海市普陀区体育事业管理中心", cs=3, left=True)],
        [C("项目资金\n(元)", rs=5), C("", cs=2), C("年初预算数"), C("全年预算数"), C("全年执行数"),
         C("分值"), C("执行率"), C("得分")],
        [C("年度资金总额", cs=2, left=True), C("250000.00"), C("250000.00"), C("215,457.6"), C("10"),
         C("86.19%"), C("8.62")],
        [C("其中:当年财政拨款", cs=2, left=True), C("250000.00"), C("250000.00"), C("215457.6"), C("—"),
         C(""), C("")],
        [C("上年结转资金", cs=2, left=True), C(""), C("0"), C("0"), C("—"), C(""), C("")],
        [C("其他资金", cs=2, left=True), C(""), C("0"), C("0"), C("—"), C(""), C("")],
        [C("年度\n总体\n目标", rs=2), C("预期目标", cs=4), C("实际完成情况", cs=4)],
        [C("", cs=4), C("已完成普陀体育中心与委托运营方费用结算。", cs=4, left=True)],
        [C("绩\n效\n指\n标", rs=len(ind) + 1), C("一级指标"), C("二级指标"), C("三级指标"), C("年度\n指标值"),
         C("实际\n完成值"), C("分值"), C("得分"), C("偏差原因分析及\n改进措施")],
        *ind_rows,
        [C("总分", cs=6), C("100"), C("98.62"), C("")],
    ]
    heights = {1: 26, 12: 30, 13: 30, 14: 30, 15: 30, 16: 30, 17: 30}
    return {"producer": "xlsx", "sheet": "项目自评表", "ncols": 9,
            "widths_chars": [8, 11, 12, 22, 12, 12, 8, 9, 16], "rows": rows, "heights": heights}


FORMS = {
    "hubei-2020-district-commerce-service-trade": ("wild", hubei_2020_district_commerce_service_trade),
    "shanghai-2022-putuo-sports-centre-settlement": ("wild", shanghai_2022_putuo_sports_centre_settlement),
}


def main(names: list[str]) -> None:
    for name in names or list(FORMS):
        kind, form = FORMS[name]
        build(name, kind, form())


if __name__ == "__main__":
    main(sys.argv[1:])

"""Rebuild helper wild8's real-form material (tests/data/wild/).

Run from the repo root with a Python that has python-docx and openpyxl:
    /work/toolsvenv/bin/python tests/data/wild-src/build_wild8.py [NAME ...]
Each form is a grid of cells transcribed from the stored page text named in its NAME.md
(text as printed, nothing computed or corrected) and rendered the way the bureau published
it: a web page printed by headless Chromium, or a Word table printed by LibreOffice Writer.
Sources are kept next to this script as NAME.html / NAME.docx.
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
ME = "wild8"


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

def chongqing_2021_zhongxian_tujing_resettlement_roads() -> dict:
    """忠县涂井乡, 龙滩村移民安置区精准帮扶, 2021: Chongqing county form, cut by the stored text."""
    rows = [
        [C("专项(项目)名称"), C("忠县涂井乡龙滩村农村移民安置区精准帮扶项目", cs=3),
         C("负责人及电话"), C("廖朝伟\n13635397499", cs=2)],
        [C("市级主管部门"), C("重庆市水利局", cs=6)],
        [C("县级主管部门"), C("忠县水利局", cs=3), C("实施单位"), C("忠县涂井乡人民政府", cs=2)],
        [C("项目资金\n(万元)", rs=5), C("", cs=2), C("全年预算数(A)"), C("全年执行数(B)"),
         C("执行率(B/A)", cs=2)],
        [C("年度资金总额:", cs=2, left=True), C("372.29万元"), C("372.29万元"), C("100%", cs=2)],
        [C("其中:中央、市级补助", cs=2, left=True), C("372.29万元"), C("372.29万元"), C("100%", cs=2)],
        [C("县级资金", cs=2, left=True), C(""), C(""), C("", cs=2)],
        [C("其他资金", cs=2, left=True), C(""), C(""), C("", cs=2)],
        [C("年度\n总体\n目标", rs=2), C("年初设定目标", cs=3), C("全年实际完成情况", cs=3)],
        [C("新建道路 524m;硬化道路5719m;人行便道硬化 14.7km。", cs=3, left=True),
         C("新建道路 524m;硬化道路5719m;人行便道硬化 14.7km。", cs=3, left=True)],
        [C("绩\n效\n指\n标", rs=9), C("一级\n指标", cs=2), C("三级指标"), C("年度指标值"),
         C("全年完成值"), C("未完成原因和\n改进措施")],
        [C("产\n出\n指\n标", rs=7), C("数量指标", rs=3), C("指标1:新建道路", left=True), C("524m"),
         C("524m"), C("")],
        [C("指标2:硬化道路", left=True), C("5719m"), C("5719m"), C("")],
        [C("指标3:人行便道硬化", left=True), C("14.7km"), C("14.7km"), C("")],
        [C("质量指标", rs=2), C("指标1:工程完工率", left=True), C("100%"), C("100%"), C("")],
        [C("指标2:工程验收合格率", left=True), C("100%"), C("100%"), C("")],
        [C("时效指标"), C("道路交通设施完成时间", left=True), C("2021年"), C("2021年"), C("")],
        [C("成本指标"), C("道路交通设施", left=True), C("713万元"), C("713万元"), C("")],
        [C("效\n益\n指\n标"), C("经济效益指标"), C("道路交通设施", left=True),
         C("降低村民出行和农产品运输成本"), C("降低村民出行和农产品运输成本"), C("")],
    ]
    return {"producer": "html", "page_title": "涂井乡2021年度项目绩效自评表",
            "heading": [("忠县人民政府 > 涂井乡人民政府 > 政务公开 > 法定主动公开内容 > 预算/决算 > 决算", "left"),
                        ("[索引号] 11500233709471424M/2023-00011  [主题分类] 财政、金融、审计  [体裁分类] 财政", "meta"),
                        ("[发布机构] 忠县涂井乡  [有效性] 有效  [成文日期] 2023-04-12  [发布日期] 2023-04-12", "meta"),
                        ("涂井乡2021年度项目绩效自评表", "title"),
                        ("中央、市级专项转移支付绩效目标自评表", "title"),
                        ("(2021年度)", "meta")],
            "ncols": 7, "widths_pct": [9, 10, 12, 25, 16, 16, 12], "rows": rows}


def hubei_2022_ezhou_science_popularization() -> dict:
    """鄂州市科学技术协会, 科学普及经费, 2022: Hubei 项目自评表, cut by the stored text."""
    rows = [
        [C("项目名称"), C("科学普及经费", cs=6)],
        [C("主管部门"), C("鄂州市科学技术协会", cs=2), C("项目实施单位", cs=2), C("鄂州市科学技术协会", cs=2)],
        [C("项目类别"), C("1、部门预算项目   ?   2、省直专项   □  3、省对下转移支付项目 □", cs=6, left=True)],
        [C("项目属性"), C("1、持续性项目     ?   2、新增性项目 □", cs=6, left=True)],
        [C("项目类型"), C("1、常年性项目     ?   2、延续性项目 □      3、一次性项目 □", cs=6, left=True)],
        [C("预算执行情况\n(万元)\n(20分)", rs=2), C(""), C("预算数(A)", cs=2), C("执行数(B)"),
         C("执行率(B/A)"), C("得分\n(20分*执行率)")],
        [C("年度财政资金总额"), C("104", cs=2), C("103.97"), C("99.97"), C("19")],
        [C("年度绩效目标1\n(80分)", rs=10), C("一级指标"), C("二级指标"), C("三级指标"),
         C("年初目标值(A)"), C("实际完成值(B)"), C("得分")],
        [C("产出指标", rs=6), C("数量指标", rs=3), C("“科普鄂州”微信公众号运维", left=True),
         C("不少于800篇"), C("800篇"), C("8")],
        [C("开展全国科普日专题科普活动", left=True), C("10场"), C("9场"), C("7")],
        [C("《科协之窗-身边的科普》栏目", left=True), C("200期"), C("200期"), C("8")],
        [C("质量指标", rs=2), C("科普知识网络竞赛", left=True), C("提高普及率"), C("稳步提升"), C("6")],
        [C("科普宣传栏内容更新", left=True), C("知识更新率"), C("实时更新"), C("6")],
        [C("成本指标"), C("预算控制数", left=True), C("≤104万元"), C("103.97万元"), C("10")],
        [C("效益指标", rs=3), C("社会效益指标"), C("公民科学文化素质", left=True), C("提升10%"), C("提升10%"), C("6")],
        [C("经济效益指标"), C("公民支持科技经济融合发展", left=True), C("提升10%"), C("提升10%"), C("6")],
        [C("生态效益指标"), C("生态文明理念和意识", left=True), C("提升10%"), C("提升10%"), C("6")],
    ]
    return {
        "producer": "docx",
        "heading": [("2022年度科普经费项目自评表", 16, "center"),
                    ("单位名称:鄂州市科学技术协会         填报日期:2023年 5 月 17日", 10.5, "left")],
        "ncols": 7, "widths_cm": [2.9, 2.2, 2.6, 4.6, 2.6, 2.4, 1.4], "font_pt": 10, "rows": rows,
        "row_min_cm": 0.8,
    }


FORMS = {
    "chongqing-2021-zhongxian-tujing-resettlement-roads":
        ("wild", chongqing_2021_zhongxian_tujing_resettlement_roads),
    "hubei-2022-ezhou-science-popularization": ("wild", hubei_2022_ezhou_science_popularization),
}


def main(names: list[str]) -> None:
    for name in names or list(FORMS):
        kind, form = FORMS[name]
        build(name, kind, form())


if __name__ == "__main__":
    main(sys.argv[1:])

"""Rebuild helper wild7's real-form material (tests/data/wild/, tests/data/related/).

Run from the repo root with a Python that has python-docx and openpyxl:
    /work/toolsvenv/bin/python tests/data/wild-src/build_wild7.py [NAME ...]
Each form is a grid of cells transcribed from the published source (text as printed,
see tests/data/<wild|related>/NAME.md). The grid is written once and rendered the way
the bureau published it: a Word table printed by LibreOffice Writer, a workbook printed
by LibreOffice Calc, or a web page printed by headless Chromium. Sources are kept next
to this script as NAME.docx / NAME.xlsx / NAME.html. (Grid model and renderers follow
build_wild5.py; landscape pages added.)
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
ME = "wild7"


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
    if form.get("orientation") == "landscape":
        from docx.enum.section import WD_ORIENT
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21)
    else:
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
    ws.page_setup.orientation = form.get("orientation", "portrait")
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
@page {{ size: A4 {form.get('orientation', 'portrait')}; margin: 16mm 14mm; }}
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

def hainan_2023_nongken_school_student_aid() -> dict:
    """海南省农垦实验中学, 学生事务补助, 2023: Hainan's budget-system 项目支出绩效自评表 (元), web page."""
    ind_head = ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值",
                "完成率", "分值", "得分", "未完成原因分析"]
    ind = [  # 一级, 二级, 三级, 指标性质, 年度指标值, 度量单位, 实际完成值, 完成率, 分值, 得分, 未完成原因分析
        ("产出指标", "数量指标", "资助困难教师及学生", "", "52", "", "10", "19.23%", "20.00", "3.85",
         "滋慧计划由中央直接拨付到个人银行账户。"),
        ("产出指标", "质量指标", "困难教师", "", "2", "", "0", "0.00%", "30.00", "0",
         "砺耕计划由省厅直接拨付到个人银行账户。"),
        ("效益指标", "社会效益指标", "帮助困难教师和学生提高生活水平", "", "95", "%", "100", "100.00%",
         "30.00", "30", ""),
        ("满意度指标", "服务对象满意度", "资助困难教师及学生", "", "52", "", "100", "100.00%", "10.00",
         "10", ""),
    ]
    left = {2, 10}  # 三级指标 and 未完成原因分析 read as text
    ind_rows = [[C(v, left=(k in left)) for k, v in enumerate(r)] for r in ind]
    budget = [  # label, 年初预算数, 全年预算数, 执行数, 分值, 执行率(%), 得分
        ("资金总额:", "120,000.00", "120,000.00", "30,000.00", "10.00", "25", "2.5"),
        ("其中:财政资金:", "0.00", "0.00", "0.00", "", "0", ""),
        ("单位资金:", "120,000.00", "120,000.00", "30,000.00", "", "25", ""),
        ("财政专户管理资金:", "0.00", "0.00", "0.00", "", "0", ""),
    ]
    budget_rows = [[C(b[0], cs=3, left=True), C(b[1]), C(b[2]), C(b[3]), C(b[4]), C(b[5], cs=2),
                    C(b[6], cs=2)] for b in budget]
    rows = [
        [C("项目支出绩效自评表", cs=11, bold=True, size=14, noborder=True)],
        [C("项目名称:"), C("46000021T000000002749-学生事务补助", cs=4, left=True), C("填报人:"),
         C("李姣", cs=2, left=True), C("联系方式:"), C("13178966329", cs=2, left=True)],
        [C("主管部门:"), C("203-省教育厅", cs=4, left=True), C("实施单位:"),
         C("203045-省农垦实验中学", cs=5, left=True)],
        [C("是否公开:"), C("", cs=4), C("网址:"), C("", cs=5)],
        [C("资金构成(元)", cs=3), C("年初预算数"), C("全年预算数"), C("执行数"), C("分值"),
         C("执行率(%)", cs=2), C("得分", cs=2)],
        *budget_rows,
        [C("年度目标", cs=5), C("年度目标完成情况", cs=6)],
        [C("用于资助贫困教师及学生", cs=5, left=True),
         C("发放成长计划资助资助学生10人次,砺耕计划由省厅直接拨付到个人银行账户。"
           "滋慧计划由中央直接拨付到个人银行账户。", cs=6, left=True)],
        [C(h) for h in ind_head],
        *ind_rows,
        [C("合计", cs=8), C("100.00"), C("46.35"), C("")],
    ]
    return {"producer": "html", "orientation": "landscape",
            "page_title": "海南省农垦实验中学2023年项目绩效自评表公开",
            "heading": [("海南省农垦实验中学2023年项目绩效自评表公开", "title"),
                        ("创建时间:2024-07-10 16:49", "meta")],
            "ncols": 11, "widths_pct": [8, 9, 14, 9, 9, 8, 8, 7, 7, 7, 14], "rows": rows}


def hubei_2023_huangshi_no3_school_campus_repair() -> dict:
    """黄石市第三中学, 校园维修改造及设备购置, 2023: Hubei 项目自评表 without score columns, Writer."""
    rows = [
        [C("项目名称"), C("校园维修改造及设备购置", cs=5)],
        [C("主管部门"), C("黄石市教育局", cs=2), C("项目实施单位"), C("黄石市第三中学", cs=2)],
        [C("项目类别"), C("1、部门预算项目   2、市直专项", cs=5, left=True)],
        [C("项目属性"), C("1、持续性项目   2、新增性项目", cs=5, left=True)],
        [C("项目类型"), C("1、常年性项目   2、延续性项目      3、一次性项目", cs=5, left=True)],
        [C("预算执行情况(万元)\n20分)", rs=2), C(""), C("预算数(A)", cs=2), C("执行数B)"), C("执行率B/A)")],
        [C("年度财政资金总额"), C("800万元", cs=2), C("800万元"), C("100%")],
        [C("年度绩效目标\n98分)", rs=9), C("一级指标"), C("二级指标"), C("三级指标"), C("年初目标值(A"),
         C("实际完成值(B")],
        [C("产出指标", rs=4), C("数量指标"), C("完成校园维修改造及设备购置项目", left=True), C("800万元"),
         C("800万元")],
        [C("质量指标"), C("校园维修改造及设备购置合格率", left=True), C("100%"), C("100%")],
        [C("成本指标"), C("本年预算安排800万元", left=True), C("100%"), C("100%")],
        [C("时效指标"), C("2023年项目完工、投入使用", left=True), C("100%"), C("100%")],
        [C("效益指标", rs=2), C("社会效益指标"), C("保障校园环境安全、教学工作正常运转", left=True), C("良好"),
         C("良好")],
        [C("可持续影响指标"), C("建设平安校园,满足教师和学生生活、学习的需要", left=True), C("≥95%"), C("≥95%")],
        [C("满意度指标", rs=2), C("具体指标"), C("教师满意度", left=True), C("≥95%"), C("≥95%")],
        [C("具体指标"), C("学生满意度", left=True), C("≥95%"), C("≥95%")],
        [C("偏差大或\n目标未完成\n原因分析"), C("", cs=5)],
        [C("改进措施及\n结果应用方案"), C("", cs=5)],
    ]
    return {
        "producer": "docx",
        "heading": [("2023年度校园维修改造及设备购置项目自评表", 16, "center"),
                    ("项目单位(盖章):黄石市第三中学         主要领导签字:", 10.5, "left"),
                    ("填报日期:2024年6月14", 10.5, "left")],
        "footer": [("备注:", 9, "left"),
                   ("1.预算执行情况口径:预算数为调整后财政资金总额(包括上年结余结转),执行数为资金使用单位财政资金"
                    "实际支出数。涉及政府采购的项目支出要设置相关绩效指标反映政府采购管理情况。", 9, "left"),
                   ("2.基于经济性和必要性等因素考虑,满意度指标暂可不作为必评指标。", 9, "left")],
        "ncols": 6, "widths_cm": [2.8, 2.3, 2.8, 5.0, 2.6, 2.6], "font_pt": 10, "rows": rows,
        "row_min_cm": 0.9,
    }


FORMS = {
    "hainan-2023-nongken-school-student-aid": ("wild", hainan_2023_nongken_school_student_aid),
    "hubei-2023-huangshi-no3-school-campus-repair": ("wild", hubei_2023_huangshi_no3_school_campus_repair),
}


def main(names: list[str]) -> None:
    for name in names or list(FORMS):
        kind, form = FORMS[name]
        build(name, kind, form())


if __name__ == "__main__":
    main(sys.argv[1:])

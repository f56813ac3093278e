"""Rebuild helper wild12's real-form material (tests/data/wild/ + wild-src/).

Run from the repo root with a Python that has openpyxl:
    /work/toolsvenv/bin/python tests/data/wild-src/build_wild12.py [NAME ...]
Each form is a grid of cells transcribed from the stored page text named in its NAME.md
(text as printed, nothing computed or corrected) and rendered the way the bureau published
it: a web page printed by headless Chromium, an Excel sheet printed by LibreOffice Calc, or a
Word table printed by LibreOffice Writer. Sources are kept next to this script as
NAME.html / NAME.xlsx / NAME.docx. Grid model and renderers follow build_wild9.py / build_wild10.py.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SRC = Path(__file__).resolve().parent
DATA = SRC.parent
ME = "wild12"


# ---------------------------------------------------------------- grid model
def C(text: str = "", cs: int = 1, rs: int = 1, **style) -> dict:
    """One printed cell: text, column span, row span, style hints (bold, left, bare = no rules)."""
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
def chromium_pdf(src: Path, pdf: Path) -> None:
    """Print a web page to pdf the way a browser's 'print to PDF' does."""
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--no-first-run", "--no-pdf-header-footer",
                    f"--user-data-dir=/tmp/chr-{ME}", f"--print-to-pdf={pdf}", src.as_uri()],
                   check=True, capture_output=True, timeout=300)


def soffice_pdf(src: Path, pdf: Path) -> None:
    """Print an office file to pdf with LibreOffice (own profile: other agents run soffice too)."""
    with tempfile.TemporaryDirectory(prefix=f"{ME}-") as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file:///tmp/lo-{ME}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(str(Path(tmp) / (src.stem + ".pdf")), pdf)


def render_html(form: dict, path: Path) -> None:
    """A CMS article page: breadcrumb, title and date lines, then the form as one rowspan/colspan table."""
    cells: dict[int, list] = {}
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
            classes = [k for k in ("bold", "left", "bare") if cell.get(k)]
            if classes:
                attrs.append(f'class="{" ".join(classes)}"')
            text = "<br>".join(html.escape(line) for line in cell["text"].split("\n")) or "&nbsp;"
            tds.append(f"<td {' '.join(attrs)}>{text}</td>" if attrs else f"<td>{text}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    widths = "".join(f'<col style="width:{w}%">' for w in form["widths_pct"])
    head = "\n".join(f'<p class="{cls}">{html.escape(t)}</p>' for t, cls in form["heading"])
    tail = "\n".join(f'<p class="{cls}">{html.escape(t)}</p>' for t, cls in form.get("footer", []))
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(form['page_title'])}</title>
<style>
@page {{ size: A4 {form.get('orientation', 'portrait')}; margin: 14mm 12mm; }}
body {{ font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 10.5pt; }}
p.crumb {{ color: #444; font-size: 9pt; margin: 0 0 8px; }}
p.title {{ text-align: center; font-size: 15pt; font-weight: bold; margin: 4px 0; }}
p.meta {{ text-align: center; color: #555; font-size: 9pt; margin: 2px 0 10px; }}
p.sub {{ text-align: center; font-size: 12pt; font-weight: bold; margin: 8px 0 4px; }}
p.left {{ text-align: left; font-size: 10pt; margin: 4px 0; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
td {{ border: 1px solid #000; padding: 2px 3px; text-align: center; vertical-align: middle;
     font-size: 8.5pt; word-wrap: break-word; }}
td.left {{ text-align: left; }}
td.bold {{ font-weight: bold; }}
td.bare {{ border: none; }}
</style></head><body>
{head}
<table>{widths}
{chr(10).join(body)}
</table>
{tail}
</body></html>
"""
    path.write_text(page, encoding="utf-8")


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
            ws.merge_cells(start_row=r + 1, start_column=c + 1, end_row=r + rs, end_column=c + cs)
        if not cell.get("bare"):
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


def build(name: str, form: dict) -> None:
    """Write the source for one form next to this script and print it to tests/data/<folder>/name.pdf."""
    out = DATA / form["folder"]
    out.mkdir(exist_ok=True)
    src = SRC / f"{name}.{form['producer']}"
    {"html": render_html, "xlsx": render_xlsx, "docx": render_docx}[form["producer"]](form, src)
    (chromium_pdf if form["producer"] == "html" else soffice_pdf)(src, out / f"{name}.pdf")
    print(f"{form['folder']}/{name}.pdf <- wild-src/{src.name}")


# ================================================================ forms
# Each grid below is the form as printed; see NAME.md for the source and its quirks.

def shanxi_2020_jishan_poor_household_medical_premium() -> dict:
    """稷山县医疗保障局, 建档立卡个人缴费县级配套资金 2020: MoF template as a county Excel sheet."""
    L = dict(left=True)
    rows = [
        [C("稷山县项目支出绩效自评表", cs=9, bare=True, bold=True, size=14)],
        [C("(2020年度)", cs=9, bare=True)],
        [C("项目名称", cs=2), C("建档立卡个人缴费县级配套资金", cs=7, **L)],
        [C("主管部门", cs=2), C("稷山县医疗保障局", cs=3, **L), C("实施单位"),
         C("稷山县医疗保险服务中心", cs=3, **L)],
        [C("项目资金\n(万元)", rs=5), C("", cs=2), C("年初预算数"), C("全年预算数"), C("全年执行数"),
         C("分值"), C("执行率"), C("得分")],
        [C("年度资金总额", cs=2, **L), C(""), C("65.66"), C("65.07"), C("10"), C("99%"), C("9")],
        [C("其中:当年财政拨款", cs=2, **L), C(""), C("65.66"), C("65.07"), C("—"), C("99%"), C("—")],
        [C("上年结转资金", cs=2, **L), C(""), C(""), C(""), C("—"), C(""), C("—")],
        [C("其他资金", cs=2, **L), C(""), C(""), C(""), C("—"), C(""), C("—")],
        [C("年度总\n体目标", rs=2), C("预期目标", cs=4), C("实际完成情况", cs=4)],
        [C("提高医疗保障水平,推进因病致贫问题的根本性解决", cs=4, **L),
         C("提高医疗保障水平,推进了因病致贫问题的基本性解决", cs=4, **L)],
        [C("绩\n效\n指\n标", rs=7), C("一级\n指标"), C("二级指标"), C("三级指标"), C("年度\n指标值"),
         C("实际\n完成值"), C("分值"), C("得分"), C("偏差原因分析及改进措施")],
        [C("产出\n指标\n(50分)", rs=4), C("数量指标"), C("指标1:全县参合人数", **L), C("8755"), C("8676"),
         C("15"), C("13"), C("建档立卡中有新增死亡人员,导致有偏差", **L)],
        [C("质量指标"), C("指标1:资金是否全部纳入医保统筹", **L), C("100%"), C("100%"), C("15"), C("15"),
         C("")],
        [C("时效指标"), C("指标1:资金是否全部及时纳入", **L), C("100%"), C("100%"), C("10"), C("10"), C("")],
        [C("成本指标"), C("指标1:配套资金每人每年", **L), C("75元"), C("75元"), C("10"), C("10"), C("")],
        [C("效益指\n标(30\n分)"), C("社会效益\n指标"), C("指标1:是否解决建档立卡人员看病难贵问题", **L),
         C("95%"), C("95%"), C("30"), C("27"), C("")],
        [C("满意度\n指标\n(10分)"), C("服务对象满\n意度指标"), C("指标1:是否满意", **L), C("95%"), C("95%"),
         C("10"), C("9"), C("")],
        [C("总分", cs=6), C("100"), C("94"), C("")],
    ]
    return {"producer": "xlsx", "folder": "wild", "sheet": "Sheet1", "ncols": 9,
            "widths_chars": [8, 8, 10, 24, 10, 10, 6, 6, 22], "rows": rows,
            # sheet rows (1-based) holding wrapped text get room for all their lines
            "heights": {1: 26, 5: 20, 10: 30, 11: 36, 12: 30, 13: 32, 17: 44, 18: 44}}


FORMS = {
    "shanxi-2020-jishan-poor-household-medical-premium": shanxi_2020_jishan_poor_household_medical_premium,
}


def main(names: list[str]) -> None:
    for name in names or list(FORMS):
        build(name, FORMS[name]())


if __name__ == "__main__":
    main(sys.argv[1:])

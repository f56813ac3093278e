"""Rebuild helper wild10's real-form material (tests/data/wild/).

Run from the repo root:
    /work/toolsvenv/bin/python tests/data/wild-src/build_wild10.py [NAME ...]
Each form is a grid of cells transcribed from the stored page text named in its NAME.md
(text as printed, nothing computed or corrected) and rendered the way the bureau published
it: a CMS article page printed by headless Chromium, or a Word table printed by LibreOffice
Writer. Sources are kept next to this script as NAME.html / NAME.docx. Grid model and
renderers follow build_wild8.py.
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
ME = "wild10"


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
    {"docx": render_docx, "html": render_html}[producer](form, src)
    (chromium_pdf if producer == "html" else soffice_pdf)(src, pdf)
    print(f"{kind}/{name}.pdf <- wild-src/{src.name}")


# ================================================================ forms
# Each grid below is the form as printed; see NAME.md for the source and its quirks.

def anhui_2024_huoshan_special_education_aid() -> dict:
    """霍山县教育局, 特殊教育补助资金 转移支付整体绩效目标自评表, 2024: Anhui county transfer form."""
    rows = [
        [C("转移支付(项目)名称", cs=2), C("特殊教育补助资金", cs=7, left=True)],
        [C("市级主管部门", cs=2), C("六安市教育体育局", cs=7, left=True)],
        # the stored header names six columns, the money rows carry seven values: one column has no label
        [C("项目资金(万元)", rs=7), C(""), C("年初预算数"), C("全年预算数(A)"), C("全年执行数(B)"),
         C(""), C("分值"), C("预算执行率(B/A)"), C("得分")],
        [C("年度资金总额:", left=True), C("28.1"), C("28.1"), C("28.1"), C("28.1"), C("10"), C("100%"),
         C("10")],
        [C("其中:中央资金", left=True), C("28.1"), C("28.1"), C("28.1"), C("28.1"), C("10"), C("100%"),
         C("10")],
        [C("省级资金", left=True), C(""), C(""), C(""), C(""), C(""), C(""), C("")],
        [C("市级资金", left=True), C(""), C(""), C(""), C(""), C(""), C(""), C("")],
        [C("县级资金", left=True), C(""), C(""), C(""), C(""), C(""), C(""), C("")],
        [C("其他资金", left=True), C(""), C(""), C(""), C(""), C(""), C(""), C("")],
        [C("年度总体目标", rs=2), C("年初设定目标", cs=4), C("全年实际完成情况", cs=4)],
        [C("采购两个年级教学软件,两套班班通,四台台式电脑和四台笔记本电脑,一套室外康复运动器材,"
           "使得教育教学条件得到大力改善,提升特殊教育质量。", cs=4, left=True),
         C("严格按照年初预算执行,采购手续合规合法,完成率100%。", cs=4, left=True)],
        [C("绩效指标", rs=11), C("一级\n指标"), C("二级指标"), C("三级指标"), C("年度指标值"),
         C("全年实际完成值"), C("分值"), C("得分"), C("未完成原因和改进措施")],
        [C("产\n出\n指\n标", rs=7), C("数量指标", rs=3), C("培智教学软件2套", left=True), C("100%"),
         C("100%"), C("10"), C("10"), C("")],
        [C("台式电脑4台、笔记本电脑4台、班班通设备2套", left=True), C("100%"), C("100%"), C("5"), C("5"),
         C("")],
        [C("室外康复运动设施1套", left=True), C("100%"), C("100%"), C("5"), C("5"), C("")],
        [C("质量指标", rs=3), C("培智教学软件验收合格率", left=True), C("100%"), C("100%"), C("10"),
         C("10"), C("")],
        [C("台式电脑4、笔记本电脑、班班通设备验收合格率", left=True), C("100%"), C("100%"), C("5"),
         C("5"), C("")],
        [C("室外康复运动设施验收合格率", left=True), C("100%"), C("100%"), C("5"), C("5"), C("")],
        [C("时效指标"), C("根据资金到位时间执行项目进度", left=True), C("100%"), C("100%"), C("10"),
         C("10"), C("")],
        [C("效益\n指标"), C("社会效益\n指标"), C("特殊教育资源", left=True), C("扩大"), C("扩大"), C("30"),
         C("30"), C("")],
        [C("满意度指标", rs=2), C("服务对象\n满意度指标", rs=2), C("残疾学生、家长满意度", left=True),
         C("90%"), C("98%"), C("5"), C("5"), C("")],
        [C("特殊教育教师满意度", left=True), C("90%"), C("98%"), C("5"), C("5"), C("")],
        [C("分总", cs=6), C("100"), C("100"), C("")],
    ]
    return {"producer": "html", "page_title": "霍山县特殊教育补助资金转移支付整体绩效目标自评表 (学校经费投入及使用情况)",
            "heading": [("您当前的位置:首页 > 信息公开 > 霍山县政府办 > 教育信息 > 特殊教育", "left"),
                        ("霍山县特殊教育补助资金转移支付整体绩效目标自评表 (学校经费投入及使用情况)", "title"),
                        ("浏览次数:  发表时间:2025-03-20 08:44  信息来源:霍山县教育局  字体:[  ]", "meta"),
                        ("霍山县特殊教育补助资金转移支付整体绩效目标自评表", "title"),
                        ("(2024年度)", "meta")],
            "ncols": 9, "widths_pct": [8, 11, 11, 20, 10, 10, 8, 10, 12], "rows": rows}


def shandong_2025_linyi_normal_primary_school_targets() -> dict:
    """临邑县师范附属小学, 小学教育公用经费, 2025: a targets-only 项目支出目标申报表 (related form)."""
    rows = [
        [C("项目名称"), C("小学教育公用经费", cs=4, left=True)],
        [C("项目主管部门"), C("临邑县师范附属小学", cs=4, left=True)],
        [C("项目资金申请\n(万元)", rs=3), C("资金总额:", cs=2), C("438.768", cs=2)],
        [C("财政拨款:", cs=2), C("438.768", cs=2)],
        [C("其他:", cs=2), C("", cs=2)],
        [C("项目总体情况"), C("根据鲁财科教(2024)67号文件,小学教育公用经费每生每年780元,县级财政负担20%计,"
                           "主要用于学校教学与管理、校舍维修维护及日常办公等。", cs=4, left=True)],
        [C("一级"), C("二级"), C("三级"), C("年度数值"), C("备注")],
        [C("产出值", rs=4), C("数量值"), C("小学就读人数"), C("<=6962人"), C("")],
        [C("质量值"), C("教学条件改善、办学水平提高"), C("=100%"), C("")],
        [C("时效值"), C("教育均衡化发展"), C("有效"), C("")],
        [C("成本值"), C("义务教育小学生均公用经费"), C("780元/生/年"), C("")],
        [C("效益值", rs=4), C("经济效益值"), C("经费有效使用情况"), C("=100%"), C("")],
        [C("社会效益值"), C("教学质量提高、办学条件改善"), C("=100%"), C("")],
        [C("生态效益值"), C("安全情况"), C("有效"), C("")],
        [C("可持续影响值"), C("学生受益情况"), C("=100%"), C("")],
    ]
    return {"producer": "docx",
            "heading": [("项目支出目标申报表", 16, "center"), ("(2025年度)", 12, "center")],
            "ncols": 5, "widths_cm": [3.0, 3.0, 6.0, 3.4, 2.0], "font_pt": 10.5, "rows": rows,
            "row_min_cm": 0.8}


FORMS = {
    "anhui-2024-huoshan-special-education-aid": ("wild", anhui_2024_huoshan_special_education_aid),
    "shandong-2025-linyi-normal-primary-school-targets":
        ("related", shandong_2025_linyi_normal_primary_school_targets),
}


def main(names: list[str]) -> None:
    # related forms are built only on request: this helper's material goes to wild/ by default
    for name in names or [n for n, (kind, _) in FORMS.items() if kind == "wild"]:
        kind, form = FORMS[name]
        build(name, kind, form())


if __name__ == "__main__":
    main(sys.argv[1:])

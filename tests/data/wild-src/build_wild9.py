"""Rebuild helper wild9's real-form material (tests/data/related/ + wild-src/).

Run from the repo root with a Python that has openpyxl:
    /work/toolsvenv/bin/python tests/data/wild-src/build_wild9.py [NAME ...]
Each form is a grid of cells transcribed from the stored page text named in its NAME.md
(text as printed, nothing computed or corrected) and rendered the way the bureau published
it: a web page printed by headless Chromium, or an Excel sheet printed by LibreOffice Calc.
Sources are kept next to this script as NAME.html / NAME.xlsx.
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
ME = "wild9"


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
    {"html": render_html, "xlsx": render_xlsx}[form["producer"]](form, src)
    (chromium_pdf if form["producer"] == "html" else soffice_pdf)(src, out / f"{name}.pdf")
    print(f"{form['folder']}/{name}.pdf <- wild-src/{src.name}")


# ================================================================ forms
# Each grid below is the form as printed; see NAME.md for the source and its quirks.

def hunan_2023_xiangxi_special_school_meals_targets() -> dict:
    """湘西州民族特殊教育学校 2023 项目支出绩效目标表 (xxztx.com/tzgg/1064.html): targets only."""
    L = dict(left=True)
    blank4 = [C(), C(), C(), C()]

    def ind(name, value, content, rule, unit, kind):
        return [C(name, **L), C(value), C(content, **L), C(rule, **L), C(unit), C(kind), C()]

    rows = [
        [C("单位代码", rs=2), C("单位(专项)名称", rs=2), C("资金总额", rs=2), C("实施期绩效目标", rs=2),
         C("绩效指标", cs=8), C("备注", rs=2)],
        [C("一级指标"), C("二级指标"), C("三级指标"), C("指标值"), C("指标值内容"), C("评(扣分标准)"),
         C("度量单位"), C("指标值类型")],
        [C("505006"), C("州民族特殊教育学校", **L), C("30.00"), C(), *[C() for _ in range(8)], C()],
        [C("505006"), C("学生伙食费", **L), C("30.00"), C(), *[C() for _ in range(8)], C()],
        [C("", cs=4, rs=15), C("成本指标", rs=3), C("经济成本指标"),
         *ind("学生补助标准", "17元/人.每天", "反映学生每天用餐标准", "按标准发放得10分,每少1元扣1分", "-", "定量")],
        [C("生态环境成本指标"), *blank4, C("-"), C("定性"), C()],
        [C("社会成本指标"), *blank4, C("-"), C("定性"), C()],
        [C("满意度指标"), C("服务对象满意度指标"),
         *ind("学生对学校伙食得满意度", "95%以上", "学生对学校伙食满意程度", "95%以上得10分,每降低1%扣1分",
              "-", "定性")],
        [C("产出指标", rs=5), C("数量指标"),
         *ind("补助学生数量", "168", "反映补助学生人数", "发放到位得10分,每减少1%,扣1分", "-", "定量")],
        [C("质量指标", rs=3),
         *ind("伙食补助发放率", "90%以上", "实际发放伙食补助金额/应发放伙食补助金额", "9%0得10分,每减少1%扣1分",
              "-", "定量")],
        ind("伙食补助资金到位率", "90%以上", "实际收到伙食补助金额/2023年伙食补助预算", "90%得10分,每减少1%扣1分",
            "-", "定量"),
        ind("伙食补助覆盖率", "90%以上", "实际领取伙食补助人数/应发放伙食补助人数", "90%得10分,每减少1%扣1分",
            "-", "定量"),
        [C("时效指标"),
         *ind("任务完成时间", "2023年12月31日", "反映该项目完成时间", "按期完成得10分,每超出10天扣1分", "-", "定量")],
        [C("效益指标", rs=6), C("经济效益指标"), *blank4, C("-"), C("定性"), C()],
        [C("社会效益指标", rs=3),
         *ind("残疾学生入学率", "大于90%", "适龄学生入学情况", "90%得10分,每减少1%扣1分", "-", "定量")],
        ind("残疾学生家庭负担率", "有所减轻", "对家庭负担减轻情况", "较大得10分,一般得6分", "-", "定性"),
        ind("残疾学生生活质量", "有所提升", "残疾学生生活质量", "良好得10分,一般得8分,差得0分", "-", "定性"),
        [C("生态效益指标"), *blank4, C("-"), C("定性"), C()],
        [C("可持续影响指标"), *blank4, C("-"), C("定性"), C()],
    ]
    return {
        "folder": "related", "producer": "html", "orientation": "landscape", "ncols": 13,
        "page_title": "湘西州特校2023项目支出绩效目标表公开",
        "heading": [("→ 您的位置: 首页 >> 通知公告", "crumb"),
                    ("湘西州特校2023项目支出绩效目标表公开", "title"),
                    ("发布时间:2023-03-08 08:21:43  点击次数:1375  作者: 湘西特校", "meta"),
                    ("2023年项目支出绩效目标表公开", "sub"),
                    ("部门:505_湘西州教育和体育局                                              金额单位:万元",
                     "left")],
        "widths_pct": [5.5, 8, 5, 6, 6, 8.5, 10, 7, 11, 13, 5, 6, 9],
        "rows": rows,
    }


def hebei_2019_ningjin_high_school_grant_indicators() -> dict:
    """宁晋县教育局 2019 高中助学金项目绩效评价指标表 (ningjin.gov.cn/content/26279.html): indicators, no actuals."""
    L = dict(left=True)
    rows = [
        [C("2019年度宁晋县高中助学金项目绩效评价指标表", cs=7, bold=True, size=14, bare=True)],
        [C("评价指标"), C("评价内容"), C("指标名称"), C("指标说明"), C("目标值"), C("分值"), C("备注")],
        [C("项目年度绩效目标(定量指标)", rs=7), C("制度指标"), C("规章制度建立与否", **L), C(), C(), C("20"),
         C()],
        [C("产出数量指标", rs=2), C("享受资助人数", **L), C("达到预计值", **L), C("2100"), C("10"), C()],
        [C("资金支出率", **L), C("达到目标值", **L), C("95%"), C("10"), C()],
        [C("质量指标", rs=2), C("建档立卡学生全面覆盖", **L), C(), C("100%"), C("10"), C()],
        [C("资助对象满意度", **L), C("达到目标值", **L), C("95%以上"), C("10"), C()],
        [C("时效指标"), C("及时发放率", **L), C("达到目标值", **L), C("100%"), C("20"), C()],
        [C("成本指标"), C("资助标准达标率", **L), C(), C("100%"), C("20"), C()],
        [C("总分", cs=5), C("100"), C()],
    ]
    return {
        "folder": "related", "producer": "xlsx", "sheet": "绩效评价指标表", "ncols": 7,
        "widths_chars": [16, 13, 20, 13, 10, 7, 8],
        "heights": {1: 30, 3: 36},
        "rows": rows,
    }


FORMS = {
    "hunan-2023-xiangxi-special-school-meals-targets": hunan_2023_xiangxi_special_school_meals_targets,
    "hebei-2019-ningjin-high-school-grant-indicators": hebei_2019_ningjin_high_school_grant_indicators,
}


def main(names: list[str]) -> None:
    for name in names or FORMS:
        build(name, FORMS[name]())


if __name__ == "__main__":
    main(sys.argv[1:])

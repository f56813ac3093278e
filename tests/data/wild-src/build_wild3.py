"""Rebuild helper wild3's real-form sources and PDFs (tests/data/wild/ + wild-src/).

Run with a Python that has python-docx and openpyxl, from the repo root:
    /work/toolsvenv/bin/python tests/data/wild-src/build_wild3.py [NAME ...]
Each form is written once as a grid of cells transcribed from the published source
(text as printed) and rendered the way the bureau made it: a Word table converted
to PDF by LibreOffice Writer.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
WILD = ROOT / "tests" / "data" / "wild"
SRC = ROOT / "tests" / "data" / "wild-src"
ME = "wild3"


# ---------------------------------------------------------------- grid model
def C(text="", cs=1, rs=1, **style):
    """One printed cell: text, column span, row span, style hints (bold, align, noborder)."""
    return {"text": text, "cs": cs, "rs": rs, **style}


def place(rows, ncols):
    """Resolve row/col spans: yield (row, col, rowspan, colspan, cell) with 0-based positions."""
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
    return out


# ---------------------------------------------------------------- renderers
def soffice_pdf(src: Path, outdir: Path) -> Path:
    subprocess.run(["soffice", f"-env:UserInstallation=file:///tmp/lo-{ME}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(src)],
                   check=True, capture_output=True, timeout=180)
    return outdir / (src.stem + ".pdf")


def render_docx(form: dict, path: Path) -> None:
    """A Word document: title paragraphs and one bordered table; rows may break across pages."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(2))
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    style.font.size = Pt(10.5)
    for text, size in form["heading"]:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
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
        target.text = ""
        para = target.paragraphs[0]
        para.alignment = (WD_ALIGN_PARAGRAPH.LEFT if cell.get("left") else WD_ALIGN_PARAGRAPH.CENTER)
        for k, line in enumerate(cell["text"].split("\n")):
            if k:
                para.add_run().add_break()
            run = para.add_run(line)
            run.font.size = Pt(form.get("font_pt", 9))
            run.bold = bool(cell.get("bold"))
    for tr in table.rows:  # Word default: rows may split across pages (kept explicit)
        trPr = tr._tr.get_or_add_trPr()
        cant = OxmlElement("w:cantSplit")
        cant.set(qn("w:val"), "0")
        trPr.append(cant)
    doc.save(path)


def build(name: str, form: dict) -> None:
    src = SRC / f"{name}.docx"
    render_docx(form, src)
    out = WILD / f"{name}.pdf"
    with tempfile.TemporaryDirectory(prefix=f"{ME}-") as tmp:
        shutil.move(str(soffice_pdf(src, Path(tmp))), out)
    print(f"{name}: {src.name} -> {out.name}")


# ---------------------------------------------------------------- forms
def hunan_2020_hengshan_county_grain_reserve() -> dict:
    """衡山县商务和粮食局 2020 县级专项资金绩效目标自评表 (a .docx shared on taowenge.com/p-72820237.html)."""
    L = dict(left=True)
    ind = [  # (二级 label, rows of 三级 / 年度指标值 / 全年完成值 / 未完成原因和改进措施)
        ("产  出\n指  标", [
            ("数量\n指标", [("5000吨稻谷、500吨成品粮储备到位率", "100%", "100%", ""),
                         ("库存数量真实率", "100%", "100%", "")]),
            ("质量\n指标", [("县级储备粮管理制度严格执行率", "100%", "100%", ""),
                         ("储备粮管理专户管理率", "100%", "100%", ""),
                         ("县级储备粮库存粮食明显变质比例", "0", "0", "")]),
            ("时效\n指标", [("县级储备粮贷款付息及时率", "100%", "100%", ""),
                         ("县级储备粮应急保障率", "100%", "100%", "")]),
            ("成本\n指标", [("国家政策性粮收购价格执行率", "100%", "100%", ""),
                         ("县级储备粮库存成本核算率", "100%", "100%", "")]),
        ]),
        ("效  益\n指  标", [
            ("经济\n效益\n指标", [("利息费用保障率", "100%", "100%", ""),
                             ("政策性挂账利息补贴保障率", "100%", "无", "没有轮换、动用库存")]),
            ("生态\n效益\n指标", [("低温、低氧、低剂量科学保粮率", "100%", "100%", ""),
                             ("食品安全指标达标率", "100%", "100%", "")]),
            ("可持\n续影\n响指标", [("粮食储备设备维护及安全性", "高", "高", "")]),
        ]),
        ("满意\n度指\n标", [
            ("服务\n对象\n满意\n度指\n标", [("因粮食市场波动引起的粮食安全事件发生数", "0起", "0起", ""),
                                   ("市民满意度调查", "≥90%", "100%", "")]),
        ]),
    ]
    n_ind = sum(len(items) for _, groups in ind for _, items in groups)
    rows = [
        [C("专项资金名称", 2), C("县级储备粮", 2, **L), C("负责人及电话"), C("旷建成、向建军", 2, **L)],
        [C("县级主管部门", 2), C("衡山县商务和粮食局", 2, **L), C("实施单位"),
         C("粮食调控储备与产业发展股", 2, **L)],
        [C("项目资金\n(万元)", 2, 4), C("", 2), C("全年预算数(A)"), C("全年执行数(B)"), C("执行率(B/A)")],
        [C("年度资金总额", 2, **L), C("194.9"), C("194.9"), C("100%")],
        [C("其中:中央、省、市补助县级资金", 2, **L), C("194.9"), C("194.9"), C("100%")],
        [C("其他资金", 2, **L), C(""), C(""), C("")],
        [C("年度\n总体\n目标", 1, 2), C("年初设定目标", 3), C("全年实际完成情况", 3)],
        [C("保持和稳定地方粮食储备机制", 3, **L), C("地方储备粮食规模达标", 3, **L)],
        [C("绩\n效\n指\n标", 1, n_ind + 1), C("一级\n指标"), C("二级\n指标"), C("三级指标"), C("年度指标\n值"),
         C("全年\n完成值"), C("未完成原因和\n改进措施")],
    ]
    for level1, groups in ind:
        first1 = True
        for level2, items in groups:
            for k, (name, target, actual, why) in enumerate(items):
                row = []
                if first1:
                    row.append(C(level1, 1, sum(len(i) for _, i in groups)))
                    first1 = False
                if k == 0:
                    row.append(C(level2, 1, len(items)))
                row += [C(name, **L), C(target), C(actual), C(why, **L)]
                rows.append(row)
    rows.append([C("说明"), C("无", 6, **L)])
    return {
        "rows": rows, "ncols": 7,
        "widths_cm": [1.1, 1.5, 1.5, 4.2, 2.2, 2.2, 3.3], "font_pt": 12,
        "heading": [("2020年度县级专项资金绩效目标自评表", 16)],
    }


FORMS = {
    "hunan-2020-hengshan-county-grain-reserve": hunan_2020_hengshan_county_grain_reserve,
}


def main(names: list[str]) -> None:
    for name in names or FORMS:
        build(name, FORMS[name]())


if __name__ == "__main__":
    main(sys.argv[1:])

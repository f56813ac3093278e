"""Build the real-form test material of helper wild1 (Sichuan / Anhui forms).

Each form below is transcribed cell by cell from the published page named in
tests/data/wild/NAME.md; nothing is computed or corrected. The sources (xlsx,
html, docx) are written next to this script and printed to tests/data/wild/NAME.pdf
by LibreOffice (own profile) or headless Chromium (printers and the A4 page setup: tables.py).

    /work/toolsvenv/bin/python tests/data/wild-src/build_wild1.py [NAME ...]
"""
from __future__ import annotations

import sys

from tables import DATA, SRC, chromium_pdf, fit_a4_width, soffice_pdf

WILD = DATA / "wild"
ME = "wild1"


# ---------------------------------------------------------------- Sichuan 510000_0013zp, Calc

def sichuan_2023_qingshen_fgj_wages() -> None:
    """青神县发展和改革局, 工资性支出, 2023: the provincial xlsx template, printed by Calc."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    name = "sichuan-2023-qingshen-fgj-wages"
    wb = Workbook()
    ws = wb.active
    ws.title = "部门预算项目支出绩效自评表"
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, width in zip("ABCDEFGHIJK", (9, 9, 10, 16, 7, 8, 7, 8, 6, 6, 12)):
        ws.column_dimensions[col].width = width

    def put(ref: str, value=None, *, bold=False, size=9, align="center", border=True) -> None:
        """Write value into ref ('A5' or 'A5:C6', merged), bordered like the template."""
        first = ref.split(":")[0]
        if ":" in ref:
            ws.merge_cells(ref)
        ws[first] = value
        ws[first].font = Font(name="Noto Sans CJK SC", size=size, bold=bold)
        ws[first].alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        if border:
            for row in ws[ref] if ":" in ref else [[ws[ref]]]:
                for cell in row:
                    cell.border = box

    put("A1:K1", "报表编号:510000_0013zp", align="right", border=False)
    put("A2:K2", "部门预算项目支出绩效自评表(2023年度)", bold=True, size=14, border=False)
    ws.row_dimensions[2].height = 30
    put("A3", "项目名称")
    put("B3:K3", "51000021R000000019951-工资性支出", align="left")
    put("A4", "主管部门")
    put("B4:E4", "青神县发展和改革局本级", align="left")
    put("F4:G4", "实施单位 (盖章)")
    put("H4:K4", "青神县发展和改革局", align="left")
    put("A5:A8", "项目基本情况")
    put("B5:C6", "1.项目年度目标完成情况")
    put("D5:G5", "项目年度目标")
    put("H5:K5", "年度目标完成情况")
    put("D6:G6", "严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。", align="left")
    put("H6:K6", "对照年度目标,说明相关任务目标的完成情况(100字以内)", align="left")
    ws.row_dimensions[6].height = 52
    put("B7:C8", "2.项目实施内容及过程概述")
    put("D7:K8", None)
    put("A9:A14", "预算执行情况(10分)")
    for ref, text in zip(("B9:C9", "D9", "E9", "F9", "G9", "H9", "I9", "J9:K9"),
                         ("年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率",
                          "权重", "得分", "原因")):
        put(ref, text)
    budget = [("总额", "238.93", "251.89", "251.89", "100.00%", "10", None),
              ("其中:财政资金", "238.93", "251.89", "251.89", "100.00%", "/", "/"),
              ("财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"),
              ("单位资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"),
              ("其他资金", None, None, None, None, "/", "/")]
    for row, line in enumerate(budget, start=10):
        put(f"B{row}:C{row}", line[0])
        for col, value in zip("DEFGHI", line[1:]):
            put(f"{col}{row}", value)
    put("J10:K14", "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);"
        "2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.",
        align="left", size=7)
    put("A15:A17", "绩效指标(90分)")
    for col, text in zip("BCDEFGHIJK", ("一级指标", "二级指标", "三级指标", "指标性质", "指标值",
                                        "度量单位", "完成值", "权重", "得分", "未完成原因分析")):
        put(f"{col}15", text)
    indicators = [("产出指标", "数量指标", "发放(缴纳)覆盖率", "=", "100", "%", None, "60", None, None),
                  ("效益指标", "社会效益指标", "足额保障率(参保率)", "=", "100", "%", None, "30", None, None)]
    for row, line in enumerate(indicators, start=16):
        for col, value in zip("BCDEFGHIJK", line):
            put(f"{col}{row}", value)
    put("A18:H18", "合计")
    put("I18", "100")
    put("J18", None)
    put("K18", None)
    for row, (label, text) in enumerate((
            ("评价结论", "结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)"),
            ("存在问题", "结合自评情况,分析存在的问题及原因。(200字以内)"),
            ("改进措施", "针对项目自评中发现的问题,提出下一步改进完善的意见及有关政策性建议。(200字以内)")),
            start=19):
        put(f"A{row}", label)
        put(f"B{row}:K{row}", text, align="left")
        ws.row_dimensions[row].height = 30
    put("A22:E22", "项目负责人:", align="left", border=False)
    put("F22:K22", "财务负责人:", align="left", border=False)
    fit_a4_width(ws)
    source = SRC / f"{name}.xlsx"
    wb.save(source)
    soffice_pdf(source, WILD / f"{name}.pdf", ME)



# ---------------------------------------------------------------- Anhui MoF template, web page

TIANCHANG_CSS = """
@page { size: A4 portrait; margin: 14mm 12mm; }
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; color: #222; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 4pt; }
.meta { text-align: center; color: #666; font-size: 9pt; margin-bottom: 12pt; }
.t { text-align: center; font-weight: bold; font-size: 13pt; margin: 0; }
table { border-collapse: collapse; width: 100%; border: 1px solid #000; }
td { border: 1px solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle; }
td.l { text-align: left; }
tr.head td { border-left: none; border-right: none; }
tr.head td:first-child { border-left: 1px solid #000; }
tr.head td:last-child { border-right: 1px solid #000; }
col.c0 { width: 9%; } col.c1 { width: 6%; } col.c2 { width: 10%; } col.c3 { width: 24%; }
col.c4 { width: 10%; } col.c5 { width: 10%; } col.c6 { width: 7%; } col.c7 { width: 7%; }
col.c8 { width: 17%; }
"""


def anhui_2022_tianchang_water_flood() -> None:
    """天长市水利局, 水旱灾害防御经费, 2022: the article page printed by the browser."""
    name = "anhui-2022-tianchang-water-flood"

    def row(*cells: str, cls: str = "") -> str:
        attr = f' class="{cls}"' if cls else ""
        return f"<tr{attr}>" + "".join(cells) + "</tr>"

    def td(text: str = "", span: int = 1, rows: int = 1, left: bool = False) -> str:
        attrs = (f' colspan="{span}"' if span > 1 else "") + (f' rowspan="{rows}"' if rows > 1 else "")
        attrs += ' class="l"' if left else ""
        return f"<td{attrs}>{text}</td>"

    rows = [
        row(td("项目名称"), td("水旱灾害防御经费", 8), cls="head"),
        row(td("主管部门"), td("", 3), td("实施单位"), td("天长市水利局", 4), cls="head"),
        row(td("项目资金<br>(万元)", rows=5), td("", 2), td("年初预算数"), td("全年预算数(A)"),
            td("全年执行数(B)"), td("分值"), td("执行率(B/A)"), td("得分")),
        row(td("年度资金总额:", 2), td("880"), td("880"), td("880"), td("10"), td(""), td("10")),
        row(td("其中:本年财政拨款", 2), td("880"), td("880"), td("880"), td("-"), td(""), td("-")),
        row(td("上年结转资金", 2), td(""), td(""), td(""), td("-"), td(""), td("-")),
        row(td("其他资金", 2), td(""), td(""), td(""), td("-"), td(""), td("-")),
        row(td("年度总体目标完成情况", rows=2), td("预期目标", 4), td("实际完成情况", 4)),
        row(td("完成年度防汛工作,完成中型灌区节水改造项目和农业综合水价改革项目。", 4, left=True),
            td("完成年度目标。", 4, left=True)),
        row(td("年度绩效指标完成情况", rows=28), td("一级<br>指标"), td("二级指标"), td("三级指标"),
            td("年度指标值"), td("实际完成值"), td("分值"), td("得分"), td("偏差原因分析及改进措施")),
    ]
    blocks = [  # (一级 cell or None, 一级 rowspan, 二级 label, [(三级, 指标值, 实际值, 分值, 得分)])
        ("产<br>出<br>指<br>标<br>(50分)", 12, "数量指标",
         [("指标1:完成中型灌区节水改造项目数量", "1", "1", "10", "10"),
          ("指标2:完成农业综合水价改革项目", "1", "1", "10", "10")]),
        (None, 0, "质量指标", [("指标1:工程质量合格", "", "", "10", "10"), ("指标2:", "", "", "", "")]),
        (None, 0, "时效指标", [("指标1:年度资金支付完成率100%", "", "", "10", "10"), ("指标2:", "", "", "", "")]),
        (None, 0, "成本指标", [("指标1:资金执行在预算范围内", "", "", "10", "10"), ("指标2:", "", "", "", "")]),
        ("效<br>益<br>指<br>标<br>(30分)", 12, "经济效益<br>指标",
         [("指标1:全市安全度汛", "", "", "10", "10"), ("指标2:", "", "", "", "")]),
        (None, 0, "社会效益<br>指标", [("指标1:保护全市人口财产不受损失", "", "", "10", "10"), ("指标2:", "", "", "", "")]),
        (None, 0, "生态效益<br>指标", [("指标1:/", "/", "/", "", ""), ("指标2:", "", "", "", "")]),
        (None, 0, "可持续影<br>响指标", [("指标1:已建工程良性运行", "", "", "10", "10"), ("指标2:", "", "", "", "")]),
        ("满意度<br>指标<br>(10分)", 3, "服务对象<br>满意度指标",
         [("指标1:服务对象满意度", "90%", "100%", "10", "10"), ("指标2:", "", "", "", "")]),
    ]
    for level1, span1, level2, items in blocks:
        lines = items + [("……", "", "", "", "")]
        for i, (name3, target, actual, weight, score) in enumerate(lines):
            cells = []
            if i == 0 and level1:
                cells.append(td(level1, rows=span1))
            if i == 0:
                cells.append(td(level2, rows=len(lines)))
            cells += [td(name3, left=True), td(target), td(actual), td(weight), td(score), td("")]
            rows.append(row(*cells))
    rows.append(row(td("总分", 6), td("100"), td("100"), td("")))
    cols = "".join(f'<col class="c{i}">' for i in range(9))
    html = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{name}</title>
<style>{TIANCHANG_CSS}</style></head><body>
<h1>天长市水利局水旱灾害防御股项目支出绩效自评</h1>
<div class="meta">发布时间:2023-12-05 15:04 &nbsp; 【字体:大 中 小】 打印</div>
<p class="t">项目支出绩效自评表</p>
<p class="t" style="font-weight:normal;font-size:11pt;margin-bottom:6pt">(2022年度)</p>
<table>{cols}
{chr(10).join(rows)}
</table>
</body></html>
"""
    source = SRC / f"{name}.html"
    source.write_text(html, encoding="utf-8")
    chromium_pdf(source, WILD / f"{name}.pdf", ME)


# ---------------------------------------------------------------- Sichuan county variant, Writer

def sichuan_2022_zhongjiang_water_gauges() -> None:
    """中江县水利局, 衔接资金 水标尺 project, 2022: the notice's attachment, a Word table."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    name = "sichuan-2022-zhongjiang-water-gauges"
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin = section.bottom_margin = Cm(2)
    style = doc.styles["Normal"]
    style.font.name = "Noto Sans CJK SC"
    style.font.size = Pt(9)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Sans CJK SC")

    def title(text: str, size: int, bold: bool) -> None:
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(text)
        run.font.size, run.bold = Pt(size), bold

    title("绩效目标自评表", 16, True)
    title("(2022年度)", 11, False)
    widths = (1.7, 1.9, 2.0, 3.4, 1.1, 1.8, 1.8, 2.0, 1.7)
    table = doc.add_table(rows=21, cols=9)
    table.style = "Table Grid"
    table.autofit = False
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        grid_col.set(qn("w:w"), str(int(Cm(width).twips)))  # Writer lays columns out by the grid
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)

    def put(r0: int, c0: int, text: str = "", r1: int | None = None, c1: int | None = None,
            left: bool = False) -> None:
        """Merge rows r0..r1 x cols c0..c1 and write text (Word keeps a merged cell's text once)."""
        cell = table.cell(r0, c0)
        if r1 is not None or c1 is not None:
            cell = cell.merge(table.cell(r1 if r1 is not None else r0, c1 if c1 is not None else c0))
        cell.text = text
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for para in cell.paragraphs:
            para.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER

    put(0, 0, "项目名称")
    put(0, 1, "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装", c1=3, left=True)
    put(0, 4, "项目负责人及电话", c1=5)
    put(0, 6, "谢凯13990260322(办公)", c1=8)
    put(1, 0, "主管部门")
    put(1, 1, "中江县水利局", c1=3)
    put(1, 4, "实施单位", c1=5)
    put(1, 6, "中江县水利局", c1=8)
    put(2, 0, "资金情况(万元)", r1=5)
    money = [("", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"),
             ("年度资金总额:", "20", "20", "10", "100.00%", "10"),
             ("其中:本年财政拨款", "20", "20", "", "", ""),
             ("其他资金", "", "", "", "", "")]
    for row, line in enumerate(money, start=2):
        put(row, 1, line[0], c1=2)
        put(row, 3, line[1])
        put(row, 4, line[2], c1=5)
        for col, text in zip((6, 7, 8), line[3:]):
            put(row, col, text)
    put(6, 0, "年度总体目标", r1=7)
    put(6, 1, "年初设定目标", c1=4)
    put(6, 5, "年度总体目标完成情况综述", c1=8)
    put(7, 1, "对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,",
        c1=4, left=True)
    put(7, 5, "对项目区农业用水计量,为项目区农业生产夯实基础,", c1=8, left=True)
    put(8, 0, "绩效指标", r1=19)
    for col, text in enumerate(("一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值",
                                "得分", "未完成原因及拟采取的改进措施"), start=1):
        put(8, col, text)
    put(9, 1, "产出指标(70分)", r1=14)
    put(9, 2, "数量指标", r1=10)
    put(11, 2, "质量指标")
    put(12, 2, "时效指标", r1=13)
    put(14, 2, "成本指标")
    put(15, 1, "效益指标(20分)", r1=17)
    put(15, 2, "经济效益指标")
    put(16, 2, "社会效益指标", r1=17)
    put(18, 1, "满意度指标(10分)", r1=19)
    put(18, 2, "服务对象满意度指标", r1=19)
    lines = {9: ("安装坡面水标尺", "10", "≥266米", "≥266米", "10"),
             10: ("水标尺宽度", "10", "≥50厘米", "≥50厘米", "10"),
             11: ("项目(工程)验收合格率", "20", "100%", "100%", "20"),
             12: ("及时(按期)开工率", "10", "≥90%", "≥90%", "10"),
             13: ("及时(按期)完工率", "10", "≥90%", "≥90%", "10"),
             14: ("项目计划总投资", "10", "20万元", "20万元", "10"),
             16: ("受益脱贫(含监测对象)户人口数", "10", "≥1000人", "≥1000人", "10"),
             17: ("群众生产生活条件改善状况", "10", "显著提升", "显著提升", "10"),
             18: ("受益脱贫(含监测对象)户满意度", "10", "≥95%", "≥95%", "10"),
             19: ("……", "", "", "", "")}
    for row, line in lines.items():
        for col, text in zip((3, 4, 5, 6, 7), line):
            put(row, col, text, left=col == 3)
    put(20, 0, "总分", c1=3)
    put(20, 4, "100")
    put(20, 7, "100")
    source = SRC / f"{name}.docx"
    doc.save(source)
    soffice_pdf(source, WILD / f"{name}.pdf", ME)

FORMS = {
    "sichuan-2023-qingshen-fgj-wages": sichuan_2023_qingshen_fgj_wages,
    "anhui-2022-tianchang-water-flood": anhui_2022_tianchang_water_flood,
    "sichuan-2022-zhongjiang-water-gauges": sichuan_2022_zhongjiang_water_gauges,
}

if __name__ == "__main__":
    for form in sys.argv[1:] or FORMS:
        FORMS[form]()
        print("built", form)

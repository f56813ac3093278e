"""Build helper wild2's real-form sources and PDFs (issue 12, "Real forms as tests").

    /work/toolsvenv/bin/python build_wild2.py      (openpyxl; chromium and soffice on PATH)

Each form is transcribed by hand from the public page named in tests/data/wild/NAME.md and
written here as a source (HTML or XLSX) in wild-src/, then printed to wild/NAME.pdf the way
bureaus make such files: a browser printing the web page, or LibreOffice Calc printing an .xlsx
(printers and the A4 page setup: tables.py).
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from tables import DATA, SRC, chromium_pdf, fit_a4_width, soffice_pdf

OUT = DATA / "wild"
ME = "wild2"


# ------------------------------------------- hebei-2019-langfang-food-school-hvac-project (HTML)

LANGFANG = "hebei-2019-langfang-food-school-hvac-project"

# rows: (一级 as (text, rowspan) or None under a spanning cell, 二级 likewise, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差)
LANGFANG_ROWS: list[tuple] = [
    (("产出指标", 12), ("数量指标", 3), "指标1工程资金金额", "43.2", "37.24", "10", "9",
     "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。"),
    (None, None, "指标2", "", "", "", "", ""),
    (None, None, "……", "", "", "", "", ""),
    (None, ("质量指标", 3), "指标1工程完工率", "100", "100", "10", "10", ""),
    (None, None, "指标2工程验收合格率", "100", "100", "10", "10", ""),
    (None, None, "……", "", "", "", "", ""),
    (None, ("时效指标", 3), "指标1项目完成及时率", "100", "100", "10", "10", ""),
    (None, None, "指标2", "", "", "", "", ""),
    (None, None, "……", "", "", "", "", ""),
    (None, ("成本指标", 3), "指标1成本控制率", "100", "100", "10", "10", ""),
    (None, None, "指标2", "", "", "", "", ""),
    (None, None, "……", "", "", "", "", ""),
    (("效益指标", 9), ("经济效益<br>指标", 3), "指标1安全率", "100", "100", "10", "10", "0"),
    (None, None, "指标2", "", "", "", "", ""),
    (None, None, "……", "", "", "", "", ""),
    (None, ("社会效益<br>指标", 3), "指标1学校发展能力", "100", "100", "10", "10", "0"),
    (None, None, "指标2", "", "", "", "", ""),
    (None, None, "……", "", "", "", "", ""),
    (None, ("生态效益<br>指标", 3), "指标1", "", "", "", "", ""),
    (None, None, "指标2", "", "", "", "", ""),
    (None, None, "……", "", "", "", "", ""),
    # the Word original split the 效益指标 cell at a page break: the page repeats the label
    (("效益指标", 3), ("可持续影响<br>指标", 3), "指标1长期使用性", "100", "100", "10", "10", ""),
    (None, None, "指标2", "", "", "", "", ""),
    (None, None, "……", "", "", "", "", ""),
    (("满意度<br>指标", 2), ("服务对象满意度指标", 2), "指标1学生满意度", "100", "100", "10", "10", "0"),
    (None, None, "指标2", "", "", "", "", ""),
]


def langfang_html() -> str:
    cols = "".join(f'<col style="width:{w}%">' for w in (9, 9, 11, 20, 9, 9, 7, 7, 19))
    ind = []
    for l1, l2, name, target, actual, weight, score, dev in LANGFANG_ROWS:
        cells = [f'<td rowspan="{lab[1]}">{lab[0]}</td>' for lab in (l1, l2) if lab]
        cells += [f'<td class="l">{name}</td>', f"<td>{target}</td>", f"<td>{actual}</td>",
                  f"<td>{weight}</td>", f"<td>{score}</td>", f'<td class="l">{dev}</td>']
        ind.append("<tr>" + "".join(cells) + "</tr>")
    # the leftmost 绩效指标 label cell is empty on the published page
    first_cell = f'<td rowspan="{len(LANGFANG_ROWS) + 1}"></td>'
    rows = "\n".join(ind)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>办公宿舍楼、食堂及餐厅暖通改造经费 绩效自评表(修改)</title>
<style>
@page {{ size: A4 portrait; margin: 18mm 14mm; }}
body {{ font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 10.5pt; }}
h1 {{ font-size: 15pt; text-align: center; margin: 4pt 0 2pt; }}
p.t {{ text-align: center; margin: 0 0 6pt; }}
table {{ border-collapse: collapse; width: 100%; }}
td {{ border: 0.75pt solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle; }}
td.l {{ text-align: left; }}
</style></head>
<body>
<p style="font-size:12pt;font-weight:bold">办公宿舍楼、食堂及餐厅暖通改造经费 绩效自评表(修改)</p>
<p>附件1</p>
<h1>项目支出绩效自评表</h1>
<p class="t">2019年度)</p>
<table>
<colgroup>{cols}</colgroup>
<tr><td colspan="2">项目名称</td><td colspan="7">办公宿舍楼、食堂及餐厅暖通改造经费</td></tr>
<tr><td colspan="2">主管部门</td><td colspan="3">廊坊市发改委</td><td colspan="2">实施单位</td><td colspan="2">廊坊市食品工程学校</td></tr>
<tr><td rowspan="5">项目资金<br>(万元)</td><td colspan="2"> </td><td>年初<br>预算数</td><td>全年<br>预算数</td><td>全年<br>执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
<tr><td colspan="2">年度资金总额</td><td>43.2</td><td>43.2</td><td>37.24</td><td>10</td><td>86%</td><td>9</td></tr>
<tr><td colspan="2">其中:当年财政拨款</td><td>43.2</td><td>43.2</td><td>37.24</td><td colspan="3"> </td></tr>
<tr><td colspan="2" class="l">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;上年结转资金</td><td> </td><td> </td><td> </td><td colspan="3"> </td></tr>
<tr><td colspan="2" class="l">&nbsp;&nbsp;其他资金</td><td> </td><td> </td><td> </td><td colspan="3"> </td></tr>
<tr><td rowspan="2">年度总体<br>目标</td><td colspan="4">预期目标</td><td colspan="4">实际完成情况</td></tr>
<tr><td colspan="4">43.2</td><td colspan="4">37.24</td></tr>
<tr>{first_cell}<td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度<br>指标值</td><td>实际<br>完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
{rows}
</table>
</body></html>
"""


# ------------------------------- hubei-2022-huangshi-housing-sponge-city-project (XLSX via Calc)

HUANGSHI = "hubei-2022-huangshi-housing-sponge-city-project"


def huangshi_xlsx(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "项目自评表"
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name="WenQuanYi Zen Hei", size=10)
    for col, width in zip("ABCDEFG", (14, 10, 11, 26, 20, 20, 8)):
        ws.column_dimensions[col].width = width

    def put(ref: str, text, merge: str | None = None, align: str = "center", bold: bool = False) -> None:
        cell = ws[ref]
        cell.value = text
        cell.font = Font(name=font.name, size=font.size, bold=bold)
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        if merge:
            ws.merge_cells(f"{ref}:{merge}")

    put("A1", "2022年度黄石市系统化全域海绵城市示范城市的申报工作经费项目自评表", "G1", bold=True)
    ws["A1"].font = Font(name=font.name, size=14, bold=True)
    put("A2", "项目名称"); put("B2", "黄石市系统化全域海绵城市示范城市的申报工作经费", "G2")
    put("A3", "主管部门"); put("B3", "黄石市住房和城乡建设局", "C3")
    put("D3", "项目实施单位"); put("E3", "黄石市住房和城乡建设局", "G3")
    put("A4", "项目类别"); put("B4", "1、部门预算项目 ☑ 2、市直专项", "G4", align="left")
    put("A5", "项目属性"); put("B5", "1、持续性项目 ☑ 2、新增性项目 □", "G5", align="left")
    put("A6", "项目类型"); put("B6", "1、常年性项目 □ 2、延续性项目 ☑ 3、一次性项目 □", "G6", align="left")
    put("A7", "预算执行情况(万元)\n(20分)"); put("B7", "预算数(A)", "C7"); put("D7", "执行数(B)")
    put("E7", "执行率(B/A)"); put("F7", "得分\n(20分*执行率)", "G7")
    put("A8", "年度财政资金总额"); put("B8", "200", "C8"); put("D8", "195.5"); put("E8", "97.75%")
    put("F8", "19.55", "G8")
    put("A9", "年度绩效目标1\n(80分)", "A17")
    for col, head in zip("BCDEFG", ("一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分")):
        put(f"{col}9", head)
    rows = [  # 二级, 三级, 年初目标值(A), 实际完成值(B), 得分
        ("数量指标", "完成省级宣传片制作;完成实施方案的编制;完成自评估报告", "完成1部宣传片,2套方案", "完成1部宣传片,2套方案", "10"),
        ("质量指标", "通过专家评审", "通过", "通过", "10"),
        ("时效指标", "上半年完成宣传片制作;下半年完成实施方案", "6月份完成宣传片制作;9月份完成文本;11月完成专家评审", "完成", "10"),
        ("成本指标", "省级宣传片制作费、申报文本编制费、自评估报告编制费", "200万", "195.5万元", "10"),
        ("经济效益\n指标", "统筹海绵城市项目谋划", "统筹海绵城市项目谋划", "完成", "10"),
        ("社会效益\n指标", "指导城市建设", "指导城市建设", "完成", "10"),
        ("生态效益\n指标", "有利于城市生态、韧性发展", "有利于城市生态、韧性发展", "完成", "10"),
        ("满意度指标", "群众满意度", "满意", "完成", "10"),
    ]
    for k, (level2, name, target, actual, score) in enumerate(rows):
        r = 10 + k
        put(f"C{r}", level2); put(f"D{r}", name, align="left"); put(f"E{r}", target)
        put(f"F{r}", actual); put(f"G{r}", score)
    put("B10", "产出指标", "B13"); put("B14", "效益指标", "B16"); put("B17", "满意度指标")
    put("A18", "总分"); put("B18", "99.55分", "G18")
    for row in ws.iter_rows(min_row=2, max_row=18, max_col=7):
        for cell in row:
            cell.border = box
    for r in range(2, 19):
        ws.row_dimensions[r].height = 34
    fit_a4_width(ws)
    wb.save(path)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    html = SRC / f"{LANGFANG}.html"
    html.write_text(langfang_html(), encoding="utf-8")
    chromium_pdf(html, OUT / f"{LANGFANG}.pdf", ME)
    xlsx = SRC / f"{HUANGSHI}.xlsx"
    huangshi_xlsx(xlsx)
    soffice_pdf(xlsx, OUT / f"{HUANGSHI}.pdf", ME)


if __name__ == "__main__":
    main()

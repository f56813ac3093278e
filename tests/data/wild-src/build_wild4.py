"""Rebuild helper wild4's real-form material (tests/data/related/ + wild-src/).

Run from the repo root:
    /work/toolsvenv/bin/python tests/data/wild-src/build_wild4.py [NAME ...]
Each form is a grid of cells transcribed from the published page named in its NAME.md
(text as printed, nothing computed or corrected) and rendered the way the bureau made it:
an HTML table printed by headless Chromium. Grid model and printers: tables.py.
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

from tables import C, main, place

ME = "wild4"


# ---------------------------------------------------------------- renderer
def render_article(form: dict, path: Path) -> None:
    """An article page: heading lines, then one rowspan/colspan table (CMS style, 1px rules).

    This helper's pages carry their own markup (one-line table body, no &nbsp; in empty cells),
    so they keep their own renderer rather than tables.render_html.
    """
    ncols = form["ncols"]
    cols = "".join(f'<col style="width:{w}%">' for w in form["widths_pct"])
    body = []
    current = -1
    for r, _c, rs, cs, cell in place(form["rows"], ncols):
        if r != current:
            if current >= 0:
                body.append("</tr>")
            body.append("<tr>")
            current = r
        attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
        classes = " ".join({"noborder": "bare"}.get(k, k)
                           for k in ("left", "bold", "noborder") if cell.get(k))
        if classes:
            attrs += f' class="{classes}"'
        text = "<br>".join(html.escape(line) for line in cell["text"].split("\n"))
        body.append(f"<td{attrs}>{text}</td>")
    body.append("</tr>")
    heading = "\n".join(f'<p class="{cls}">{html.escape(text)}</p>' for cls, text in form["heading"])
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(form["title"])}</title>
<style>
@page {{ size: A4 {form.get("orientation", "portrait")}; margin: 15mm 12mm; }}
body {{ font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 10pt; }}
p.article {{ font-size: 15pt; font-weight: bold; text-align: center; margin: 0 0 4pt; }}
p.meta {{ font-size: 9pt; color: #555; text-align: center; margin: 0 0 10pt; }}
p.formtitle {{ font-size: 14pt; font-weight: bold; text-align: center; margin: 6pt 0 4pt; }}
p.unitline {{ font-size: 10pt; text-align: left; margin: 0 0 4pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
td {{ border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle;
      word-wrap: break-word; }}
td.left {{ text-align: left; }}
td.bold {{ font-weight: bold; font-size: 14pt; }}
td.bare {{ border: none; }}
</style></head>
<body>
{heading}
<table>{cols}
{"".join(body)}
</table>
</body></html>
"""
    path.write_text(page, encoding="utf-8")


# ---------------------------------------------------------------- forms
def anhui_2025_luan_jinan_tennis_open_targets() -> dict:
    """六安市金安区体育局 2025 项目支出绩效目标表 (first of the forms on www.ja.gov.cn/public/6602051/25929172.html)."""
    L = dict(left=True)
    rows = [
        [C("项目支出绩效目标表", 6, bold=True, noborder=True)],
        [C("(2025年度)", 6, noborder=True)],
        [C("项目责任人:", 2, noborder=True, left=True), C("", 1, noborder=True),
         C("单位(盖章):", 1, noborder=True), C("", 2, noborder=True)],
        [C("项目名称", 2), C("2025金安国际网球公开赛(国际系列赛事)", 4, **L)],
        [C("主管部门及代码", 2), C("[042]六安市金安区体育局", 2, **L), C("实施单位"), C("六安市金安区体育局", **L)],
        [C("项目来源", 2), C("本级申报项目", 2, **L), C("项目期"), C("3年", **L)],
        [C("项目资金\n(万元)", 2, 3), C("年度资金总额:", 2), C("1000.00", 2)],
        [C("其中:财政拨款", 2), C("1000.00", 2)],
        [C("其他资金", 2), C("0.00", 2)],
        [C("年度\n目标", 2), C("打造金安国际网球公开赛等一系列的品牌赛事,提升六安城市的知名度和美誉度。", 4, **L)],
        [C("绩\n效\n指\n标", 1, 12), C("一级\n指标"), C("二级指标"), C("三级指标"), C("指标值", 2)],
        [C("产出指标", 1, 6), C("数量指标", 1, 2), C("开展运动种类", **L), C("1种", 2)],
        [C("打造品牌赛事种类", **L), C("1种", 2)],
        [C("质量指标", 1, 2), C("经费支出合规率", **L), C("100%", 2)],
        [C("赛事完成率", **L), C("100%", 2)],
        [C("时效指标"), C("完成时间", **L), C("2025年年底前", 2)],
        [C("成本指标"), C("项目总成本", **L), C("≤1000万元", 2)],
        [C("效益指标", 1, 4), C("经济效益指标"),
         C("提升六安城市知名度和美誉度,推动体育消费、“网球+”产业深度融合", **L), C("经济效益良好", 2)],
        [C("社会效益指标"), C("打造金安国际网球公开赛等系列品牌赛事,提升六安城市的知名度和美誉度。", **L),
         C("效果良好", 2)],
        [C("生态效益指标"), C("本项目不适用此指标", **L), C("无", 2)],
        [C("可持续影响指标"), C("打造金安国际网球\n公开赛等系列品牌赛事", **L), C("影响可持续", 2)],
        [C("满意度指标"), C("满意度指标"), C("群众满意度", **L), C("≥95%", 2)],
    ]
    return {
        "producer": "html", "ncols": 6,
        "title": "六安市金安区体育局2025年项目支出绩效目标表",
        "widths_pct": [7, 13, 16, 36, 14, 14],
        "heading": [],
        "rows": rows,
    }


def yunnan_2022_longyang_fertilizer_reduction() -> dict:
    """隆阳区土壤肥料工作站 2022 项目支出绩效自评表 (article on longyang.gov.cn; the stored text stops in the 效益 block)."""
    L = dict(left=True)
    quantity = [("一、示范区建立", "≧20000亩", "20000亩", "15.0"),
                ("1、水稻侧深施肥+缓控释肥", "≧500亩", "500亩", "5.0"),
                ("2、玉米种肥同播+缓控释肥", "≧1000亩", "1000亩", "5.0"),
                ("3、施用配方肥", "≧18500亩", "18500亩", "5.0"),
                ("二、化肥减量增效田间试验", "≧15组", "15组", "15.0"),
                ("1、肥料利用率", "≧5组", "5组", "5.0"),
                ("2、化肥减量增效", "≧5组", "5组", "5.0"),
                ("3、其他试验(水稻)", "≧3组", "3组", "3.0"),
                ("4、其他试验(玉米)", "≧2组", "2组", "2.0"),
                ("三、土样植株化验", "≧60个", "105个", "5.0"),
                ("四、农户施肥情况调查(户)", "≧300户", "300户", "5.0")]
    rows = [
        [C("项目名称"), C("隆阳区2021年中央化肥减量增效示范县项目补助资金", 6, **L)],
        [C("主管部门"), C("隆阳区农业农村局", 2, **L), C("项目实施单位"), C("隆阳区土壤肥料工作站", 3, **L)],
        [C("项目类别"), C("1、部门预算项目 £ 2、区直专项 £ 3、上级转移支付项目 R", 6, **L)],
        [C("项目属性"), C("1、持续性项目 £ 2、新增性项目 R", 6, **L)],
        [C("预算执行情况(万元)\n(20分)"), C("预算数(A)", 2), C("执行数(B)"), C("执行率(B/A)"),
         C("得分\n(20分*执行率)", 2)],
        [C("年度财政资金总额"), C("278.4449", 2), C("30.00"), C("10.77%"), C("2.16", 2)],
        [C("年度绩效目标\n(80分)", 1, 1 + len(quantity) + 3), C("一级指标"), C("二级指标"), C("三级指标"),
         C("年初目标值(A)"), C("实际完成值(B)"), C("得分")],
    ]
    for k, (name, target, actual, score) in enumerate(quantity):
        row = [C("产出指标", 1, len(quantity) + 2), C("数量指标", 1, len(quantity))] if k == 0 else []
        rows.append(row + [C(name, **L), C(target), C(actual), C(score)])
    rows.append([C("质量指标"), C("示范区配方肥到位率", **L), C("≧80%"), C("85.6%"), C("10.0")])
    rows.append([C("时效指标"), C("项目按时完成率", **L), C("100%"), C("100%"), C("10.0")])
    rows.append([C("效益指标"), C("社会效益效益指标"), C("受益农户数", **L), C("5000户"), C("5000户"), C("5.0")])
    return {
        "producer": "html", "ncols": 7,
        "title": "隆阳区2021年中央化肥减量增效示范县项目补助资金绩效自评",
        "widths_pct": [15, 10, 12, 27, 13, 13, 10],
        "heading": [("article", "隆阳区2021年中央化肥减量增效示范县项目补助资金绩效自评"),
                    ("meta", "索引号 01525707-9/20230529-00013  发文机构 隆阳区农业农村局  公开目录 绩效自评报告  "
                             "日期 2023-05-29"),
                    ("formtitle", "2022年度项目支出绩效自评表"),
                    ("unitline", "单位名称:隆阳区土壤肥料工作站 填报日期:2023年3月20日")],
        "rows": rows,
    }


FORMS = {
    "yunnan-2022-longyang-fertilizer-reduction": ("wild", yunnan_2022_longyang_fertilizer_reduction),
    "anhui-2025-luan-jinan-tennis-open-targets": ("related", anhui_2025_luan_jinan_tennis_open_targets),
}


if __name__ == "__main__":
    main(FORMS, ME, sys.argv[1:], render=render_article)

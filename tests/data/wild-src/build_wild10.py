"""Rebuild helper wild10's real form Anhui 霍山 2024 (a CMS page, Chromium) in tests/data/wild/,
and, only when named, the 临邑 targets form (Writer) in tests/data/related/. Each grid is
transcribed from the stored page text its NAME.md names, nothing computed or corrected.
tables.py writes the source next to this script and prints it.

    /work/toolsvenv/bin/python tests/data/wild-src/build_wild10.py [NAME ...]
"""
from __future__ import annotations

import sys

from tables import C, main

ME = "wild10"


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


if __name__ == "__main__":
    # related forms are built only on request: this helper's material goes to wild/ by default
    main(FORMS, ME, sys.argv[1:] or [n for n, (kind, _) in FORMS.items() if kind == "wild"])

"""Rebuild helper wild7's real forms in tests/data/wild/: Hainan 农垦 2023 (a landscape web
page, Chromium) and Hubei 黄石三中 2023 (Writer). Each grid below is the form as printed; its NAME.md
names the source and its quirks. tables.py writes the source next to this script and prints it.

    /work/toolsvenv/bin/python tests/data/wild-src/build_wild7.py [NAME ...]
"""
from __future__ import annotations

import sys

from tables import C, main

ME = "wild7"


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


if __name__ == "__main__":
    main(FORMS, ME, sys.argv[1:])

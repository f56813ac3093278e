"""Rebuild helper wild6's real forms in tests/data/wild/: Hubei 区商务局 2020 (a Word file,
Writer) and Shanghai 普陀 2022 in 元 (Calc). Each grid below is the form as printed; its NAME.md
names the source and its quirks. tables.py writes the source next to this script and prints it.

    /work/toolsvenv/bin/python tests/data/wild-src/build_wild6.py [NAME ...]
"""
from __future__ import annotations

import sys

from tables import C, main

ME = "wild6"



def hubei_2020_district_commerce_service_trade() -> dict:
    """区商务局, 2020年市级服务贸易发展资金: Hubei-style 项目自评表 from a Word file, printed by Writer."""
    rows = [
        [C("项目名称"), C("2020年市级服务贸易发展资金", cs=6)],
        [C("主管部门"), C("区商务局", cs=2), C("项目实施单位", cs=2), C("投资促进中心", cs=2)],
        [C("项目类别"), C("1、部门预算项目    2、区直专项 □", cs=6, left=True)],
        [C("项目属性"), C("1、持续性项目    2、新增性项目 □", cs=6, left=True)],
        [C("项目类型"), C("1、常年性项目    2、延续性项目 □    3、一次性项目 □", cs=6, left=True)],
        [C("预算执行\n情况(万元)\n(20分)", rs=2), C(""), C("预算数\n(A)", cs=2), C("执行数(B)"),
         C("执行率(B/A)"), C("得分\n(20分*执行率)")],
        [C("年度财政\n资金总额"), C("285.84", cs=2), C("285.84"), C("100%"), C("20")],
        [C("年度\n绩效\n目标\n(80分)", rs=9), C("一级指标"), C("二级指标"), C("三级指标"),
         C("年初目标值\n(A)"), C("实际完成值\n(B)"), C("得分")],
        [C("产出指标\n(60分)", rs=6), C("数量指标", rs=3), C("服务外包在岸(万美元)", left=True),
         C("20000"), C("23333.56"), C("10")],
        [C("服务外包离岸(万美元)", left=True), C("4500"), C("4557.51"), C("10")],
        [C("支持服务贸易、服务外包企业数量", left=True), C("3"), C("3"), C("10")],
        [C("质量指标"), C("企业国际质量提升", left=True), C("获得目的国(地区)受众欢迎"),
         C("受目的国受众欢迎显著"), C("10")],
        [C("时效指标", rs=2), C("预算资金执行率", left=True), C("90%"), C("100%"), C("10")],
        [C("资金拨付及时性", left=True), C("98%以上"), C("100%"), C("10")],
        [C("效益指标\n(40分)", rs=2), C("社会效益\n指标"), C("企业把握政治导向和文化方向情况", left=True),
         C("企业把握正确政治导向和文化方向情况的评价"), C("企业较好把握正确政治导向和文化方向情况的评价"),
         C("20")],
        [C("可持续影\n响指标"), C("推动企业走出去方面发挥的作用", left=True), C("是否利于企业走出去"),
         C("有利于推动企业走出去"), C("20")],
        [C("总分"), C("100", cs=6)],
        [C("偏差大或\n目标未完成\n原因分析"), C("", cs=6)],
        [C("改进措施及\n结果应用方案"), C("", cs=6)],
        [C("单位主要负责人\n签批意见"), C("签名:                年    月    日", cs=6, left=True)],
    ]
    return {
        "producer": "docx",
        "heading": [("2020年市级服务贸易发展资金项目自评表", 16, "center"),
                    ("单位名称:区商务局                         填报日期:2021年4月22日", 10.5, "left")],
        "ncols": 7, "widths_cm": [2.4, 2.2, 2.2, 4.2, 2.9, 2.9, 1.6], "font_pt": 10, "rows": rows,
        "row_min_cm": 0.9,
    }


def shanghai_2022_putuo_sports_centre_settlement() -> dict:
    """上海市普陀区体育事业管理中心, 委托运营方结算费用, 2022: 财政项目支出绩效自评表 in 元, printed by Calc."""
    ind = [  # 一级 (span) or None, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分
        ("产出指标", 3, "数量指标", "与委托运营方结算完成率", "=100%", "100%", "10", "10"),
        (None, 0, "质量指标", "合同结算条款完成率", "=100%", "100%", "20", "20"),
        (None, 0, "时效指标", "费用结算及时性", "及时", "及时", "20", "20"),
        ("效益指标", 1, "社会效益指标", "与委托运营方合同完成率", "=100%", "100%", "30", "30"),
        ("满意度指标", 1, "服务对象满意度指标", "场馆开放满意度", ">=90%", "100%", "10", "10"),
    ]
    ind_rows = []
    for level1, span, level2, name, target, actual, weight, score in ind:
        row = [C(level1, rs=span)] if level1 else []
        row += [C(level2), C(name, left=True), C(target), C(actual), C(weight), C(score), C("")]
        ind_rows.append(row)
    rows = [
        [C("财政项目支出绩效自评表", cs=9, bold=True, size=14, noborder=True)],
        [C("(2022年度)", cs=9, noborder=True)],
        [C("项目名称"), C("普陀体育中心与委托运营方结算费用", cs=8, left=True)],
        [C("主管部门"), C("上海市普陀区体育局", cs=3, left=True), C("实施单位", cs=2),
         C("上海市普陀区体育事业管理中心", cs=3, left=True)],
        [C("项目资金\n(元)", rs=5), C("", cs=2), C("年初预算数"), C("全年预算数"), C("全年执行数"),
         C("分值"), C("执行率"), C("得分")],
        [C("年度资金总额", cs=2, left=True), C("250000.00"), C("250000.00"), C("215,457.6"), C("10"),
         C("86.19%"), C("8.62")],
        [C("其中:当年财政拨款", cs=2, left=True), C("250000.00"), C("250000.00"), C("215457.6"), C("—"),
         C(""), C("")],
        [C("上年结转资金", cs=2, left=True), C(""), C("0"), C("0"), C("—"), C(""), C("")],
        [C("其他资金", cs=2, left=True), C(""), C("0"), C("0"), C("—"), C(""), C("")],
        [C("年度\n总体\n目标", rs=2), C("预期目标", cs=4), C("实际完成情况", cs=4)],
        [C("", cs=4), C("已完成普陀体育中心与委托运营方费用结算。", cs=4, left=True)],
        [C("绩\n效\n指\n标", rs=len(ind) + 1), C("一级指标"), C("二级指标"), C("三级指标"), C("年度\n指标值"),
         C("实际\n完成值"), C("分值"), C("得分"), C("偏差原因分析及\n改进措施")],
        *ind_rows,
        [C("总分", cs=6), C("100"), C("98.62"), C("")],
    ]
    heights = {1: 26, 12: 30, 13: 30, 14: 30, 15: 30, 16: 30, 17: 30}
    return {"producer": "xlsx", "sheet": "项目自评表", "ncols": 9,
            "widths_chars": [8, 11, 12, 22, 12, 12, 8, 9, 16], "rows": rows, "heights": heights}


FORMS = {
    "hubei-2020-district-commerce-service-trade": ("wild", hubei_2020_district_commerce_service_trade),
    "shanghai-2022-putuo-sports-centre-settlement": ("wild", shanghai_2022_putuo_sports_centre_settlement),
}


if __name__ == "__main__":
    main(FORMS, ME, sys.argv[1:])

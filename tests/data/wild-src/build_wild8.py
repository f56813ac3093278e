"""Rebuild helper wild8's real forms cut where the stored page text ends (tests/data/wild-cut/):
Chongqing 涂井 2021 (Chromium) and Hubei 鄂州 2022 (Writer). Each grid is transcribed as far as the
stored text goes, nothing computed or corrected; NAME.md says where it stops. tables.py writes the
source next to this script and prints it.

    /work/toolsvenv/bin/python tests/data/wild-src/build_wild8.py [NAME ...]
"""
from __future__ import annotations

import sys

from tables import C, main

ME = "wild8"


def chongqing_2021_zhongxian_tujing_resettlement_roads() -> dict:
    """忠县涂井乡, 龙滩村移民安置区精准帮扶, 2021: Chongqing county form, cut by the stored text."""
    rows = [
        [C("专项(项目)名称"), C("忠县涂井乡龙滩村农村移民安置区精准帮扶项目", cs=3),
         C("负责人及电话"), C("廖朝伟\n13635397499", cs=2)],
        [C("市级主管部门"), C("重庆市水利局", cs=6)],
        [C("县级主管部门"), C("忠县水利局", cs=3), C("实施单位"), C("忠县涂井乡人民政府", cs=2)],
        [C("项目资金\n(万元)", rs=5), C("", cs=2), C("全年预算数(A)"), C("全年执行数(B)"),
         C("执行率(B/A)", cs=2)],
        [C("年度资金总额:", cs=2, left=True), C("372.29万元"), C("372.29万元"), C("100%", cs=2)],
        [C("其中:中央、市级补助", cs=2, left=True), C("372.29万元"), C("372.29万元"), C("100%", cs=2)],
        [C("县级资金", cs=2, left=True), C(""), C(""), C("", cs=2)],
        [C("其他资金", cs=2, left=True), C(""), C(""), C("", cs=2)],
        [C("年度\n总体\n目标", rs=2), C("年初设定目标", cs=3), C("全年实际完成情况", cs=3)],
        [C("新建道路 524m;硬化道路5719m;人行便道硬化 14.7km。", cs=3, left=True),
         C("新建道路 524m;硬化道路5719m;人行便道硬化 14.7km。", cs=3, left=True)],
        [C("绩\n效\n指\n标", rs=9), C("一级\n指标", cs=2), C("三级指标"), C("年度指标值"),
         C("全年完成值"), C("未完成原因和\n改进措施")],
        [C("产\n出\n指\n标", rs=7), C("数量指标", rs=3), C("指标1:新建道路", left=True), C("524m"),
         C("524m"), C("")],
        [C("指标2:硬化道路", left=True), C("5719m"), C("5719m"), C("")],
        [C("指标3:人行便道硬化", left=True), C("14.7km"), C("14.7km"), C("")],
        [C("质量指标", rs=2), C("指标1:工程完工率", left=True), C("100%"), C("100%"), C("")],
        [C("指标2:工程验收合格率", left=True), C("100%"), C("100%"), C("")],
        [C("时效指标"), C("道路交通设施完成时间", left=True), C("2021年"), C("2021年"), C("")],
        [C("成本指标"), C("道路交通设施", left=True), C("713万元"), C("713万元"), C("")],
        [C("效\n益\n指\n标"), C("经济效益指标"), C("道路交通设施", left=True),
         C("降低村民出行和农产品运输成本"), C("降低村民出行和农产品运输成本"), C("")],
    ]
    return {"producer": "html", "page_title": "涂井乡2021年度项目绩效自评表",
            "heading": [("忠县人民政府 > 涂井乡人民政府 > 政务公开 > 法定主动公开内容 > 预算/决算 > 决算", "left"),
                        ("[索引号] 11500233709471424M/2023-00011  [主题分类] 财政、金融、审计  [体裁分类] 财政", "meta"),
                        ("[发布机构] 忠县涂井乡  [有效性] 有效  [成文日期] 2023-04-12  [发布日期] 2023-04-12", "meta"),
                        ("涂井乡2021年度项目绩效自评表", "title"),
                        ("中央、市级专项转移支付绩效目标自评表", "title"),
                        ("(2021年度)", "meta")],
            "ncols": 7, "widths_pct": [9, 10, 12, 25, 16, 16, 12], "rows": rows}


def hubei_2022_ezhou_science_popularization() -> dict:
    """鄂州市科学技术协会, 科学普及经费, 2022: Hubei 项目自评表, cut by the stored text."""
    rows = [
        [C("项目名称"), C("科学普及经费", cs=6)],
        [C("主管部门"), C("鄂州市科学技术协会", cs=2), C("项目实施单位", cs=2), C("鄂州市科学技术协会", cs=2)],
        [C("项目类别"), C("1、部门预算项目   ?   2、省直专项   □  3、省对下转移支付项目 □", cs=6, left=True)],
        [C("项目属性"), C("1、持续性项目     ?   2、新增性项目 □", cs=6, left=True)],
        [C("项目类型"), C("1、常年性项目     ?   2、延续性项目 □      3、一次性项目 □", cs=6, left=True)],
        [C("预算执行情况\n(万元)\n(20分)", rs=2), C(""), C("预算数(A)", cs=2), C("执行数(B)"),
         C("执行率(B/A)"), C("得分\n(20分*执行率)")],
        [C("年度财政资金总额"), C("104", cs=2), C("103.97"), C("99.97"), C("19")],
        [C("年度绩效目标1\n(80分)", rs=10), C("一级指标"), C("二级指标"), C("三级指标"),
         C("年初目标值(A)"), C("实际完成值(B)"), C("得分")],
        [C("产出指标", rs=6), C("数量指标", rs=3), C("“科普鄂州”微信公众号运维", left=True),
         C("不少于800篇"), C("800篇"), C("8")],
        [C("开展全国科普日专题科普活动", left=True), C("10场"), C("9场"), C("7")],
        [C("《科协之窗-身边的科普》栏目", left=True), C("200期"), C("200期"), C("8")],
        [C("质量指标", rs=2), C("科普知识网络竞赛", left=True), C("提高普及率"), C("稳步提升"), C("6")],
        [C("科普宣传栏内容更新", left=True), C("知识更新率"), C("实时更新"), C("6")],
        [C("成本指标"), C("预算控制数", left=True), C("≤104万元"), C("103.97万元"), C("10")],
        [C("效益指标", rs=3), C("社会效益指标"), C("公民科学文化素质", left=True), C("提升10%"), C("提升10%"), C("6")],
        [C("经济效益指标"), C("公民支持科技经济融合发展", left=True), C("提升10%"), C("提升10%"), C("6")],
        [C("生态效益指标"), C("生态文明理念和意识", left=True), C("提升10%"), C("提升10%"), C("6")],
    ]
    return {
        "producer": "docx",
        "heading": [("2022年度科普经费项目自评表", 16, "center"),
                    ("单位名称:鄂州市科学技术协会         填报日期:2023年 5 月 17日", 10.5, "left")],
        "ncols": 7, "widths_cm": [2.9, 2.2, 2.6, 4.6, 2.6, 2.4, 1.4], "font_pt": 10, "rows": rows,
        "row_min_cm": 0.8,
    }


FORMS = {
    "chongqing-2021-zhongxian-tujing-resettlement-roads":
        ("wild-cut", chongqing_2021_zhongxian_tujing_resettlement_roads),
    "hubei-2022-ezhou-science-popularization": ("wild-cut", hubei_2022_ezhou_science_popularization),
}


if __name__ == "__main__":
    main(FORMS, ME, sys.argv[1:])

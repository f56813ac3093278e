"""Rebuild helper wild11's related form in tests/data/related/: the 武汉青山 化工区学校 2020
targets table, a CMS article page printed by Chromium. The grid is transcribed from the stored
page text its NAME.md names, nothing computed or corrected. tables.py writes the source next to
this script and prints it.

    /work/toolsvenv/bin/python tests/data/wild-src/build_wild11.py [NAME ...]
"""
from __future__ import annotations

import sys

from tables import C, main

ME = "wild11"


def hubei_2020_wuhan_qingshan_huagongqu_school_targets() -> dict:
    """化工区学校 (武汉市青山区), 农村义务教育薄弱学校改造补助资金, 2020: a targets-only 绩效目标表."""
    rows = [
        [C("项目名称", cs=2), C("农村义务教育薄弱学校改造补助资金", cs=3, left=True)],
        [C("项目主管部门", cs=2), C("青山区教育局"), C("项目执行单位"), C("化工区学校")],
        [C("资金情况\n(万元)", cs=2), C("年度资金总额:16\n其中 :上级资金16", cs=3, left=True)],
        [C("总体目标", cs=2, rs=2), C("年度目标", cs=3)],
        [C("全面改善农村义务教育薄弱学校办学条件,扩大基础教育资源,进一步提高义务教育均衡发展水平。",
           cs=3, left=True)],
        [C("绩效指标", rs=10), C("一级指标"), C("二级指标"), C("指标内容"), C("指标值")],
        [C("产出指标", rs=6), C("数量指标"), C("农村义务教育学校改造覆盖率", left=True), C("100%")],
        [C("质量指标", rs=2), C("校舍维修改造质量合格率", left=True), C("100%")],
        [C("购置设施设备质量合格率", left=True), C("100%")],
        [C("时效指标", rs=2), C("预算资金当年下达率", left=True), C("100%")],
        [C("项目按计划完成率", left=True), C("100%")],
        [C("成本指标"), C("建设项目成本控制率", left=True), C("100%")],
        [C("效益指标", rs=3), C("可持续影响指标"), C("义务教育优质均衡发展情况", left=True), C("稳步提高")],
        [C("社会公众或服务对象满意度指标", rs=2), C("学生家长满意度", left=True), C("≥90%")],
        [C("学校满意度", left=True), C("≥90%")],
    ]
    return {"producer": "html", "page_title": "绩效目标表",
            "heading": [("索 引 号 733569413/2021-00944    发布日期 2021-01-05", "left"),
                        ("发布机构 区教育局    有 效 性 有效", "left"),
                        ("标    题 绩效目标表    文    号", "left"),
                        ("绩效目标表", "title"),
                        ("字号 :  |  发布时间:2021-01-05  |  发布单位:区教育局", "meta"),
                        ("绩效目标表", "title"),
                        ("(2020年度)", "meta")],
            "footer": [("附件:", "left"), ("扫一扫在手机打开当前页", "left"), ("[下载] [打印] [关闭]", "left")],
            "ncols": 5, "widths_pct": [10, 14, 22, 34, 20], "rows": rows}


FORMS = {
    "hubei-2020-wuhan-qingshan-huagongqu-school-targets":
        ("related", hubei_2020_wuhan_qingshan_huagongqu_school_targets),
}


if __name__ == "__main__":
    main(FORMS, ME, sys.argv[1:])

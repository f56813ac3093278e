"""Rebuild helper wild9's related forms in tests/data/related/: the 湘西 special school targets
table (a landscape web page with a breadcrumb, Chromium) and the 宁晋 indicator table (Calc). Each
grid is transcribed from the stored page text its NAME.md names, nothing computed or corrected.
tables.py writes the source next to this script and prints it.

    /work/toolsvenv/bin/python tests/data/wild-src/build_wild9.py [NAME ...]
"""
from __future__ import annotations

import sys

from tables import CRUMB, C, main

ME = "wild9"


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
        "producer": "html", "look": CRUMB, "orientation": "landscape", "ncols": 13,
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
        [C("2019年度宁晋县高中助学金项目绩效评价指标表", cs=7, bold=True, size=14, noborder=True)],
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
        "producer": "xlsx", "sheet": "绩效评价指标表", "ncols": 7,
        "widths_chars": [16, 13, 20, 13, 10, 7, 8],
        "heights": {1: 30, 3: 36},
        "rows": rows,
    }


FORMS = {
    "hunan-2023-xiangxi-special-school-meals-targets":
        ("related", hunan_2023_xiangxi_special_school_meals_targets),
    "hebei-2019-ningjin-high-school-grant-indicators":
        ("related", hebei_2019_ningjin_high_school_grant_indicators),
}


if __name__ == "__main__":
    main(FORMS, ME, sys.argv[1:])

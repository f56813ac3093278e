"""Rebuild helper wild12's real form in tests/data/wild/: Shanxi 稷山 2020, the MoF template as a
county Excel sheet printed by Calc. The grid is transcribed from the stored page text its NAME.md
names, nothing computed or corrected. tables.py writes the source next to this script and prints it.

    /work/toolsvenv/bin/python tests/data/wild-src/build_wild12.py [NAME ...]
"""
from __future__ import annotations

import sys

from tables import C, main

ME = "wild12"


def shanxi_2020_jishan_poor_household_medical_premium() -> dict:
    """稷山县医疗保障局, 建档立卡个人缴费县级配套资金 2020: MoF template as a county Excel sheet."""
    L = dict(left=True)
    rows = [
        [C("稷山县项目支出绩效自评表", cs=9, noborder=True, bold=True, size=14)],
        [C("(2020年度)", cs=9, noborder=True)],
        [C("项目名称", cs=2), C("建档立卡个人缴费县级配套资金", cs=7, **L)],
        [C("主管部门", cs=2), C("稷山县医疗保障局", cs=3, **L), C("实施单位"),
         C("稷山县医疗保险服务中心", cs=3, **L)],
        [C("项目资金\n(万元)", rs=5), C("", cs=2), C("年初预算数"), C("全年预算数"), C("全年执行数"),
         C("分值"), C("执行率"), C("得分")],
        [C("年度资金总额", cs=2, **L), C(""), C("65.66"), C("65.07"), C("10"), C("99%"), C("9")],
        [C("其中:当年财政拨款", cs=2, **L), C(""), C("65.66"), C("65.07"), C("—"), C("99%"), C("—")],
        [C("上年结转资金", cs=2, **L), C(""), C(""), C(""), C("—"), C(""), C("—")],
        [C("其他资金", cs=2, **L), C(""), C(""), C(""), C("—"), C(""), C("—")],
        [C("年度总\n体目标", rs=2), C("预期目标", cs=4), C("实际完成情况", cs=4)],
        [C("提高医疗保障水平,推进因病致贫问题的根本性解决", cs=4, **L),
         C("提高医疗保障水平,推进了因病致贫问题的基本性解决", cs=4, **L)],
        [C("绩\n效\n指\n标", rs=7), C("一级\n指标"), C("二级指标"), C("三级指标"), C("年度\n指标值"),
         C("实际\n完成值"), C("分值"), C("得分"), C("偏差原因分析及改进措施")],
        [C("产出\n指标\n(50分)", rs=4), C("数量指标"), C("指标1:全县参合人数", **L), C("8755"), C("8676"),
         C("15"), C("13"), C("建档立卡中有新增死亡人员,导致有偏差", **L)],
        [C("质量指标"), C("指标1:资金是否全部纳入医保统筹", **L), C("100%"), C("100%"), C("15"), C("15"),
         C("")],
        [C("时效指标"), C("指标1:资金是否全部及时纳入", **L), C("100%"), C("100%"), C("10"), C("10"), C("")],
        [C("成本指标"), C("指标1:配套资金每人每年", **L), C("75元"), C("75元"), C("10"), C("10"), C("")],
        [C("效益指\n标(30\n分)"), C("社会效益\n指标"), C("指标1:是否解决建档立卡人员看病难贵问题", **L),
         C("95%"), C("95%"), C("30"), C("27"), C("")],
        [C("满意度\n指标\n(10分)"), C("服务对象满\n意度指标"), C("指标1:是否满意", **L), C("95%"), C("95%"),
         C("10"), C("9"), C("")],
        [C("总分", cs=6), C("100"), C("94"), C("")],
    ]
    return {"producer": "xlsx", "sheet": "Sheet1", "ncols": 9,
            "widths_chars": [8, 8, 10, 24, 10, 10, 6, 6, 22], "rows": rows,
            # sheet rows (1-based) holding wrapped text get room for all their lines
            "heights": {1: 26, 5: 20, 10: 30, 11: 36, 12: 30, 13: 32, 17: 44, 18: 44}}


FORMS = {
    "shanxi-2020-jishan-poor-household-medical-premium":
        ("wild", shanxi_2020_jishan_poor_household_medical_premium),
}


if __name__ == "__main__":
    main(FORMS, ME, sys.argv[1:])

"""Rebuild helper wild3's real form in tests/data/wild/: Hunan 衡山 2020 县级专项资金绩效目标自评表,
a Word table printed by Writer. Each grid below is the form as printed; its NAME.md names the
source. tables.py writes the source next to this script and prints it.

    /work/toolsvenv/bin/python tests/data/wild-src/build_wild3.py [NAME ...]
"""
from __future__ import annotations

import sys

from tables import C, main

ME = "wild3"


def hunan_2020_hengshan_county_grain_reserve() -> dict:
    """衡山县商务和粮食局 2020 县级专项资金绩效目标自评表 (a .docx shared on taowenge.com/p-72820237.html)."""
    L = dict(left=True)
    ind = [  # (二级 label, rows of 三级 / 年度指标值 / 全年完成值 / 未完成原因和改进措施)
        ("产  出\n指  标", [
            ("数量\n指标", [("5000吨稻谷、500吨成品粮储备到位率", "100%", "100%", ""),
                         ("库存数量真实率", "100%", "100%", "")]),
            ("质量\n指标", [("县级储备粮管理制度严格执行率", "100%", "100%", ""),
                         ("储备粮管理专户管理率", "100%", "100%", ""),
                         ("县级储备粮库存粮食明显变质比例", "0", "0", "")]),
            ("时效\n指标", [("县级储备粮贷款付息及时率", "100%", "100%", ""),
                         ("县级储备粮应急保障率", "100%", "100%", "")]),
            ("成本\n指标", [("国家政策性粮收购价格执行率", "100%", "100%", ""),
                         ("县级储备粮库存成本核算率", "100%", "100%", "")]),
        ]),
        ("效  益\n指  标", [
            ("经济\n效益\n指标", [("利息费用保障率", "100%", "100%", ""),
                             ("政策性挂账利息补贴保障率", "100%", "无", "没有轮换、动用库存")]),
            ("生态\n效益\n指标", [("低温、低氧、低剂量科学保粮率", "100%", "100%", ""),
                             ("食品安全指标达标率", "100%", "100%", "")]),
            ("可持\n续影\n响指标", [("粮食储备设备维护及安全性", "高", "高", "")]),
        ]),
        ("满意\n度指\n标", [
            ("服务\n对象\n满意\n度指\n标", [("因粮食市场波动引起的粮食安全事件发生数", "0起", "0起", ""),
                                   ("市民满意度调查", "≥90%", "100%", "")]),
        ]),
    ]
    n_ind = sum(len(items) for _, groups in ind for _, items in groups)
    rows = [
        [C("专项资金名称", 2), C("县级储备粮", 2, **L), C("负责人及电话"), C("旷建成、向建军", 2, **L)],
        [C("县级主管部门", 2), C("衡山县商务和粮食局", 2, **L), C("实施单位"),
         C("粮食调控储备与产业发展股", 2, **L)],
        [C("项目资金\n(万元)", 2, 4), C("", 2), C("全年预算数(A)"), C("全年执行数(B)"), C("执行率(B/A)")],
        [C("年度资金总额", 2, **L), C("194.9"), C("194.9"), C("100%")],
        [C("其中:中央、省、市补助县级资金", 2, **L), C("194.9"), C("194.9"), C("100%")],
        [C("其他资金", 2, **L), C(""), C(""), C("")],
        [C("年度\n总体\n目标", 1, 2), C("年初设定目标", 3), C("全年实际完成情况", 3)],
        [C("保持和稳定地方粮食储备机制", 3, **L), C("地方储备粮食规模达标", 3, **L)],
        [C("绩\n效\n指\n标", 1, n_ind + 1), C("一级\n指标"), C("二级\n指标"), C("三级指标"), C("年度指标\n值"),
         C("全年\n完成值"), C("未完成原因和\n改进措施")],
    ]
    for level1, groups in ind:
        first1 = True
        for level2, items in groups:
            for k, (name, target, actual, why) in enumerate(items):
                row = []
                if first1:
                    row.append(C(level1, 1, sum(len(i) for _, i in groups)))
                    first1 = False
                if k == 0:
                    row.append(C(level2, 1, len(items)))
                row += [C(name, **L), C(target), C(actual), C(why, **L)]
                rows.append(row)
    rows.append([C("说明"), C("无", 6, **L)])
    return {
        "producer": "docx", "rows": rows, "ncols": 7,
        "widths_cm": [1.1, 1.5, 1.5, 4.2, 2.2, 2.2, 3.3], "font_pt": 12,
        "heading": [("2020年度县级专项资金绩效目标自评表", 16, "center")],
        # this rendering's page: 2 cm margins all round, cells left at Word's default top alignment
        "margins_cm": (2, 2), "valign": "top",
    }


FORMS = {
    "hunan-2020-hengshan-county-grain-reserve": ("wild", hunan_2020_hengshan_county_grain_reserve),
}


if __name__ == "__main__":
    main(FORMS, ME, sys.argv[1:])

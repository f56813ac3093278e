"""Rebuild helper wild5's real forms: Hubei 黄冈 (Writer) and Yunnan 保山 (Chromium) in
tests/data/wild/; the 广元 (Calc), 黄石 party school (Chromium) and 岳阳 (Writer) targets forms in
tests/data/related/. Each grid below is the form as printed; its NAME.md names the source and
its quirks. tables.py writes the source next to this script and prints it.

    /work/toolsvenv/bin/python tests/data/wild-src/build_wild5.py [NAME ...]
"""
from __future__ import annotations

import sys

from tables import C, main

ME = "wild5"


def hubei_2020_huanggang_soil_water_monitoring() -> dict:
    """黄冈市水土保持与农田水利科研所, 水土保持监测, 2020: Hubei 项目自评表 with two numbered goals."""
    head = ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]

    def goal_block(label: str, rows: list[list[dict]]) -> list[list[dict]]:
        first = [C(label, rs=len(rows) + 1)] + [C(h) for h in head]
        return [first] + rows

    goal1 = goal_block("年度绩效目标1\n(40分)", [
        [C("产出指标", rs=2), C("质量指标"), C("监测数据必须合格", left=True), C("100%"), C("100%"), C("10")],
        [C("进度指标"), C("取得2018-2022监测资料", left=True), C("100%"), C("100%"), C("10")],
        [C("效益指标"), C(""), C(""), C(""), C(""), C("")],
        [C("满意度指标"), C("服务对象满意度指标"), C("整编资料审核", left=True), C("98%"), C("98%"), C("19.6")],
    ])
    goal2 = goal_block("年度绩效目标2\n(40分)", [
        [C("产出指标", rs=2), C("质量指标"), C("监测数据资料整编", left=True), C("100%"), C("100%"), C("20")],
        [C("进度指标"), C("完成年度资料上报", left=True), C("100%"), C("100%"), C("20")],
        [C("效益指标"), C("社会效益指标"), C(""), C(""), C(""), C("")],
        [C("满意度指标"), C("服务对象满意度指标"), C(""), C(""), C(""), C("")],
    ])
    rows = [
        [C("项目名称"), C("水土保持监测", cs=6)],
        [C("主管部门"), C("黄冈市水利和湖泊局", cs=2), C("项目实施单位", cs=2), C("本单位", cs=2)],
        [C("项目类别"), C("1、上级专项      2、本级专项", cs=6, left=True)],
        [C("项目属性"), C("1、持续性项目      2、新增性项目", cs=6, left=True)],
        [C("项目类型"), C("1、常年性项目      2、延续性项目      3、一次性项目", cs=6, left=True)],
        [C("预算执行情况\n(万元)(20分)"), C("预算数(A)", cs=2), C("执行数(B)"), C("执行率(B/A)"),
         C("得分(20分*执行率)", cs=2)],
        [C("年度财政资金\n总额"), C("10", cs=2), C("10"), C("100%"), C("20", cs=2)],
        *goal1,
        *goal2,
        [C("总分"), C("99.6", cs=6)],
        [C("偏差大或目标\n未完成原因分析"), C("", cs=6)],
        [C("改进措施及结果\n应用方案"), C("", cs=6)],
    ]
    return {
        "producer": "docx",
        "heading": [("2020年度水土保持监测项目绩效自评表", 16, "center"),
                    ("单位名称:黄冈市水土保持与农田水利科研所        填报日期:2021年3月10日", 10.5, "left")],
        "ncols": 7, "widths_cm": [2.9, 2.2, 3.6, 3.8, 2.3, 2.3, 1.3], "font_pt": 10, "rows": rows,
        "row_min_cm": 0.9,
    }


def sichuan_2021_guangyuan_zhaohua_family_aid_targets() -> dict:
    """广元市昭化区卫生健康局, 特困家庭再扶助, 2021: a 绩效目标申报表 (targets only), Calc."""
    rows = [
        [C("项目支出绩效目标申报表", cs=5, bold=True, size=14, noborder=True)],
        [C("(2021年度)", cs=5, noborder=True)],
        [C("项目名称"), C("特困家庭再扶助(独生子女死亡再扶助)", cs=4, left=True)],
        [C("预算单位"), C("区卫生健康局", cs=4, left=True)],
        [C("项目资金\n(万元)", rs=9), C("年度资金总额", cs=3), C("金额(万元)")],
        [C("   (一)财政拨款小计", cs=3, left=True), C("6.30")],
        [C("       1、一般公共预算", cs=3, left=True), C("6.30")],
        [C("       2、政府性基金", cs=3, left=True), C("0.00")],
        [C("       3、国有资本经营预算", cs=3, left=True), C("0.00")],
        [C("   (二)自有资金小计", cs=3, left=True), C("0.00")],
        [C("       1、事业收入", cs=3, left=True), C("0.00")],
        [C("       2、经营性收入", cs=3, left=True), C("0.00")],
        [C("   (三)其他收入", cs=3, left=True), C("0.00")],
        [C("总体\n目标", rs=2), C("年度目标", cs=4)],
        [C("区域内符合计划生育政策、法规生育的独生子女伤残、死亡适龄家庭进行政策特别扶助,"
           "达到“老有所依,老有所养”的目标。增强服务意识,稳定特扶家庭情绪", cs=4, left=True)],
        [C("绩效指标"), C("一级指标"), C("二级指标"), C("三级指标"), C("指标值(包含数字及文字描述)")],
        [C("绩效指标", rs=9), C("项目完成\n指标", rs=5), C("数量指标"),
         C("对符合政策法规的独生子伤残、死亡家庭进行扶助", left=True), C("63人")],
        [C("质量指标"), C("按政策、法律、法规乡镇申报、初审确认对象资格,县级按要求复审", left=True), C("100%")],
        [C("时效指标", rs=2), C("项目实施时间", left=True), C("2021年1月-12月")],
        [C("资金拨付", left=True), C("12月底到位")],
        [C("成本指标"), C("成本控制", left=True), C("严格按照预算标准1000元/人给补助对象兑付补助", left=True)],
        [C("项目效益\n指标", rs=2), C("社会效益\n指标"),
         C("促进人口与经济、社会、资源、环境协调和可持续发展", left=True), C("100%")],
        [C("可持续影响\n指标"), C("实现社会稳定和谐发展", left=True), C("长期")],
        [C("满意度指标", rs=2), C("满意度指标", rs=2), C("受益群众满意度", left=True), C("≥90%")],
        [C("社会满意度", left=True), C("100%")],
    ]
    heights = {r: 20 for r in range(2, 26)} | {1: 30, 15: 44, 17: 26, 18: 32, 21: 32, 22: 32, 23: 32}
    return {"producer": "xlsx", "sheet": "绩效目标申报表", "ncols": 5,
            "widths_chars": [10, 12, 12, 40, 22], "rows": rows, "heights": heights}


def hubei_2022_huangshi_party_school_class_targets() -> dict:
    """中共黄石市委党校, 主体班, 2022: a 项目支出绩效目标批复表 (targets only), web page."""
    ind = [  # 二级 label (with its row span) or None, 三级指标, 预期2022年实现值
        ("数量指标", 5, "主体班培训人次", "280人次"),
        (None, 0, "邀请校外名师、领导授课人次", "25人次"),
        (None, 0, "情景教学或外训批次", "6次"),
        (None, 0, "理论教育和党性教育课时比例", "70%"),
        (None, 0, "开设课程数量", "220"),
        ("质量指标", 5, "培训完成率", "100%"),
        (None, 0, "邀请校外名师、领导授课完成率", "100%"),
        (None, 0, "情景教学或外训完成率", "100%"),
        (None, 0, "理论教育和党性教育课时比例完成率", "100%"),
        (None, 0, "课程数量达标率", "100%"),
        ("时效指标", 1, "及时完成率", "100%"),
        ("成本指标", 1, "成本控制率", "100%"),
    ]
    ind_rows = []
    for k, (level2, span, name, value) in enumerate(ind):
        row = []
        if k == 0:
            row.append(C("产出指标", rs=len(ind)))
        if level2:
            row.append(C(level2, rs=span))
        row += [C(name, left=True), C(""), C(value), C("")]
        ind_rows.append(row)
    rows = [
        [C("项目支出绩效目标批复表", cs=7, bold=True, noborder=True)],
        [C("(2022年度)", cs=7, noborder=True)],
        [C("项目名称"), C("主体班", cs=3), C("项目负责人"), C("", cs=2)],
        [C("项目金额"), C("164万元", cs=3), C("其中:当年市级财政资金"), C("132万元", cs=2)],
        [C("项目主管部门"), C("", cs=3), C("实施单位"), C("中共黄石市委党校", cs=2)],
        [C("项目属性"), C("持续性项目■  新增性项目口", cs=3), C("项目期"), C("2022年", cs=2)],
        [C("年度绩效目标\n(文字)"), C("主体班培训280人次;邀请校外名师、领导授课25人次;情景教学或外训批次6批次;"
                                    "开设课程数量220门;高质量完成干部教育培训工作。", cs=6, left=True)],
        [C("绩效指标", rs=len(ind) + 3), C("一级指标", rs=2), C("二级指标", rs=2), C("三级指标", rs=2),
         C("指标值", cs=2), C("指标标准或依据", rs=2)],
        [C("2021年实际实现值"), C("预期2022年实现值")],
        *ind_rows,
        [C("满意度指标"), C("服务对象满意度指标"), C("培训学员对培训效果满意度", left=True), C(""), C("≥95%"), C("")],
        [C("财政资金管理科室(盖章)\n\n年    月    日", cs=4), C("财政绩效管理科室(盖章)\n\n年    月    日", cs=3)],
    ]
    return {"producer": "html", "page_title": "项目支出绩效目标批复表(主体班)",
            "heading": [],
            "ncols": 7, "widths_pct": [10, 10, 13, 27, 13, 13, 14], "rows": rows}


def yunnan_2022_baoshan_veterans_spring_visits() -> dict:
    """保山市退役军人事务局, 春节走访慰问经费, 2022: the article page's Word-made table, printed by a browser."""
    blank = [C(""), C(""), C(""), C(""), C("")]
    rows = [
        [C("项目名称"), C("春节走访慰问经费", cs=6)],
        [C("主管部门"), C("保山市退役军人事务局", cs=2), C("项目实施单位", cs=2), C("保山市退役军人事务局", cs=2)],
        [C("项目类别"), C("1、部门预算项目 R    2、市直专项 □    3、市对下转移支付项目 □", cs=6, left=True)],
        [C("项目属性"), C("1、持续性项目 R    2、新增性项目 □", cs=6, left=True)],
        [C("预算执行情况(万元)\n(20分)", rs=2), C(""), C("预算数(A)", cs=2), C("执行数(B)"), C("执行率(B/A)"),
         C("得分\n(20分*执行率)")],
        [C("年度财政资金总额"), C("34.64", cs=2), C("34.64"), C("100%"), C("20")],
        [C("年度绩效目标\n(80分)", rs=9), C("一级指标"), C("二级指标"), C("三级指标"), C("年初目标值(A)"),
         C("实际完成值(B)"), C("得分")],
        [C("产出指标(60分)", rs=4), C("数量指标"),
         C("慰问伤残军人50人;革命烈士遗属50人;因公牺牲和病故军人家属、在乡老复员军人等重点优抚对象50人;"
           "烈士家庭6户;市直企业军转干部101人;驻保部队8家;边海防官兵320人。", left=True),
         C("100%"), C("100%"), C("20")],
        [C("质量指标"), C("补助经费足额拨付率", left=True), C("100%"), C("100%"), C("20")],
        [C("时效指标"), C("春节前完成走访慰问", left=True), C("按时限完成"), C("100%"), C("20")],
        blank,
        [C("效益指标(10分)", rs=2), C("社会效益指标"),
         C("全市重点优抚对象、企业军转干部总体保持稳定,年内无群体性事件发生", left=True),
         C("小于5次"), C("无上访"), C("10")],
        blank,
        [C("满意度指标(10分)", rs=2), C("服务对象满意度指标"),
         C("重点优抚对象、企业军转干部、驻保部队、边海防官兵满意率", left=True), C("100%"), C("100%"), C("10")],
        blank,
        [C("总分(100分)"), C("100", cs=2), C("自评等级"), C("优", cs=3)],
        [C("偏差大或\n目标未完成\n原因分析"), C("无", cs=6, left=True)],
        [C("改进措施及\n结果应用方案"), C("无", cs=6, left=True)],
    ]
    return {"producer": "html", "page_title": "2022年度项目支出绩效自评表(春节走访慰问经费)",
            "heading": [("附件1", "left"), ("2022年度项目支出绩效自评表", "title"),
                        ("单位名称:保山市退役军人事务局        填报日期:2023年4月6日", "left")],
            "ncols": 7, "widths_pct": [13, 12, 13, 28, 12, 12, 10], "rows": rows}


def hunan_2022_yueyang_farmland_targets() -> dict:
    """岳阳县农业农村局, 高标准农田建设, 2022: a 绩效目标申报表 (基础设施建设类), targets only, Word."""
    ind = [  # 一级 (span) or None, 二级 (span) or None, 三级指标, 指标值
        ("产出指标", 5, "数量指标", 2, "脱贫村村内道路硬化里程", "≥100公里"),
        (None, 0, None, 0, "脱贫户供水设施数量", "≥20座"),
        (None, 0, "质量指标", 1, "项目(工程)验收合格率", "100%"),
        (None, 0, "时效指标", 1, "项目(工程)完成及时率", "≥100%"),
        (None, 0, "成本指标", 1, "财政资金补助", "1600元/亩"),
        ("效益指标", 6, "经济效益\n指标", 1, "年增粮食", "3500公斤"),
        (None, 0, "社会效益\n指标", 2, "受益脱贫(监测)人口数", "≥500人"),
        (None, 0, None, 0, "解决脱贫(监测)饮水安全问题人数", "≥1000人"),
        (None, 0, "生态效益\n指标", 2, "新增和改善灌溉达标面积", "≥500亩"),
        (None, 0, None, 0, "新增和改善排水达标面积", "≥200亩"),
        (None, 0, "可持续影响\n指标", 1, "工程设计使用年限", "≥20年"),
        ("满意度指标", 1, "服务对象满意度指标", 1, "受益脱贫(监测)户满意度", "≥95%"),
    ]
    ind_rows = []
    for level1, span1, level2, span2, name, value in ind:
        row = [C(level1, rs=span1)] if level1 else []
        if level2:
            row.append(C(level2, rs=span2))
        ind_rows.append(row + [C(name, left=True), C(value)])
    amount = "854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)"
    rows = [
        [C("项目名称"), C("岳阳县2022年高标准农田建设项目", cs=2), C("项目负责人及电话"), C("彭兵")],
        [C("主管部门"), C("岳阳县农业农村局", cs=2), C("实施单位"), C("农田建设服务中心")],
        [C("资金情况\n(万元)", rs=3), C("年度资金总额:"), C(amount, cs=3, left=True)],
        [C("其中:财政拨款"), C("854万" + amount, cs=3, left=True)],
        [C("其他资金"), C("", cs=3)],
        [C("总体目标", rs=2), C("年度目标", cs=4)],
        [C("完成项目主体工程70%", cs=4, left=True)],
        [C("绩效指标", rs=len(ind) + 1), C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")],
        *ind_rows,
    ]
    return {
        "producer": "docx",
        "heading": [("绩效目标申报表(基础设施建设类)", 16, "center"), ("(2022年度)", 11, "center")],
        "footer": [("注:各地请根据实际情况,从上述绩效指标中选择适合的填报(其中三颗星为必填的核心绩效指标,"
                    "可结合已下达的中央对地方专项转移支付绩效指标),也可自行增加或适当调整。", 9, "left")],
        "ncols": 5, "widths_cm": [2.6, 2.8, 3.0, 6.0, 3.2], "font_pt": 10, "rows": rows,
        "row_min_cm": 0.8,
    }


FORMS = {
    "hubei-2020-huanggang-soil-water-monitoring": ("wild", hubei_2020_huanggang_soil_water_monitoring),
    "yunnan-2022-baoshan-veterans-spring-visits": ("wild", yunnan_2022_baoshan_veterans_spring_visits),
    "sichuan-2021-guangyuan-zhaohua-family-aid-targets":
        ("related", sichuan_2021_guangyuan_zhaohua_family_aid_targets),
    "hubei-2022-huangshi-party-school-class-targets":
        ("related", hubei_2022_huangshi_party_school_class_targets),
    "hunan-2022-yueyang-farmland-targets": ("related", hunan_2022_yueyang_farmland_targets),
}


if __name__ == "__main__":
    main(FORMS, ME, sys.argv[1:])

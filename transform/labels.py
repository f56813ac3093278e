"""Form knowledge: the labels forms print, mapped once to the names the warehouse uses.

Each pattern is a regular expression matched against the *whole* folded label (NFKC, no white
space, leading '*' and trailing ':' removed), so '*实际完成值' and '实际完成值：' read alike.
"""
from __future__ import annotations

# Header fields of a form: label cell, value in the next cell to its right.
HEADER_FIELDS: dict[str, str] = {
    # county variants: 专项资金名称, 专项(项目)名称, 转移支付(项目)名称
    r"项目名称|专项资金名称|资金名称|(专项|转移支付)\(项目\)名称": "project_name",
    r"项目编码|项目代码": "project_code",
    r"(项目)?实施单位(\(盖章\))?|单位名称(\(盖章\))?": "implementing_unit",
    r"(县级|市级|省级)?主管部门(\(?及代码\)?)?|一级预算单位|主管单位|部门名称(\(盖章\))?": "supervising_unit",
    r"单位编码|单位代码": "unit_code",
    r"项目起止时间|项目实施期|实施周期": "period",
    r"是否重点绩效项目|是否重点项目": "is_key_project",
    r"项目属性": "project_nature",
    r"绩效自评年度|自评年度": "fiscal_year",
    # Whole-process framework forms print the total in the header block, not in a 总分 row.
    r"自评得分|自评总分|综合得分|评价得分": "total_score",
    # The grade the form gives itself (优/良/中/差); the checks compare it with the total.
    r"(自评|评价|绩效)等级": "grade",
}
# A form's identity: seeing one of these again after budget or indicators starts the next form.
FORM_IDENTITY = {"project_name", "project_code", "implementing_unit"}

# Budget block (预算执行情况) columns.
BUDGET_COLUMNS: dict[str, str] = {
    r"年初预算(数)?.*": "initial_budget",
    # 调整预算数(A): whole-process forms; 调整后预算数: Sichuan
    r"全年预算数.*|预算数\(A\)|调整(后)?预算数.*|项目年度预算金额": "annual_budget",
    r"全年执行数.*|(预算)?执行数.*|实际支出金额": "executed",
    r"(预算(支出)?)?执行率.*": "execution_rate",
    r"分值.*|权重.*": "weight",
    r"得分.*": "score",
}
# Budget amounts printed as header pairs rather than lines of the block (硚口: 基本支出总额 2758.60万元).
BUDGET_PAIR_LABELS = r"基本支出总额|项目支出总额|人员经费|公用经费"
# Labels of the whole budget block (the merged cell left of the fund-source labels).
BUDGET_BLOCK = r"(项目资金|预算执行情况|资金情况|年度预算执行情况|年度预算数).*"

# Goals: the 年度总体目标 row, or numbered 年度目标 N of a department form.
GOALS_LABEL = r"(年度)?总体目标|年度(总体)?绩效目标"
# 年度目标1：(11分) of a department form; 年度绩效目标1 (40分) heading a block of indicators (Hubei).
# its points may have lost their '(' ('年度绩效目标98分)'): a number before 分 is points, not the goal's number
NUMBERED_GOAL = r"年度(绩效)?目标(?P<no>\d+(?![\d.]*分)|[一二三四五六七八九十]+)?[:：]?(\(?(?P<points>[\d.]+)分\))?"
CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}
GOAL_TARGET_HEADER = r"预期目标|年初设定目标|年度目标|目标|项目年度目标"
GOAL_ACTUAL_HEADER = (r"实际完成情况|全年实际完成情况|年度实际完成情况|完成情况|年度目标完成情况"
                      r"|年度总体目标完成情况(综述)?")

# Indicator table (绩效指标) columns.
INDICATOR_COLUMNS: dict[str, str] = {
    r"一级指标": "level1",
    r"二级指标": "level2",
    r"三级指标|指标名称": "name",
    r"指标性质|指标方向": "target_op_text",  # Sichuan: =, ≥, ≤, 定性 in a column of its own
    r"(年度|年初)?(指标值|目标值).*|年度指标内容": "target",
    r"度量单位|计量单位": "measure_unit",
    r"(全年)?实际(完成)?值.*|(全年)?完成值.*|实际完成情况|完成情况": "actual",
    r"权重.*|(参考|标准)?分值.*": "weight",
    r"得分": "score",
    r"(偏差|未完成)原因.*": "deviation",
    r"得分计算方法|评分标准|计分方法": "scoring_method",
}
# The 一级/二级 labels of the templates: a label cut by a page break (服务对象满意 | 度指标) is rejoined
# when its two parts make one of these and neither part is one.
LEVEL_LABELS = {"产出指标", "效益指标", "满意度指标", "成本指标", "数量指标", "质量指标", "时效指标",
                "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
                "项目决策", "项目管理", "项目产出", "项目效益", "过程指标", "预算执行率",
                # the whole-process framework's 二级
                "项目立项", "绩效目标", "资金投入", "资金管理", "组织实施", "产出数量", "产出质量", "产出时效",
                "产出成本", "社会效益", "经济效益", "生态效益", "可持续影响", "满意度"}
TOTAL_ROW = r"总分|合计|总计|自评总分|分总"  # 分总: 霍山's county form
NOTE_LABELS = (r"说明|(存在的?)?问题(及原因分析)?|整改(情况|措施)?|偏差大或目标未完成原因分析|改进措施.*"
               r"|评价结论|项目实施内容及过程概述|(项目|财务)负责人[:：].*|填表人[:：].*|联系电话[:：].*")
# Free lines under a form are its notes (填表人, 注: …) up to the printed filling instructions.
NOTES_END = r"备注.*|填表说明.*"


# A department summary (部门预算项目绩效自评表): one project per row under a multi-row header.
SUMMARY_ROW_NO = r"序号"
SUMMARY_FIELDS: dict[str, str] = {
    r"单位名称": "implementing_unit",
    r"项目名称": "project_name",
    r"项目年度预算金额": "annual_budget",
    r"实际支出金额/合计": "executed",
    r"预算支出执行率": "execution_rate",
    r"年初绩效目标": "goal_target",
    r"绩效目标(整体)?完成情况": "goal_actual",
    r"项目执行中存在的问题": "problems",
    r"整改情况": "rectification",
}
SUMMARY_FUND_SOURCES = r"实际支出金额/其中:财政拨款/(?P<name>.+)|实际支出金额/(?P<other>非财政资金)"
SUMMARY_INDICATOR = r"(?P<level1>.+目标|满意度指标)/(?P<level2>.+指标)/(?P<part>年度指标内容|完成情况)"

# Scope of a form by its title / first labels.
DEPARTMENT_TITLE = r".*(整体|部门整体).*自评表.*"
TITLE = r".*自评表.*"

# Target/actual reading.
COMPARATORS = {"≥": "≥", "≧": "≥", ">=": "≥", "≤": "≤", "≦": "≤", "<=": "≤",
               ">": ">", "＞": ">", "<": "<", "＜": "<", "=": "="}
UNIT_WORDS = {"%", "人", "次", "万元", "元", "件", "场", "个", "家", "户", "宗", "天", "日", "月", "年",
              "次/年", "人次", "期", "篇", "份", "项", "个社区", "小时", "台", "套", "批"}
QUALITATIVE_HINTS = ("提升", "提高", "达到", "达成", "有效", "显著", "明显", "持续", "逐步", "合格",
                     "完成", "保障", "满意", "减少", "稳定", "不适用")
MONEY_UNITS = {"万元": 10000, "元": 1}
# Check-box option cells (1、持续性项目☑ 2、新增性项目□): the ticked option is the value. Word's
# Wingdings 2 box glyphs come through as letters (R ticked, £ empty).
TICKED = "☑■√✓✔☒▣R"
UNTICKED = "□☐口£"
# Where a form states its money unit: a 单位 line, or a block or column label (项目资金（万元）).
MONEY_UNIT_STATED = r"(?:金额)?单位[:：]?(万元|元)|[(（](万元|元)[)）]"

# What fills cells without being an answer.
# Cells printed as CODE-NAME by budget systems: the code and the name are two facts.
CODE_NAME = (r"[\[［【〔](?P<code1>[0-9A-Za-z]+)[\]］】〕]\s*(?P<name1>.+)",
             r"(?P<code2>\d[0-9A-Za-z]{2,})\s*[-－—–]\s*(?P<name2>[^\d\s].*)")
# The code field each name field's code goes to.
CODE_OF = {"project_name": "project_code", "supervising_unit": "supervising_unit_code",
           "implementing_unit": "unit_code"}
# Unfilled template rows: 指标1： / 指标2： / …… under a 二级指标.
PLACEHOLDER = r"指标\d+[:：]?|[…\.。·]{2,}"
# The template's own instructions left in a cell: （200字以内）, 请填写…
INSTRUCTION = r".*[(（][^()（）]*\d+\s*字(以内|左右)?\s*[)）].*|请(填写|填报|简要说明|说明).*"

# Related forms that are not self-evaluations, by title or by a column only they print.
RELATED_FORM_TITLES: dict[str, str] = {
    r".*绩效目标(申报|审核|批复)?表.*|.*目标(申报|审核|批复)表.*": "绩效目标申报表 (performance targets, no actuals)",
    r".*(执行监控|运行监控|监控情况)表?.*": "绩效目标执行监控表 (mid-year monitoring)",
    r".*(预算|决算)(公开)?.*(总表|明细表|情况表).*": "部门预算/决算公开表 (budget disclosure table)",
}
RELATED_FORM_COLUMNS: dict[str, str] = {
    r"完成目标可能性.*|1-\d+月执行(数|情况).*|全年预计(执行数|完成情况).*|偏差原因分析?及纠偏措施.*":
        "绩效目标执行监控表 (mid-year monitoring)",
}

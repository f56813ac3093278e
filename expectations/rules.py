"""The rules table: one row per check, kept as data so dq_results, the summary and the report share it.

`message` (Chinese, as the form would say it) and `message_en` are str.format templates over the columns
of the rule's prepared frame (see prepare.py). `source` is where the rule comes from; `tolerance` how
far a printed figure may stray before it breaks the rule.
"""
from __future__ import annotations

from typing import NamedTuple

import pandas as pd

# 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号) and its 项目支出绩效自评表 template.
MOF_METHOD = "财预〔2020〕10号 项目支出绩效评价管理办法及附件 项目支出绩效自评表"
TEMPLATE = "the form's own arithmetic (项目支出绩效自评表 template)"
PRINTED = "one unit in the last printed place"


class Rule(NamedTuple):
    id: str
    severity: str  # default; a prepared frame may lower it to "warning" row by row (doubtful readings)
    zh: str
    en: str
    message: str
    message_en: str
    source: str
    tolerance: str


RULES: tuple[Rule, ...] = (
    Rule("reading", "reading", "表格读取存疑（非填报错误）", "The form's reading is doubtful (not a publisher error)",
         "本表读取存疑：{detail}。其算术检查降为警告，待人工核对",
         "This form was not read with confidence: {detail_en}. Its arithmetic checks are held back as "
         "warnings until a person checks the reading",
         "jixiao transform/confidence.py: the form's own structure (columns, rows, blocks)", "any doubt"),
    Rule("execution_rate", "error", "执行率 = B / A（A 为表上标 A 的列），按印刷精度",
         "Execution rate equals B / A (A: the column the form labels A), within printed precision",
         "「{label}」执行率印为 {observed_text}，而 B / A = {detail}",
         "'{label}': execution rate printed {observed_text}, but B / A = {detail_en}",
         TEMPLATE + ": 执行率 = B/A", "half a unit in the last printed place of the rate"),
    Rule("budget_score", "error", "预算执行得分 = min(执行率, 1) × 分值",
         "Budget score equals min(rate, 1) × points",
         "「{label}」得分印为 {observed_text}，按 min(执行率, 1) × 分值 应为 {detail}",
         "'{label}': budget score printed {observed_text}; min(rate, 1) × points gives {detail_en}",
         MOF_METHOD + ": 预算执行率 10 分，按执行率计分", PRINTED),
    Rule("fund_sources_sum", "error", "各资金来源（其中）之和 = 合计",
         "Fund-source lines add up to their total",
         "「{label}」{detail}：合计印为 {observed_text}，各分项之和为 {expected_text}",
         "'{label}' {detail_en}: total printed {observed_text}, its lines add up to {expected_text}",
         TEMPLATE + ": 年度资金总额 = 其中 财政拨款 + 上年结转 + 其他资金",
         "half a unit in the last printed place, in the form's unit"),
    Rule("zero_total_with_parts", "error", "合计为 0 而其中各项有数", "A total of 0 with filled breakdown lines",
         "「{label}」{detail}合计印为 0，其中各项却合计 {expected_text}",
         "'{label}' {detail_en}: the total is printed as 0 while its breakdown lines add up to {expected_text}",
         TEMPLATE + ": 年度资金总额 = 其中各项", "exact: any amount under a 0 total"),
    Rule("rate_over_100", "warning", "执行率不超过 100%（表中说明者除外）",
         "Execution rate at most 100% unless the form explains it",
         "「{label}」执行率 {observed_text} 超过 100%，表中未说明原因",
         "'{label}': execution rate {observed_text} exceeds 100% and the form gives no reason",
         MOF_METHOD + ": 预算执行率 = 执行数/预算数，超预算须说明", "half a unit in the last printed place"),
    Rule("budget_subline_score", "warning", "分项资金行不另计分值、得分",
         "Breakdown lines carry no points or score of their own",
         "分项「{label}」重复印有{detail}（应只在合计行）",
         "breakdown line '{label}' repeats {detail_en} (only the total line carries them)",
         TEMPLATE + ": 分值/得分 only on 年度资金总额", "exact"),
    Rule("cost_vs_executed", "warning", "成本指标实际金额之和不超过预算执行数",
         "Cost indicators' actual amounts do not exceed the executed budget",
         "成本指标实际完成金额合计 {observed_text}，超过预算执行数（B）{expected_text}",
         "cost indicators' actual amounts add up to {observed_text}, more than the executed budget (B) "
         "{expected_text}", MOF_METHOD + ": 成本指标 within the budget", "half a fen (0.005 元)"),
    Rule("indicator_score_range", "error", "0 ≤ 指标得分 ≤ 权重", "0 ≤ indicator score ≤ weight",
         "「{label}」得分 {score_text} 不在 0 到权重 {weight_text} 之间",
         "'{label}': score {score_text} is not between 0 and its weight {weight_text}",
         MOF_METHOD + ": 指标得分不超过分值", "exact"),
    Rule("indicator_score_rule", "error",
         "指标得分符合表上计分规则（默认：正向 B/A×权重、反向 A/B×权重，达成得满分；定性按三档）",
         "Indicator score follows the form's rule (default: B/A or A/B × weight, full when met; "
         "qualitative bands)",
         "「{label}」目标「{target_text}」实际「{actual_text}」，得分印为 {observed_text}，{detail}",
         "'{label}': target '{target_text}', actual '{actual_text}', score printed {observed_text}; "
         "{detail_en}",
         MOF_METHOD + ": 定量指标按比例计分，定性指标分达成/部分达成/未达成三档",
         PRINTED + "; a qualitative band's width"),
    Rule("deviation_reason", "warning", "未完成目标的指标须填写偏差原因", "An indicator whose target is not met "
         "gives a deviation reason",
         "「{label}」目标「{target_text}」实际「{actual_text}」未完成（得分 {observed_text}/{weight_text}），"
         "未填写偏差原因",
         "'{label}': target '{target_text}' not met by '{actual_text}' (score {observed_text} of "
         "{weight_text}), and no deviation reason is given",
         MOF_METHOD + ": 偏差原因分析及改进措施 (required when a target is not met)",
         "score below the weight by more than " + PRINTED),
    Rule("level1_weights", "error", "各一级指标下权重之和 = 其标注分值（表上所列分配）",
         "Weights under each level-1 indicator add up to the points the form states for it",
         "「{label}」标注 {expected_text} 分，其下权重之和为 {observed_text}",
         "'{label}' states {expected_text} points, its indicators' weights add up to {observed_text}",
         MOF_METHOD + ": 预算执行 10 分，产出/效益/满意度 as labelled on the form", "0.01"),
    Rule("total_weights", "error", "权重合计 = 100（含或不含预算执行分值）",
         "All weights add up to 100, with or without the budget's points",
         "权重合计为 {observed_text}（{detail}），应为 100",
         "weights add up to {observed_text} ({detail_en}), not 100", MOF_METHOD + ": 满分 100 分", "0.01"),
    Rule("total_score", "error", "总分 = 所含各部分得分之和", "Total score equals the sum of its parts",
         "总分印为 {observed_text}，{detail}", "total score printed {observed_text}; {detail_en}",
         MOF_METHOD + ": 总分 = 预算执行得分 + 各指标得分", PRINTED),
    Rule("grade", "error", "评价等级与总分相符：优 ≥ 90，良 80–89，中 60–79，差 < 60",
         "The printed grade agrees with the total: 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60",
         "评价等级印为「{observed_text}」，而总分 {detail} 应为「{expected_text}」",
         "grade printed '{observed_text}', but a total of {detail_en} is '{expected_text}'",
         MOF_METHOD + ": 90（含）以上为优，80–90 为良，60–80 为中，60 以下为差", "exact (grade bands)"),
    Rule("goal_points", "error", "年度目标分值 = 其下指标得分之和",
         "A goal's points equal the sum of its indicators' scores",
         "年度目标 {label} 印为 {observed_text} 分，其下指标得分之和为 {expected_text}",
         "goal {label} is printed as {observed_text} points, its indicators score {expected_text}",
         TEMPLATE + ": 年度目标N (N分)", PRINTED),
    Rule("required_fields", "warning", "必填项不缺失", "Required fields are present",
         "{label} 缺少「{detail}」", "{label} lacks '{detail}' ({detail_en})",
         MOF_METHOD + ": the template's fields", "exact"),
    Rule("amounts_nonnegative", "error", "金额不为负", "Amounts are not negative",
         "「{label}」{detail}为负数：{observed_text}", "'{label}' {detail_en} is negative: {observed_text}",
         TEMPLATE, "exact"),
    Rule("duplicate_indicators", "warning", "无重复指标行", "No duplicate indicator rows",
         "「{label}」与同一表中另一指标的名称、目标和实际完成值相同",
         "'{label}' repeats another indicator of the same form: same name, target and actual",
         TEMPLATE, "exact text"),
    Rule("fiscal_year", "error", "年度合理", "Plausible fiscal year",
         "年度 {observed_text} 不在合理范围 {expected_text} 内",
         "fiscal year {observed_text} is outside {expected_text}", "jixiao: forms filed after the year",
         "exact"),
)


def rules_frame() -> pd.DataFrame:
    return pd.DataFrame(RULES, columns=Rule._fields)


RULE_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

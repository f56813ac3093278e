"""The rules table: one row per check, kept as data so dq_results, the summary and the report share it.

`message` is a str.format template over the columns of the rule's prepared frame (see prepare.py).
"""
from __future__ import annotations

from typing import NamedTuple

import pandas as pd


class Rule(NamedTuple):
    id: str
    severity: str  # default; a prepared frame may lower it to "warning" row by row (doubtful readings)
    zh: str
    en: str
    message: str


RULES: tuple[Rule, ...] = (
    Rule("execution_rate", "error", "执行率 = B / A（A 为表上标 A 的列），按印刷精度",
         "Execution rate equals B / A (A: the column the form labels A), within printed precision",
         "「{label}」执行率印为 {observed_text}，而 B / A = {detail}"),
    Rule("budget_score", "error", "预算执行得分 = min(执行率, 1) × 分值",
         "Budget score equals min(rate, 1) × points",
         "「{label}」得分印为 {observed_text}，按 min(执行率, 1) × 分值 应为 {detail}"),
    Rule("fund_sources_sum", "error", "各资金来源（其中）之和 = 合计",
         "Fund-source lines add up to their total",
         "「{label}」{detail}：合计印为 {observed_text}，各分项之和为 {expected_text}"),
    Rule("budget_subline_score", "warning", "分项资金行不另计分值、得分",
         "Breakdown lines carry no points or score of their own",
         "分项「{label}」重复印有{detail}（应只在合计行）"),
    Rule("cost_vs_executed", "warning", "成本指标实际金额之和不超过预算执行数",
         "Cost indicators' actual amounts do not exceed the executed budget",
         "成本指标实际完成金额合计 {observed_text}，超过预算执行数（B）{expected_text}"),
    Rule("indicator_score_range", "error", "0 ≤ 指标得分 ≤ 权重", "0 ≤ indicator score ≤ weight",
         "「{label}」得分 {score_text} 不在 0 到权重 {weight_text} 之间"),
    Rule("indicator_score_rule", "error",
         "指标得分符合表上计分规则（默认：正向 B/A×权重、反向 A/B×权重，达成得满分；定性按三档）",
         "Indicator score follows the form's rule (default: B/A or A/B × weight, full when met; "
         "qualitative bands)",
         "「{label}」目标「{target_text}」实际「{actual_text}」，得分印为 {observed_text}，{detail}"),
    Rule("level1_weights", "error", "各一级指标下权重之和 = 其标注分值",
         "Weights under each level-1 indicator add up to its printed points",
         "「{label}」标注 {expected_text} 分，其下权重之和为 {observed_text}"),
    Rule("total_weights", "error", "权重合计 = 100（含或不含预算执行分值）",
         "All weights add up to 100, with or without the budget's points",
         "权重合计为 {observed_text}（{detail}），应为 100"),
    Rule("total_score", "error", "总分 = 所含各部分得分之和", "Total score equals the sum of its parts",
         "总分印为 {observed_text}，{detail}"),
    Rule("goal_points", "error", "年度目标分值 = 其下指标得分之和",
         "A goal's points equal the sum of its indicators' scores",
         "年度目标 {label} 印为 {observed_text} 分，其下指标得分之和为 {expected_text}"),
    Rule("required_fields", "warning", "必填项不缺失", "Required fields are present",
         "{label} 缺少「{detail}」"),
    Rule("amounts_nonnegative", "error", "金额不为负", "Amounts are not negative",
         "「{label}」{detail}为负数：{observed_text}"),
    Rule("duplicate_indicators", "warning", "无重复指标行", "No duplicate indicator rows",
         "「{label}」与同一表中另一指标的名称、目标和实际完成值相同"),
    Rule("fiscal_year", "error", "年度合理", "Plausible fiscal year",
         "年度 {observed_text} 不在合理范围 {expected_text} 内"),
)


def rules_frame() -> pd.DataFrame:
    return pd.DataFrame(RULES, columns=Rule._fields)


RULE_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

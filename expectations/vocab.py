"""What the forms print and how people fill them in: the vocabulary the checks read with."""
from __future__ import annotations

# Target/actual operators as printed (half-, full-width and the 'ish' variants ≧ ≦) -> direction.
POSITIVE_OPS = frozenset({"≥", "≧", ">=", ">", "＞"})
NEGATIVE_OPS = frozenset({"≤", "≦", "<=", "<", "＜"})

# Second-level indicators whose unsigned targets read as ceilings (spend at most); others as floors.
CEILING_LEVEL2 = frozenset({"成本指标"})
COST_LEVEL2 = "成本指标"

PERCENT_UNITS = frozenset({"%", "％"})
MONEY_UNITS: dict[str, float] = {"元": 1, "万元": 10_000, "亿元": 100_000_000}

# Cells that say the indicator does not apply; such rows are weighted 0 and not scored by rule.
NOT_APPLICABLE = frozenset({"不适用", "不涉及", "无", "—", "——", "/", "-"})

# Qualitative actuals: how a free-text completion reads. Checked in this order (未 before 达成).
NOT_MET_WORDS = ("未达成", "未完成", "未达到", "未达标", "不合格")
PARTIAL_WORDS = ("部分达成", "部分完成", "基本达成", "基本完成", "部分", "基本")
MET_WORDS = ("达成", "达到", "完成", "合格", "达标", "实现", "有效", "已")

# Qualitative bands as shares of the weight: 达成 [80%, 100%], 部分达成 [partial_floor, 80%],
# 未达成 [0, partial_floor). National default floor 60%; a form may state its own ("80-50%").
MET_FLOOR = 0.8
NATIONAL_PARTIAL_FLOOR = 0.6
STATED_PARTIAL_FLOOR = r"80\s*[-–~—]\s*(\d+)\s*%"

# A plausible fiscal year for these forms (performance self-evaluation began nationally in 2000s).
FIRST_FISCAL_YEAR = 2000

# Labels the forms print for the three amount columns of 预算执行情况.
AMOUNT_LABELS: dict[str, str] = {"initial_budget": "年初预算数", "annual_budget": "全年预算数",
                                 "executed": "全年执行数"}

"""Planted rule breaks: a corpus form (or a bench/forms.py template) with one rule broken in print.

Each plant is data: which template and producer print it, and the cells it changes. An edit changes
one printed cell and the truth field(s) of the row that cell belongs to, so the truth says what the
PDF prints. The first edit is the planted break; the others keep every other rule whole (a budget
score lowered, and the 总分 that sums it lowered alike). The truth records `_planted`: the rule, the
facts frame and truth row, the fields changed, the printed text, its row's label and, once printed,
its page. A plant without a rule is a clean twin: the template as printed, no rule broken; a plant of
a rule in HOLDS prints what must raise nothing (a placeholder row).

    .venv/bin/python bench/generate.py OUT --plant all      # every plant below and the clean twins
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from forms import Cell, Form, Row

if TYPE_CHECKING:
    import pandas as pd

# Truth list of each edited frame (evaluation-level fields sit on the evaluation itself).
FRAMES = {"budget": "budget_lines", "indicators": "indicators", "goals": "goals", "evaluation": "evaluations",
          "document": "documents"}


@dataclass(frozen=True)
class Edit:
    """One printed cell and the truth it prints.

    label: the text of a cell in the printed row (a row's own label: 年度资金总额, 社工人数); old: the
    text the template prints in the changed cell (or how it begins, ending in …), `nth` of the row's
    cells printing it (a row prints 10 as both 分值 and 得分); new: what the plant prints.
    frame/rows/fields: the truth rows set alike (rows: an index into that list, or field values every
    row to set matches; None for the evaluation or document). add_after: instead of changing a cell,
    print a new row of (col, text, colspan) cells after the label's row (a 评价等级 the template lacks)."""
    label: str
    old: str
    new: str
    frame: str
    fields: tuple[tuple[str, object], ...]
    rows: int | tuple[tuple[str, object], ...] | None = None
    nth: int = 0
    column: str | None = None   # the column header that finds a cell its new text cannot (a blank)
    add_after: tuple[tuple[int, str, int], ...] = ()


@dataclass(frozen=True)
class Plant:
    rule: str | None                 # None: a clean twin
    template: str                    # generate.py's template name (luohu, qiaokou, mof, process …)
    producer: str                    # calc, writer, browser
    edits: tuple[Edit, ...] = ()
    units: tuple[int, ...] = (0,)    # re-prints: which of the corpus form's forms are printed
    seed: int = 1
    font: str = "WenQuanYi Zen Hei"  # fonts are embedded: this one gives the smallest PDFs

    @property
    def name(self) -> str:
        seed = f"-s{self.seed}" if self.seed != 1 else ""
        return f"{self.rule or 'clean'}-{self.template}-{self.producer}{seed}".replace("_", "-")


def _rate(text: str) -> tuple[tuple[str, object], ...]:
    return (("execution_rate", round(float(text) / 100, 6)), ("execution_rate_text", text))


# Re-prints keep the corpus amounts (scale 1) and print this year: the plants below name printed texts.
YEAR = 2023
# 文书邮寄数 printed as the indicator below it (name, target, actual): luohu form 1 repeats a row.
DUPLICATE = (
    Edit("文书邮寄数", "文书邮寄数", "社区法律顾问法律平台普法讲座", "indicators", (("name", "社区法律顾问法律平台普法讲座"),),
         rows=3),
    Edit("社区法律顾问法律平台普法讲座", "450份", "≥10场", "indicators", (("target_text", "≥10场"),), rows=3),
    Edit("社区法律顾问法律平台普法讲座", "450份", "10场", "indicators", (("actual_text", "10场"),), rows=3))
# luohu-2024-projects form 0 (购买社工岗位服务, 总分 99.9) and form 1 (公证律师管理经费, 总分 93.69), in 元.
PLANTS: tuple[Plant, ...] = (
    Plant("execution_rate", "luohu", "calc", (
        Edit("其中:当年财政拨款", "—", "90", "budget", _rate("90"), rows=1, nth=1),)),
    Plant("budget_score", "luohu", "writer", (
        Edit("年度资金总额", "9.69", "9", "budget", (("score", 9.0),), rows=0),
        Edit("总分", "93.69", "93", "evaluation", (("total_score", 93.0),))), units=(1,)),
    Plant("fund_sources_sum", "luohu", "browser", (
        Edit("年度资金总额", "2704000.00", "2800000.00", "budget", (("initial_budget", 2800000.0),),
             rows=0),)),
    Plant("zero_total_with_parts", "luohu", "calc", (
        Edit("年度资金总额", "2025000.00", "0.00", "budget", (("annual_budget", 0.0),), rows=0),)),
    Plant("rate_over_100", "luohu", "writer", (
        Edit("年度资金总额", "100", "103.70", "budget", _rate("103.70"), rows=0),
        Edit("年度资金总额", "2025000.00", "2100000.00", "budget", (("executed", 2100000.0),), rows=0,
             nth=1),
        Edit("其中:当年财政拨款", "2025000.00", "2100000.00", "budget", (("executed", 2100000.0),), rows=1,
             nth=1))),
    Plant("budget_subline_score", "luohu", "writer", (
        Edit("其中:当年财政拨款", "—", "10", "budget", (("weight", 10),), rows=1, nth=0),)),
    Plant("cost_vs_executed", "luohu", "calc", (
        Edit("成本控制率", "1", "230000元", "indicators", (("actual_text", "230000元"),), rows=7),
        Edit("成本控制率", "≤100%", "≤230000元", "indicators", (("target_text", "≤230000元"),), rows=7)),
        units=(1,)),
    Plant("indicator_score_range", "luohu", "writer", (
        Edit("不涉及面向社会公众", "10", "11", "indicators", (("score", 11),), rows=8, nth=1),
        Edit("总分", "99.9", "100.9", "evaluation", (("total_score", 100.9),)))),
    Plant("indicator_score_rule", "luohu", "browser", (
        Edit("社工人数", "30", "26", "indicators", (("score", 26),), rows=0, nth=1),
        Edit("总分", "99.9", "95.9", "evaluation", (("total_score", 95.9),)))),
    Plant("deviation_reason", "luohu", "calc", (
        Edit("制作社区法律顾问公示牌、联系卡、服务指南", "偏差原因：各街道…", "无", "indicators",
             (("deviation", "无"),), rows=1),), units=(1,)),
    Plant("level1_weights", "luohu", "writer", (
        Edit("满意度指标(10分)", "满意度指标(10分)", "满意度指标(15分)", "indicators", (("level1_points", 15),),
             rows=(("level1", "满意度指标"),)),)),
    Plant("total_weights", "luohu", "calc", (
        Edit("经济效益指标", "0", "3", "indicators", (("weight", 3),), rows=4, nth=0),
        Edit("效益指标(30分)", "效益指标(30分)", "效益指标(33分)", "indicators", (("level1_points", 33),),
             rows=(("level1", "效益指标"),)))),
    Plant("total_score", "luohu", "calc", (
        Edit("总分", "99.9", "98.9", "evaluation", (("total_score", 98.9),)),)),
    Plant("grade", "luohu", "writer", (
        Edit("总分", "", "良", "evaluation", (("grade", "良"),),
             add_after=((0, "评价等级", 7), (7, "良", 3))),)),
    Plant("required_fields", "luohu", "calc", (
        Edit("社工人数", "16人", "", "indicators", (("actual_text", None),), rows=0, column="*实际完成值"),)),
    Plant("amounts_nonnegative", "luohu", "calc", (
        Edit("其他资金", "0.00", "-5.00", "budget", (("executed", -5.0),), rows=3, nth=2),
        Edit("上年结转资金", "0.00", "5.00", "budget", (("executed", 5.0),), rows=2, nth=2))),
    Plant("duplicate_indicators", "luohu", "calc", DUPLICATE, units=(1,)),
    # the same, printed so that the two equal rows meet at a page break: read as one today
    Plant("duplicate_indicators", "luohu", "browser", DUPLICATE, units=(1,), seed=3),
    Plant("fiscal_year", "luohu", "calc", (
        Edit("绩效自评年度:", str(YEAR), "1924", "document", (("fiscal_year", 1924),)),)),
    Plant("goal_points", "qiaokou", "writer", (
        Edit("年度目标1：（11分）", "年度目标1：（11分）", "年度目标1：（9分）", "goals", (("weight", 9),),
             rows=0),)),
    Plant("placeholder_rows", "luohu", "writer", (
        Edit("社工人数", "", "指标2：", "indicators", (), add_after=(
            (2, "数量指标", 1), (3, "指标2：", 1), *((k, "", 1) for k in range(4, 10)))),)),
    Plant(None, "luohu", "calc"),
    Plant(None, "mof", "writer", seed=4, font="Noto Sans CJK SC"),  # six placeholder rows, no shortfall
    Plant(None, "process", "calc", font="Noto Serif CJK SC"),
    Plant(None, "qiaokou", "writer", seed=2),
)
# Breaks the corpus form publishes itself (qiaokou's 总分 99.23 over parts of 98.23, its 年度目标5 printed as
# 10 points over scores of 9): corrected in every print of the template, so a plant breaks one rule only.
REPAIRS: dict[str, tuple[Edit, ...]] = {
    "qiaokou": (Edit("总分", "99.23", "98.23", "evaluation", (("total_score", 98.23),)),
                Edit("年度目标5：（10分）", "年度目标5：（10分）", "年度目标5：（9分）", "goals", (("weight", 9),),
                     rows=4)),
}
RULES = sorted({p.rule for p in PLANTS if p.rule})
# Rules a plant keeps rather than breaks: a placeholder row printed must raise nothing.
HOLDS = {"placeholder_rows"}
BY_NAME = {p.name: p for p in PLANTS}


def chosen(names: str) -> list[Plant]:
    """`all` (every plant and clean twin), or a comma list of rules: those plants and the clean twins of
    their templates."""
    if names == "all":
        return list(PLANTS)
    wanted = set(names.split(","))
    unknown = wanted - set(RULES)
    if unknown:
        raise SystemExit(f"no plant for: {', '.join(sorted(unknown))} (plants: {', '.join(RULES)})")
    plants = [p for p in PLANTS if p.rule in wanted]
    templates = {p.template for p in plants}
    return plants + [p for p in PLANTS if p.rule is None and p.template in templates]


def apply(p: Plant, doc_forms: list[Form], truth: dict) -> None:
    """Print each edit's new text in its cell and set the truth alike; record `_planted`."""
    for edit in REPAIRS.get(p.template, ()) + p.edits:
        _print(edit, doc_forms)
        _set_truth(edit, truth)
    if p.rule is None:
        return
    first = p.edits[0]
    label = first.new if first.label == first.old else first.label  # a label planted itself
    truth["_planted"] = {"rule": p.rule, "frame": FRAMES[first.frame], "evaluation_no": 0,
                         "row": first.rows if isinstance(first.rows, int) else dict(first.rows or ()) or None,
                         "fields": [f for f, _ in first.fields], "label": label,
                         "printed": first.new, "column": first.column, "page": None}


def _print(edit: Edit, doc_forms: list[Form]) -> None:
    for form in doc_forms:
        for i, row in enumerate(form.rows):
            if not any(c.text == edit.label for c in row.cells):
                continue
            if edit.add_after:
                for k, above in enumerate(form.rows[:i + 1]):  # a span over the new row's place grows by it
                    for c in above.cells:
                        if k + c.rs > i + 1:
                            c.rs += 1
                form.rows.insert(i + 1, Row([Cell(col, text, cs) for col, text, cs in edit.add_after],
                                            height=row.height))
                return
            hits = [c for c in row.cells if c.text == edit.old
                    or edit.old.endswith("…") and c.text.startswith(edit.old[:-1])]
            if len(hits) > edit.nth:
                hits[edit.nth].text = edit.new
                return
    raise ValueError(f"no cell printing {edit.old!r} in the row of {edit.label!r}")


def _set_truth(edit: Edit, truth: dict) -> None:
    if not edit.fields:  # a row the truth leaves out (a placeholder)
        return
    if edit.frame == "document":
        targets = [truth["document"]]
    elif edit.frame == "evaluation":
        targets = [truth["evaluations"][0]]
    else:
        rows = truth["evaluations"][0][edit.frame]
        targets = ([rows[edit.rows]] if isinstance(edit.rows, int)
                   else [r for r in rows if all(r.get(k) == v for k, v in edit.rows)])
    if not targets:
        raise ValueError(f"no truth row for {edit}")
    for row in targets:
        row.update(dict(edit.fields))


def planted_page(pdf: Path, planted: dict) -> int | None:
    """The page the planted text is printed on, as jixiao's extractor reads the PDF; None (and a warning)
    where no extracted cell prints it alone (an open header box prints label and value as one text)."""
    from extract import read_document

    try:
        return int(planted_cells(read_document(pdf).cells, planted)["page"].iloc[0])
    except ValueError as e:
        print(f"{pdf.name}: {e}; its page is left null", file=sys.stderr)
        return None


def planted_cells(cells: pd.DataFrame, planted: dict) -> pd.DataFrame:
    """The extracted cells printing the planted text: under its column where given (a blank), in its
    label's row where the text repeats. Several only where the plant repeats a whole row."""
    fold = cells["text"].str.replace(r"\s+", "", regex=True)
    hits = cells[fold == planted["printed"].replace(" ", "")]
    if planted.get("column"):
        head = cells[fold == planted["column"]].iloc[0]
        hits = hits[((hits["x0"] + hits["x1"]) / 2).between(head["x0"], head["x1"])]
    if len(hits) > 1:
        rows = cells.loc[fold == planted["label"].replace(" ", ""), ["page", "table", "row"]].drop_duplicates()
        hits = hits.merge(rows, on=["page", "table", "row"])
    if hits.empty:
        raise ValueError(f"no cell prints {planted['printed']!r} beside {planted['label']!r}")
    return hits

"""One test per rule: its break planted into the facts read from a real, consistent corpus form
(luohu-2024-projects.pdf: no finding as published), asserting the rule fires on the planted cell, on its
page, and that nothing else fires. Several cells are planted together where one change alone would break
a second rule too (a budget score and the 总分 that sums it), so each test isolates its rule. Each finding
points at the cell that prints the value its rule observes (value_cells), and the extraction has a cell
there printing the form's own value."""
from __future__ import annotations

import pandas as pd
import pytest

import expectations
from expectations.reading import fmt
from tests.conftest import CORPUS
from transform.confidence import assess
from transform.facts import ROW_KEYS, Facts

LUOHU = "luohu-2024-projects.pdf"
BOX = ["page", "x0", "y0", "x1", "y1"]
pytestmark = pytest.mark.skipif(not (CORPUS / LUOHU).is_file(), reason="needs ../shared/corpus")


@pytest.fixture(scope="module")
def extraction():
    from extract import read_document

    return read_document(CORPUS / LUOHU)


@pytest.fixture(scope="module")
def extracted(extraction) -> pd.DataFrame:
    """The cells extract/ read from the form: what the findings' boxes are checked against."""
    return extraction.cells


@pytest.fixture(scope="module")
def luohu(extraction) -> Facts:
    from transform import build_facts

    facts = build_facts(extraction, LUOHU)
    assert expectations.validate(facts).empty  # the form as published breaks no rule
    return facts


@pytest.fixture(scope="module")
def checks() -> expectations.Checks:
    return expectations.Checks()


def copy(facts: Facts) -> Facts:
    return Facts(**{k: getattr(facts, k).copy() for k in Facts.__dataclass_fields__})


def plant(facts: Facts, frame: str, where: dict, **changes: object) -> pd.Series:
    """Change cells of the one row `where` selects; returns that row as planted."""
    df = getattr(facts, frame)
    mask = pd.Series(True, index=df.index)
    for k, v in where.items():
        mask &= df[k] == v
    assert mask.sum() == 1, where
    for column, value in changes.items():
        df[column] = df[column].astype(object) if not isinstance(value, (int, float)) else df[column]
        df.loc[mask, column] = value
    return df[mask].iloc[0]


def only(checks: expectations.Checks, facts: Facts, rule: str) -> pd.DataFrame:
    findings = checks.check(facts).findings
    assert set(findings["rule"]) == {rule}, findings[["rule", "message"]].to_string()
    assert findings["message"].str.len().gt(0).all() and findings["message_en"].str.len().gt(0).all()
    return findings


def at_row(finding: pd.Series, row: pd.Series) -> None:
    """The finding points at the row's box (its value has no cell of its own) on its page."""
    assert [finding[k] for k in BOX] == pytest.approx([row[k] for k in BOX])


def at(finding: pd.Series, facts: Facts, frame: str, row: pd.Series, field: str,
       extracted: pd.DataFrame | None = None, printed: object = None) -> pd.Series:
    """The finding points at the cell value_cells records for `field` of the planted `row`, on its page,
    with the row's box beside it as its label; and the extraction's cell at that box prints `printed`
    (the form's own value there, before planting). Returns that cell."""
    key = ROW_KEYS[frame]
    cells = facts.value_cells
    mine = cells[(cells["frame"] == frame) & (cells["evaluation_no"] == row["evaluation_no"])
                 & (cells["field"] == field)
                 & ((cells["row_no"] == row[key]) if key else cells["row_no"].isna())]
    assert len(mine) == 1, (frame, field)
    cell = mine.iloc[0]
    assert [finding[k] for k in BOX] == pytest.approx([cell[k] for k in BOX])
    assert [finding[f"label_{k}"] for k in BOX] == pytest.approx([row[k] for k in BOX])
    if extracted is not None:
        there = extracted[(extracted["page"] == cell["page"])
                          & (extracted[["x0", "y0", "x1", "y1"]].sub(cell[["x0", "y0", "x1", "y1"]].to_numpy()
                                                                     .astype(float)).abs().max(axis=1) < 0.01)]
        assert len(there) == 1
        assert "".join(str(printed).split()) in "".join(there.iloc[0]["text"].split())
    return cell


def printed(facts: Facts, frame: str, where: dict, column: str) -> object:
    """The form's own value of one cell, as read before anything was planted."""
    df = getattr(facts, frame)
    mask = pd.Series(True, index=df.index)
    for k, v in where.items():
        mask &= df[k] == v
    value = df[mask].iloc[0][column]
    return fmt(value) if isinstance(value, float) else value


def test_reading_doubt_is_one_reading_finding(luohu, checks) -> None:
    facts = copy(luohu)
    ev = plant(facts, "evaluations", {"evaluation_no": 1}, reading_doubts="3 of 15 indicators have no 一级指标",
               reading_confidence=0.75)
    f = only(checks, facts, "reading").iloc[0]
    assert f["severity"] == "reading" and f["evaluation_no"] == 1 and "一级指标" in f["message_en"]
    at_row(f, ev)


def test_two_projects_read_as_one_give_a_reading_finding_not_a_cascade_of_errors(luohu, checks) -> None:
    """The issue's clean twin: two projects read as one form add their weights to 190 and their scores
    past 100. transform's confidence names the doubt; the checks raise it as one reading finding and
    hold every arithmetic error of that form back as a warning."""
    facts = copy(luohu)
    ind, lines = facts.indicators, facts.budget_lines
    second = ind["evaluation_no"] == 1
    ind.loc[second, "indicator_no"] += ind.loc[~second, "indicator_no"].max() + 1
    lines.loc[lines["evaluation_no"] == 1, "line_no"] += 4
    ind.loc[second, "evaluation_no"] = 0
    lines.loc[lines["evaluation_no"] == 1, ["evaluation_no", "is_total"]] = [0, False]
    facts.evaluations = facts.evaluations[facts.evaluations["evaluation_no"] == 0].copy()
    ev = facts.evaluations.iloc[0].to_dict()
    confidence, doubts = assess(ev, lines.to_dict("records"), ind.to_dict("records"), "元", None)
    assert doubts and "weights add to 190" in doubts[0]
    facts.evaluations[["reading_confidence", "reading_doubts"]] = [confidence, "; ".join(doubts)]
    findings = checks.check(facts).findings
    assert (findings["severity"] == "reading").sum() == 1
    assert not (findings["severity"] == "error").any()
    held = findings[findings["message_en"].str.contains("held back") & (findings["rule"] != "reading")]
    assert {"total_weights", "level1_weights", "fund_sources_sum"} <= set(held["rule"])
    assert (held["severity"] == "warning").all() and held["message"].str.contains("读取存疑").all()


def test_execution_rate(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    where = {"evaluation_no": 0, "line_no": 1}
    row = plant(facts, "budget_lines", where, execution_rate=0.9, execution_rate_text="90")
    f = only(checks, facts, "execution_rate").iloc[0]
    assert (f["line_no"], f["observed"], f["severity"]) == (1, "90", "error")
    at(f, facts, "budget_lines", row, "execution_rate", extracted,
       printed(luohu, "budget_lines", where, "execution_rate_text"))


def test_budget_score(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    where = {"evaluation_no": 1, "line_no": 0}
    row = plant(facts, "budget_lines", where, score=9.0)
    plant(facts, "evaluations", {"evaluation_no": 1}, total_score=93.0)
    f = only(checks, facts, "budget_score").iloc[0]
    assert (f["observed"], f["expected"]) == ("9", "9.686")
    at(f, facts, "budget_lines", row, "score", extracted, printed(luohu, "budget_lines", where, "score"))


def test_fund_sources_sum_in_the_forms_unit_with_yuan_beside(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    facts.documents["money_unit"] = "万元"  # as a form printing 万元 would be read: amounts ×10,000
    row = plant(facts, "budget_lines", {"evaluation_no": 0, "line_no": 2}, executed_yuan=50_000.0,
                executed_text="5")
    total = facts.budget_lines.query("evaluation_no == 0 and line_no == 0").iloc[0]
    f = only(checks, facts, "fund_sources_sum").iloc[0]
    assert f["line_no"] == 0 and "万元（2,025,000 元）" in f["observed"] and "2,075,000 元" in f["expected"]
    assert row["page"] == total["page"]
    # the total's 全年执行数 cell: the amount the parts are compared with
    at(f, facts, "budget_lines", total, "executed_yuan", extracted, total["executed_text"])


def test_zero_total_with_parts(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    where = {"evaluation_no": 0, "line_no": 0}
    row = plant(facts, "budget_lines", where, annual_budget_yuan=0.0, annual_budget_text="0.00")
    f = only(checks, facts, "zero_total_with_parts").iloc[0]
    assert (f["severity"], f["line_no"]) == ("error", 0) and "2,025,000" in f["expected"]
    at(f, facts, "budget_lines", row, "annual_budget_yuan", extracted,
       printed(luohu, "budget_lines", where, "annual_budget_text"))


def test_rate_over_100_unless_explained(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    for line in (0, 1):
        row = plant(facts, "budget_lines", {"evaluation_no": 0, "line_no": line}, executed_yuan=2_100_000.0,
                    executed_text="2100000.00")
    row = plant(facts, "budget_lines", {"evaluation_no": 0, "line_no": 0}, execution_rate=1.037,
                execution_rate_text="103.70")
    f = only(checks, facts, "rate_over_100").iloc[0]
    assert (f["severity"], f["observed"]) == ("warning", "103.70")
    at(f, facts, "budget_lines", row, "execution_rate", extracted,
       printed(luohu, "budget_lines", {"evaluation_no": 0, "line_no": 0}, "execution_rate_text"))
    plant(facts, "evaluations", {"evaluation_no": 0}, notes="说明：年中追加预算，执行率超过100%")
    assert checks.check(facts).findings.empty


def test_budget_subline_score(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    row = plant(facts, "budget_lines", {"evaluation_no": 0, "line_no": 1}, weight=10.0)
    at(only(checks, facts, "budget_subline_score").iloc[0], facts, "budget_lines", row, "weight", extracted, "")


def test_cost_vs_executed(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    plant(facts, "indicators", {"evaluation_no": 1, "indicator_no": 7}, target_text="≤230000元", target_op="≤",
          target_value=230000.0, target_unit="元", actual_text="230000元", actual_value=230000.0, actual_unit="元")
    cost = facts.indicators.query("evaluation_no == 1 and indicator_no == 7").iloc[0]
    f = only(checks, facts, "cost_vs_executed").iloc[0]
    assert f["observed"] == "230,000 元"
    # the one cost indicator prints the cost: its 实际完成值 cell (luohu printed 0 there)
    at(f, facts, "indicators", cost, "actual_text", extracted, luohu.indicators.query(
        "evaluation_no == 1 and indicator_no == 7").iloc[0]["actual_text"])


def test_indicator_score_range(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    where = {"evaluation_no": 0, "indicator_no": 8}
    row = plant(facts, "indicators", where, score=11.0)
    plant(facts, "evaluations", {"evaluation_no": 0}, total_score=100.9)
    f = only(checks, facts, "indicator_score_range").iloc[0]
    assert f["indicator_no"] == 8
    at(f, facts, "indicators", row, "score", extracted, printed(luohu, "indicators", where, "score"))


def test_indicator_score_rule(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    where = {"evaluation_no": 0, "indicator_no": 0}
    row = plant(facts, "indicators", where, actual_text="14人", actual_value=14.0)
    f = only(checks, facts, "indicator_score_rule").iloc[0]
    assert (f["indicator_no"], f["expected"]) == (0, "26.25")
    at(f, facts, "indicators", row, "score", extracted, printed(luohu, "indicators", where, "score"))


def test_deviation_reason(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    row = plant(facts, "indicators", {"evaluation_no": 1, "indicator_no": 1}, deviation="无")
    f = only(checks, facts, "deviation_reason").iloc[0]
    assert (f["indicator_no"], f["severity"]) == (1, "warning") and "deviation reason" in f["message_en"]
    # the form's 偏差原因 cell, left blank: where the reason should be
    at(f, facts, "indicators", row, "deviation", extracted, "")


def test_level1_weights_follow_the_stated_split(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    ind = facts.indicators
    ind.loc[(ind["evaluation_no"] == 0) & (ind["level1"] == "满意度指标"), "level1_points"] = 15.0
    first = ind.query("evaluation_no == 0 and indicator_no == 8").iloc[0]
    f = only(checks, facts, "level1_weights").iloc[0]
    assert (f["observed"], f["expected"]) == ("10", "15")
    at(f, facts, "indicators", first, "level1", extracted, "满意度指标")  # where its points are stated


def test_total_weights(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    plant(facts, "indicators", {"evaluation_no": 0, "indicator_no": 4}, weight=3.0)
    ind = facts.indicators
    ind.loc[(ind["evaluation_no"] == 0) & (ind["level1"] == "效益指标"), "level1_points"] = 33.0
    f = only(checks, facts, "total_weights").iloc[0]
    assert f["observed"] == "103"
    cell = at(f, facts, "evaluations", facts.evaluations.iloc[0], "total_weight", extracted, "100")
    assert cell["page"] == 2  # the 总分 row's 权重 cell, on the form's second page


def test_total_score_points_at_the_total_cell_on_its_page(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    ev = plant(facts, "evaluations", {"evaluation_no": 0}, total_score=98.9)
    f = only(checks, facts, "total_score").iloc[0]
    cell = at(f, facts, "evaluations", ev, "total_score", extracted,
              printed(luohu, "evaluations", {"evaluation_no": 0}, "total_score_text"))
    assert cell["page"] == 2 and ev["page"] == 1  # printed on the form's second page


def test_grade_agrees_with_the_total(luohu, checks) -> None:
    facts = copy(luohu)
    ev = plant(facts, "evaluations", {"evaluation_no": 0}, grade="良")
    # luohu prints no grade: a grade cell as a form printing one would be read
    grade_cell = {"doc_id": ev["doc_id"], "evaluation_no": 0, "frame": "evaluations", "row_no": None,
                  "field": "grade", **dict(zip(BOX, (2, 400.0, 200.0, 450.0, 215.0))), "locator": "p2"}
    facts.value_cells = pd.concat([facts.value_cells, pd.DataFrame([grade_cell])], ignore_index=True)
    f = only(checks, facts, "grade").iloc[0]
    assert (f["observed"], f["expected"]) == ("良", "优")
    at(f, facts, "evaluations", ev, "grade")
    plant(facts, "evaluations", {"evaluation_no": 0}, grade="优秀")
    assert checks.check(facts).findings.empty


def test_goal_points(luohu, checks) -> None:
    facts = copy(luohu)
    goal = plant(facts, "goals", {"evaluation_no": 0}, goal_no=1.0, weight=80.0)
    facts.indicators.loc[facts.indicators["evaluation_no"] == 0, "goal_no"] = 1.0
    f = only(checks, facts, "goal_points").iloc[0]
    assert (f["observed"], f["expected"]) == ("80", "89.9")
    at_row(f, goal)  # luohu's one 年度总体目标 prints no points: the goal's row


def test_required_fields(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    where = {"evaluation_no": 0, "indicator_no": 0}
    row = plant(facts, "indicators", where, actual_text=None, actual_value=None)
    f = only(checks, facts, "required_fields").iloc[0]
    assert "实际完成值" in f["message"] and "actual" in f["message_en"]
    at(f, facts, "indicators", row, "actual_text", extracted, printed(luohu, "indicators", where, "actual_text"))


def test_amounts_nonnegative(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    where = {"evaluation_no": 0, "line_no": 3}
    row = plant(facts, "budget_lines", where, executed_yuan=-5.0, executed_text="-5.00")
    plant(facts, "budget_lines", {"evaluation_no": 0, "line_no": 2}, executed_yuan=5.0, executed_text="5.00")
    f = only(checks, facts, "amounts_nonnegative").iloc[0]
    assert f["line_no"] == 3
    at(f, facts, "budget_lines", row, "executed_yuan", extracted, printed(luohu, "budget_lines", where, "executed_text"))


def test_duplicate_indicators(luohu, checks, extracted) -> None:
    facts = copy(luohu)
    plant(facts, "indicators", {"evaluation_no": 1, "indicator_no": 3}, name="社区法律顾问法律平台普法讲座",
          target_text="≥10场", target_op="≥", target_value=10.0, target_unit="场", actual_text="10场",
          actual_value=10.0, actual_unit="场")
    findings = only(checks, facts, "duplicate_indicators")
    assert set(findings["indicator_no"]) == {3, 4}  # the planted row and the one it repeats
    for _, f in findings.iterrows():
        where = {"evaluation_no": 1, "indicator_no": f["indicator_no"]}
        at(f, facts, "indicators", facts.indicators.query("evaluation_no == 1 and indicator_no == @f.indicator_no"
                                                          ).iloc[0], "name", extracted,
           printed(luohu, "indicators", where, "name"))


def test_fiscal_year(luohu, checks) -> None:
    facts = copy(luohu)
    facts.documents["fiscal_year"] = 1924
    assert only(checks, facts, "fiscal_year").iloc[0]["observed"] == "1924"


def test_placeholder_rows_never_count(luohu, checks) -> None:
    """A template row nobody filled (指标1：, no target, actual, weight or score) raises nothing."""
    facts = copy(luohu)
    blank = facts.indicators.query("evaluation_no == 0 and indicator_no == 0").copy()
    blank[["indicator_no", "name", "target_text", "actual_text", "target_value", "actual_value", "weight",
           "score"]] = [10, "指标1：", None, None, None, None, None, None]
    blank["target_is_qualitative"] = True
    facts.indicators = pd.concat([facts.indicators, blank], ignore_index=True)
    assert checks.check(facts).findings.empty

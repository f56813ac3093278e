"""transform/: real PDFs to facts, by family, with the values the forms print."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extract import CELL_COLUMNS, LINE_COLUMNS, Extraction, read_document
from transform import UnknownForm, build_facts

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def facts_of(name: str):
    path = SAMPLES / name
    return build_facts(read_document(path), path.name)


@pytest.fixture(scope="module")
def luohu():
    return facts_of("luohu-2024-projects.pdf")


def test_project_scored_budget_in_yuan(luohu):
    assert luohu.documents.layout.item() == "project_scored"
    ev = luohu.evaluations.set_index("project_name").loc["公证律师管理经费"]
    line = luohu.budget_lines[(luohu.budget_lines.evaluation_no == ev.evaluation_no) & luohu.budget_lines.is_total].iloc[0]
    assert line.executed_yuan == pytest.approx(217461.64)
    assert line.execution_rate == pytest.approx(0.9686)
    assert line.rate_base == "annual"
    assert ev.total_score == pytest.approx(93.69)


def test_indicator_rows_carry_merged_labels_and_parsed_measures(luohu):
    ind = luohu.indicators.set_index("name").loc["社区矫正风险研判会议频率"]
    assert (ind.level1, ind.level1_points, ind.level2) == ("产出指标", 50, "时效指标")
    assert (ind.target_op, ind.target_value, ind.target_unit) == ("≥", 10, "次/年")
    assert ind.actual_value == 12 and ind.score == 10
    assert ind.page == 2 and ind.x1 > ind.x0


def test_department_summary_amounts_from_wan_yuan():
    facts = facts_of("longgang-2020-department-summary.pdf")
    assert len(facts.evaluations) == 15
    ev = facts.evaluations.set_index("project_name").loc["人民调解"]
    lines = facts.budget_lines[facts.budget_lines.evaluation_no == ev.evaluation_no]
    assert lines[lines.is_total].executed_yuan.item() == pytest.approx(14_071_000.00)
    assert facts.documents.money_unit.item() == "万元"
    assert (facts.indicators.evaluation_no == ev.evaluation_no).sum() == 7


def test_department_overall_numbered_goals():
    facts = facts_of("qiaokou-2020-department-overall.pdf")
    assert facts.documents.layout.item() == "department_overall"
    assert (facts.indicators.goal_no == 7).sum() == 6
    goal = facts.goals.set_index("goal_no").loc[3]
    assert goal.weight == pytest.approx(14.23)
    assert facts.evaluations.total_score.item() == pytest.approx(99.23)


def test_scored_method_rate_base_is_initial_budget():
    facts = facts_of("dawukou-2020-project.pdf")
    assert facts.documents.layout.item() == "project_scored_method"
    total = facts.budget_lines[facts.budget_lines.is_total].iloc[0]
    assert total.rate_base == "initial" and total.initial_budget_yuan == pytest.approx(642_200.00)
    assert total.execution_rate == pytest.approx(0.545)
    methods = facts.indicators.scoring_method.dropna()
    assert len(methods) == len(facts.indicators)  # the merged 得分计算方法 cell reaches every row


def test_unscored_projects_one_evaluation_per_form():
    facts = facts_of("pingshan-2020-projects.pdf")
    assert facts.documents.layout.item() == "project_unscored"
    assert len(facts.evaluations) == 6
    assert facts.evaluations.is_key_project.tolist()[0] is True
    assert facts.documents[["province", "city", "district"]].iloc[0].tolist() == ["广东省", "深圳市", "坪山区"]


def test_a_table_of_another_kind_matches_no_family():
    """A document whose tables are not a 绩效自评表 says what was missing."""
    cells = pd.DataFrame([{"table": 0, "row": 0, "col": 0, "row_span": 1, "col_span": 1, "page": 1, "x0": 0,
                           "y0": 0, "x1": 10, "y1": 10, "text": "功能分类科目", "confidence": 1.0}], columns=CELL_COLUMNS)
    with pytest.raises(UnknownForm, match="matches no form family"):
        build_facts(Extraction("0" * 64, 1, cells, pd.DataFrame(columns=LINE_COLUMNS), False), "x.pdf")

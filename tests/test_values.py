"""transform/values.py: printed text → numbers, rates and measures, as people write them."""
from __future__ import annotations

import pytest

from transform.values import measure, number, ordinal, points, rate, strip_points


@pytest.mark.parametrize("text, value", [("2704000.00", 2704000.0), ("1,407.07", 1407.07), ("2758.60 万元", 2758.6),
                                         ("１０", 10.0), ("—", None), ("", None), ("约10", None)])
def test_number(text, value):
    assert number(text) == value


def test_rate_reads_percent_sign_or_percent_header():
    assert rate("99.75%", percent_header=False) == pytest.approx(0.9975)
    assert rate("96.86", percent_header=True) == pytest.approx(0.9686)
    assert rate("—", percent_header=True) is None
    assert rate("99.97", percent_header=False) == pytest.approx(0.9997)  # the sign left off (鄂州 科协)
    assert rate("1.02", percent_header=False) == pytest.approx(1.02)  # a fraction stays one


@pytest.mark.parametrize("text, op, value, unit", [
    ("≥16人", "≥", 16, "人"), ("≧50人", "≥", 50, "人"), ("＜2%", "<", 2, "%"), ("≤0.2%", "≤", 0.2, "%"),
    (">=95%", "≥", 95, "%"), ("≥10次/年", "≥", 10, "次/年"), ("１２０家", None, 120, "家"), ("7000", None, 7000, None),
])
def test_quantitative_measures(text, op, value, unit):
    m = measure(text)
    assert (m.op, m.value, m.unit, m.qualitative) == (op, value, unit, False)


@pytest.mark.parametrize("text", ["有效提升", "达到预期目标", "逐步减少", "合格（100%）", "两年内全部完成"])
def test_qualitative_measures(text):
    m = measure(text)
    assert m.qualitative and m.value is None


def test_points_and_labels():
    assert points("产出指标 (50分)") == 50 and points("年度目标3：（14.23 分）") == 14.23
    assert strip_points("满意度指标 (10\n分)") == "满意度指标"
    # a label whose '(' a wrapped line lost (黄石 第三中学): '预算执行情况(万元) 20分)'
    assert points("预算执行情况(万元) 20分)") == 20 and strip_points("年度绩效目标 98分)") == "年度绩效目标"
    assert points("年度绩效目标98分)") == 98
    assert points("得分(20分*执行率)") is None
    assert [ordinal(x) for x in ("7", "七", "十二")] == [7, 7, 12]

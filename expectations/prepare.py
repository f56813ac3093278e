"""Facts -> one frame per rule, with the derived columns its expectations test (pure pandas).

Every frame carries the finding keys and provenance (KEYS) and the texts a finding is written from
(TEXTS). A finding's box is the cell that prints the value it observes (transform's value_cells), the
row's box beside it as label_* (where the report shows which row); the row's box alone where that cell
is unknown. Arithmetic rules add observed / expected / tolerance, tested by ExpectValuesWithinTolerance;
the others keep the column a built-in GX expectation tests (see suite.py). A frame holds only the rows
its rule applies to, so its length is the rule's 'checked' count.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd

from expectations import reading, vocab
from expectations.reading import fmt
from transform.facts import ROW_KEYS, Facts

BOX = ["page", "x0", "y0", "x1", "y1"]
LABEL_BOX = [f"label_{k}" for k in BOX]
KEYS = ["doc_id", "evaluation_no", "indicator_no", "line_no", *BOX, *LABEL_BOX]
TEXTS = ["label", "observed_text", "expected_text", "detail", "detail_en", "severity"]
# What else a rule's frame keeps: the columns its expectations test and its message quotes. The rest
# of a fact row is dropped, so a run's prepared frames stay a fraction of its facts.
CARRIED = ["observed", "expected", "tolerance", "score", "weight", "goal_key", "name_key", "level2",
           "target_text", "actual_text", "score_text", "weight_text"]
# English names of the fields a message quotes.
FIELD_EN = {"年度": "fiscal year", "金额单位": "money unit", "实施单位": "implementing unit", "项目名称": "project name",
            "全年执行数（B）": "executed (B)", "一级指标": "level-1 indicator", "二级指标": "level-2 indicator",
            "年度指标值": "target", "实际完成值": "actual", "得分": "score", "年初预算数": "initial budget",
            "全年预算数": "annual budget", "全年执行数": "executed"}
# Template rows left unfilled (指标1：, 指标N, …): they never count toward any rule.
PLACEHOLDER_NAME = re.compile(r"^(?:指标\s*(?:\d+|[一二三四五六七八九十]+|N|n|X|x)?[:：]?|[.…。\s]*|其他|其它)$")
# Words by which a form explains an execution rate over 100%.
RATE_EXPLAINED = ("超", "追加", "结转", "调剂", "执行率", "预算调整")
# The MoF grade bands of a total: (lowest total, grade).
GRADES = ((90.0, "优"), (80.0, "良"), (60.0, "中"), (float("-inf"), "差"))
GRADE_WORDS = {"优秀": "优", "良好": "良", "中等": "中", "合格": "中", "较差": "差", "不合格": "差"}

# Required fields: (frame, column, label as printed, which rows need it).
REQUIRED: tuple[tuple[str, str, str, Callable[[pd.DataFrame], pd.Series] | None], ...] = (
    ("documents", "fiscal_year", "年度", None),
    ("documents", "money_unit", "金额单位", None),
    ("evaluations", "implementing_unit", "实施单位", None),
    ("evaluations", "project_name", "项目名称", lambda f: f["scope"] == "project"),
    ("budget_lines", "executed_yuan", "全年执行数（B）", lambda f: f["is_total"].astype(bool)),
    ("indicators", "level1", "一级指标", None),
    ("indicators", "level2", "二级指标", None),
    ("indicators", "target_text", "年度指标值", None),
    ("indicators", "actual_text", "实际完成值", None),
    ("indicators", "score", "得分", lambda f: f["weight"].notna()),
)
# How a finding names the row it is about, per frame.
ROW_LABEL: dict[str, Callable[[pd.DataFrame], pd.Series]] = {
    "documents": lambda d: d["file_name"],
    "evaluations": lambda e: e["project_name"].fillna(e["implementing_unit"]).fillna("自评表"),
    "budget_lines": lambda b: b["fund_source"],
    "indicators": lambda i: i["name"].fillna(i["level2"]).fillna(i["level1"]),
}
NAME_PREFIX = re.compile(r"^(?:\s*指标\s*\d+\s*[:：]\s*)+")
NAME_TAIL = re.compile(r"[。．.；;，,\s]+$")


def _fmt(values: pd.Series) -> pd.Series:
    """Numbers as readers write them, as text (object dtype, so empty frames still concatenate)."""
    return values.map(fmt).astype(object)


def _finish(frame: pd.DataFrame, severity: str | pd.Series = "error") -> pd.DataFrame:
    """Add any missing key/text column and a row id GX reports unexpected rows by."""
    out = frame[[c for c in KEYS + TEXTS + CARRIED if c in frame.columns]].copy()
    for col in KEYS + TEXTS:
        if col not in out.columns:
            out[col] = severity if col == "severity" else (None if col in TEXTS else np.nan)
    out["detail_en"] = out["detail_en"].fillna(out["detail"]) if "detail" in out else out["detail_en"]
    for k in BOX:  # a finding not moved to a value cell points at its row, which is its label too
        out[f"label_{k}"] = out[f"label_{k}"].where(out[f"label_{k}"].notna(), out[k])
    out = out.reset_index(drop=True)
    out["_row"] = np.arange(len(out))
    return out


def _at_value(frame: pd.DataFrame, f: Facts, table: str, field: str | pd.Series) -> pd.DataFrame:
    """The rows of `frame` (facts of `table`) pointed at the cell that prints `field` (a column name,
    or one per row), where value_cells knows it; the row's box is kept as label_*. Called again with
    another field, it moves only the rows whose cell for that field is known (a fallback goes first)."""
    out = frame.copy()
    for k in BOX:
        if f"label_{k}" not in out.columns:
            out[f"label_{k}"] = out[k]
    if out.empty:
        return out
    row_key = ROW_KEYS[table]
    cells = f.value_cells[f.value_cells["frame"] == table]  # keyed once per run by _keyed_cells
    wanted = pd.DataFrame({"doc_id": out["doc_id"].to_numpy(),
                           "evaluation_no": out["evaluation_no"].astype(float).to_numpy(),
                           "_no": out[row_key].astype(float).fillna(-1).to_numpy() if row_key else -1.0,
                           "field": field.to_numpy() if isinstance(field, pd.Series) else field})
    found = wanted.merge(cells, on=["doc_id", "evaluation_no", "_no", "field"], how="left")
    known = found["page"].notna().to_numpy()
    if known.any():
        out[BOX] = np.where(known[:, None], found[BOX].to_numpy(dtype=float), out[BOX].to_numpy(dtype=float))
    return out


def _tolerance_texts(frame: pd.DataFrame) -> pd.DataFrame:
    frame["observed_text"] = _fmt(frame["observed"])
    frame["expected_text"] = _fmt(frame["expected"])
    return frame


def _amount_a(lines: pd.DataFrame) -> pd.Series:
    """The column the form labels A: 全年预算数, or 年初预算数 where the form says so."""
    return lines["initial_budget_yuan"].where(lines["rate_base"] == "initial", lines["annual_budget_yuan"])


def _in_unit(printed: pd.Series, yuan: pd.Series, unit: pd.Series) -> pd.Series:
    """An amount as the form prints it, in its own unit, with yuan beside: '21.6 万元（216,000 元）'."""
    shown = printed.where(printed.notna(), _fmt(yuan / unit.map(vocab.MONEY_UNITS).fillna(1)))
    own = shown.astype(str) + " " + unit.fillna("元").astype(str)
    return own.where(unit.fillna("元") == "元", own + "（" + _fmt(yuan) + " 元）").astype(object)


def _with_unit(f: Facts) -> pd.DataFrame:
    return f.budget_lines.merge(f.documents[["doc_id", "money_unit"]], on="doc_id", how="left")


def execution_rate(f: Facts) -> pd.DataFrame:
    lines = _with_unit(f)
    b = lines.assign(a=_amount_a(lines))
    b = b[b["execution_rate"].notna() & b["executed_yuan"].notna() & (b["a"] > 0)].copy()
    b["observed"] = b["execution_rate"]
    b["expected"] = b["executed_yuan"] / b["a"]
    b["tolerance"] = [reading.rate_tolerance(r, t) for r, t in zip(b["observed"], b["execution_rate_text"])]
    b = _tolerance_texts(b)
    b["observed_text"] = b["execution_rate_text"].fillna(b["observed_text"])
    b["expected_text"] = _fmt((b["expected"] * 100).round(4)) + "%"
    a_text = b["initial_budget_text"].where(b["rate_base"] == "initial", b["annual_budget_text"])
    b["detail"] = (_in_unit(b["executed_text"], b["executed_yuan"], b["money_unit"]) + " / "
                   + _in_unit(a_text, b["a"], b["money_unit"]) + " = " + b["expected_text"])
    return _finish(_at_value(b, f, "budget_lines", "execution_rate").assign(label=b["fund_source"]))


def budget_score(f: Facts) -> pd.DataFrame:
    b = f.budget_lines
    b = b[b["score"].notna() & b["weight"].notna() & b["execution_rate"].notna()].copy()
    b["observed"] = b["score"]
    b["expected"] = b["execution_rate"].clip(upper=1) * b["weight"]
    b["tolerance"] = b["score"].map(reading.score_tolerance)
    b = _tolerance_texts(b)
    b["detail"] = ("min(" + _fmt((b["execution_rate"] * 100).round(4)) + "%, 1) × "
                   + _fmt(b["weight"]) + " = " + b["expected_text"])
    b["detail_en"] = b["detail"]
    return _finish(_at_value(b, f, "budget_lines", "score").assign(label=b["fund_source"]))


def _sums_against_totals(f: Facts) -> pd.DataFrame:
    """Each total line's amount (one row per amount column) beside the sum of its breakdown lines."""
    lines = _with_unit(f)
    key = ["doc_id", "evaluation_no"]
    totals = lines[lines["is_total"].astype(bool)]
    parts = lines[~lines["is_total"].astype(bool)]
    rows = []
    for col, label in vocab.AMOUNT_LABELS.items():
        amount, text = f"{col}_yuan", f"{col}_text"
        # decimals per printed amount first, then a plain max per group (a Python function per group is slow)
        decimals = parts[text].map(lambda t: reading.decimals(t) or 0).astype(int)
        sums = parts.assign(_d=decimals).groupby(key).agg(expected=(amount, "sum"), n=(amount, "count"),
                                                          d=("_d", "max"))
        t = totals[totals[amount].notna()].merge(sums[sums["n"] > 0].reset_index(), on=key)
        t["d"] = [max(d, reading.decimals(x) or 0) for d, x in zip(t["d"], t[text])]
        scale = t["money_unit"].map(vocab.MONEY_UNITS).fillna(1)
        parts_text = _fmt(t["expected"] / scale)
        rows.append(t.assign(field=amount, observed=t[amount], tolerance=0.5 * 10.0 ** -t["d"] * scale, detail=label,
                             detail_en=vocab_en(label), observed_text=_in_unit(t[text], t[amount], t["money_unit"]),
                             expected_text=_in_unit(parts_text, t["expected"], t["money_unit"])))
    return pd.concat(rows, ignore_index=True)


def fund_sources_sum(f: Facts) -> pd.DataFrame:
    out = _sums_against_totals(f)
    out = out[~((out["observed"] == 0) & (out["expected"] > 0))]  # zero_total_with_parts says it
    return _finish(_at_value(out, f, "budget_lines", out["field"]).assign(label=out["fund_source"]))


def zero_total_with_parts(f: Facts) -> pd.DataFrame:
    out = _sums_against_totals(f)
    out = out.assign(expected=out["expected"].where(out["observed"] == 0, out["observed"]), tolerance=0.0)
    return _finish(_at_value(out, f, "budget_lines", out["field"]).assign(label=out["fund_source"]))


def vocab_en(label: str) -> str:
    return FIELD_EN.get(label, label)


def budget_subline_score(f: Facts) -> pd.DataFrame:
    b = f.budget_lines[~f.budget_lines["is_total"].astype(bool)].copy()
    b["observed"] = b["weight"].fillna(b["score"])
    b["observed_text"] = _fmt(b["observed"])
    b["detail"] = "分值 " + _fmt(b["weight"]) + "、得分 " + _fmt(b["score"])
    b["detail_en"] = "points " + _fmt(b["weight"]) + " and score " + _fmt(b["score"])
    field = pd.Series("weight", index=b.index).where(b["weight"].notna(), "score")
    return _finish(_at_value(b, f, "budget_lines", field).assign(label=b["fund_source"]), severity="warning")


def _money(value: float, unit: object, target_unit: object) -> float:
    unit = unit if unit in vocab.MONEY_UNITS else target_unit
    return value * vocab.MONEY_UNITS[unit] if unit in vocab.MONEY_UNITS else np.nan


def cost_vs_executed(f: Facts) -> pd.DataFrame:
    i = f.indicators[(f.indicators["level2"] == vocab.COST_LEVEL2) & f.indicators["actual_value"].notna()]
    i = i.assign(yuan=[_money(v, u, t) for v, u, t in zip(i["actual_value"], i["actual_unit"], i["target_unit"])])
    cost = i[i["yuan"].notna()].groupby(["doc_id", "evaluation_no"], as_index=False)["yuan"].sum()
    lines = _with_unit(f)
    b = lines[lines["is_total"].astype(bool) & lines["executed_yuan"].notna()]
    t = b.merge(cost, on=["doc_id", "evaluation_no"])
    t = t.assign(observed=t["yuan"], expected=t["executed_yuan"] * (1 + 1e-9) + 0.005)
    t["observed_text"] = _in_unit(pd.Series(None, index=t.index, dtype=object), t["yuan"], t["money_unit"])
    t["expected_text"] = _in_unit(t["executed_text"], t["executed_yuan"], t["money_unit"])
    # One cost indicator prints the cost: the finding points at its 实际完成值. Several are summed, a sum
    # printed nowhere: it points at the executed amount the sum exceeds.
    t = _at_value(t, f, "budget_lines", "executed_yuan")
    single = i[i["yuan"].notna()].groupby(["doc_id", "evaluation_no"]).filter(lambda g: len(g) == 1)
    boxes = [*BOX, *(f"label_{k}" for k in BOX)]
    printed = _at_value(single, f, "indicators", "actual_text")[["doc_id", "evaluation_no", "name", *boxes]]
    t = t.merge(printed, on=["doc_id", "evaluation_no"], how="left", suffixes=("", "_cost"))
    for k in boxes:  # the indicator's cell, with its row beside it for the crop
        t[k] = t[f"{k}_cost"].where(t["page_cost"].notna(), t[k])
    return _finish(t.assign(label=t["name"].fillna(t["fund_source"])), severity="warning")


def indicator_score_range(f: Facts) -> pd.DataFrame:
    i = _at_value(f.indicators[f.indicators["score"].notna()], f, "indicators", "score")
    return _finish(i.assign(label=ROW_LABEL["indicators"](i), score_text=_fmt(i["score"]),
                            weight_text=_fmt(i["weight"]), observed_text=_fmt(i["score"]),
                            expected_text="0–" + _fmt(i["weight"])))


def _scored_by_rule(row: dict) -> dict | None:
    """Expected score of one indicator by the rule its form states (or the national default)."""
    weight, score = row["weight"], row["score"]
    tol = reading.score_tolerance(score)
    if row["target_is_qualitative"] is False and pd.notna(row["target_value"]) and pd.notna(row["actual_value"]):
        readings = [(reading.rule_score(row["target_value"], b, way, weight), b, way)
                    for way in reading.direction(row["target_op"], row["level2"])
                    for b in reading.actual_in_target_units(row["target_unit"], row["actual_value"],
                                                            row["actual_unit"])]
        expected, b, way = readings[0]
        fits = [r for r in readings[1:] if abs(score - r[0]) <= tol]
        rule = "B/A" if way == "pos" else "A/B"
        detail = (f"按{'正' if way == 'pos' else '反'}向指标（{rule}×权重，达成得满分）"
                  f"实际 {fmt(b)} 对目标 {fmt(row['target_value'])}，应得 {fmt(round(expected, 4))}")
        if fits and abs(score - expected) > tol:
            alt, alt_b, alt_way = fits[0]
            detail += (f"；按另一读法（{'正' if alt_way == 'pos' else '反'}向、实际 {fmt(alt_b)}）"
                       f"得 {fmt(round(alt, 4))} 则相符，读法存疑")
        detail_en = (f"as a {'positive' if way == 'pos' else 'negative'} indicator ({rule} × weight, full when "
                     f"met) actual {fmt(b)} against target {fmt(row['target_value'])} scores {fmt(round(expected, 4))}")
        if fits and abs(score - expected) > tol:
            detail_en += "; another reading of the target fits the printed score, so the reading is doubtful"
        return {"expected": expected, "tolerance": tol, "detail": detail, "detail_en": detail_en,
                "severity": "warning" if fits else "error"}
    level, explicit = reading.achievement(row["target_text"], row["actual_text"])
    if level is None:
        return None
    floor = reading.partial_floor(row["scoring_method"])
    lo, hi = {"met": (vocab.MET_FLOOR, 1.0), "partial": (floor, vocab.MET_FLOOR), "not_met": (0.0, floor)}[level]
    name = {"met": "达成", "partial": "部分达成", "not_met": "未达成"}[level]
    return {"expected": (lo + hi) / 2 * weight, "tolerance": (hi - lo) / 2 * weight + tol,
            "detail": (f"定性指标读作「{name}」，按三档应在权重的 {fmt(lo * 100)}%–{fmt(hi * 100)}%"
                       f"（{fmt(lo * weight)}–{fmt(hi * weight)} 分）"),
            "detail_en": (f"a qualitative indicator read as '{level.replace('_', ' ')}' scores "
                          f"{fmt(lo * 100)}%–{fmt(hi * 100)}% of its weight ({fmt(lo * weight)}–{fmt(hi * weight)})"),
            "severity": "error" if explicit else "warning"}


def indicator_score_rule(f: Facts) -> pd.DataFrame:
    i = f.indicators
    i = i[i["score"].notna() & (i["weight"] > 0) & ~i["target_text"].isin(vocab.NOT_APPLICABLE)]
    rows = [{**r, **e} for r in i.to_dict("records") if (e := _scored_by_rule(r)) is not None]
    out = pd.DataFrame(rows, columns=[*i.columns, "expected", "tolerance", "detail", "detail_en", "severity"])
    out["observed"] = out["score"]
    out = _tolerance_texts(out)
    return _finish(_at_value(out, f, "indicators", "score").assign(label=ROW_LABEL["indicators"](out)))


def _goal_key(frame: pd.DataFrame) -> pd.Series:
    return frame["goal_no"].fillna(-1)


def level1_weights(f: Facts) -> pd.DataFrame:
    i = f.indicators[f.indicators["level1_points"].notna() & f.indicators["weight"].notna()]
    i = i.assign(goal_key=_goal_key(i))
    g = i.groupby(["doc_id", "evaluation_no", "goal_key", "level1"], as_index=False, sort=False).agg(
        observed=("weight", "sum"), expected=("level1_points", "first"), indicator_no=("indicator_no", "first"),
        **{c: (c, "first") for c in BOX})
    g = _tolerance_texts(g.assign(tolerance=0.01))
    # the points are printed in the 一级指标 cell (产出指标（50分）) of the group's first row
    return _finish(_at_value(g, f, "indicators", "level1").assign(label=g["level1"]))


def _parts(f: Facts) -> pd.DataFrame:
    """Per evaluation: indicator weight/score sums and the budget total line's points/score."""
    key = ["doc_id", "evaluation_no"]
    ind = f.indicators.groupby(key).agg(weights=("weight", "sum"), n_weights=("weight", "count"),
                                        scores=("score", "sum"))
    bud = (f.budget_lines[f.budget_lines["is_total"].astype(bool)].groupby(key)
           .agg(b_weight=("weight", "first"), b_score=("score", "first")))
    ev = f.evaluations.merge(ind.reset_index(), on=key, how="left").merge(bud.reset_index(), on=key, how="left")
    ev[["weights", "n_weights", "scores"]] = ev[["weights", "n_weights", "scores"]].fillna(0)
    # The budget's points count toward 100 when indicator weights alone fall short of it.
    with_budget = (ev["weights"] + ev["b_weight"].fillna(0) - 100).abs() < (ev["weights"] - 100).abs()
    ev["budget_in"] = np.where(ev["n_weights"] > 0, with_budget, ev["b_score"].notna())
    return ev


def total_weights(f: Facts) -> pd.DataFrame:
    ev = _parts(f)
    ev = ev[ev["n_weights"] > 0].copy()
    ev["observed"] = ev["weights"] + np.where(ev["budget_in"], ev["b_weight"].fillna(0), 0)
    ev = _tolerance_texts(ev.assign(expected=100.0, tolerance=0.01))
    ev["detail"] = "指标权重 " + _fmt(ev["weights"]) + np.where(
        ev["budget_in"], " + 预算执行分值 " + _fmt(ev["b_weight"]), "，不含预算执行分值")
    ev["detail_en"] = "indicator weights " + _fmt(ev["weights"]) + np.where(
        ev["budget_in"], " + budget points " + _fmt(ev["b_weight"]), ", without the budget's points")
    ev = _at_value(_at_value(ev, f, "evaluations", "total_score"), f, "evaluations", "total_weight")
    return _finish(ev.assign(label=ROW_LABEL["evaluations"](ev)))


def total_score(f: Facts) -> pd.DataFrame:
    ev = _parts(f)
    ev = ev[ev["total_score"].notna()].copy()
    ev["observed"] = ev["total_score"]
    ev["expected"] = ev["scores"] + np.where(ev["budget_in"], ev["b_score"].fillna(0), 0)
    ev = _tolerance_texts(ev.assign(tolerance=ev["total_score"].map(reading.score_tolerance)))
    ev["detail"] = ("指标得分之和 " + _fmt(ev["scores"])
                    + np.where(ev["budget_in"], " + 预算执行得分 " + _fmt(ev["b_score"]), "")
                    + " = " + ev["expected_text"])
    ev["detail_en"] = ("indicator scores add up to " + _fmt(ev["scores"])
                       + np.where(ev["budget_in"], " + budget score " + _fmt(ev["b_score"]), "")
                       + " = " + ev["expected_text"])
    return _finish(_at_value(ev, f, "evaluations", "total_score").assign(label=ROW_LABEL["evaluations"](ev)))


def grade(f: Facts) -> pd.DataFrame:
    ev = f.evaluations
    ev = ev[ev["grade"].notna() & ev["total_score"].notna()].copy()
    printed = ev["grade"].astype(str).str.replace(r"\s", "", regex=True)
    ev["observed_text"] = printed.map(lambda g: GRADE_WORDS.get(g, g[:1] if g[:1] in "优良中差" else None))
    ev = ev[ev["observed_text"].notna()]
    ev["expected_text"] = ev["total_score"].map(lambda t: next(g for floor, g in GRADES if t >= floor))
    rank = {g: k for k, (_, g) in enumerate(GRADES)}
    ev = ev.assign(observed=ev["observed_text"].map(rank).astype(float),
                   expected=ev["expected_text"].map(rank).astype(float), tolerance=0.0,
                   detail=_fmt(ev["total_score"]))
    return _finish(_at_value(ev, f, "evaluations", "grade").assign(label=ROW_LABEL["evaluations"](ev)))


def goal_points(f: Facts) -> pd.DataFrame:
    g = f.goals[f.goals["weight"].notna() & f.goals["goal_no"].notna()]
    sums = f.indicators.groupby(["doc_id", "evaluation_no", "goal_no"], as_index=False)["score"].sum()
    g = g.merge(sums, on=["doc_id", "evaluation_no", "goal_no"], how="left")
    g = g.assign(observed=g["weight"], expected=g["score"].fillna(0),
                 tolerance=g["weight"].map(reading.score_tolerance))
    return _finish(_at_value(_tolerance_texts(g), f, "goals", "weight").assign(label=_fmt(g["goal_no"])))


def required_fields(f: Facts) -> pd.DataFrame:
    rows = []
    for table, column, label, applies in REQUIRED:
        frame = getattr(f, table)
        frame = frame[applies(frame)] if applies is not None and len(frame) else frame
        found = frame[[c for c in KEYS if c in frame.columns]].assign(
            observed=frame[column], detail=label, detail_en=FIELD_EN.get(label, label), label=ROW_LABEL[table](frame))
        # where the value should be printed: its (empty) cell, when the form has one
        rows.append(_at_value(found, f, table, column) if table in ROW_KEYS else found)
    out = pd.concat(rows, ignore_index=True)
    out["observed_text"] = "（空）"
    return _finish(out.assign(observed=out["observed"].astype(object)), severity="warning")


def amounts_nonnegative(f: Facts) -> pd.DataFrame:
    lines = _with_unit(f)
    rows = [lines[lines[f"{c}_yuan"].notna()].assign(
        field=f"{c}_yuan", observed=lambda b, c=c: b[f"{c}_yuan"], detail=label, detail_en=FIELD_EN[label],
        observed_text=lambda b, c=c: _in_unit(b[f"{c}_text"], b[f"{c}_yuan"], b["money_unit"]))
        for c, label in vocab.AMOUNT_LABELS.items()]
    out = pd.concat(rows, ignore_index=True)
    out = _at_value(out, f, "budget_lines", out["field"])
    return _finish(out.assign(label=out["fund_source"], expected_text="≥ 0"))


def duplicate_indicators(f: Facts) -> pd.DataFrame:
    i = f.indicators.copy()
    i["goal_key"] = _goal_key(i)
    i["name_key"] = (i["name"].fillna("").str.replace(NAME_PREFIX, "", regex=True)
                     .str.replace(NAME_TAIL, "", regex=True))
    i[["level2", "target_text", "actual_text"]] = i[["level2", "target_text", "actual_text"]].fillna("")
    i = _at_value(i, f, "indicators", "name")
    return _finish(i.assign(label=ROW_LABEL["indicators"](i), observed_text=i["name_key"]), severity="warning")


def rate_over_100(f: Facts) -> pd.DataFrame:
    notes = f.evaluations[["doc_id", "evaluation_no", "notes"]]
    b = f.budget_lines[f.budget_lines["execution_rate"].notna()].merge(notes, on=["doc_id", "evaluation_no"], how="left")
    explained = b["notes"].fillna("").map(lambda t: any(w in t for w in RATE_EXPLAINED))
    b = b.assign(observed=b["execution_rate"],
                 expected=b["execution_rate"].where(explained, b["execution_rate"].clip(upper=1)),
                 tolerance=[reading.rate_tolerance(r, t) for r, t in zip(b["execution_rate"], b["execution_rate_text"])])
    b["observed_text"] = b["execution_rate_text"].fillna(_fmt(b["observed"] * 100) + "%")
    return _finish(_at_value(b, f, "budget_lines", "execution_rate").assign(label=b["fund_source"]), severity="warning")


def _missed(row: dict) -> bool:
    """The indicator's target is not met in every reading of it (and its score says so)."""
    if row["score"] >= row["weight"] - reading.score_tolerance(row["score"]):
        return False
    if row["target_is_qualitative"] is False and pd.notna(row["target_value"]) and pd.notna(row["actual_value"]):
        # the preferred reading: the score below the weight already says the publisher found it missed
        way = reading.direction(row["target_op"], row["level2"])[0]
        actual = reading.actual_in_target_units(row["target_unit"], row["actual_value"], row["actual_unit"])[0]
        return reading.rule_score(row["target_value"], actual, way, 1.0) < 1.0
    level, explicit = reading.achievement(row["target_text"], row["actual_text"])
    return explicit and level in ("partial", "not_met")


def deviation_reason(f: Facts) -> pd.DataFrame:
    i = f.indicators
    i = i[i["score"].notna() & (i["weight"] > 0) & ~i["target_text"].isin(vocab.NOT_APPLICABLE)]
    i = i[pd.Series([_missed(r) for r in i.to_dict("records")], index=i.index, dtype=bool)].copy()
    given = i["deviation"].fillna("").str.strip()
    i["observed"] = given.where(~given.isin(vocab.NOT_APPLICABLE | {""}), None).astype(object)
    # the 偏差原因 cell; a form without that column, the 实际完成值 cell the reason would explain
    i = _at_value(_at_value(i, f, "indicators", "actual_text"), f, "indicators", "deviation")
    return _finish(i.assign(label=ROW_LABEL["indicators"](i), observed_text=_fmt(i["score"]),
                            weight_text=_fmt(i["weight"]), detail="偏差原因", detail_en="deviation reason"),
                   severity="warning")


def reading_doubts(f: Facts) -> pd.DataFrame:
    ev = f.evaluations.copy()
    ev["observed"] = ev["reading_doubts"].astype(object)
    ev["observed_text"] = _fmt(ev["reading_confidence"])
    ev["expected_text"] = "1"
    ev["detail"] = ev["reading_doubts"]
    ev["detail_en"] = ev["reading_doubts"]
    return _finish(ev.assign(label=ROW_LABEL["evaluations"](ev)), severity="reading")


def placeholders_dropped(f: Facts) -> Facts:
    """The facts without template rows nobody filled in (a placeholder name, no target, actual, weight or
    score): such rows never count toward a rule."""
    i = f.indicators
    empty = lambda col: i[col].isna() | i[col].astype(str).str.strip().isin(vocab.NOT_APPLICABLE | {""})  # noqa: E731
    name = i["name"].fillna("").astype(str).str.strip()
    placeholder = (name.str.fullmatch(PLACEHOLDER_NAME) & empty("target_text") & empty("actual_text")
                   & i["weight"].fillna(0).eq(0) & i["score"].fillna(0).eq(0))
    if not placeholder.any():
        return f
    return replace(f, indicators=i[~placeholder])


def latest_fiscal_year() -> int:
    """Self-evaluations are filed after the year ends; next year's is the latest a form can name."""
    return date.today().year + 1


def fiscal_year(f: Facts) -> pd.DataFrame:
    d = f.documents[f.documents["fiscal_year"].notna()]
    # the year is printed once (a title line, a header cell): value_cells keeps it with the first evaluation
    v = f.value_cells
    printed = v[(v["field"] == "fiscal_year") & (v["frame"] == "evaluations")].drop_duplicates("doc_id")
    d = d.drop(columns=[k for k in BOX if k in d.columns]).merge(printed[["doc_id", *BOX]], on="doc_id", how="left")
    return _finish(d.assign(observed=d["fiscal_year"].astype(float), label=d["file_name"],
                            observed_text=d["fiscal_year"].astype(int).astype(str),
                            expected_text=f"{vocab.FIRST_FISCAL_YEAR}–{latest_fiscal_year()}"))


PREPARERS: dict[str, Callable[[Facts], pd.DataFrame]] = {
    "reading": reading_doubts,
    "execution_rate": execution_rate, "budget_score": budget_score, "fund_sources_sum": fund_sources_sum,
    "zero_total_with_parts": zero_total_with_parts, "rate_over_100": rate_over_100,
    "budget_subline_score": budget_subline_score, "cost_vs_executed": cost_vs_executed,
    "indicator_score_range": indicator_score_range, "indicator_score_rule": indicator_score_rule,
    "deviation_reason": deviation_reason,
    "level1_weights": level1_weights, "total_weights": total_weights, "total_score": total_score,
    "grade": grade, "goal_points": goal_points, "required_fields": required_fields,
    "amounts_nonnegative": amounts_nonnegative, "duplicate_indicators": duplicate_indicators,
    "fiscal_year": fiscal_year,
}


def prepare(facts: Facts) -> dict[str, pd.DataFrame]:
    """Every rule's frame for the whole run."""
    facts = placeholders_dropped(facts)
    facts = replace(facts, value_cells=_keyed_cells(facts.value_cells))
    return {rule: build(facts) for rule, build in PREPARERS.items()}


def _keyed_cells(cells: pd.DataFrame) -> pd.DataFrame:
    """value_cells keyed as _at_value looks them up (float evaluation and row numbers, -1 for none), one
    cell per value: done once, not by each of its ~28 calls."""
    return cells.assign(evaluation_no=cells["evaluation_no"].astype(float),
                        _no=cells["row_no"].astype(float).fillna(-1)
                        ).drop_duplicates(["frame", "doc_id", "evaluation_no", "_no", "field"])

"""Extraction (cells + lines) of one document → Facts: find its forms, read them, normalise."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

import pandas as pd

from transform import labels as L
from transform.facts import COLUMNS, ROW_KEYS, FactRows, Facts
from transform.confidence import assess
from transform.families import family
from transform.grid import Grid, GridCell, label_prefix, match
from transform.project_form import Draft, ProjectFormReader
from transform.region import region_of
from transform.summary_form import read_summary
from transform.values import (answer, clean, code_name, fold, measure, number, points, rate, strip_points,
                              ticked)


class UnknownForm(ValueError):
    """The document holds no form of a known family; the message says what was missing."""


@dataclass
class Context:
    """Document-wide facts a form may not repeat in its own table."""
    doc_id: str
    title: str | None
    title_lines: list[str]
    money_unit: str | None


def build_facts(extraction, file_name: str) -> Facts:
    """One document's fact frames. `extraction` is what extract.read_document returns."""
    return Facts.from_rows([document_rows(extraction, file_name)])


def document_rows(extraction, file_name: str) -> FactRows:
    """One document's facts as rows (what a parser process returns; frames are built per set of documents)."""
    if extraction.pages_are_separate:
        return _separate_pages(extraction, file_name)
    return _document_rows(extraction, file_name)


def _separate_pages(extraction, file_name: str) -> FactRows:
    """Pages that are separate forms (a workbook's sheets: 立项依据, 绩效目标申报表, 执行监控表, 自评表 …)
    are read one by one; the document's facts are those of the pages holding a known form."""
    found: list[FactRows] = []
    for page, cells in extraction.cells.groupby("page", sort=True):
        part = replace(extraction, cells=cells, lines=extraction.lines[extraction.lines.page == page])
        try:
            rows = _document_rows(part, file_name)
        except UnknownForm:
            continue
        offset = sum(len(f["evaluations"]) for f in found)
        for name in ("evaluations", "budget_lines", "goals", "indicators", "value_cells"):
            for row in rows[name]:
                row["evaluation_no"] += offset
        found.append(rows)
    if not found:
        raise UnknownForm(f"not a self-evaluation: none of its {extraction.pages} sheets matches a form family")
    return {name: found[0]["documents"] if name == "documents" else [row for f in found for row in f[name]]
            for name in found[0]}


def _document_rows(extraction, file_name: str) -> FactRows:
    cells, lines = extraction.cells, extraction.lines
    if cells.empty:
        raise UnknownForm("no ruled table found on any page")
    title_lines = _title_lines(lines)
    title = next((t for t in title_lines if re.fullmatch(L.TITLE, fold(t))), title_lines[0] if title_lines else None)
    related = _related_title(title)
    grids, related_tables = _self_evaluation_grids(cells)
    if related or not grids:
        raise UnknownForm(f"not a self-evaluation (自评表): looks like {related or related_tables}")
    stated = _stated_unit([*lines.text, *cells.text])

    summary = read_summary(grids, lines)
    if summary is not None:
        drafts, features = summary, {"summary_rows"}
    else:
        drafts = ProjectFormReader().read(_with_header_lines(grids, lines))
        features = set().union(*(d.labels_seen for d in drafts)) if drafts else set()
        # Numbered goals make a whole-department form; a project form may head its indicators so (Hubei).
        if any(g["goal_no"] is not None for d in drafts for g in d.goals) \
                and not any(d.header.get("project_name") for d in drafts):
            features.add("numbered_goals")
    # A form naming its project is a project's, whatever its title says (霍山's 整体绩效目标自评表).
    if title and re.fullmatch(L.DEPARTMENT_TITLE, fold(title)) \
            and not any(d.header.get("project_name") for d in drafts):
        features.add("department_title")
    kind = family(features)
    if {"target"} <= features and not features & {"actual", "score"}:
        raise UnknownForm("not a self-evaluation (自评表): looks like 绩效目标申报表 (targets, no actuals)")
    if kind is None and drafts and any(d.header for d in drafts) \
            and any(d.budget or d.indicators for d in drafts):
        # A self-evaluation of a template nobody has described: what could be read, flagged as partial.
        kind = ("partial", "department" if "department_title" in features else "project")
    if kind is None or not drafts:
        seen = ", ".join(sorted(features)) or "no form labels"
        raise UnknownForm(f"matches no form family (found: {seen}; need an indicator table with "
                          f"二级/三级指标 and 指标值/完成值 columns, or a 序号 summary table)")
    layout, scope = kind
    units = [d.budget_meta.get("money_unit") for d in drafts if d.budget_meta.get("money_unit")]
    money_unit = units[0] if units else stated  # None when the form states none: never a silent 元
    ctx = Context(extraction.sha256, title, title_lines, money_unit)

    records: dict[str, list[dict]] = {k: [] for k in ("evaluations", "budget_lines", "goals", "indicators",
                                                      "value_cells")}
    ocr_confidence = float(cells.confidence.mean()) if extraction.ocr else None
    for no, draft in enumerate(drafts):
        if summary is None:
            draft.notes += _lines_below(draft, grids, lines)
        _evaluation(records, ctx, no, draft, scope)
        evaluation = records["evaluations"][-1]
        confidence, doubts = assess(evaluation, [b for b in records["budget_lines"] if b["evaluation_no"] == no],
                                    [i for i in records["indicators"] if i["evaluation_no"] == no],
                                    money_unit, ocr_confidence)
        if layout == "partial":
            doubts.insert(0, "template not recognised: header, budget and indicators read where found")
            confidence = min(confidence, 0.5)
        evaluation["reading_confidence"], evaluation["reading_doubts"] = confidence, "; ".join(doubts) or None
    issuer = _issuer(records["evaluations"])
    province, city, district = region_of(" ".join([issuer or "", title or "", *title_lines]))
    year, year_text = _fiscal_year(title_lines, records["evaluations"], drafts)
    if records["evaluations"]:
        _year_cell(records, ctx.doc_id, year_text, lines, drafts)
    records["documents"] = [{"doc_id": ctx.doc_id, "file_name": file_name, "title": clean(title), "layout": layout,
                             "fiscal_year": year, "money_unit": money_unit, "issuer": issuer,
                             "province": province, "city": city, "district": district,
                             "pages": extraction.pages, "ocr": extraction.ocr}]
    return records


def _related_title(title: str | None) -> str | None:
    """The related form a title names (绩效目标申报表, 执行监控表 …), unless it is a 自评表's."""
    folded = fold(title)
    if not folded or "自评" in folded:
        return None
    return next((name for pattern, name in L.RELATED_FORM_TITLES.items() if re.fullmatch(pattern, folded)), None)


def _self_evaluation_grids(cells: pd.DataFrame) -> tuple[list[Grid], str | None]:
    """The document's tables less those whose columns only a related form prints (a workbook's
    执行监控 sheet beside its 自评表), and the name of the related form found, if any."""
    grids, related = [], None
    for _, group in cells.groupby("table", sort=True):
        named = {match(L.RELATED_FORM_COLUMNS, fold(t).rstrip(":：")) for t in group.text}
        found = next((name for name in L.RELATED_FORM_COLUMNS.values() if name in named), None)
        if found:
            related = related or found
        else:
            grids.append(Grid(group))
    return grids, related


def _with_header_lines(grids: list[Grid], lines: pd.DataFrame) -> list[Grid]:
    """The tables in reading order, with a form's header printed as free lines between two tables (a
    header box whose rules a page break cut away: 项目名称XXXX / 主管部门YYYY) as a table of label/value
    pairs of its own, so the next form starts where its header is."""
    if len(grids) < 2 or lines.empty:
        return grids
    first, last = grids[0].cells[0], grids[-1].cells[-1]
    pairs = []
    for ln in lines.sort_values(["page", "y1"], ascending=[True, False]).itertuples():
        if not (first.page, -first.y1) < (ln.page, -ln.y1) < (last.page, -last.y0):
            continue
        folded = fold(ln.text)
        found = label_prefix(L.HEADER_FIELDS, folded)
        if found is not None:
            pairs.append((ln, folded[:found[1]].rstrip(":："), folded[found[1]:]))
    if not pairs:
        return grids
    table = max(g.table for g in grids) + 1
    rows = []
    for r, (ln, label, value) in enumerate(pairs):
        middle = (ln.x0 + ln.x1) / 2
        for c, (text, x0, x1) in enumerate([(label, ln.x0, middle), (value.lstrip(":："), middle, ln.x1)]):
            rows.append({"table": table, "row": r, "col": c, "row_span": 1, "col_span": 1, "page": ln.page,
                         "x0": x0, "y0": ln.y0, "x1": x1, "y1": ln.y1, "text": text, "confidence": ln.confidence,
                         "locator": f"p{ln.page}"})
    header = Grid(pd.DataFrame(rows))
    where = (header.cells[0].page, -header.cells[0].y1)
    ordered = sorted(grids, key=lambda g: (g.cells[0].page, -g.cells[0].y1))
    at = next((i for i, g in enumerate(ordered) if (g.cells[0].page, -g.cells[0].y1) > where), len(ordered))
    return [*ordered[:at], header, *ordered[at:]]


def _stated_unit(texts: list[str]) -> str | None:
    """The money unit a 单位 line or a block/column label states (项目资金（万元）), if any."""
    for text in texts:
        found = re.search(L.MONEY_UNIT_STATED, fold(text))
        if found:
            return found.group(1) or found.group(2)
    return None


def _title_lines(lines: pd.DataFrame) -> list[str]:
    """Free text at the top of the first page with any, biggest print first."""
    if lines.empty:
        return []
    first = lines[lines.page == lines.page.min()]
    top = first[first.y0 >= first.y0.max() - 120]
    return [t for t in top.assign(h=top.y1 - top.y0).sort_values("h", ascending=False, kind="stable").text]


def _lines_below(draft: Draft, grids: list[Grid], lines: pd.DataFrame) -> list[str]:
    """Free lines printed under the form's last table, up to the next title or the instructions."""
    if draft.last is None or lines.empty:
        return []
    page = draft.last.page
    grid = next(g for g in grids if g.table == draft.last.table)
    bottom = min(c.y0 for c in grid.cells if c.page == page)
    below = lines[(lines.page == page) & (lines.y1 <= bottom + 1)].sort_values(["y1", "x0"], ascending=[False, True])
    out: list[str] = []
    last_y = None
    for line in below.itertuples():
        folded = fold(line.text)
        if re.fullmatch(L.NOTES_END, folded) or re.fullmatch(L.TITLE, folded):
            break
        if last_y is not None and abs(line.y1 - last_y) < 3:
            out[-1] += " " + line.text
        else:
            out.append(line.text)
        last_y = line.y1
    return out


def _fiscal_year(title_lines: list[str], evaluations: list[dict], drafts: list[Draft]) -> tuple[int | None, str | None]:
    """The year evaluated, and the text it was read from."""
    texts = [*title_lines, *(d.header.get("fiscal_year", "") for d in drafts), *(e["period"] or "" for e in evaluations)]
    # 'NNNN年度' names the year evaluated; a bare year may be a project's (隆阳区2021年中央…资金 in a 2022 form).
    for pattern in (r"((?:19|20)\d{2})\s*年度", r"((?:19|20)\d{2})\s*年?"):
        found = next(((m, text) for text in texts if (m := re.search(pattern, fold(text)))), None)
        if found:
            return int(found[0].group(1)), found[1]
    return None, None


def _year_cell(records: dict, doc_id: str, text: str | None, lines: pd.DataFrame, drafts: list[Draft]) -> None:
    """Where the year is printed, as a value cell of the first evaluation (the document prints it once):
    a title line, else the header cell it was read from."""
    line = lines[lines.text == text].head(1) if text else lines.iloc[0:0]
    if not line.empty:
        ln = line.iloc[0]
        where: Placed | None = _PrintedLine(int(ln.page), ln.x0, ln.y0, ln.x1, ln.y1, f"p{int(ln.page)}")
    else:
        where = next((d.header_cells.get("fiscal_year") for d in drafts if d.header.get("fiscal_year") == text), None)
    _value_cells(records, {"doc_id": doc_id, "evaluation_no": 0}, "evaluations", {}, {"fiscal_year": where})


def _issuer(evaluations: list[dict]) -> str | None:
    for key in ("implementing_unit", "supervising_unit"):
        for e in evaluations:
            if e.get(key):
                return re.sub(r"[(（]本级[)）]", "", e[key])
    return None


def _prov(cell: GridCell | None) -> dict:
    if cell is None:
        return {k: None for k in ("table", "row", "page", "x0", "y0", "x1", "y1", "locator")}
    return {"table": cell.table, "row": cell.row, "page": cell.page,
            "x0": cell.x0, "y0": cell.y0, "x1": cell.x1, "y1": cell.y1, "locator": cell.locator}


# The fact column each value of a draft is read into, where the draft names it otherwise.
BUDGET_FIELDS = {"initial_budget": "initial_budget_yuan", "annual_budget": "annual_budget_yuan",
                 "executed": "executed_yuan"}
INDICATOR_FIELDS = {"target": "target_text", "actual": "actual_text"}


class _PrintedLine(NamedTuple):
    """A free line printing a value (the year in a title), placed as a cell is."""
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    locator: str


Placed = GridCell | _PrintedLine  # where a value is printed


def _value_cells(records: dict, key: dict, frame: str, row: dict, cells: dict[str, Placed | None],
                 renames: dict[str, str] | None = None) -> None:
    """One value_cells row per field of fact row `row` read from a cell (or a line)."""
    row_key = ROW_KEYS[frame]
    for name, cell in cells.items():
        if cell is None:
            continue
        records["value_cells"].append({
            **key, "frame": frame, "row_no": row[row_key] if row_key else None,
            "field": (renames or {}).get(name, name), "page": cell.page,
            "x0": cell.x0, "y0": cell.y0, "x1": cell.x1, "y1": cell.y1, "locator": cell.locator})


def _label(text: str | None) -> str | None:
    """Narrow label cells wrap mid-word: '产出 指标' is '产出指标'."""
    return re.sub(r"\s+", "", text) if text and text.strip() else None


def _evaluation(records: dict, ctx: Context, no: int, d: Draft, scope: str) -> None:
    key = {"doc_id": ctx.doc_id, "evaluation_no": no}
    h = {k: answer(v) for k, v in d.header.items()}
    for name_field, code_field in L.CODE_OF.items():
        code, h[name_field] = code_name(h.get(name_field))
        if code and not h.get(code_field):
            h[code_field] = code
    key_project = h.get("is_key_project")
    total = d.total or d.header_cells.get("total_score")
    records["evaluations"].append({
        **key, "scope": scope, "project_name": h.get("project_name") if scope == "project" else None,
        "project_code": h.get("project_code"), "implementing_unit": h.get("implementing_unit"),
        "supervising_unit": re.sub(r"[及]?代码$", "", h["supervising_unit"]) if h.get("supervising_unit") else None,
        "supervising_unit_code": h.get("supervising_unit_code"),
        "unit_code": h.get("unit_code"), "period": h.get("period"),
        "is_key_project": {"是": True, "否": False}.get(fold(key_project)) if key_project else None,
        "project_nature": ticked(h.get("project_nature")),
        "total_score": number(total.text) if total else None, "total_score_text": clean(total.text) if total else None,
        "grade": clean(h.get("grade")) if h.get("grade") else None,
        "notes": "\n".join(d.notes) or None, **_prov(d.first)})
    _value_cells(records, key, "evaluations", records["evaluations"][-1],
                 {**{k: c for k, c in d.header_cells.items() if k in COLUMNS["evaluations"]}, "total_score": total,
                  "total_weight": d.total_weight})

    factor = L.MONEY_UNITS.get(ctx.money_unit or "")
    meta = d.budget_meta
    percent = "%" in fold(meta.get("execution_rate_label", ""))
    base = "initial" if "(A)" in fold(meta.get("initial_budget_label", "")) or "annual_budget_label" not in meta \
        and "initial_budget_label" in meta else "annual"
    block_points = points(meta.get("block_label")) or points(meta.get("score_label"))
    total_done = False
    for line_no, b in enumerate(d.budget):
        pair = re.fullmatch(L.BUDGET_PAIR_LABELS, fold(b["fund_source"]).rstrip(":：")) is not None
        is_total = not pair and not total_done
        total_done = total_done or is_total
        amounts = {f: number(b.get(f)) for f in ("initial_budget", "annual_budget", "executed")}
        weight = number(b.get("weight")) if "weight" in b else (block_points if is_total else None)
        records["budget_lines"].append({
            **key, "line_no": line_no, "fund_source": re.sub(r"\s+", "", b["fund_source"]).rstrip(":："),
            "is_total": is_total,
            **{f"{f}_yuan": round(v * factor, 2) if v is not None and factor else None
               for f, v in amounts.items()},
            **{f"{f}_text": clean(b.get(f)) for f in amounts},
            "rate_base": base, "execution_rate": rate(b.get("execution_rate"), percent),
            "execution_rate_text": clean(b.get("execution_rate")),
            "weight": weight, "score": number(b.get("score")), **_prov(b["cell"])})
        _value_cells(records, key, "budget_lines", records["budget_lines"][-1],
                     {"fund_source": b["label_cell"], **b["cells"]}, BUDGET_FIELDS)

    for g in d.goals:
        records["goals"].append({**key, "goal_no": g["goal_no"], "weight": g["weight"],
                                 "target_text": answer(g["target_text"]), "actual_text": answer(g["actual_text"]),
                                 **_prov(g["cell"])})
        _value_cells(records, key, "goals", records["goals"][-1], g["cells"])

    for i, ind in enumerate(d.indicators):
        op_text = answer(ind.get("target_op_text"))
        target, actual = measure(ind.get("target"), op_text), measure(ind.get("actual"))
        records["indicators"].append({
            **key, "indicator_no": i, "goal_no": ind["goal_no"], "level1": _label(ind.get("level1")),
            "level1_points": ind.get("level1_points"), "level2": _label(strip_points(ind.get("level2"))),
            "name": answer(ind.get("name")), "target_op_text": op_text, "target_text": answer(ind.get("target")),
            "target_op": target.op, "target_value": target.value, "target_unit": target.unit,
            "target_is_qualitative": target.qualitative, "measure_unit": clean(ind.get("measure_unit")),
            "actual_text": answer(ind.get("actual")), "actual_op": actual.op, "actual_value": actual.value,
            "actual_unit": actual.unit, "actual_is_qualitative": actual.qualitative,
            "weight": number(ind.get("weight")), "score": number(ind.get("score")),
            "deviation": answer(ind.get("deviation")), "scoring_method": answer(ind.get("scoring_method")),
            **_prov(ind["cell"])})
        _value_cells(records, key, "indicators", records["indicators"][-1], ind["cells"], INDICATOR_FIELDS)

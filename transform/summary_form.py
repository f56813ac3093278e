"""Read a department summary (部门预算项目绩效自评表): one project per row under a multi-row header.

Each data cell is named by the path of header cells above it ('实际支出金额/其中:财政拨款/一般公共预算',
'产出目标/数量指标/年度指标内容'), and the paths are matched against labels.SUMMARY_*.
"""
from __future__ import annotations

import re

import pandas as pd

from extract.text import join_parts  # the one rule for joining pieces of a cell's text
from transform import labels as L
from transform.grid import Grid, GridCell, match
from transform.project_form import Draft
from transform.values import clean, fold


def read_summary(grids: list[Grid], lines: pd.DataFrame) -> list[Draft] | None:
    """Drafts, one per project row; None when the document is not a summary table."""
    drafts: list[Draft] = []
    found = False
    for grid in grids:
        head = _header(grid)
        if head is None:
            continue
        found = True
        header_rows, number_cell = head
        paths = _paths(grid, header_rows)
        for r in range(header_rows, grid.n_rows):
            no = grid.under(r, (number_cell.x0, number_cell.x1))
            # A project's row is where its 序号 cell starts; a row broken over pages spans more grid rows.
            if no is None or no.row != r or not re.fullmatch(r"\d+", fold(no.text)):
                continue
            drafts.append(_draft(grid, range(r, r + no.row_span), paths, _stray_text(grid, r, lines)))
    if not found:
        return None
    supervising = _page_label(lines, "supervising_unit")
    for d in drafts:
        if supervising:
            d.header.setdefault("supervising_unit", supervising)
    return drafts


def _header(grid: Grid) -> tuple[int, GridCell] | None:
    """Rows the header takes and its 序号 cell, if the table's header names a summary."""
    for r in range(min(grid.n_rows, 3)):
        for cell in grid.starting(r):
            if re.fullmatch(L.SUMMARY_ROW_NO, cell.label):
                labels = {match(L.SUMMARY_FIELDS, c.label) for c in grid.starting(r)}
                if len(labels - {None}) >= 3:
                    return r + cell.row_span, cell
    return None


def _paths(grid: Grid, header_rows: int) -> list[tuple[tuple[float, float], str]]:
    """Leaf columns as (x-span, 'header/sub-header/…') from the header cells above each leaf."""
    leaves = [c for r in range(header_rows) for c in grid.starting(r) if c.row + c.row_span == header_rows]
    out = []
    for leaf in sorted(leaves, key=lambda c: c.x0):
        centre = (leaf.x0 + leaf.x1) / 2
        parts = [c.label for r in range(header_rows) for c in grid.starting(r) if c.x0 <= centre < c.x1]
        out.append(((leaf.x0, leaf.x1), "/".join(parts)))
    return out


def _draft(grid: Grid, rows: range, paths: list, stray: str | None) -> Draft:
    """One project's row: grid rows `rows` (more than one where its cells were cut by page breaks)."""
    d = Draft(labels_seen={"summary_rows"})
    r = rows.start
    values: dict[str, GridCell | None] = {path: grid.under(r, span) for span, path in paths}
    text = {path: _column_text(grid, rows, span) for span, path in paths}
    fields: dict[str, str | None] = {}
    for path, value in text.items():
        name = match(L.SUMMARY_FIELDS, path)
        if name:
            fields[name] = value
    d.header.update({k: v for k, v in fields.items() if k in ("project_name", "implementing_unit") and v})
    d.header_cells.update({k: c for k in d.header if (c := values.get(_path(text, k))) is not None})
    first = next(c for c in grid.starting(r))
    d.first = d.last = first
    annual = next((p for p in text if match(L.SUMMARY_FIELDS, p) == "annual_budget"), "")
    executed = next((p for p in text if match(L.SUMMARY_FIELDS, p) == "executed"), "")
    d.budget.append({"fund_source": f"{annual}/{executed.split('/')[0]}", "annual_budget": fields.get("annual_budget"),
                     "executed": fields.get("executed"), "execution_rate": fields.get("execution_rate"),
                     "cell": first, "label_cell": first,
                     "cells": {k: values.get(_path(text, k)) for k in ("annual_budget", "executed", "execution_rate")}})
    for path, value in text.items():
        source = re.fullmatch(L.SUMMARY_FUND_SOURCES, path)
        if source:
            d.budget.append({"fund_source": source.group("name") or source.group("other"), "executed": value,
                             "cell": values[path], "label_cell": values[path], "cells": {"executed": values[path]}})
    d.budget_meta["execution_rate_label"] = "%"
    d.goals.append({"goal_no": None, "weight": None, "target_text": fields.get("goal_target"),
                    "actual_text": fields.get("goal_actual"), "cell": values.get(_path(text, "goal_target")),
                    "cells": {"target_text": values.get(_path(text, "goal_target")),
                              "actual_text": values.get(_path(text, "goal_actual"))}})
    pairs: dict[tuple[str, str], dict] = {}
    for path, value in text.items():
        found = re.fullmatch(L.SUMMARY_INDICATOR, path)
        if found:
            key = (found.group("level1"), found.group("level2"))
            part = "target" if found.group("part") == "年度指标内容" else "actual"
            pair = pairs.setdefault(key, {"goal_no": None, "level1": key[0], "level1_points": None, "level2": key[1],
                                          "cell": values[path], "cells": {}})
            pair[part] = value
            pair["cells"][part] = values[path]
    d.indicators = list(pairs.values())
    notes = [f"问题：{clean(fields.get('problems')) or ''}", f"整改：{clean(fields.get('rectification')) or ''}"]
    if stray:
        notes.append(f"表外：{stray}")
    d.notes = ["；".join(notes)]
    return d


def _column_text(grid: Grid, rows: range, span: tuple[float, float]) -> str | None:
    """The text of one column over a project's grid rows, each cell once, pieces joined."""
    cells = list(dict.fromkeys(c for c in (grid.under(r, span) for r in rows) if c is not None))
    return join_parts(c.text for c in cells) if cells else None


def _path(text: dict, field: str) -> str | None:
    return next((p for p in text if match(L.SUMMARY_FIELDS, p) == field), None)


def _stray_text(grid: Grid, r: int, lines: pd.DataFrame) -> str | None:
    """Text printed beside the row outside the table's right rule (an unbordered extra cell)."""
    row = grid.row(r)
    page = row[0].page
    right = max(c.x1 for c in grid.cells if c.page == page)
    top, bottom = max(c.y1 for c in row if c.row == r), min(c.y0 for c in row if c.row + c.row_span == r + 1)
    beside = lines[(lines.page == page) & (lines.x0 >= right - 1) & (lines.y0 < top) & (lines.y1 > bottom)]
    return clean("".join(beside.sort_values("y1", ascending=False).text)) or None


def _page_label(lines: pd.DataFrame, field: str) -> str | None:
    """A header field printed as a free line ('部门名称(盖章): 深圳市龙岗区司法局')."""
    for text in lines.text:
        label, sep, value = fold(text).partition(":")
        if sep and match(L.HEADER_FIELDS, label) == field and value:
            return value
    return None

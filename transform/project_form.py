"""Read forms that list one evaluation down the page: project forms and whole-department forms.

The reader walks the rows of the document's tables in order and recognises each row by its labels
(labels.py): header pairs, the budget block and its column header, goals, the indicator column
header, indicator rows, the total row and note rows. Columns are found by the header cell a value
sits under, never by position on the page, so other column widths and page breaks read the same.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from transform import labels as L
from transform.grid import Grid, GridCell, label_prefix, match
from transform.values import answer, clean, fold, number, ordinal, points, strip_points

Span = tuple[float, float]


@dataclass
class Draft:
    """What one form says, as printed, before normalisation into fact rows. Each budget line, goal and
    indicator keeps, beside its texts, `cell` (the row's main cell) and `cells` (field → the cell each
    value was read from), as the header keeps `header_cells` and the total its cell."""
    header: dict[str, str] = field(default_factory=dict)
    header_cells: dict[str, GridCell] = field(default_factory=dict)
    budget: list[dict] = field(default_factory=list)
    budget_meta: dict = field(default_factory=dict)
    goals: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    total: GridCell | None = None
    total_weight: GridCell | None = None  # the 权重/分值 printed on the 总分 row, where the form prints one
    notes: list[str] = field(default_factory=list)
    first: GridCell | None = None
    last: GridCell | None = None
    labels_seen: set[str] = field(default_factory=set)


class ProjectFormReader:
    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.draft = Draft()
        self.mode = "header"
        self.budget_cols: dict[str, Span] = {}
        self.indicator_cols: dict[str, Span] = {}
        self.goal_cols: dict[str, Span] = {}
        self.goal_no: int | None = None
        self.goal_label: GridCell | None = None

    def read(self, grids: list[Grid]) -> list[Draft]:
        for grid in grids:
            for r in range(grid.n_rows):
                self._row(grid, r)
        self._close()
        for draft in self.drafts:
            _rejoin_cut_labels(draft.indicators)
        return [d for d in self.drafts if d.indicators or d.budget or d.header]

    # -- rows ---------------------------------------------------------------------------------
    def _row(self, grid: Grid, r: int) -> None:
        cells = grid.row(r)
        if not any(c.text.strip() for c in cells):
            return
        own = grid.starting(r)
        if self._header_pairs(grid, r, own):
            self._total_or_note(grid, r, own)  # a 总分 row may carry the grade: 总分 | 100 | 自评等级 | 优
            return
        if self._numbered_goal(grid, r, own):
            return
        if self._indicator_header(grid, cells):
            return
        if self._budget_header(cells):
            return
        if self._goals(grid, r, cells, own):
            return
        if self._total_or_note(grid, r, own):
            return
        if self.mode == "budget":
            self._budget_line(grid, r, cells)
        elif self.mode == "indicators":
            self._indicator(grid, r)

    def _touch(self, cell: GridCell) -> None:
        self.draft.first = self.draft.first or cell
        self.draft.last = cell

    def _close(self) -> None:
        if self.draft.first is not None:
            self.drafts.append(self.draft)
        self.draft = Draft()
        self.mode, self.goal_no, self.budget_cols, self.indicator_cols = "header", None, {}, {}

    def _header_pairs(self, grid: Grid, r: int, own: list[GridCell]) -> bool:
        """Label/value pairs (项目名称 | 社区矫正 …); a label seen twice starts the next form."""
        found = False
        filled = [c for c in grid.row(r) if c.text.strip()]
        if len(filled) == 1 and filled[0] in own and match(L.HEADER_FIELDS, filled[0].label) is None:
            # A label and its value alone in one unruled box: 专项资金名称51000020X…-耕地地力保护项目.
            prefixed = label_prefix(L.HEADER_FIELDS, filled[0].label)
            if prefixed is not None:
                name, length = prefixed
                self._pair(name, filled[0], fold(filled[0].text)[length:].lstrip(":："))
                return True
        for cell in own:
            name = match(L.HEADER_FIELDS, cell.label)
            if name is None:
                pair = re.fullmatch(L.BUDGET_PAIR_LABELS, cell.label)
                value = grid.right_of(r, cell)
                if pair and value is not None and number(value.text) is not None:
                    self._touch(cell)
                    self.draft.budget.append({"fund_source": cell.label, "annual_budget": value.text,
                                              "cell": value, "label_cell": cell, "cells": {"annual_budget": value}})
                    self._unit_from(value.text)
                    found = True
                continue
            value = grid.right_of(r, cell)
            # a column header is no value: budget-system exports print a stray 项目名称 before 年初预算数
            if value is None or match(L.HEADER_FIELDS, value.label) or match(L.BUDGET_COLUMNS, value.label):
                continue
            self._pair(name, value, value.text)
            found = True
        return found

    def _pair(self, name: str, cell: GridCell, text: str) -> None:
        """A header field's value; a form's identity seen again after its budget or indicators starts
        the next form."""
        if name in L.FORM_IDENTITY and name in self.draft.header and (self.draft.indicators or self.draft.budget):
            self._close()
        self._touch(cell)
        self.draft.header.setdefault(name, text)
        self.draft.header_cells.setdefault(name, cell)

    def _numbered_goal(self, grid: Grid, r: int, own: list[GridCell]) -> bool:
        """年度目标 N: (11分) | goal text — a department form's numbered goal."""
        for cell in own:
            found = re.fullmatch(L.NUMBERED_GOAL, cell.label)
            if found and (found.group("no") or found.group("points")):
                text_cell = grid.right_of(r, cell)
                if text_cell is not None and match(L.INDICATOR_COLUMNS, text_cell.label):
                    # A block label beside the indicator header (Hubei): the goal has points, no text.
                    self.goal_no = ordinal(found.group("no")) if found.group("no") else None
                    self.draft.goals.append({"goal_no": self.goal_no, "weight": points(cell.text),
                                             "target_text": None, "actual_text": None, "cell": cell,
                                             "cells": {"weight": cell}})
                    self._touch(cell)
                    return False
                self.goal_no = ordinal(found.group("no")) if found.group("no") else None
                self.draft.goals.append({"goal_no": self.goal_no, "weight": points(cell.text),
                                         "target_text": text_cell.text if text_cell else None,
                                         "actual_text": None, "cell": text_cell or cell,
                                         "cells": {"weight": cell, "target_text": text_cell}})
                self._touch(cell)
                self.mode = "goal"
                return True
        return False

    def _indicator_header(self, grid: Grid, cells: list[GridCell]) -> bool:
        heads: dict[str, GridCell] = {}
        for c in cells:
            name = match(L.INDICATOR_COLUMNS, c.label)
            if name and name not in heads:
                heads[name] = c
        cols = {name: (c.x0, c.x1) for name, c in heads.items()}
        if not ({"level2", "name"} & cols.keys() and {"target", "actual"} & cols.keys()):
            return False
        level1 = heads.get("level1")
        if "level2" not in heads and level1 is not None and level1.col_span > 1:
            # One 一级指标 head over two columns (some county templates print no 二级指标 head): the
            # first column holds the 一级 labels, the second the 二级.
            inner = min((g.x0 for g in grid.cells if g.col == level1.col + 1), default=None)
            if inner is not None:
                cols["level1"], cols["level2"] = (level1.x0, inner), (inner, level1.x1)
        self.indicator_cols = cols
        self.draft.labels_seen |= set(cols)
        self.mode = "indicators"
        self._touch(cells[0])
        return True

    def _budget_header(self, cells: list[GridCell]) -> bool:
        cols: dict[str, Span] = {}
        meta: dict = {}
        for c in cells:
            name = match(L.BUDGET_COLUMNS, c.label)
            if name and name not in cols:
                cols[name] = (c.x0, c.x1)
                meta[f"{name}_label"] = c.text
            elif re.fullmatch(L.BUDGET_BLOCK, c.label):
                meta["block_label"] = c.text
        if len(cols) < 2 or "executed" not in cols:
            return False
        self.budget_cols = cols
        self.draft.budget_meta.update(meta)
        for label in meta.values():
            self._unit_from(label)
        self.mode = "budget"
        self._touch(cells[0])
        return True

    def _unit_from(self, text: str) -> None:
        found = re.search(r"(万元|元)", fold(text))
        if found and "money_unit" not in self.draft.budget_meta:
            self.draft.budget_meta["money_unit"] = found.group(1)

    def _goals(self, grid: Grid, r: int, cells: list[GridCell], own: list[GridCell]) -> bool:
        """年度总体目标: its target and actual texts, under 预期目标 / 实际完成情况 headers if printed.

        The headers may share the label's row (坪山), stand in the row above it (罗湖), or be absent
        (大武口: target left, actual right).
        """
        label = next((c for c in own if re.fullmatch(L.GOALS_LABEL, c.label)), None)
        heads = {}
        for c in cells:
            if re.fullmatch(L.GOAL_ACTUAL_HEADER, c.label):
                heads["actual"] = (c.x0, c.x1)
            elif re.fullmatch(L.GOAL_TARGET_HEADER, c.label):
                heads["target"] = (c.x0, c.x1)
        if len(heads) == 2:
            self.goal_cols, self.mode = heads, "goals"
            self.goal_label = label or self.goal_label
            self._touch(cells[0])
            return True
        if label is not None:
            self.goal_label, self.mode = label, "goals"
        elif self.mode != "goals" or (self.goal_label is not None and not self.goal_label.covers(r)
                                      and not self.goal_cols):
            return False
        left = self.goal_label.x1 - 1 if self.goal_label is not None else float("-inf")
        texts = [c for c in cells if c.x0 >= left and c.text.strip()]
        if not texts:
            return label is not None
        if self.goal_cols:
            target, actual = grid.under(r, self.goal_cols["target"]), grid.under(r, self.goal_cols["actual"])
        else:
            target, actual = (texts + [None, None])[:2]
        self.draft.goals.append({"goal_no": None, "weight": None,
                                 "target_text": target.text if target else None,
                                 "actual_text": actual.text if actual else None,
                                 "cell": target or texts[0], "cells": {"target_text": target, "actual_text": actual}})
        self._touch(target or texts[0])
        self.mode, self.goal_cols, self.goal_label = "after_goals", {}, None
        return True

    def _total_or_note(self, grid: Grid, r: int, own: list[GridCell]) -> bool:
        if not own:
            return False
        first = own[0]
        if re.fullmatch(L.TOTAL_ROW, fold(strip_points(first.label))):
            score = grid.under(r, self.indicator_cols["score"]) if "score" in self.indicator_cols else None
            if score is None or score is first or number(score.text) is None:
                score = next((c for c in grid.row(r) if c.x0 >= first.x1 - 1 and number(c.text) is not None
                              and c.x0 >= self.indicator_cols.get("weight", (0, 0))[1] - 1), None)
            self.draft.total = score
            weight = grid.under(r, self.indicator_cols["weight"]) if "weight" in self.indicator_cols else None
            if weight is not None and weight is not first and number(weight.text) is not None:
                self.draft.total_weight = weight
            self._touch(first)
            return True
        if re.fullmatch(L.NOTE_LABELS, first.label):
            value = grid.right_of(r, first)
            self.draft.notes.append(f"{clean(first.text)}：{clean(value.text) if value else ''}")
            self._touch(first)
            self.mode = "notes"
            return True
        return False

    def _budget_line(self, grid: Grid, r: int, cells: list[GridCell]) -> None:
        first_amount = min(x0 for x0, _ in self.budget_cols.values())
        labels = [c for c in cells if c.x1 <= first_amount + 2 and c.text.strip()
                  and not re.fullmatch(L.BUDGET_BLOCK, c.label)]
        if not labels:
            return
        label = labels[-1]
        line = {"fund_source": label.text, "cell": label, "label_cell": label, "cells": {}}
        for name, span in self.budget_cols.items():
            cell = grid.under(r, span)
            cell = cell if cell is not label else None
            line[name] = cell.text if cell is not None else None
            line["cells"][name] = cell
        self.draft.budget.append(line)
        self._touch(label)

    def _indicator(self, grid: Grid, r: int) -> None:
        row: dict = {}
        for name, span in self.indicator_cols.items():
            cell = grid.under(r, span)
            row[name] = cell
        if match(L.INDICATOR_COLUMNS, row["name"].label if row.get("name") else "") == "name":
            return  # a header row repeated
        if not any(row.get(k) is not None and answer(row[k].text) for k in ("name", "target", "actual")):
            return  # a blank or unfilled template row (指标2：, ……)
        level1 = row.get("level1")
        out = {name: (cell.text if cell is not None else None) for name, cell in row.items()}
        out["level1_points"] = points(level1.text) if level1 is not None else None
        out["level1"] = strip_points(out.get("level1"))
        out["goal_no"] = self.goal_no
        previous = self.draft.indicators[-1] if self.draft.indicators else None
        if previous is not None and previous["goal_no"] == self.goal_no:
            # Word prints a merged 一级/二级 label only on the page where it starts: its part on the next
            # page is a blank cell of the same label.
            for key in ("level1", "level2"):
                if key in self.indicator_cols and not answer(out.get(key)) and previous.get(key):
                    out[key] = previous[key]
                    row[key] = previous["cells"].get(key)  # its evidence is where it is printed
                    if key == "level1":
                        out["level1_points"] = previous["level1_points"]
        main = row.get("name") or row.get("target") or row.get("actual")
        out["cell"] = main
        out["cells"] = row
        self.draft.indicators.append(out)
        self._touch(main)


def _rejoin_cut_labels(indicators: list[dict]) -> None:
    """A level label merged over rows on both sides of a page break, cut mid-word (服务对象满意 | 度指标) or
    in its points (效益指标(30 | 分))."""
    def level(text: str) -> str:
        return fold(strip_points(text))

    for before, after in zip(indicators, indicators[1:]):
        if before["cell"] is None or after["cell"] is None or before["cell"].page == after["cell"].page:
            continue
        for key in ("level1", "level2"):
            upper, lower = fold(before.get(key)), fold(after.get(key))
            # two labels of their own are two labels (经济效益 | 指标 is one: 指标 is none)
            if upper and lower and upper != lower and level(upper + lower) in L.LEVEL_LABELS \
                    and not (level(upper) in L.LEVEL_LABELS and level(lower) in L.LEVEL_LABELS):
                for row in indicators:
                    if fold(row.get(key)) in (upper, lower) and row["goal_no"] == before["goal_no"]:
                        # level1 was read with its points taken out; level2 keeps them until document.py
                        row[key] = strip_points(upper + lower) if key == "level1" else upper + lower
                        if key == "level1" and row.get("level1_points") is None:
                            row["level1_points"] = points(upper + lower)

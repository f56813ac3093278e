"""A read-only view of one table's cells by grid row, and lookups by column position."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from transform.values import fold


@dataclass(frozen=True)
class GridCell:
    table: int
    row: int
    row_span: int
    col: int
    col_span: int
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    confidence: float
    locator: str  # where in the source: "p3" on a PDF, "Sheet!B3:D4" in a workbook, "table 2 r5c1" …

    @functools.cached_property  # read for every pattern table a row is tried against
    def label(self) -> str:
        """The text folded for label matching: no spaces, no leading '*', no trailing colon."""
        return fold(self.text).lstrip("*").rstrip(":：")

    def covers(self, row: int) -> bool:
        return self.row <= row < self.row + self.row_span


class Grid:
    def __init__(self, cells: pd.DataFrame):
        self.cells = [GridCell(*r) for r in cells[list(GridCell.__dataclass_fields__)].itertuples(index=False, name=None)]
        self.table = self.cells[0].table if self.cells else -1
        self.n_rows = max((c.row + c.row_span for c in self.cells), default=0)
        self._by_row: list[list[GridCell]] = [[] for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, c.row + c.row_span):
                self._by_row[r].append(c)
        for row in self._by_row:
            row.sort(key=lambda c: c.x0)

    def row(self, r: int) -> list[GridCell]:
        """Cells covering grid row r (merged cells from rows above included), left to right."""
        return self._by_row[r]

    def starting(self, r: int) -> list[GridCell]:
        return [c for c in self._by_row[r] if c.row == r]

    def under(self, r: int, span: tuple[float, float]) -> GridCell | None:
        """The cell of row r that sits under a header spanning x0..x1 (most horizontal overlap)."""
        best, best_overlap = None, 0.0
        for c in self._by_row[r]:
            overlap = min(c.x1, span[1]) - max(c.x0, span[0])
            if overlap > best_overlap and overlap >= 0.5 * min(c.x1 - c.x0, span[1] - span[0]):
                best, best_overlap = c, overlap
        return best

    def right_of(self, r: int, cell: GridCell) -> GridCell | None:
        return next((c for c in self._by_row[r] if c.x0 >= cell.x1 - 1.0), None)


def match(patterns: dict[str, str], label: str) -> str | None:
    """The field whose label pattern matches the whole folded label, if any (the first, in table order)."""
    alternation, names = _alternation(tuple(patterns.items()))
    found = alternation.fullmatch(label)
    return names[found.lastgroup] if found else None


@functools.cache
def _alternation(patterns: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict[str, str]]:
    """A pattern table as one regular expression: every cell's label is tried against whole tables, and
    one compiled alternation is one call where a loop over the table was one per pattern. fullmatch
    tries the alternatives in order and each must match the whole label, as the loop did; the outer
    group closes last, so lastgroup names the alternative whatever groups it holds."""
    alternation = re.compile("|".join(f"(?P<_{i}>{pattern})" for i, (pattern, _) in enumerate(patterns)))
    return alternation, {f"_{i}": name for i, (_, name) in enumerate(patterns)}


def label_prefix(patterns: dict[str, str], folded: str) -> tuple[str, int] | None:
    """(field, length) of the longest label at the start of a folded text that goes on with a value:
    '项目名称34000024X…-高标准农田建设工作经费' (a label and its value in one unruled box or line)."""
    for n in range(min(len(folded) - 1, 10), 1, -1):
        field = match(patterns, folded[:n].rstrip(":："))
        if field is not None:
            return field, n
    return None

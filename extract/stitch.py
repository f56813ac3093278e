"""Join the pieces of a table that runs over page breaks into one table.

A table continues on the next page when that page's first table has the same outer width and
nothing but page furniture (page numbers) is printed between the two pieces. At the seam:
- header rows the next page repeats are dropped;
- a row whose text runs over the break (the next piece's first row only adds text to cells that
  are filled above it, and leaves a number column empty) is fused with the row above;
- a merged cell cut by the break (a vertical span on either side, one side blank, both alike, or
  its text itself cut: pressed against the break on both sides) becomes one cell again, so its
  label covers the rows on both pages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extract.model import Cell, PageTable, TextLine
from extract.text import join_parts

EDGE_TOLERANCE = 0.02  # of the page width: rulings of one spreadsheet printed twice
ALIGN = 6.0  # points: a column's rules on two pages; a deskewed scan's wander by a few points
PAGE_FURNITURE = re.compile(r"^(第\s*\d+\s*页.*|-?\s*\d+\s*-?|\d+\s*/\s*\d+|page\s*\d+.*|[(（]?续表?[)）]?)$", re.I)
LINE = 14.0  # points: the most one line of a form's text takes
# A browser's own running header and footer: the print date and time, the page's address.
BROWSER_FURNITURE = re.compile(r"^(\d{1,4}[/-]\d{1,2}[/-]\d{1,4},?\s*\d{1,2}:\d{2}(\s*[AP]M)?|(file|https?)://\S+)$", re.I)
NUMBER = re.compile(r"^[-+]?\d[\d,]*(\.\d+)?%?$")
OVERHANG = 1.0  # points: how far under a cut rule a browser's overflowing line may start


@dataclass
class PlacedCell:
    """A cell of a joined table: grid rows run on across pages; `pieces` keeps each page's part."""
    row: int
    row_span: int
    cell: Cell
    page: int
    pieces: list[tuple[int, Cell]] = field(default_factory=list)


@dataclass
class JoinedTable:
    cells: list[PlacedCell]
    n_rows: int
    pages: list[int]
    lefts: list[float]  # each piece's left edge: a scan's pages are placed a few points apart


def hugs_rule(y0: float, y1: float, rule: float) -> bool:
    """A line of text printed over a table's cut bottom rule (its centre below it), or hanging just under
    it: Chromium prints the next line of a cell cut by a page break there, a fraction of a point down."""
    return (y0 + y1) / 2 < rule < y1 or 0 <= rule - y1 < OVERHANG


def is_furniture(text: str) -> bool:
    return bool(PAGE_FURNITURE.match(text.strip()) or BROWSER_FURNITURE.match(text.strip()))


def without_furniture(lines: list[TextLine]) -> list[TextLine]:
    """The lines less page furniture: page numbers, 续表, and a browser's running header and footer (the
    date, the address, and whatever stands on the same line as them, such as the page's title)."""
    marks = [ln for ln in lines if BROWSER_FURNITURE.match(ln.text.strip())]
    def furniture(ln: TextLine) -> bool:
        return bool(PAGE_FURNITURE.match(ln.text.strip()) or any(
            m.page == ln.page and abs((m.y0 + m.y1) - (ln.y0 + ln.y1)) < 2 * (m.y1 - m.y0) for m in marks))
    return [ln for ln in lines if not furniture(ln)]


def absorb_overflow(tables: list[PageTable], lines: list[TextLine]) -> tuple[list[PageTable], list[TextLine]]:
    """Text a browser prints past a table's cut edge belongs to the cell it overflows.

    Printing a tall merged cell (a vertical 效益指标 label) across a page break, Chromium may put a line
    of it just under the table's last rule, outside every cell; it would read as a free line and keep
    the two pieces apart. A line hugging the bottom rule of a table that the next page continues,
    inside one of its bottom cells, is moved into that cell."""
    firsts = {}
    for t in tables:
        firsts.setdefault(t.page, t)
    lasts = {t.page: t for t in tables}
    kept: list[TextLine] = []
    out = {id(t): t for t in tables}
    for ln in lines:
        table = lasts.get(ln.page)
        nxt = firsts.get(ln.page + 1)
        # Printed over the rule, its centre below it (a glyph clipped at the rule is Calc's, see _text_cut_by_break).
        seam = (table is not None and nxt is not None and hugs_rule(ln.y0, ln.y1, table.y0)
                and abs(table.x0 - nxt.x0) < ALIGN and abs(table.x1 - nxt.x1) < ALIGN)
        # The cell it overflows holds it whole and goes on at the top of the next page.
        cell = next((c for c in out[id(table)].cells if abs(c.y0 - table.y0) < 1
                     and c.x0 <= ln.x0 and ln.x1 <= c.x1
                     and any(abs(n.y1 - nxt.y1) < 1 and abs(n.x0 - nxt.x0 - (c.x0 - table.x0)) < ALIGN
                             and abs(n.x1 - nxt.x0 - (c.x1 - table.x0)) < ALIGN for n in nxt.cells)),
                    None) if seam else None
        if cell is None:
            kept.append(ln)
            continue
        grown = replace(cell, text=join_parts([cell.text, ln.text]), text_y0=ln.y0,
                        text_y1=cell.text_y1 if cell.text_y1 is not None else ln.y1)
        current = out[id(table)]
        out[id(table)] = replace(current, cells=[grown if c is cell else c for c in current.cells])
    return [out[id(t)] for t in tables], kept


def join_tables(tables: list[PageTable], lines: list[TextLine], page_width: dict[int, float]) -> list[JoinedTable]:
    joined: list[JoinedTable] = []
    previous: PageTable | None = None
    for table in tables:
        if previous is not None and _continues(previous, table, tables, lines, page_width):
            _append(joined[-1], table)
        else:
            joined.append(_start(table))
        previous = table
    return joined


def _continues(prev: PageTable, nxt: PageTable, tables: list[PageTable], lines: list[TextLine],
               page_width: dict[int, float]) -> bool:
    if nxt.page != prev.page + 1:
        return False
    tol = EDGE_TOLERANCE * page_width.get(nxt.page, 600.0)
    if abs(prev.x0 - nxt.x0) > tol or abs(prev.x1 - nxt.x1) > tol:
        return False
    if any(t.page == prev.page and t.y1 <= prev.y0 for t in tables if t is not prev):
        return False  # another table follows on the first page
    if any(t.page == nxt.page and t.y0 >= nxt.y1 for t in tables if t is not nxt):
        return False  # another table precedes on the next page
    between = [ln for ln in lines
               if (ln.page == prev.page and ln.y1 <= prev.y0 + 1) or (ln.page == nxt.page and ln.y0 >= nxt.y1 - 1)]
    return all(PAGE_FURNITURE.match(ln.text.strip()) for ln in between)


def _start(table: PageTable) -> JoinedTable:
    cells = [PlacedCell(c.row, c.row_span, c, table.page, [(table.page, c)]) for c in table.cells]
    return JoinedTable(cells=cells, n_rows=_n_rows(table), pages=[table.page], lefts=[table.x0])


def _n_rows(table: PageTable) -> int:
    return max((c.row + c.row_span for c in table.cells), default=0)


def _row_signature(cells: list[Cell], first: int, count: int, left: float) -> list[tuple]:
    inside = [c for c in cells if c.row >= first and c.row + c.row_span <= first + count]
    return sorted((c.row - first, c.row_span, round((c.x0 - left) / ALIGN), round((c.x1 - left) / ALIGN),
                   _fold(c.text)) for c in inside)


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _repeated_header_rows(joined: JoinedTable, table: PageTable) -> int:
    """How many top rows of the new piece repeat a run of header rows of the first piece (0 if none)."""
    for k in range(min(4, _n_rows(table)), 0, -1):
        head = _row_signature(table.cells, 0, k, table.x0)
        if head and any(sig[-1] for sig in head) and _closed_below(joined, table, k) \
                and _printed_on_first_page(joined, head, k):
            return k
    return 0


def _closed_below(joined: JoinedTable, table: PageTable, k: int) -> bool:
    """No cell beside the first k rows straddles row k (header rows are closed at their bottom), but for
    the rest of a block label left of the header (绩效指标 running on down the page), blank or printed
    again: the text of the cell it continues, the one in its column that reaches the break."""
    inside = [c for c in table.cells if c.row + c.row_span <= k]
    left = min((c.x0 for c in inside), default=table.x0)
    running = [(pc.pieces[-1][1].x0 - joined.lefts[-1], _fold(pc.cell.text)) for pc in joined.cells
               if pc.row + pc.row_span == joined.n_rows]

    def printed_again(c: Cell) -> bool:
        return any(abs(x - (c.x0 - table.x0)) < ALIGN and text == _fold(c.text) for x, text in running)

    return not any(c.row < k < c.row + c.row_span and (c.x1 > left + ALIGN or (c.text.strip() and not printed_again(c)))
                   for c in table.cells)


def _printed_on_first_page(joined: JoinedTable, head: list[tuple], k: int) -> bool:
    """The k rows `head` also stand on the table's first page, and not as the rows just above the break:
    two equal rows meeting at a break are data (a form listing an indicator twice); a header is never
    the last thing before one."""
    first_page = [pc.cell for pc in joined.cells if pc.page == joined.pages[0]]
    first_rows = max((c.row + c.row_span for c in first_page), default=0)
    return any(_row_signature(first_page, start, k, joined.lefts[0]) == head
               for start in range(0, max(min(first_rows, joined.n_rows - 1) - k + 1, 0)))


def _append(joined: JoinedTable, table: PageTable) -> None:
    skip = _repeated_header_rows(joined, table)
    cells = [replace(c, row=c.row - skip) for c in table.cells if c.row >= skip]
    bottom = joined.n_rows
    above = [pc for pc in joined.cells if pc.row + pc.row_span == bottom]
    top = [c for c in cells if c.row == 0]
    shift = table.x0 - joined.lefts[-1]
    fuse_row = _is_continued_row(above, top, shift)
    offset = bottom - 1 if fuse_row else bottom
    placed_top: dict[int, PlacedCell] = {}
    for c in top:
        partner = _partner(above, c, shift)
        if partner is not None and (fuse_row or _same_span_cut_by_break(partner, c)):
            partner.row_span += c.row_span - (1 if fuse_row else 0)
            partner.pieces.append((table.page, c))
            if not partner.cell.text.strip():
                partner.cell, partner.page = c, table.page
            elif c.text.strip():
                partner.cell = replace(partner.cell, text=_join_text(partner.cell.text, c.text))
            placed_top[id(c)] = partner
    for c in cells:
        if id(c) not in placed_top:
            joined.cells.append(PlacedCell(c.row + offset, c.row_span, c, table.page, [(table.page, c)]))
    joined.n_rows = offset + _n_rows(PageTable(table.page, 0, 0, 0, 0, cells))
    joined.pages.append(table.page)
    joined.lefts.append(table.x0)


def _partner(above: list[PlacedCell], cell: Cell, shift: float) -> PlacedCell | None:
    """The cell above the break in the same columns (left and right edges alike)."""
    for pc in above:
        last = pc.pieces[-1][1]
        if abs(last.x0 + shift - cell.x0) < ALIGN and abs(last.x1 + shift - cell.x1) < ALIGN:
            return pc
    return None


def _is_continued_row(above: list[PlacedCell], top: list[Cell], shift: float) -> bool:
    """Is the new piece's first row the rest of the row above the break?

    It must only add text to cells that are filled above it, and show it is unfinished: it leaves
    a number column of the row above empty (an indicator row's 权重/得分), or, in a row of text
    only (goals, notes), it leaves the row's label (its first cell) empty.
    """
    if not above or not top:
        return False
    last = sorted((pc.pieces[-1][1] for pc in above), key=lambda c: c.x0)
    numbers_left_empty = has_numbers = False
    for c in top:
        partner = next((a for a in last if abs(a.x0 + shift - c.x0) < ALIGN and abs(a.x1 + shift - c.x1) < ALIGN), None)
        if partner is None or (c.text.strip() and not partner.text.strip()):
            return False
        is_number = bool(NUMBER.match(_fold(partner.text)))
        has_numbers |= is_number
        if is_number and not c.text.strip() and c.row_span == 1:
            numbers_left_empty = True
    first = min(top, key=lambda c: c.x0)
    label_left_empty = bool(last[0].text.strip()) and not first.text.strip() and first.row_span == 1
    adds_text = any(c.text.strip() for c in top)
    # Text only runs on from a cell whose text was cut: it reaches down to the break. A new row under
    # labels merged across the break adds text below cells that ended clear of the bottom ('0起'). Most,
    # not all: a browser moves a line that does not fit whole to the next page, leaving a line's gap.
    pressed = [_pressed_down(partner) for c in top if c.text.strip()
               for partner in last if abs(partner.x0 + shift - c.x0) < ALIGN and abs(partner.x1 + shift - c.x1) < ALIGN]
    cut = 2 * sum(pressed) > len(pressed) or not pressed
    return adds_text and cut and (numbers_left_empty or (not has_numbers and label_left_empty))


def _pressed_down(cell: Cell) -> bool:
    if cell.text_y0 is None or cell.text_y1 is None:
        return True  # no glyph boxes (a scan): keep the older judgement
    # No room left under the text for another line of it.
    return cell.text_y0 - cell.y0 < 0.8 * min(cell.text_y1 - cell.text_y0, LINE)


def _same_span_cut_by_break(above: PlacedCell, cell: Cell) -> bool:
    a, b = _fold(above.cell.text), _fold(cell.text)
    upper = above.pieces[-1][1]
    spans = upper.row_span > 1 or cell.row_span > 1
    return spans and (not a or not b or a == b or _text_cut_by_break(upper, cell))


def _text_cut_by_break(upper: Cell, lower: Cell) -> bool:
    """Lines of one cell's text printed on both sides of the break: the upper part sits against the
    page's cut edge and the lower part against the next page's, whereas a label centred (or aligned
    top or bottom) in a cell of its own leaves a gap on at least one of those sides."""
    if None in (upper.text_y0, upper.text_y1, lower.text_y0, lower.text_y1):
        return False
    upper_below, upper_above = upper.text_y0 - upper.y0, upper.y1 - upper.text_y1
    lower_above, lower_below = lower.y1 - lower.text_y1, lower.text_y0 - lower.y0
    # or text filling the upper part to the break (no room for another line) and the lower from it
    line = min(upper.text_y1 - upper.text_y0, lower.text_y1 - lower.text_y0, LINE)
    full = upper_below < 0.8 * line and lower_above < 0.8 * line
    return (upper_below < upper_above / 2 and lower_above < lower_below / 2) or full


def _join_text(a: str, b: str) -> str:
    return a if _fold(a) == _fold(b) else join_parts([a, b])

"""Web pages (an announcement with the form as an HTML table) → its tables and the text around them.

Only innermost tables are tables: sites lay pages out with tables, and the form is the one inside.
The grid follows rowspan/colspan; columns are of equal width (a page's pixel widths are not the
form's). Text outside those tables (the page's heading, 单位 lines, notes) becomes lines in reading order.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer
import lxml.html
from lxml import etree

from extract.document import ExtractError
from extract.layout import Layout, Region, Table, Text, join_lines, place_flow

PAGE_WIDTH = 523.0
ROW_POINTS = 18.0
BODY_SIZE = 12.0
HEADING_SIZES = {"h1": 22.0, "h2": 18.0, "h3": 16.0, "h4": 14.0, "h5": 13.0, "h6": 12.0}
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "tbody", "thead",
              "tfoot", "caption", "br", "section", "article", "header", "footer", "center", "blockquote",
              "pre", "form", "hr", "nav", "main", "aside", *HEADING_SIZES}
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "iframe", "object", "svg", "select", "button"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt)", re.IGNORECASE)
MAX_SPAN = 1000  # a rowspan/colspan beyond any real form (browsers clamp similarly)


def decode(data: bytes) -> str:
    """The page's text: its BOM, else its declared charset, else UTF-8, else detected (GBK pages
    often declare nothing). GB2312 and GBK are read as GB18030, their superset."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    declared = META_CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80") else name
        try:
            return data.decode(name, errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        return str(best) if best is not None else data.decode("gb18030", errors="replace")


def read_html(data: bytes) -> Layout:
    text = decode(data)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input that declares an encoding
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as err:
        raise ExtractError(f"unreadable web page: {err}") from err
    blocks: list[Table | Text] = []
    _Walker(blocks).walk(root)
    layout = Layout()
    place_flow(layout, blocks, PAGE_WIDTH)
    return layout


class _Walker:
    """Reading order over the page: innermost tables as tables, other text gathered into lines."""

    def __init__(self, blocks: list[Table | Text]) -> None:
        self.blocks = blocks
        self.buffer: list[str] = []
        self.size = BODY_SIZE
        self.tables = self.texts = 0

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.buffer)).strip()
        self.buffer = []
        if text:
            self.texts += 1
            self.blocks.append(Text(text, self.size, f"text {self.texts}"))

    def walk(self, el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in SKIP_TAGS or not tag:  # comments and processing instructions have no tag name
            self._tail(el)
            return
        if tag == "table" and el.find(".//table") is None:
            self.flush()
            self.tables += 1
            self.blocks.append(_grid(el, self.tables))
            self._tail(el)
            return
        block = tag in BLOCK_TAGS
        outer = self.size
        if block:
            self.flush()
            self.size = HEADING_SIZES.get(tag, self.size)
        if (style := FONT_SIZE.search(el.get("style") or "")) is not None:
            self.size = float(style.group(1)) * (0.75 if style.group(2).lower() == "px" else 1.0)
        if el.text:
            self.buffer.append(el.text)
        for child in el:
            self.walk(child)
        if block:
            self.flush()
        self.size = outer
        self._tail(el)

    def _tail(self, el) -> None:
        if el.tail:
            self.buffer.append(el.tail)


def _span(cell, name: str) -> int:
    try:
        return min(max(int(re.sub(r"\D", "", cell.get(name) or "1") or 1), 1), MAX_SPAN)
    except ValueError:
        return 1


def _cell_text(cell) -> str:
    for br in cell.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in cell.iter("p", "div", "li"):
        block.tail = "\n" + (block.tail or "")
    return join_lines(cell.text_content().splitlines())


def _grid(table, number: int) -> Table:
    taken: set[tuple[int, int]] = set()
    regions: list[Region] = []
    rows = [tr for tr in table.iter("tr")]
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            row_span = min(_span(cell, "rowspan"), len(rows) - r)
            col_span = _span(cell, "colspan")
            taken |= {(r + i, c + j) for i in range(row_span) for j in range(col_span)}
            end = f":r{r + row_span}c{c + col_span}" if (row_span, col_span) != (1, 1) else ""
            regions.append(Region(r, c, row_span, col_span, _cell_text(cell), f"table {number} r{r + 1}c{c + 1}{end}"))
            c += col_span
    n_cols = max((c + 1 for _, c in taken), default=0)
    return Table(regions, [1.0] * n_cols, [ROW_POINTS] * len(rows))

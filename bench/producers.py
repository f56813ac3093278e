"""Print forms (bench/forms.py) the ways bureaus do, and keep the source files they printed from.

- calc:    a flat ODS spreadsheet (one sheet per form) → PDF by LibreOffice Calc; XLSX saved by Calc.
- writer:  a DOCX (one table per form, rows allowed to break across pages, Word's repeated header
           rows) → PDF by LibreOffice Writer.
- browser: an HTML page (one <table> per form, <thead> repeated after breaks) → PDF by Chromium
           headless --print-to-pdf, with or without the browser's header/footer (date, title, URL, page x/y).

A `Doc` carries the forms and the print settings drawn for one document. LibreOffice runs once per
batch (start-up paid once); Chromium once per document (it cannot print several files per call).
"""
from __future__ import annotations

import base64
import json
import math
import os
import select
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from forms import Cell, Form, Line, Row, split_rows

A4 = (595.3, 841.9)


@dataclass
class Doc:
    name: str
    forms: list[Form]
    title: str
    landscape: bool
    font: str
    fsize: float
    rule_pt: float          # 0.5 ruled; ≤ 0.25 hairline
    margin: float           # left/right/bottom, pt
    top_margin: float
    page_numbers: bool
    repeat_header: bool     # the indicator column headers repeat after page breaks (writer, browser)
    form_per_page: bool = True   # each form starts a page (writer, browser; Calc prints one sheet per form)
    page: tuple[float, float] | None = None   # None: A4 in the drawn orientation
    fit: str = "fill"       # "fill": columns widened to the printable width; "shrink": only narrowed to it

    @property
    def size(self) -> tuple[float, float]:
        w, h = self.page or A4
        return (max(w, h), min(w, h)) if self.landscape else (min(w, h), max(w, h))

    def widths(self, form: Form) -> list[float]:
        """Column widths scaled to fill the printable width (pt)."""
        room = self.size[0] - 2 * self.margin - 4
        total = sum(form.widths)
        if self.fit == "shrink" and total <= room:
            return list(form.widths)
        return [w * room / total for w in form.widths]


def text_height(text: str, width: float, fsize: float) -> float:
    lines = 0
    for part in text.split("\n"):
        units = sum(1.0 if ord(ch) > 0x2E80 else 0.56 for ch in part)
        lines += max(1, math.ceil(units * fsize / max(width, fsize)))
    return lines * fsize * 1.32 + 5


def _tables(doc: Doc, form: Form) -> list[tuple[list[Row], int]]:
    """The form's rows as tables, each with how many leading rows repeat after a page break."""
    if not doc.repeat_header or form.head_at is None:
        return [(form.rows, 0)]
    top, bottom = split_rows(form.rows, form.head_at)
    head, body = split_rows(bottom, form.head_rows)
    return [(top, 0), (head + body, form.head_rows)]


def _cells_by_row(rows: list[Row]) -> list[list[tuple[Cell, bool, bool]]]:
    """Per row: (cell, continues, ends here) for every cell starting in it or continued into it from above
    (Word's vMerge)."""
    out: list[list[tuple[Cell, bool, bool]]] = [[] for _ in rows]
    for r, row in enumerate(rows):
        for c in row.cells:
            last = min(r + c.rs, len(rows)) - 1
            for k in range(r, last + 1):
                out[k].append((c, k > r, k == last))
    for cells in out:
        cells.sort(key=lambda x: x[0].col)
    return out


# ---------------------------------------------------------------- Calc (flat ODS)

def to_fods(doc: Doc) -> str:
    styles: dict[str, str] = {}

    def cell_style(c: Cell) -> str:
        name = f"c{c.align}{c.edges}"
        sides = {"t": "top", "b": "bottom", "l": "left", "r": "right"}
        borders = " ".join(f'fo:border-{side}="{f"{doc.rule_pt}pt solid #000000" if k in c.edges else "none"}"'
                           for k, side in sides.items())
        align = "center" if c.align == "c" else "start"
        styles.setdefault(name, f'<style:style style:name="{name}" style:family="table-cell" style:parent-style-name="Default">'
                                f'<style:table-cell-properties {borders} fo:wrap-option="wrap" style:vertical-align="middle"/>'
                                f'<style:paragraph-properties fo:text-align="{align}"/></style:style>')
        return name

    def row_style(h: float) -> str:
        name = f"ro{round(h * 4)}"
        styles.setdefault(name, f'<style:style style:name="{name}" style:family="table-row"><style:table-row-properties '
                                f'style:row-height="{h:.2f}pt" style:use-optimal-row-height="false"/></style:style>')
        return name

    def col_style(w: float) -> str:
        name = f"co{round(w * 4)}"
        styles.setdefault(name, f'<style:style style:name="{name}" style:family="table-column"><style:table-column-properties '
                                f'style:column-width="{w:.2f}pt"/></style:style>')
        return name

    sheets = []
    for s_i, form in enumerate(doc.forms):
        widths = doc.widths(form)
        n = len(widths)
        heights = [max(r.height, doc.fsize * 1.6 + 4) for r in form.rows]
        for r, row in enumerate(form.rows):   # rows tall enough for their wrapped text: Calc keeps fixed heights
            for c in row.cells:
                need = text_height(c.text, sum(widths[c.col:c.col + c.cs]) - 4, doc.fsize)
                have = sum(heights[r:r + c.rs])
                if need > have:
                    heights[min(r + c.rs, len(heights)) - 1] += need - have
        xml = []
        for line in form.above:
            xml.append(_fods_line(line, widths, doc, row_style))
        by_row = _cells_by_row(form.rows)
        for r, row in enumerate(form.rows):
            starts = {c.col: c for c in row.cells}
            covered = {k for c, cont, _ in by_row[r] for k in range(c.col, c.col + c.cs) if cont or k != c.col}
            cells = []
            for k in range(n):
                c = starts.get(k)
                if c is not None:
                    cells.append(f'<table:table-cell table:style-name="{cell_style(c)}" office:value-type="string" '
                                 f'table:number-columns-spanned="{c.cs}" table:number-rows-spanned="{c.rs}">'
                                 + "".join(f"<text:p>{escape(p)}</text:p>" for p in c.text.split("\n")) + "</table:table-cell>")
                elif k in covered:
                    cells.append("<table:covered-table-cell/>")
                else:
                    cells.append("<table:table-cell/>")
            xml.append(f'<table:table-row table:style-name="{row_style(heights[r])}">{"".join(cells)}</table:table-row>')
        for line in form.below:
            xml.append(_fods_line(line, widths, doc, row_style))
        cols = "".join(f'<table:table-column table:style-name="{col_style(w)}"/>' for w in widths)
        sheets.append(f'<table:table table:name="自评表{s_i + 1}" table:style-name="ta1">{cols}{"".join(xml)}</table:table>')
    pw, ph = doc.size
    footer = ('<style:footer><text:p>第<text:page-number>1</text:page-number>页，共<text:page-count>1</text:page-count>页</text:p>'
              '</style:footer>') if doc.page_numbers else '<style:footer style:display="false"/>'
    return _FODS.format(font=escape(doc.font), fsize=doc.fsize, title_size=round(doc.fsize * 1.8, 1), pw=pw, ph=ph,
                        orient="landscape" if doc.landscape else "portrait", mt=doc.top_margin, ml=doc.margin,
                        mb=doc.margin, auto="".join(styles.values()), footer=footer,
                        fmin="14pt" if doc.page_numbers else "0pt", body="".join(sheets))


def _fods_line(line: Line, widths: list[float], doc: Doc, row_style) -> str:
    n, total = len(widths), sum(widths)
    if line.at is not None:
        starts = []
        for x in line.at:
            acc, col = 0.0, 0
            for i, w in enumerate(widths):
                if acc + w / 2 > x * total:
                    col = i
                    break
                acc += w
            starts.append(col)
    else:
        starts = [round(i * n / len(line.blocks)) for i in range(len(line.blocks))]
    if len(line.blocks) == 1:
        starts = [0]
    style = "T" if line.title else {"l": "N", "c": "NC", "r": "NR"}[line.blocks[0][1] if len(line.blocks) == 1 else "l"]
    h = (doc.fsize * 2.2 if line.title else doc.fsize * 1.5) + 4
    cells = []
    for i, ((text, align), col) in enumerate(zip(line.blocks, starts)):
        end = starts[i + 1] if i + 1 < len(starts) else n
        if i == 0 and col > 0:
            cells.append(f'<table:table-cell table:number-columns-repeated="{col}"/>')
        span = max(end - col, 1)
        cell_style = style if len(line.blocks) == 1 else {"l": "N", "c": "NC", "r": "NR"}[align]
        cells.append(f'<table:table-cell table:style-name="{cell_style}" office:value-type="string" '
                     f'table:number-columns-spanned="{span}"><text:p>{escape(text)}</text:p></table:table-cell>')
        if span > 1:
            cells.append(f'<table:covered-table-cell table:number-columns-repeated="{span - 1}"/>')
    return f'<table:table-row table:style-name="{row_style(h)}">{"".join(cells)}</table:table-row>'


_FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls><style:font-face style:name="F" svg:font-family="&apos;{font}&apos;"/></office:font-face-decls>
<office:styles>
<style:style style:name="Default" style:family="table-cell"><style:text-properties style:font-name="F" style:font-name-asian="F" fo:font-size="{fsize}pt" style:font-size-asian="{fsize}pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="{pw:.1f}pt" fo:page-height="{ph:.1f}pt" style:print-orientation="{orient}"
 fo:margin-top="{mt:.1f}pt" fo:margin-bottom="{mb:.1f}pt" fo:margin-left="{ml:.1f}pt" fo:margin-right="{ml:.1f}pt" style:print="grid-none"/>
 <style:header-style><style:header-footer-properties fo:min-height="0pt"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="{fmin}"/></style:footer-style></style:page-layout>
<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>
<style:style style:name="T" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="{title_size}pt" style:font-size-asian="{title_size}pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="N" style:family="table-cell" style:parent-style-name="Default"><style:paragraph-properties fo:text-align="start"/></style:style>
<style:style style:name="NC" style:family="table-cell" style:parent-style-name="Default"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="NR" style:family="table-cell" style:parent-style-name="Default"><style:paragraph-properties fo:text-align="end"/></style:style>
{auto}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1"><style:header style:display="false"/>{footer}</style:master-page></office:master-styles>
<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>
</office:document>
"""


# ---------------------------------------------------------------- Writer (DOCX written as WordprocessingML)

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _run(text: str, doc: Doc, size: float, bold: bool = False) -> str:
    font = escape(doc.font, {'"': "&quot;"})
    props = (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>{"<w:b/>" if bold else ""}'
             f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/></w:rPr>')
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, doc: Doc, align: str = "l", size: float | None = None, bold: bool = False, space: int = 0,
          new_page: bool = False) -> str:
    jc = {"l": "left", "c": "center", "r": "right"}[align]
    brk = "<w:pageBreakBefore/>" if new_page else ""
    runs = "".join(_run(t, doc, size or doc.fsize, bold) + ("<w:r><w:br/></w:r>" if i + 1 < len(text.split("\n")) else "")
                   for i, t in enumerate(text.split("\n")))
    return f'<w:p><w:pPr>{brk}<w:spacing w:before="0" w:after="{space}" w:line="240" w:lineRule="auto"/><w:jc w:val="{jc}"/></w:pPr>{runs}</w:p>'


def _docx_line(line: Line, doc: Doc, new_page: bool = False) -> str:
    if line.title:
        return _para(line.blocks[0][0], doc, "c", doc.fsize * 1.8, bold=True, space=120, new_page=new_page)
    if len(line.blocks) == 1:
        return _para(line.blocks[0][0], doc, line.blocks[0][1], new_page=new_page)
    return _para("　　　　".join(t for t, _ in line.blocks), doc, "l", new_page=new_page)


def _docx_table(rows: list[Row], widths: list[float], repeat: int, doc: Doc) -> str:
    sz = max(2, round(doc.rule_pt * 8))
    grid = "".join(f'<w:gridCol w:w="{round(w * 20)}"/>' for w in widths)
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{round(sum(widths) * 20)}" w:type="dxa"/><w:jc w:val="center"/>'
           '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="40" w:type="dxa"/><w:right w:w="40" w:type="dxa"/>'
           f'</w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    by_row = _cells_by_row(rows)
    for r, cells in enumerate(by_row):
        tr = f'<w:trPr><w:trHeight w:val="{round((doc.fsize * 1.6 + 4) * 20)}" w:hRule="atLeast"/>' + \
             ("<w:tblHeader/>" if r < repeat else "") + "</w:trPr>"
        tcs = []
        for c, cont, last in cells:
            edges = {"top": "t" in c.edges and not cont, "bottom": "b" in c.edges and last,
                     "left": "l" in c.edges, "right": "r" in c.edges}
            borders = "".join(f'<w:{side} w:val="single" w:sz="{sz}" w:space="0" w:color="000000"/>' if on
                              else f'<w:{side} w:val="nil"/>' for side, on in edges.items())
            vmerge = ('<w:vMerge/>' if cont else '<w:vMerge w:val="restart"/>') if c.rs > 1 else ""
            width = round(sum(widths[c.col:c.col + c.cs]) * 20)
            span = f'<w:gridSpan w:val="{c.cs}"/>' if c.cs > 1 else ""
            body = _para("", doc) if cont else _para(c.text, doc, c.align)
            tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{vmerge}<w:tcBorders>{borders}</w:tcBorders>'
                       f'<w:vAlign w:val="center"/></w:tcPr>{body}</w:tc>')
        out.append(f"<w:tr>{tr}{''.join(tcs)}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def write_docx(doc: Doc, path: Path) -> None:
    body = []
    for i, form in enumerate(doc.forms):
        new_page = i > 0 and doc.form_per_page   # on the form's first line: a break paragraph could leave a blank page
        if i and (not doc.form_per_page or not form.above):
            body.append(_para("", doc, new_page=new_page))
        body += [_docx_line(line, doc, new_page and k == 0) for k, line in enumerate(form.above)]
        widths = doc.widths(form)
        for k, (rows, repeat) in enumerate(_tables(doc, form)):
            if k:   # adjacent tables would merge: a 1 pt paragraph between them
                body.append('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>')
            body.append(_docx_table(rows, widths, repeat, doc))
        body += [_docx_line(line, doc) for line in form.below] or ['<w:p/>']
    pw, ph = doc.size
    footer_ref = '<w:footerReference w:type="default" r:id="rIdF"/>' if doc.page_numbers else ""
    orient = ' w:orient="landscape"' if doc.landscape else ""
    sect = (f'<w:sectPr>{footer_ref}<w:pgSz w:w="{round(pw * 20)}" w:h="{round(ph * 20)}"{orient}/>'
            f'<w:pgMar w:top="{round(doc.top_margin * 20)}" w:right="{round(doc.margin * 20)}" w:bottom="{round(doc.margin * 20)}" '
            f'w:left="{round(doc.margin * 20)}" w:header="300" w:footer="300" w:gutter="0"/></w:sectPr>')
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>{"".join(body)}{sect}</w:body></w:document>'
    footer = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {_W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
              f'{_run("第 ", doc, doc.fsize)}<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
              f'{_run(" 页", doc, doc.fsize)}</w:p></w:ftr>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
             '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
                '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        z.writestr("word/footer1.xml", footer)


# ---------------------------------------------------------------- browser (HTML)

def to_html(doc: Doc) -> str:
    rule = f"{doc.rule_pt}pt solid #000"
    parts = []
    for i, form in enumerate(doc.forms):
        widths = doc.widths(form)
        parts.append(f'<section{" class=next" if i and doc.form_per_page else ""}>')
        parts += [_html_line(line) for line in form.above]
        cols = "".join(f'<col style="width:{w:.1f}pt">' for w in widths)
        for rows, repeat in _tables(doc, form):
            trs = []
            for r, row in enumerate(rows):
                tds = []
                for c in row.cells:
                    style = ";".join(f"border-{side}:{rule if k in c.edges else 'none'}"
                                     for k, side in (("t", "top"), ("b", "bottom"), ("l", "left"), ("r", "right")))
                    span = (f' colspan="{c.cs}"' if c.cs > 1 else "") + (f' rowspan="{c.rs}"' if c.rs > 1 else "")
                    align = "" if c.align == "c" else ";text-align:left"
                    tds.append(f'<td{span} style="{style}{align}">{escape(c.text).replace(chr(10), "<br>")}</td>')
                trs.append(f"<tr>{''.join(tds)}</tr>")
            head = f"<thead>{''.join(trs[:repeat])}</thead>" if repeat else ""
            parts.append(f'<table style="width:{sum(widths):.1f}pt"><colgroup>{cols}</colgroup>{head}'
                         f"<tbody>{''.join(trs[repeat:])}</tbody></table>")
        parts += [_html_line(line) for line in form.below]
        parts.append("</section>")
    pw, ph = doc.size
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(doc.title)}</title><style>
@page {{ size: {pw:.1f}pt {ph:.1f}pt; margin: {doc.top_margin:.0f}pt {doc.margin:.0f}pt {doc.margin:.0f}pt {doc.margin:.0f}pt; }}
body {{ font-family: '{doc.font}'; font-size: {doc.fsize}pt; margin: 0; }}
table {{ border-collapse: collapse; table-layout: fixed; margin: 0 auto; }}
td {{ padding: 2pt 3pt; text-align: center; vertical-align: middle; word-break: break-all; }}
p {{ margin: 0 0 4pt 0; }} p.title {{ font-size: {doc.fsize * 1.8:.1f}pt; font-weight: bold; text-align: center; }}
p.line {{ display: flex; justify-content: space-between; }}
section {{ margin-bottom: 12pt; }} section.next {{ break-before: page; }}
</style></head><body>
{"".join(parts)}
</body></html>
"""


def _html_line(line: Line) -> str:
    if line.title:
        return f'<p class="title">{escape(line.blocks[0][0])}</p>'
    if len(line.blocks) == 1:
        align = {"l": "left", "c": "center", "r": "right"}[line.blocks[0][1]]
        return f'<p style="text-align:{align}">{escape(line.blocks[0][0])}</p>'
    return '<p class="line">' + "".join(f"<span>{escape(t)}</span>" for t, _ in line.blocks) + "</p>"


# ---------------------------------------------------------------- printing

def soffice(files: list[Path], target: str, out_dir: Path, profile: Path) -> None:
    """One LibreOffice process converts a whole batch (`target` e.g. pdf:calc_pdf_Export, xlsx)."""
    if not files:
        return
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(out_dir), *map(str, files)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=3600)


class Chromium:
    """One headless Chromium for a batch, driven over its DevTools pipe (--remote-debugging-pipe: JSON
    messages ending in NUL on fds 3 and 4): a page per document, printed by Page.printToPDF."""

    def __init__(self, profile: Path):
        to_browser, self._write = os.pipe()
        self._read, from_browser = os.pipe()

        def fds() -> None:   # the browser reads fd 3 and writes fd 4
            a, b = os.dup(to_browser), os.dup(from_browser)
            os.dup2(a, 3)
            os.dup2(b, 4)
        self.proc = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                                      "--remote-debugging-pipe", "about:blank"], preexec_fn=fds, close_fds=False,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self._buffer, self._id, self._events = b"", 0, []

    def _call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._next()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self._events.append(reply)

    def _next(self, timeout: float = 120) -> dict:
        while b"\0" not in self._buffer:
            if not select.select([self._read], [], [], timeout)[0]:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium exited")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def print_pdf(self, html: Path, pdf: Path, footer: str | None) -> None:
        """footer: None (no header or footer), "browser" (its own: date, title, URL, page x/y) or an HTML template."""
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self._call("Page.enable", session=session)
        self._events.clear()
        self._call("Page.navigate", {"url": html.resolve().as_uri()}, session)
        while not any(e.get("method") == "Page.loadEventFired" and e.get("sessionId") == session for e in self._events):
            self._events.append(self._next())
        params = {"preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": footer is not None}
        if footer not in (None, "browser"):
            params.update(headerTemplate="<span></span>", footerTemplate=footer)
        data = self._call("Page.printToPDF", params, session)["data"]
        pdf.write_bytes(base64.b64decode(data))
        self._call("Target.closeTarget", {"targetId": target})

    def close(self) -> None:
        try:
            self._call("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._write)
        os.close(self._read)


# the footer Chinese sites print with their own print stylesheet (Chromium fills the spans)
PAGE_FOOTER = ('<div style="width:100%;text-align:center;font-size:9pt">第 <span class="pageNumber"></span> 页，'
               '共 <span class="totalPages"></span> 页</div>')

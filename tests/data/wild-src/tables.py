"""The grid model, renderers and printers the build_wildN.py scripts share.

A form is a grid of cells transcribed from its published source (text as printed, nothing
computed or corrected). It is written once as a source next to this module (NAME.docx /
NAME.xlsx / NAME.html, with python-docx and openpyxl: run the scripts with
/work/toolsvenv/bin/python) and printed to tests/data/<kind>/NAME.pdf the way the bureau
published it: a Word table printed by LibreOffice Writer, a workbook printed by LibreOffice
Calc, or a web page printed by headless Chromium. Each script passes its helper name, which
names its own soffice and Chromium profiles (other agents print at the same time);
WILD_SOFFICE_PROFILE and WILD_CHROMIUM_PROFILE (directories) override them.
"""
from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parent
DATA = SRC.parent

Form = dict
Forms = dict[str, tuple[str, Callable[[], Form]]]  # name -> (tests/data folder, form)


# ---------------------------------------------------------------- grid model
def C(text: str = "", cs: int = 1, rs: int = 1, **style) -> dict:
    """One printed cell: text, column span, row span, style hints (bold, left, size, noborder)."""
    return {"text": text, "cs": cs, "rs": rs, **style}


def place(rows: list[list[dict]], ncols: int) -> list[tuple[int, int, int, int, dict]]:
    """Resolve spans to (row, col, rowspan, colspan, cell), 0-based; fail on a malformed grid."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            if c + cell["cs"] > ncols:
                raise ValueError(f"row {r} overflows at {cell['text']!r}")
            for dr in range(cell["rs"]):
                for dc in range(cell["cs"]):
                    taken.add((r + dr, c + dc))
            out.append((r, c, cell["rs"], cell["cs"], cell))
            c += cell["cs"]
    if any(r >= len(rows) for r, _ in taken):
        raise ValueError("a row span runs past the last row")
    for r in range(len(rows)):
        missing = [c for c in range(ncols) if (r, c) not in taken]
        if missing:
            raise ValueError(f"row {r} leaves columns {missing} empty")
    return out


# ---------------------------------------------------------------- printers
def soffice_pdf(src: Path, pdf: Path, me: str) -> None:
    """Print an office file to pdf with LibreOffice (own profile: other agents run soffice too)."""
    profile = Path(os.environ.get("WILD_SOFFICE_PROFILE", f"/tmp/lo-{me}")).as_uri()
    with tempfile.TemporaryDirectory(prefix=f"{me}-") as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(str(Path(tmp) / (src.stem + ".pdf")), pdf)


def chromium_pdf(src: Path, pdf: Path, me: str) -> None:
    """Print a web page to pdf the way a browser's 'print to PDF' does."""
    profile = os.environ.get("WILD_CHROMIUM_PROFILE", f"/tmp/chr-{me}")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--no-first-run", "--no-pdf-header-footer",
                    f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", src.as_uri()],
                   check=True, capture_output=True, timeout=300)


# ---------------------------------------------------------------- renderers
def render_docx(form: Form, path: Path) -> None:
    """A Word document: heading paragraphs and one 'Table Grid' table whose rows may split.

    Optional form keys: orientation, margins_cm (left/right, top/bottom), valign ("top" leaves
    cells at Word's default instead of centring them), font_pt, row_min_cm, footer.
    """
    from docx import Document
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    if form.get("orientation") == "landscape":
        from docx.enum.section import WD_ORIENT
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21)
    else:
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    side_cm, end_cm = form.get("margins_cm", (1.8, 2.2))
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(side_cm))
    for side in ("top_margin", "bottom_margin"):
        setattr(sec, side, Cm(end_cm))
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    style.font.size = Pt(10.5)
    for text, size, align in form["heading"]:
        p = doc.add_paragraph()
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
        run = p.add_run(text)
        run.bold = size >= 14
        run.font.size = Pt(size)
    ncols = form["ncols"]
    table = doc.add_table(rows=len(form["rows"]), cols=ncols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Cm(w) for w in form["widths_cm"]]
    for gc, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(w.twips)))  # Writer sizes columns from the grid
    for i, w in enumerate(widths):
        for cell in table.columns[i].cells:
            cell.width = w
    for r, c, rs, cs, cell in place(form["rows"], ncols):
        target = table.cell(r, c)
        if rs > 1 or cs > 1:
            target = target.merge(table.cell(r + rs - 1, c + cs - 1))
        if form.get("valign", "center") == "center":
            target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        target.text = ""
        para = target.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.LEFT if cell.get("left") else WD_ALIGN_PARAGRAPH.CENTER
        for k, line in enumerate(cell["text"].split("\n")):
            if k:
                para.add_run().add_break()
            run = para.add_run(line)
            run.font.size = Pt(cell.get("size", form.get("font_pt", 10)))
            run.bold = bool(cell.get("bold"))
    for tr in table.rows:  # Word's default, kept explicit: a row may break across pages
        trPr = tr._tr.get_or_add_trPr()
        cant = OxmlElement("w:cantSplit")
        cant.set(qn("w:val"), "0")
        trPr.append(cant)
        if form.get("row_min_cm"):
            height = OxmlElement("w:trHeight")
            height.set(qn("w:val"), str(int(Cm(form["row_min_cm"]).twips)))
            height.set(qn("w:hRule"), "atLeast")
            trPr.append(height)
    for text, size, align in form.get("footer", []):
        p = doc.add_paragraph()
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
        p.add_run(text).font.size = Pt(size)
    doc.save(path)


def fit_a4_width(ws, orientation: str = "portrait") -> None:
    """Print a worksheet on A4, centred, scaled to one page width (as many pages down as it takes)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = orientation
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True


def render_xlsx(form: Form, path: Path) -> None:
    """One worksheet: merged cells, thin borders, wrapped text, fit to one A4 page width."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = form["sheet"]
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for i, width in enumerate(form["widths_chars"], start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for r, c, rs, cs, cell in place(form["rows"], form["ncols"]):
        first = ws.cell(row=r + 1, column=c + 1, value=cell["text"] or None)
        if cell["text"].startswith("="):  # a printed "=100%" is text, not a formula
            first.data_type = "s"
            first.quotePrefix = True
        first.font = Font(name="Noto Sans CJK SC", size=cell.get("size", 10), bold=bool(cell.get("bold")))
        first.alignment = Alignment(horizontal="left" if cell.get("left") else "center",
                                    vertical="center", wrap_text=True)
        if rs > 1 or cs > 1:
            ws.merge_cells(start_row=r + 1, start_column=c + 1,
                           end_row=r + rs, end_column=c + cs)
        if not cell.get("noborder"):
            for rr in range(r + 1, r + rs + 1):
                for cc in range(c + 1, c + cs + 1):
                    ws.cell(row=rr, column=cc).border = box
    for row_no, height in form.get("heights", {}).items():
        ws.row_dimensions[row_no].height = height
    fit_a4_width(ws, form.get("orientation", "portrait"))
    wb.save(path)


@dataclass(frozen=True)
class Look:
    """How a CMS prints its article page: the stylesheet ({size} is the @page size), the class it
    gives a cell printed without rules, and whether its template writes the footer line when empty."""
    css: str
    noborder: str
    blank_footer: bool


ARTICLE = Look(css="""\
@page {{ size: {size}; margin: 16mm 14mm; }}
body {{ font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 10.5pt; }}
p.title {{ text-align: center; font-size: 15pt; font-weight: bold; margin: 4px 0; }}
p.meta {{ text-align: center; color: #555; font-size: 9pt; margin: 2px 0 10px; }}
p.left {{ text-align: left; font-size: 10.5pt; margin: 4px 0; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
td {{ border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle;
     font-size: 9.5pt; word-wrap: break-word; }}
td.left {{ text-align: left; }}
td.bold {{ font-weight: bold; font-size: 13pt; }}
td.noborder {{ border: none; }}""", noborder="noborder", blank_footer=False)

# a smaller-print page with a breadcrumb line and a sub-title above the form
CRUMB = Look(css="""\
@page {{ size: {size}; margin: 14mm 12mm; }}
body {{ font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 10.5pt; }}
p.crumb {{ color: #444; font-size: 9pt; margin: 0 0 8px; }}
p.title {{ text-align: center; font-size: 15pt; font-weight: bold; margin: 4px 0; }}
p.meta {{ text-align: center; color: #555; font-size: 9pt; margin: 2px 0 10px; }}
p.sub {{ text-align: center; font-size: 12pt; font-weight: bold; margin: 8px 0 4px; }}
p.left {{ text-align: left; font-size: 10pt; margin: 4px 0; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
td {{ border: 1px solid #000; padding: 2px 3px; text-align: center; vertical-align: middle;
     font-size: 8.5pt; word-wrap: break-word; }}
td.left {{ text-align: left; }}
td.bold {{ font-weight: bold; }}
td.bare {{ border: none; }}""", noborder="bare", blank_footer=True)


def render_html(form: Form, path: Path) -> None:
    """A CMS article page (form["look"], ARTICLE by default): title lines, then the form as one
    rowspan/colspan table, then any footer lines."""
    look = form.get("look", ARTICLE)
    cells: dict[int, list] = {}
    for r, c, rs, cs, cell in place(form["rows"], form["ncols"]):
        cells.setdefault(r, []).append((rs, cs, cell))
    body = []
    for r in range(len(form["rows"])):
        tds = []
        for rs, cs, cell in cells.get(r, []):
            attrs = []
            if rs > 1:
                attrs.append(f'rowspan="{rs}"')
            if cs > 1:
                attrs.append(f'colspan="{cs}"')
            classes = [{"noborder": look.noborder}.get(k, k)
                       for k in ("bold", "left", "noborder") if cell.get(k)]
            if classes:
                attrs.append(f'class="{" ".join(classes)}"')
            text = "<br>".join(html.escape(line) for line in cell["text"].split("\n")) or "&nbsp;"
            tds.append(f"<td {' '.join(attrs)}>{text}</td>" if attrs else f"<td>{text}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    widths = "".join(f'<col style="width:{w}%">' for w in form["widths_pct"])
    head = "\n".join(f'<p class="{cls}">{html.escape(t)}</p>' for t, cls in form["heading"])
    foot = "\n".join(f'<p class="{cls}">{html.escape(t)}</p>' for t, cls in form.get("footer", []))
    size = f"A4 {form['orientation']}" if "orientation" in form else "A4"
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(form['page_title'])}</title>
<style>
{look.css.format(size=size)}
</style></head><body>
{head}
<table>{widths}
{chr(10).join(body)}
</table>
{foot + chr(10) if foot or look.blank_footer else ""}</body></html>
"""
    path.write_text(page, encoding="utf-8")


RENDERERS: dict[str, Callable[[Form, Path], None]] = {
    "docx": render_docx, "xlsx": render_xlsx, "html": render_html}


def print_pdf(src: Path, pdf: Path, me: str) -> None:
    """Print a source the way its kind was published: a web page by Chromium, an office file by LibreOffice."""
    (chromium_pdf if src.suffix == ".html" else soffice_pdf)(src, pdf, me)


def build(name: str, kind: str, form: Form, me: str,
          render: Callable[[Form, Path], None] | None = None) -> None:
    """Write the source for one form (by form["producer"]) and print it to tests/data/<kind>/name.pdf."""
    out = DATA / kind
    out.mkdir(exist_ok=True)
    pdf = out / f"{name}.pdf"
    src = SRC / f"{name}.{form['producer']}"
    (render or RENDERERS[form["producer"]])(form, src)
    print_pdf(src, pdf, me)
    print(f"{kind}/{name}.pdf <- wild-src/{src.name}")


def main(forms: Forms, me: str, names: list[str],
         render: Callable[[Form, Path], None] | None = None) -> None:
    """Build the named forms, every form when none is named."""
    for name in names or list(forms):
        kind, form = forms[name]
        build(name, kind, form(), me, render)

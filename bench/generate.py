"""Generate distinct, realistic 绩效自评表 PDFs (all five layout families) with their own truth JSON.

    .venv/bin/python bench/generate.py OUT_DIR -n 500 [--seed 1] [--jobs 2]

How: each family's template is one acceptance-corpus form (samples/ + ../shared/corpus truth). Its
ruled grid (logical cells with spans, column edges, row heights) and its free text lines are read
with jixiao's own extractor, then every generated document is *rebuilt as a spreadsheet* — one
sheet per form, merged cells, ruled borders, wrapped text — and printed to PDF by LibreOffice Calc,
the way the bureaus make them. Varied per document: bureau, region (province/city/district), fiscal
year, project names, amounts (one scale factor per document, so rates and sums stay true), which
and how many forms (and so indicators and pages), column widths, row heights, margins (so page
breaks fall elsewhere and tables run over pages), font family and size.

The truth is the template's truth with the same substitutions and scaling, so each PDF has a
`NAME.truth.json` the shared scorer reads. Needs LibreOffice (`soffice`) and CJK fonts: see
bench/README.md. Never write into the repository: the output is large and regenerable.
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
TEMPLATES = ["luohu-2024-projects", "pingshan-2020-projects", "dawukou-2020-project",
             "longgang-2020-department-summary", "qiaokou-2020-department-overall"]
PAGE_MARGIN = 28.0  # left and right, pt
FONTS = ["Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"]
# Districts whose names are unique in China (the region is read back from the bureau's name).
REGIONS = [
    ("广东省", "深圳市", d) for d in ("罗湖区", "福田区", "宝安区", "龙岗区", "盐田区")] + [
    ("广东省", "广州市", d) for d in ("天河区", "越秀区", "海珠区", "番禺区")] + [
    ("宁夏回族自治区", "石嘴山市", d) for d in ("大武口区", "惠农区")] + [
    ("宁夏回族自治区", "银川市", d) for d in ("兴庆区", "金凤区", "西夏区")] + [
    ("湖北省", "武汉市", d) for d in ("硚口区", "江汉区", "武昌区", "洪山区")] + [
    ("浙江省", "杭州市", d) for d in ("上城区", "拱墅区")] + [
    ("江苏省", "南京市", d) for d in ("玄武区", "建邺区")] + [
    ("四川省", "成都市", d) for d in ("锦江区", "青羊区", "武侯区")]
BUREAUS = ["司法局", "财政局", "教育局", "民政局", "卫生健康局", "文化广电旅游体育局", "城市管理和综合执法局",
           "住房和建设局", "水务局", "交通运输局"]
TOPICS = ["社区矫正", "公共法律服务", "人民调解", "普法宣传", "法律援助", "智慧司法", "基层治理", "安置帮教",
          "城市更新", "老旧小区改造", "河道综合整治", "垃圾分类", "校园安全", "学前教育", "养老服务",
          "社区健康服务", "公共文化服务", "全民健身", "道路维护", "智慧城管", "应急管理", "食品安全监管"]
KINDS = ["专项经费", "工作经费", "运维经费", "服务采购", "建设项目", "补助资金", "能力提升项目"]


@dataclass
class Template:
    name: str
    truth: dict
    units: list[dict]        # one per form (sheet): {"evals": [...], "cells": [...], "lines_above", "lines_below"}
    page_size: tuple[float, float]
    font_pt: float


# ---------------------------------------------------------------- templates (read once, by jixiao)

def load_templates() -> list[Template]:
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(REPO))
    import numpy as np
    import pypdfium2 as pdfium

    from extract import read_document
    from extract.glyphs import page_glyphs
    from transform import build_facts

    out = []
    for name in TEMPLATES:
        pdf_path = REPO / "samples" / f"{name}.pdf"
        truth = json.loads((CORPUS / f"{name}.truth.json").read_text("utf-8"))
        ext = read_document(pdf_path)
        facts = build_facts(ext, pdf_path.name)
        doc = pdfium.PdfDocument(str(pdf_path))
        page_size = doc[0].get_size()
        heights = [g.height for g in page_glyphs(doc[0]) if ord(g.char) > 0x2E80]
        doc.close()
        font_pt = float(np.median(heights)) / 0.88 if heights else 9.0
        evals_by_table: dict[int, list[int]] = {}
        for e in facts.evaluations.itertuples():
            evals_by_table.setdefault(int(e.table), []).append(int(e.evaluation_no))
        cells, lines = ext.cells, ext.lines
        tables = sorted(cells["table"].unique())
        units = []
        for t in tables:
            tc = cells[cells["table"] == t]
            first_page, last_page = int(tc["page"].min()), int(tc["page"].max())
            top = tc[tc["page"] == first_page]["y1"].max()
            bottom = tc[tc["page"] == last_page]["y0"].min()
            above = lines[(lines["page"] == first_page) & (lines["y0"] >= top - 1)]
            below = lines[(lines["page"] == last_page) & (lines["y1"] <= bottom + 1)]
            # page footers ("第1页，共6页") and text spilling out of the grid are not part of the form
            below = below[~below["text"].str.contains(r"^第\d+页")]
            x0, x1 = tc["x0"].min(), tc["x1"].max()
            units.append({"evals": evals_by_table.get(int(t), []),
                          "cells": _grid(tc),
                          "above": _line_rows(above, x0, x1),
                          "below": _line_rows(below, x0, x1)})
        out.append(Template(name, truth, units, page_size, font_pt))
    return out


def _grid(tc) -> dict:
    """Column edges, row heights and cells of one table (rows renumbered over page breaks)."""
    xs = sorted(set(round(v, 1) for v in list(tc["x0"]) + list(tc["x1"])))
    edges: list[float] = []
    for x in xs:
        if not edges or x - edges[-1] > 2.0:
            edges.append(x)
    n_rows = int((tc["row"] + tc["row_span"]).max())
    heights = [None] * n_rows
    for c in tc.itertuples():
        if c.row_span == 1:
            h = c.y1 - c.y0
            heights[c.row] = h if heights[c.row] is None else min(heights[c.row], h)
    heights = [h if h is not None else 14.0 for h in heights]
    cells = []
    for c in tc.itertuples():
        col0 = min(range(len(edges)), key=lambda i: abs(edges[i] - c.x0))
        col1 = min(range(len(edges)), key=lambda i: abs(edges[i] - c.x1))
        cells.append({"row": int(c.row), "col": col0, "rs": int(c.row_span), "cs": max(col1 - col0, 1),
                      "text": c.text})
    widths = [b - a for a, b in zip(edges, edges[1:])]
    return {"widths": widths, "heights": heights, "cells": cells, "x0": edges[0]}


def _line_rows(frame, x0: float, x1: float) -> list[list[dict]]:
    """Free text lines grouped into rows (blocks on one baseline side by side), top to bottom."""
    rows: list[list[dict]] = []
    for ln in frame.sort_values(["y0", "x0"], ascending=[False, True]).itertuples():
        block = {"text": ln.text, "x": (ln.x0 - x0) / max(x1 - x0, 1), "h": ln.y1 - ln.y0,
                 "centred": abs((ln.x0 + ln.x1) / 2 - (x0 + x1) / 2) < 20}
        if rows and abs(rows[-1][0]["y"] - ln.y0) < 3:
            rows[-1].append({**block, "y": ln.y0})
        else:
            rows.append([{**block, "y": ln.y0}])
    return rows


# ---------------------------------------------------------------- one document's variation

def plan_document(t: Template, rng: random.Random, index: int) -> dict:
    truth = copy.deepcopy(t.truth)
    doc = truth["document"]
    old_p, old_c, old_d = doc["region"]["province"], doc["region"]["city"], doc["region"]["district"]
    province, city, district = rng.choice(REGIONS)
    subs: list[tuple[str, str]] = []
    if old_d:
        subs.append((old_d, district))
    if old_c:
        subs.append((old_c, city))
    if old_p:
        subs.append((old_p, province))
    old_bureau = next((b for b in BUREAUS if doc["issuer"] and doc["issuer"].endswith(b)), None)
    if old_bureau:
        subs.append((old_bureau, rng.choice(BUREAUS)))
    for e in truth["evaluations"]:
        name = e.get("project_name")
        if name and len(name) >= 2:
            new = rng.choice(TOPICS) + rng.choice(KINDS) + (f"({rng.randint(1, 9)}期)" if rng.random() < .2 else "")
            subs.append((name, new))
    year = rng.randint(2018, 2025)
    old_year = doc["fiscal_year"]
    scale = round(rng.uniform(0.3, 3.0), 2)
    # which forms: project families keep a random non-empty subset in random order
    unit_ids = list(range(len(t.units)))
    if len(unit_ids) > 1:
        k = rng.randint(1, len(unit_ids))
        unit_ids = rng.sample(unit_ids, k)
    return {"name": f"{t.name.split('-')[0]}-gen{index:05d}", "template": t.name, "subs": subs,
            "year": (old_year, year), "scale": scale, "units": unit_ids, "font": rng.choice(FONTS),
            "font_scale": rng.uniform(0.92, 1.08), "width_jitter": [rng.uniform(0.9, 1.1) for _ in range(64)],
            "row_scale": rng.uniform(1.0, 1.25), "top_margin": rng.uniform(25, 90),
            "region": (province, city, district)}


def _subst(text: str, plan: dict) -> str:
    for old, new in plan["subs"]:
        text = text.replace(old, new)
    old_year, year = plan["year"]
    if old_year:
        text = re.sub(rf"(?<!\d){old_year}(?!\d)", str(year), text)
    return text


def _cell_texts(t: Template, plan: dict) -> set[str]:
    return {c["text"] for u in plan["units"] for c in t.units[u]["cells"]["cells"]}


def _money_factor(t: Template) -> float:
    """Truth amounts per printed unit (the truth may give 万元 forms' amounts in 元)."""
    doc = t.truth["document"]
    return 10000.0 if doc["money_unit"] == "万元" and doc.get("amounts_in", "万元") == "元" else 1.0


def _printed(v: float, factor: float, texts: set[str]) -> str | None:
    """How the template printed amount `v` (as it appears in one of its cells), if it did."""
    p = v / factor
    for decimals in (2, 4, 3, 1, 0, 6):
        for form in (f"{p:.{decimals}f}", f"{p:,.{decimals}f}"):
            if form in texts and abs(float(form.replace(",", "")) - p) < 1e-6 * max(1.0, abs(p)):
                return form
    return None


def _scaled(text: str, scale: float) -> str:
    decimals = len(text.split(".")[1]) if "." in text else 0
    value = float(text.replace(",", "")) * scale
    return f"{value:,.{decimals}f}" if "," in text else f"{value:.{decimals}f}"


def _amount_map(t: Template, plan: dict, evals: list[int]) -> dict[str, str]:
    """Printed budget amounts → the same amounts times the document's scale, printed alike."""
    texts, factor, out = _cell_texts(t, plan), _money_factor(t), {}
    for i in evals:
        for line in t.truth["evaluations"][i]["budget"]:
            for key in ("initial_budget", "annual_budget", "executed"):
                v = line.get(key)
                if v:
                    old = _printed(v, factor, texts)
                    if old is not None:
                        out[old] = _scaled(old, plan["scale"])
    return out


def build_truth(t: Template, plan: dict, pages: int) -> dict:
    truth = copy.deepcopy(t.truth)
    evals = [i for u in plan["units"] for i in t.units[u]["evals"]]
    truth["evaluations"] = [truth["evaluations"][i] for i in evals]

    def walk(obj):
        if isinstance(obj, dict):
            return {k: walk(v) for k, v in obj.items()}
        if isinstance(obj, list):
            return [walk(v) for v in obj]
        if isinstance(obj, str):
            return _subst(obj, plan)
        return obj

    truth = walk(truth)
    texts, factor = _cell_texts(t, plan), _money_factor(t)
    amounts = _amount_map(t, plan, evals)
    for e in truth["evaluations"]:
        for line in e["budget"]:
            for key in ("initial_budget", "annual_budget", "executed"):
                old = _printed(line[key], factor, texts) if line.get(key) else None
                if old is not None and old in amounts:  # as printed in the new form
                    line[key] = round(float(amounts[old].replace(",", "")) * factor, 6)
    doc = truth["document"]
    doc["file"] = f"{plan['name']}.pdf"
    doc["fiscal_year"] = plan["year"][1]
    doc["region"] = dict(zip(("province", "city", "district"), plan["region"]))
    doc["pages"] = pages
    return truth


# ---------------------------------------------------------------- the spreadsheet (flat ODS) and PDF

def build_fods(t: Template, plan: dict) -> str:
    evals = [i for u in plan["units"] for i in t.units[u]["evals"]]
    amounts = _amount_map(t, plan, evals)
    pw, ph = t.page_size
    font = plan["font"]
    fsize = round(t.font_pt * plan["font_scale"], 1)
    sheets = []
    for s_i, u in enumerate(plan["units"]):
        unit = t.units[u]
        g = unit["cells"]
        widths = [w * plan["width_jitter"][i % 64] for i, w in enumerate(g["widths"])]
        room = pw - 2 * PAGE_MARGIN - 2
        if sum(widths) > room:
            widths = [w * room / sum(widths) for w in widths]
        n_cols = len(widths)
        heights = [h * plan["row_scale"] for h in g["heights"]]
        grid: dict[tuple[int, int], dict] = {}
        covered = set()
        for c in g["cells"]:
            text = _subst(c["text"], plan)
            if text in amounts:
                text = amounts[text]
            grid[(c["row"], c["col"])] = {**c, "text": text}
            for r in range(c["row"], c["row"] + c["rs"]):
                for k in range(c["col"], c["col"] + c["cs"]):
                    if (r, k) != (c["row"], c["col"]):
                        covered.add((r, k))
        # rows tall enough for the wrapped text (estimated), as Calc would not grow them by itself
        for c in grid.values():
            width = sum(widths[c["col"]:c["col"] + c["cs"]]) - 4
            need = _text_height(c["text"], width, fsize)
            have = sum(heights[c["row"]:c["row"] + c["rs"]])
            if need > have:
                heights[c["row"] + c["rs"] - 1] += need - have
        rows_xml = []
        for line_row in unit["above"]:
            rows_xml.append(_line_row(line_row, n_cols, widths, fsize, plan, title=line_row is unit["above"][0]))
        for r, h in enumerate(heights):
            cells_xml = []
            for k in range(n_cols):
                c = grid.get((r, k))
                if c is not None:
                    style = "L" if len(c["text"]) > 24 else "C"
                    cells_xml.append(
                        f'<table:table-cell table:style-name="{style}" office:value-type="string" '
                        f'table:number-columns-spanned="{c["cs"]}" table:number-rows-spanned="{c["rs"]}">'
                        f'<text:p>{escape(c["text"])}</text:p></table:table-cell>')
                elif (r, k) in covered:
                    cells_xml.append('<table:covered-table-cell table:style-name="C"/>')
                else:
                    cells_xml.append('<table:table-cell table:style-name="C"/>')
            rows_xml.append(f'<table:table-row table:style-name="{_row_style(h)}">{"".join(cells_xml)}</table:table-row>')
        for line_row in unit["below"]:
            rows_xml.append(_line_row(line_row, n_cols, widths, fsize, plan, title=False))
        cols_xml = "".join(f'<table:table-column table:style-name="{_col_style(w)}"/>' for w in widths)
        sheets.append(f'<table:table table:name="S{s_i + 1}" table:style-name="ta1">{cols_xml}{"".join(rows_xml)}</table:table>')
    styles = "".join(_STYLES_USED.values())
    _STYLES_USED.clear()
    margin_top = plan["top_margin"]
    orient = "landscape" if pw > ph else "portrait"
    return _FODS.format(font=font, fsize=fsize, title_size=round(fsize * 1.8, 1), pw=pw, ph=ph, orient=orient,
                        mt=margin_top, ml=PAGE_MARGIN, auto=styles, body="".join(sheets))


_STYLES_USED: dict[str, str] = {}


def _row_style(h: float) -> str:
    name = f"ro{round(h * 4)}"
    _STYLES_USED.setdefault(name, f'<style:style style:name="{name}" style:family="table-row"><style:table-row-properties '
                                  f'style:row-height="{h:.2f}pt" style:use-optimal-row-height="false"/></style:style>')
    return name


def _col_style(w: float) -> str:
    name = f"co{round(w * 4)}"
    _STYLES_USED.setdefault(name, f'<style:style style:name="{name}" style:family="table-column"><style:table-column-properties '
                                  f'style:column-width="{w:.2f}pt"/></style:style>')
    return name


def _text_height(text: str, width: float, fsize: float) -> float:
    units = sum(1.0 if ord(ch) > 0x2E80 else 0.56 for ch in text)
    lines = max(1, math.ceil(units * fsize / max(width, fsize)))
    return lines * fsize * 1.32 + 5


def _line_row(blocks: list[dict], n_cols: int, widths: list[float], fsize: float, plan: dict, title: bool) -> str:
    total = sum(widths)
    starts = []
    for b in blocks:
        x = b["x"] * total
        acc, col = 0.0, 0
        for i, w in enumerate(widths):
            if acc + w / 2 > x:
                col = i
                break
            acc += w
        starts.append(col)
    if len(blocks) == 1:
        starts = [0]
    big = title and blocks[0]["h"] > 1.4 * fsize * 0.88
    style = "T" if big else ("N" if not blocks[0]["centred"] or len(blocks) > 1 else "NC")
    h = (fsize * 2.2 if big else fsize * 1.5) + 4
    cells = []
    for i, (b, col) in enumerate(zip(blocks, starts)):
        end = starts[i + 1] if i + 1 < len(starts) else n_cols
        if i == 0 and col > 0:
            cells.append(f'<table:table-cell table:number-columns-repeated="{col}"/>')
        span = max(end - col, 1)
        cells.append(f'<table:table-cell table:style-name="{style}" office:value-type="string" '
                     f'table:number-columns-spanned="{span}"><text:p>{escape(_subst(b["text"], plan))}</text:p></table:table-cell>')
        if span > 1:
            cells.append(f'<table:covered-table-cell table:number-columns-repeated="{span - 1}"/>')
    return f'<table:table-row table:style-name="{_row_style(h)}">{"".join(cells)}</table:table-row>'


_FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls><style:font-face style:name="F" svg:font-family="&apos;{font}&apos;" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:style style:name="Default" style:family="table-cell"><style:text-properties style:font-name="F" style:font-name-asian="F" fo:font-size="{fsize}pt" style:font-size-asian="{fsize}pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="{pw:.1f}pt" fo:page-height="{ph:.1f}pt" style:print-orientation="{orient}"
 fo:margin-top="{mt:.1f}pt" fo:margin-bottom="36pt" fo:margin-left="{ml}pt" fo:margin-right="{ml}pt" style:print="grid-none"/>
 <style:header-style><style:header-footer-properties fo:min-height="0pt"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0pt"/></style:footer-style></style:page-layout>
<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>
<style:style style:name="C" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:wrap-option="wrap" style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="L" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:wrap-option="wrap" style:vertical-align="middle"/><style:paragraph-properties fo:text-align="start"/></style:style>
<style:style style:name="T" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="{title_size}pt" style:font-size-asian="{title_size}pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="N" style:family="table-cell" style:parent-style-name="Default"><style:paragraph-properties fo:text-align="start"/></style:style>
<style:style style:name="NC" style:family="table-cell" style:parent-style-name="Default"><style:paragraph-properties fo:text-align="center"/></style:style>
{auto}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1"><style:header style:display="false"/><style:footer style:display="false"/></style:master-page></office:master-styles>
<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>
</office:document>
"""


def render(fods_dir: Path, out_dir: Path, profile: Path) -> None:
    """All .fods of a folder → PDFs by one LibreOffice process (start-up paid once per batch)."""
    files = sorted(str(p) for p in fods_dir.glob("*.fods"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "pdf:calc_pdf_Export", "--outdir", str(out_dir), *files],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=3600)


def _batch(args: tuple[list[dict], str, int]) -> int:
    plans, out, worker = args
    templates = {t.name: t for t in load_templates()}
    out_dir = Path(out)
    with tempfile.TemporaryDirectory(prefix="jixiao-gen-") as tmp:
        tmp_dir = Path(tmp)
        for plan in plans:
            t = templates[plan["template"]]
            (tmp_dir / f"{plan['name']}.fods").write_text(build_fods(t, plan), "utf-8")
        render(tmp_dir, out_dir, tmp_dir / "profile")
    import pypdfium2 as pdfium

    done = 0
    for plan in plans:
        pdf = out_dir / f"{plan['name']}.pdf"
        if not pdf.exists():
            continue
        doc = pdfium.PdfDocument(str(pdf))
        pages = len(doc)
        doc.close()
        truth = build_truth(templates[plan["template"]], plan, pages)
        (out_dir / f"{plan['name']}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
        done += 1
    return done


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("-n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first document number (to add to a folder)")
    ap.add_argument("--jobs", type=int, default=max(1, len(os.sched_getaffinity(0))))
    ap.add_argument("--batch", type=int, default=50, help="documents per LibreOffice process")
    args = ap.parse_args()
    if shutil.which("soffice") is None:
        sys.exit("soffice not found: install LibreOffice Calc (see bench/README.md)")
    out = Path(args.out).resolve()
    if REPO in out.parents or out == REPO:
        sys.exit("generate outside the repository (e.g. /tmp/bench-corpus)")
    out.mkdir(parents=True, exist_ok=True)
    templates = load_templates()
    plans = []
    for i in range(args.start, args.start + args.n):
        rng = random.Random(args.seed * 1_000_003 + i)
        plans.append(plan_document(templates[i % len(templates)], rng, i))
    batches = [(plans[i:i + args.batch], str(out), i) for i in range(0, len(plans), args.batch)]
    total = 0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for done in pool.map(_batch, batches):
            total += done
            print(f"{total}/{len(plans)} documents", flush=True)


if __name__ == "__main__":
    main()

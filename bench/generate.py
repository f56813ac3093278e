"""Generate self-evaluation forms that vary what varies in published ones, each with its truth JSON.

    .venv/bin/python bench/generate.py OUT_DIR -n 500 [--templates all] [--producers all]
                                       [--formats pdf,xlsx,docx,html] [--seed 1] [--jobs 2]
    .venv/bin/python bench/generate.py OUT_DIR --plant all       # planted rule breaks: bench/plant.py

Templates: the five corpus layouts re-printed (luohu, pingshan, dawukou, longgang, qiaokou: each
one's ruled grid and free text read from samples/ by jixiao's own extractor, with bureau, region,
year, project names and amounts substituted) and templates beyond them built from blocks in
bench/forms.py (mof: the Ministry of Finance template; county: its county wording; sichuan:
510000_0013zp; process: the whole-process framework), with label wording, CODE-NAME cells,
placeholder rows, template instructions left in cells and the money unit where the form prints it.
Producers (bench/producers.py): LibreOffice Calc from a spreadsheet, LibreOffice Writer from a DOCX
table, Chromium printing an HTML table. Per document: orientation, rules (full, hairline, header
block ruled only outside), font and size, margins (page breaks fall elsewhere), page numbers,
column headers repeated after breaks. Documents cycle through templates and each template through
producers, so any prefix of the output is mixed.

Output: OUT/NAME.pdf + NAME.truth.json (the truth's `_variant` records every choice, for grouping
scores); with --formats, the same form as OUT/xlsx|docx|html/NAME.* + NAME.truth.json (file names
that file, pages null). Needs LibreOffice, Chromium and CJK fonts: bench/README.md. Never write into
the repository: the output is large and regenerable.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import random
import re
import shutil
import sys
import tempfile
import warnings
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import forms  # noqa: E402  (bench/ modules, not part of the package)
import plant  # noqa: E402
from forms import Cell, Form, Line, Row  # noqa: E402
from producers import PAGE_FOOTER, Chromium, Doc, soffice, to_fods, to_html, write_docx  # noqa: E402

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


# ---------------------------------------------------------------- a re-print as a form (bench/forms.py)

ID_LABEL = re.compile(r"^(项目名称|项目编码|项目代码|主管部门|实施单位|单位编码|单位名称|项目负责人|联系电话|项目属性|项目类型|"
                      r"实施期|是否|部门名称|预算单位)")


def replica_form(t: Template, plan: dict, u: int) -> Form:
    """One form of a re-printed corpus template: its grid with the document's substitutions."""
    evals = [i for k in plan["units"] for i in t.units[k]["evals"]]
    amounts = _amount_map(t, plan, evals)
    g = t.units[u]["cells"]
    widths = [w * plan["width_jitter"][i % 64] for i, w in enumerate(g["widths"])]
    n_rows = len(g["heights"])
    rows = [Row([], height=h * plan["row_scale"]) for h in g["heights"]]
    taken = set()
    for c in g["cells"]:
        text = _subst(c["text"], plan)
        rows[c["row"]].cells.append(Cell(c["col"], amounts.get(text, text), c["cs"], c["rs"], "l" if len(text) > 24 else "c"))
        taken |= {(r, k) for r in range(c["row"], c["row"] + c["rs"]) for k in range(c["col"], c["col"] + c["cs"])}
    for r in range(n_rows):   # grid holes are printed as empty ruled cells
        rows[r].cells += [Cell(k, "") for k in range(len(widths)) if (r, k) not in taken]
        rows[r].cells.sort(key=lambda c: c.col)
    spanned_into = {r for row_i, row in enumerate(rows) for c in row.cells for r in range(row_i + 1, row_i + c.rs)}
    head_at = None
    for i, row in enumerate(rows):
        texts = [c.text for c in row.cells]
        if texts and ID_LABEL.match(texts[0]) and all(c.rs == 1 for c in row.cells) and i not in spanned_into:
            row.role = "id"
        if head_at is None and any(x.startswith("一级指标") for x in texts):
            row.role, head_at = "head", i

    def lines(blocks_rows: list[list[dict]], first_is_title: bool) -> list[Line]:
        out = []
        for k, blocks in enumerate(blocks_rows):
            title = first_is_title and k == 0 and blocks[0]["h"] > 1.4 * t.font_pt * 0.88
            out.append(Line([(_subst(b["text"], plan), "c" if b["centred"] and len(blocks) == 1 else "l") for b in blocks],
                            title, [b["x"] for b in blocks]))
        return out
    unit = t.units[u]
    return Form(widths, rows, lines(unit["above"], True), lines(unit["below"], False), head_at)


# ---------------------------------------------------------------- planning: template × producer × print settings

REPLICAS = {name.split("-")[0]: name for name in TEMPLATES}
NEW_TEMPLATES = list(forms.TEMPLATES)
PRODUCERS = ["calc", "writer", "browser"]
FORMATS = ["pdf", "xlsx", "docx", "html"]


def plan_print(rng: random.Random, producer: str, landscape: bool | None = None) -> dict:
    """How one document is printed: orientation, rules, font, margins, page numbers, repeated headers."""
    rules = rng.choice(forms.RULES)
    return {"producer": producer, "landscape": rng.random() < 0.35 if landscape is None else landscape,
            "rules": rules, "rule_pt": 0.1 if rules == "hairline" else rng.choice([0.5, 0.5, 0.75]),
            "font": rng.choice(FONTS), "fsize": round(rng.uniform(8.5, 10.5), 1), "margin": round(rng.uniform(24, 48)),
            "top_margin": round(rng.uniform(25, 90)), "page_numbers": rng.random() < 0.6,
            "repeat_header": producer != "calc" and rng.random() < 0.6,
            "form_per_page": producer == "calc" or rng.random() < 0.5,
            "browser_footer": rng.choice(["browser", "site"]) if producer == "browser" else None}


PLAIN = {"rules": "full", "rule_pt": 0.5, "page_numbers": False, "repeat_header": False, "form_per_page": True}


def plan_all(templates: list[str], producers: list[str], start: int, n: int, seed: int,
             replicas: dict[str, Template], plain: bool = False) -> list[dict]:
    """Documents cycle through templates, and each template through producers, so any prefix is mixed.
    plain: every rule printed, no page numbers or repeated headers (the documents are otherwise the same)."""
    plans = []
    for i in range(start, start + n):
        template = templates[i % len(templates)]
        producer = producers[(i // len(templates)) % len(producers)]
        plans.append(plan_one(template, producer, i, seed, replicas, plain))
    return plans


def plan_one(template: str, producer: str, i: int, seed: int, replicas: dict[str, Template],
             plain: bool = False) -> dict:
    """Document number i of a template, drawn from (seed, i), printed by producer."""
    rng = random.Random(seed * 1_000_003 + i)
    if template in REPLICAS:
        t = replicas[REPLICAS[template]]
        plan = plan_document(t, rng, i)
        pw, ph = t.page_size
        printing = plan_print(rng, producer, landscape=True if pw > ph else None)
        printing.update(font=plan["font"], fsize=round(t.font_pt * plan["font_scale"], 1),
                        top_margin=plan["top_margin"], margin=PAGE_MARGIN)
        plan.update(kind="replica", page=(pw, ph))
    else:
        plan = {"kind": "new", "template": template, "seed": rng.randrange(2**32),
                "projects": rng.choice([1, 1, 1, 2, 2, 3])}
        printing = plan_print(rng, producer)
    if plain:
        printing.update(PLAIN, landscape=plan["page"][0] > plan["page"][1] if "page" in plan else printing["landscape"])
    plan.update(name=f"{template}-{producer}-gen{i:05d}", print=printing)
    return plan


def plan_plants(plants: list[plant.Plant], seed: int, replicas: dict[str, Template]) -> list[dict]:
    """One document per plant, drawn like any other; re-prints keep the corpus amounts, the plant's forms
    and plant.YEAR, so its edits find the texts they name."""
    plans = []
    for p in plants:  # each plant draws from its own name: adding a plant leaves the others as they were
        plan = plan_one(p.template, p.producer, zlib.crc32(p.name.encode()), seed + p.seed, replicas)
        if plan["kind"] == "replica":
            plan.update(scale=1.0, units=list(p.units), year=(plan["year"][0], plant.YEAR))
        else:
            plan["projects"] = len(p.units)
        plan["print"]["font"] = p.font
        plan.update(name=p.name, plant=p.name)
        plans.append(plan)
    return plans


def make_document(plan: dict, replicas: dict[str, Template]) -> tuple[Doc, dict]:
    """The forms of one planned document, ready to print, and its truth (`_variant` says what was drawn)."""
    pr = plan["print"]
    if plan["kind"] == "replica":
        t = replicas[plan["template"]]
        doc_forms = [replica_form(t, plan, u) for u in plan["units"]]
        truth = build_truth(t, plan, 0)
        variant = {"template": plan["template"].split("-")[0], "family": t.truth["document"]["layout"]}
        title, fit = t.truth["document"]["title"], "shrink"
    else:
        doc_forms, truth, variant = forms.build_document(plan["template"], random.Random(plan["seed"]), plan["projects"])
        title, fit = truth["document"]["title"], "fill"
    if plan.get("plant"):
        plant.apply(plant.BY_NAME[plan["plant"]], doc_forms, truth)
    for f in doc_forms:
        forms.apply_rules(f, pr["rules"])
    doc = Doc(plan["name"], doc_forms, title, pr["landscape"], pr["font"], pr["fsize"], pr["rule_pt"], pr["margin"],
              pr["top_margin"], pr["page_numbers"], pr["repeat_header"], pr["form_per_page"], plan.get("page"), fit)
    truth["_variant"] = {**variant, **{k: v for k, v in pr.items() if k not in ("font", "fsize", "margin", "top_margin")},
                         "font": pr["font"], "forms": len(doc_forms)}
    return doc, truth


# ---------------------------------------------------------------- printing a batch

def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def _batch(args: tuple[list[dict], str, list[str]]) -> int:
    plans, out, formats = args
    replicas = {t.name: t for t in load_templates()} if any(p["kind"] == "replica" for p in plans) else {}
    out_dir = Path(out)
    made = [make_document(plan, replicas) for plan in plans]
    with tempfile.TemporaryDirectory(prefix="jixiao-gen-") as tmp:
        tmp_dir = Path(tmp)
        folders = {k: tmp_dir / k for k in ("calc", "sheets", "writer", "browser")}
        for f in folders.values():
            f.mkdir()
        sources: dict[str, dict[str, Path]] = {}
        for doc, truth in made:
            producer = truth["_variant"]["producer"]
            src = sources[doc.name] = {}
            if producer == "calc" or "xlsx" in formats:
                src["fods"] = (folders["calc"] if producer == "calc" else folders["sheets"]) / f"{doc.name}.fods"
                src["fods"].write_text(to_fods(doc), "utf-8")
            if producer == "writer" or "docx" in formats:
                src["docx"] = (folders["writer"] if producer == "writer" else tmp_dir) / f"{doc.name}.docx"
                write_docx(doc, src["docx"])
            if producer == "browser" or "html" in formats:
                src["html"] = folders["browser"] / f"{doc.name}.html"
                src["html"].write_text(to_html(doc), "utf-8")
        profile = tmp_dir / "profile"
        if "pdf" in formats:
            soffice(sorted(folders["calc"].glob("*.fods")), "pdf:calc_pdf_Export", out_dir, profile)
            soffice(sorted(folders["writer"].glob("*.docx")), "pdf:writer_pdf_Export", out_dir, profile)
            browser_docs = [(doc, truth) for doc, truth in made if truth["_variant"]["producer"] == "browser"]
            if browser_docs:
                browser = Chromium(tmp_dir / "chromium")
                try:
                    for doc, truth in browser_docs:
                        footer = {"browser": "browser", "site": PAGE_FOOTER}[truth["_variant"]["browser_footer"]]
                        browser.print_pdf(sources[doc.name]["html"], out_dir / f"{doc.name}.pdf",
                                          footer if doc.page_numbers else None)
                finally:
                    browser.close()
        if "xlsx" in formats:
            (out_dir / "xlsx").mkdir(exist_ok=True)
            soffice([s["fods"] for s in sources.values()], "xlsx:Calc MS Excel 2007 XML", out_dir / "xlsx", profile)
        for fmt in ("docx", "html"):
            if fmt in formats:
                (out_dir / fmt).mkdir(exist_ok=True)
                for name, s in sources.items():
                    shutil.copyfile(s[fmt], out_dir / fmt / f"{name}.{fmt}")
    done = 0
    for doc, truth in made:
        if "pdf" in formats:
            pdf = out_dir / f"{doc.name}.pdf"
            if not pdf.exists():
                continue
            if "_planted" in truth:
                truth["_planted"]["page"] = plant.planted_page(pdf, truth["_planted"])
            _write_truth(out_dir, doc.name, "pdf", truth, _pages(pdf))
        for fmt in formats:
            if fmt != "pdf" and (out_dir / fmt / f"{doc.name}.{fmt}").exists():
                _write_truth(out_dir / fmt, doc.name, fmt, truth, None)
        done += 1
    return done


def _write_truth(folder: Path, name: str, fmt: str, truth: dict, pages: int | None) -> None:
    truth = copy.deepcopy(truth)
    truth["document"]["file"] = f"{name}.{fmt}"
    truth["document"]["pages"] = pages
    (folder / f"{name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")


def _choices(text: str, allowed: list[str], groups: dict[str, list[str]]) -> list[str]:
    out: list[str] = []
    for item in text.split(","):
        out += groups.get(item, [item])
    bad = [x for x in out if x not in allowed]
    if bad:
        sys.exit(f"unknown: {', '.join(bad)} (choose from {', '.join(allowed + list(groups))})")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("-n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first document number (to add to a folder)")
    ap.add_argument("--templates", default="all",
                    help=f"comma list of {', '.join([*REPLICAS, *NEW_TEMPLATES])}; or replica, new, all")
    ap.add_argument("--producers", default="all", help="comma list of calc, writer, browser; or all")
    ap.add_argument("--formats", default="pdf", help="comma list of pdf, xlsx, docx, html (sources in OUT/FORMAT/)")
    ap.add_argument("--plain", action="store_true",
                    help="print every rule, no page numbers or repeated headers (the earlier benchmark corpus: "
                         "--templates replica --producers calc --plain)")
    ap.add_argument("--plant", metavar="RULE[,RULE…]|all",
                    help=f"instead of -n documents, one per planted rule break ({', '.join(plant.RULES)}) "
                         "and a clean twin per template used: bench/plant.py")
    ap.add_argument("--jobs", type=int, default=max(1, len(os.sched_getaffinity(0))))
    ap.add_argument("--batch", type=int, default=50, help="documents per LibreOffice process")
    args = ap.parse_args()
    out = Path(args.out).resolve()
    if REPO in out.parents or out == REPO:
        sys.exit("generate outside the repository (e.g. /tmp/bench-corpus)")
    if args.plant:
        plants = plant.chosen(args.plant)
        _need_tools({p.producer for p in plants}, ["pdf"])
        needed = {p.template for p in plants}
        replicas = {t.name: t for t in load_templates() if t.name.split("-")[0] in needed}
        _run(plan_plants(plants, args.seed, replicas), out, ["pdf"], args.batch, args.jobs)
        return
    templates = _choices(args.templates, [*REPLICAS, *NEW_TEMPLATES],
                         {"replica": list(REPLICAS), "new": NEW_TEMPLATES, "all": [*REPLICAS, *NEW_TEMPLATES]})
    producers = _choices(args.producers, PRODUCERS, {"all": PRODUCERS})
    formats = _choices(args.formats, FORMATS, {"all": FORMATS})
    _need_tools(set(producers), formats)
    replicas = {t.name: t for t in load_templates()} if any(t in REPLICAS for t in templates) else {}
    _run(plan_all(templates, producers, args.start, args.n, args.seed, replicas, args.plain), out, formats,
         args.batch, args.jobs)


def _need_tools(producers: set[str], formats: list[str]) -> None:
    needs = {"soffice": "calc" in producers or "writer" in producers or "xlsx" in formats,
             "chromium": "browser" in producers and "pdf" in formats}
    for tool, needed in needs.items():
        if needed and shutil.which(tool) is None:
            sys.exit(f"{tool} not found: see bench/README.md")


def _run(plans: list[dict], out: Path, formats: list[str], batch: int, jobs: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    batches = [(plans[i:i + batch], str(out), formats) for i in range(0, len(plans), batch)]
    total = 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for done in pool.map(_batch, batches):
            total += done
            print(f"{total}/{len(plans)} documents", flush=True)


if __name__ == "__main__":
    main()

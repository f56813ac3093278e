"""The per-run HTML report of the checks: self-contained (inline PNG crops and SVG charts, no CDN),
every document text escaped by Jinja2's autoescape."""
from __future__ import annotations

import base64
import io
import math
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pypdfium2 as pdfium
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from PIL import Image, ImageDraw

from expectations import FINDING_COLUMNS, SUMMARY_COLUMNS, Checked, in_report_order
from expectations.reading import fmt
from expectations.rules import RULE_BY_ID, RULES
from transform.facts import Facts

SCALE = 2.0     # render at 144 dpi: small print in the forms stays legible
MARGIN = 36.0   # points of context above and below the offending row
OUTLINE = (220, 38, 38)
PAD = 6.0        # points around a cell in its crop
WIDE = 300.0     # a row wider than this (points) is cut to its label and the offending value, side by side
GAP = 14         # pixels between those two pieces
LEGIBLE = 720    # pixels a crop is rendered across at least (small print on wide summary pages), up to MAX_SCALE
MAX_SCALE = 4.0
LABEL_ROOM = 110.0  # points left of a value cell kept in its crop, where its row label (总分, 合计) is printed
# A nightly run over thousands of forms finds thousands of breaks: the report shows the worst ones
# (errors first) and points to v_dq_findings for the rest, so its size and cost stay bounded.
MAX_CROPS = 100        # findings drawn with a page crop (or, for other formats, a table excerpt)
EXCERPT_ROWS = 2       # rows of context above and below the offending cell in a table excerpt
MAX_LISTED = 500       # findings listed in full
MAX_MATRIX_ROWS = 200  # documents in the rule × document table (those with most errors first)
MAX_POINTS = 2000      # points in the declared-vs-recomputed score chart (the breaks first)

ENV = Environment(loader=PackageLoader("expectations", "templates"),
                  autoescape=select_autoescape(["html", "j2"], default=True))


def _value_box(page: pdfium.PdfPage, box: tuple[float, float, float, float], printed: object
               ) -> tuple[float, float, float, float] | None:
    """Where the observed value is printed on the row of `box` (the row's label cell): the glyphs of its
    printed figure nearest to the right of the label, on the same line band; None when not found."""
    m = re.match(r"[^\s（(]+", str(printed or ""))
    if not m or m.group() == "—":
        return None
    x0, y0, x1, y1 = box
    text = page.get_textpage()
    found = []
    try:
        search = text.search(m.group(), match_case=True)
        while (hit := search.get_next()) is not None:
            start, count = hit
            boxes = [text.get_charbox(k) for k in range(start, start + count)]
            left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
            bottom, top = min(b[1] for b in boxes), max(b[3] for b in boxes)
            if y0 - 2 <= (bottom + top) / 2 <= y1 + 2:
                found.append((abs(left - x1) if left >= x0 else 1e6 + x0 - left, (left, bottom, right, top)))
    finally:
        text.close()
    return min(found)[1] if found else None


def _render(page: pdfium.PdfPage, window: tuple[float, float, float, float], scale: float) -> Image.Image:
    """The window (PDF points, origin bottom-left) of the page, rendered alone."""
    width, height = page.get_size()
    left, bottom, right, top = max(0.0, window[0]), max(0.0, window[1]), min(width, window[2]), min(height, window[3])
    return page.render(scale=scale, crop=(left, bottom, width - right, height - top)).to_pil().convert("RGB")


Box = tuple[float, float, float, float]


def _beside(box: Box, label: Box | None, printed: object, page: pdfium.PdfPage) -> tuple[Box, Box | None]:
    """(the row's label cell, the value's cell) to draw for a finding at `box` whose row is `label` (None:
    on another page). A value cell on its label's line is drawn beside it; one elsewhere (a 总分 under
    the form, its evaluation's first cell above) alone; a finding at its row (value cell unknown) has
    its printed figure searched for on the row."""
    if label is None:
        return box, None
    if label == box:
        return box, _value_box(page, box, printed)
    same_line = label[1] < box[3] and box[1] < label[3] and label[2] <= box[0] + 1
    return (label, box) if same_line else (box, None)


def _crop(page: pdfium.PdfPage, box: Box, label: Box | None = None, printed: object = None) -> str:
    """The offending cells with a little context, as a data: URI: the value's cell outlined and its row's
    label cell (blue) beside it; a wide row is cut into those two pieces side by side, so the figures
    stay legible at report size. A value with no label on its line keeps room on its left (总分)."""
    width, height = page.get_size()
    box, value = _beside(box, label, printed, page)
    x0, y0, x1, y1 = box
    band = (max(0.0, min(y0, value[1] if value else y0) - MARGIN / 2),
            min(height, max(y1, value[3] if value else y1) + MARGIN / 2))
    # A value in its own cell (总分) keeps room on its left for the row's label.
    pieces = [(x0 - LABEL_ROOM, x1)] if value is None or value[0] < x1 else [(x0, x1), (value[0], value[2])]
    if len(pieces) == 2 and value[2] - x0 <= WIDE:
        pieces = [(x0, value[2])]
    across = sum(right - left + PAD * 8 for left, right in pieces)
    scale = min(MAX_SCALE, max(SCALE, LEGIBLE / across))
    images = []
    for left, right in pieces:
        window = (left - PAD * 4, band[0], right + PAD * 4, band[1])
        image = _render(page, window, scale)
        draw = ImageDraw.Draw(image, "RGBA")  # RGBA colours blend into the RGB image
        ox, oy = max(0.0, window[0]), min(height, window[3])

        def rect(b: tuple[float, float, float, float], ox: float = ox, oy: float = oy) -> list[float]:
            return [(b[0] - ox) * scale, (oy - b[3]) * scale, (b[2] - ox) * scale, (oy - b[1]) * scale]
        draw.rectangle([0, rect(box)[1], image.width, rect(box)[3]], fill=(250, 204, 21, 60))  # the row
        target = value if value is not None else box
        padded = (target[0] - PAD / 2, target[1] - PAD / 2, target[2] + PAD / 2, target[3] + PAD / 2)
        draw.rectangle(rect(padded), outline=OUTLINE + (255,), width=4)
        if value is not None:
            draw.rectangle(rect(box), outline=(37, 99, 235, 255), width=2)  # the row's label, in blue
        images.append(image)
    out = Image.new("RGB", (sum(i.width for i in images) + GAP * (len(images) - 1), max(i.height for i in images)),
                    (255, 255, 255))
    left = 0
    for image in images:
        out.paste(image, (left, 0))
        left += image.width + GAP
    if len(images) == 2:
        ImageDraw.Draw(out).line([images[0].width + GAP // 2, 0, images[0].width + GAP // 2, out.height],
                                 fill=(156, 163, 175), width=2)
    buf = io.BytesIO()
    # compress_level 1: half the encoding time of the default 6, and no larger on these crops
    out.save(buf, format="PNG", compress_level=1)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def _excerpt(cells: pd.DataFrame, page: int, box: tuple[float, float, float, float]) -> Markup | None:
    """A workbook's, Word file's or web page's offending cell shown as the rows of its table around it,
    rendered as an HTML table with the cell outlined (such sources have no page to crop)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    on_page = cells[cells.page == page]
    hit = on_page[(on_page.x0 <= cx) & (cx <= on_page.x1) & (on_page.y0 <= cy) & (cy <= on_page.y1)]
    if hit.empty:
        return None
    cell = hit.iloc[0]
    first, last = max(int(cell.row) - EXCERPT_ROWS, 0), int(cell.row + cell.row_span) + EXCERPT_ROWS
    table = on_page[(on_page.table == cell.table) & (on_page.row < last) & (on_page.row + on_page.row_span > first)]
    rows = []
    for r in range(first, min(last, int((table.row + table.row_span).max()))):
        starting = table[(table.row == r) | ((table.row < first) & (r == first))].sort_values("col")
        tds = []
        for c in starting.itertuples():
            span = min(c.row + c.row_span, last) - max(c.row, first)
            style = ' class="hit"' if c.Index == cell.name else ""
            tds.append(f'<td rowspan="{span}" colspan="{c.col_span}"{style}>{escape(c.text)}</td>')
        mark = ' class="row"' if cell.row <= r < cell.row + cell.row_span else ""
        rows.append(f"<tr{mark}>{''.join(tds)}</tr>")
    return Markup(f'<table class="excerpt"><caption>{escape(cell.locator)}</caption>{"".join(rows)}</table>')


def _crops(findings: pd.DataFrame, source_paths: dict[str, Path]) -> list[str | Markup | None]:
    """For each of the first MAX_CROPS findings with a page and a bbox: a PDF page crop (a data: URI),
    or for other formats an excerpt of the table (Markup); each source opened once."""
    from extract.formats import PDF, sniff

    out: list[str | Markup | None] = [None] * len(findings)
    located = findings[findings[["page", "x0", "y0", "x1", "y1"]].notna().all(axis=1)
                       & findings["doc_id"].isin(list(source_paths))].head(MAX_CROPS)
    for doc_id, rows in located.groupby("doc_id"):
        path = source_paths[doc_id]
        if sniff(path) != PDF:
            from extract import ExtractError, read_document  # the readers (camelot…): only for these sources

            try:
                cells = read_document(path).cells
            except (ExtractError, OSError):  # the source changed since it was parsed: no excerpt
                continue
            for k, r in rows.iterrows():
                out[k] = _excerpt(cells, int(r["page"]), (r["x0"], r["y0"], r["x1"], r["y1"]))
            continue
        pdf = pdfium.PdfDocument(str(path))
        pages: dict[int, pdfium.PdfPage] = {}  # each page loaded once, however many findings it holds
        try:
            for k, r in rows.iterrows():
                n = int(r["page"])
                if 1 <= n <= len(pdf):
                    label = (r["label_x0"], r["label_y0"], r["label_x1"], r["label_y1"]) \
                        if r["label_page"] == r["page"] else None
                    if n not in pages:
                        pages[n] = pdf[n - 1]
                    out[k] = _crop(pages[n], (r["x0"], r["y0"], r["x1"], r["y1"]), label, r["observed"])
        finally:
            for page in pages.values():
                page.close()
            pdf.close()
    return out


def _histogram_svg(rates: Iterable[float], width: int = 560, height: int = 220) -> Markup:
    """Execution rates in 5-point bins from 0% to ≥100%, as inline SVG."""
    values = [min(r, 1.0) for r in rates if not math.isnan(r)]
    bins = [0] * 21
    for v in values:
        bins[min(int(v * 20 + 1e-9), 20)] += 1
    top = max(bins) or 1
    pad, bw = 30, (width - 40) / len(bins)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'role="img" aria-label="执行率分布">']
    for k, n in enumerate(bins):
        h = (height - 2 * pad) * n / top
        x = 30 + k * bw
        parts.append(f'<rect x="{x:.1f}" y="{height - pad - h:.1f}" width="{bw - 2:.1f}" height="{h:.1f}" '
                     f'fill="#2563eb"><title>{k * 5}%–{k * 5 + 5}%: {n}</title></rect>')
        if n:
            parts.append(f'<text x="{x + bw / 2 - 1:.1f}" y="{height - pad - h - 3:.1f}" font-size="10" '
                         f'text-anchor="middle">{n}</text>')
    for pct in (0, 25, 50, 75, 100):
        x = 30 + pct / 5 * bw
        parts.append(f'<text x="{x:.1f}" y="{height - 10}" font-size="11" text-anchor="middle">{pct}%</text>')
    parts.append(f'<line x1="30" y1="{height - pad}" x2="{width - 10}" y2="{height - pad}" stroke="#555"/>')
    return Markup("".join(parts) + "</svg>")


def _scatter_svg(points: pd.DataFrame, size: int = 320) -> Markup:
    """Declared (printed) score against the score recomputed by rule, as shares of the weight;
    points off the diagonal are the breaks."""
    pad = 36
    span = size - 2 * pad
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" role="img" '
             f'aria-label="申报得分与重算得分">',
             f'<line x1="{pad}" y1="{size - pad}" x2="{size - pad}" y2="{pad}" stroke="#9ca3af" '
             f'stroke-dasharray="4 3"/>',
             f'<rect x="{pad}" y="{pad}" width="{span}" height="{span}" fill="none" stroke="#555"/>',
             f'<text x="{size / 2}" y="{size - 6}" font-size="11" text-anchor="middle">重算（占权重）</text>',
             f'<text x="12" y="{size / 2}" font-size="11" text-anchor="middle" '
             f'transform="rotate(-90 12 {size / 2})">申报（占权重）</text>']
    for p in points.itertuples():
        x = pad + span * min(max(p.recomputed, 0), 1)
        y = size - pad - span * min(max(p.declared, 0), 1)
        color = "#dc2626" if p.broken else "#16a34a"
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{color}" fill-opacity="0.7">'
                     f'<title>{escape(p.label)}: {fmt(p.declared_score)} / {fmt(p.recomputed_score)}</title>'
                     f'</circle>')
    return Markup("".join(parts) + "</svg>")


def _score_points(frames: dict[str, pd.DataFrame], findings: pd.DataFrame) -> pd.DataFrame:
    """Printed vs recomputed scores of indicators (quantitative rule) and budget lines."""
    def keys(frame: pd.DataFrame, rule: pd.Series | str) -> list[tuple]:
        return list(zip(frame["doc_id"], frame["evaluation_no"], frame["indicator_no"].fillna(-1),
                        frame["line_no"].fillna(-1), [rule] * len(frame) if isinstance(rule, str) else rule))

    broken = set(keys(findings, findings["rule"]))
    points = []
    for rule in ("indicator_score_rule", "budget_score"):
        frame = frames[rule]
        weight = frame["weight"].where(frame["weight"] > 0)
        points.append(pd.DataFrame({
            "label": frame["label"].astype(str), "declared_score": frame["observed"],
            "recomputed_score": frame["expected"],
            "declared": frame["observed"] / weight, "recomputed": frame["expected"] / weight,
            "broken": [k in broken for k in keys(frame, rule)]}))
    return pd.concat(points, ignore_index=True).dropna(subset=["declared", "recomputed"])


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


@dataclass
class RunReport:
    """What the run's report shows, gathered one checked slice at a time and bounded in size: counts
    for every rule and document, the first MAX_LISTED findings in report order, every total line's
    execution rate, and up to MAX_POINTS score points (the breaks first)."""
    files: dict[str, str] = field(default_factory=dict)  # doc_id -> file name
    summaries: list[pd.DataFrame] = field(default_factory=list)
    listed: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=FINDING_COLUMNS))
    n_findings: int = 0
    n_errors: int = 0        # open errors (not acknowledged)
    n_warnings: int = 0      # open warnings
    n_reading: int = 0       # forms whose reading is doubtful
    n_acknowledged: int = 0  # findings an auditor reviewed
    n_indicators: int = 0
    rates: list[pd.Series] = field(default_factory=list)
    points: pd.DataFrame | None = None
    n_points: int = 0  # score points in the run, drawn or not

    def add(self, facts: Facts, checked: Checked) -> None:
        findings = checked.findings
        self.files |= facts.documents.set_index("doc_id")["file_name"].to_dict()
        self.summaries.append(checked.summary[checked.summary["checked"] > 0])
        self.listed = in_report_order(pd.concat([self.listed, findings.head(MAX_LISTED)], ignore_index=True)
                                      ).head(MAX_LISTED) if len(findings) else self.listed
        self.n_findings += len(findings)
        open_ = findings[findings["ack_note"].isna()] if "ack_note" in findings else findings
        self.n_errors += int((open_["severity"] == "error").sum())
        self.n_warnings += int((open_["severity"] == "warning").sum())
        self.n_reading += int((findings["severity"] == "reading").sum())
        self.n_acknowledged += len(findings) - len(open_)
        self.n_indicators += len(facts.indicators)
        lines = facts.budget_lines
        self.rates.append(lines.loc[lines["is_total"].astype(bool), "execution_rate"].dropna())
        new = _score_points(checked.frames, findings)
        self.n_points += len(new)
        points = pd.concat([p for p in (self.points, new) if p is not None], ignore_index=True)
        self.points = points.sort_values("broken", ascending=False, kind="stable").head(MAX_POINTS)


def write_report(out_dir: Path, run_id: str, report: RunReport, source_paths: dict[str, Path],
                 gx_data_docs: Path | None, quarantined: list[dict[str, str]] | None = None) -> Path:
    """Write `<out_dir>/<run_id>.html` and return its path; `quarantined`: files set aside, with why."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{run_id}.html"
    files = report.files
    summary = pd.concat(report.summaries, ignore_index=True) if report.summaries else \
        pd.DataFrame(columns=SUMMARY_COLUMNS)
    by_rule = summary.groupby("rule", sort=False)[["checked", "passed", "failed", "errors", "warnings"]].sum()
    rules = [{"id": r.id, "zh": r.zh, "en": r.en, "severity": r.severity, "source": r.source,
              "tolerance": r.tolerance,
              **(by_rule.loc[r.id].to_dict() if r.id in by_rule.index else dict.fromkeys(by_rule.columns, 0))}
             for r in RULES]
    per_doc = summary.groupby("doc_id")[["failed", "errors", "warnings"]].sum()
    failing = per_doc[per_doc["failed"] > 0].sort_values(["errors", "warnings"], ascending=False, kind="stable")
    shown = summary[summary["doc_id"].isin(failing.index[:MAX_MATRIX_ROWS])]
    checked = shown.pivot_table(index="doc_id", columns="rule", values="checked", aggfunc="sum")
    failed = shown.pivot_table(index="doc_id", columns="rule", values="failed", aggfunc="sum")
    matrix = [{"file_name": files.get(doc, doc),
               "cells": [{"checked": int(checked.at[doc, r.id]), "failed": int(failed.at[doc, r.id])}
                         if r.id in checked.columns and pd.notna(checked.at[doc, r.id]) else None
                         for r in RULES]}
              for doc in failing.index[:MAX_MATRIX_ROWS]]
    listed = report.listed
    items = [{**f, "file_name": files.get(f["doc_id"], f["doc_id"]), "rule_zh": RULE_BY_ID[f["rule"]].zh,
              "rule_en": RULE_BY_ID[f["rule"]].en,
              "crop": None if isinstance(crop, Markup) else crop, "excerpt": crop if isinstance(crop, Markup) else None}
             for f, crop in zip(_records(listed), _crops(listed, source_paths))]
    rates = pd.concat(report.rates) if report.rates else pd.Series(dtype=float)
    points = report.points if report.points is not None else pd.DataFrame(
        columns=["label", "declared_score", "recomputed_score", "declared", "recomputed", "broken"])
    docs_link = None if gx_data_docs is None else Path(os.path.relpath(gx_data_docs, out_dir)).as_posix()
    html = ENV.get_template("report.html.j2").render(
        run_id=run_id, rules=rules, matrix=matrix, n_failing=len(failing), n_clean=len(files) - len(failing),
        findings=items, n_findings=report.n_findings, max_crops=MAX_CROPS,
        # a quarantined file is an error of the run (its document_quarantined finding), counted here too
        n_errors=report.n_errors + len(quarantined or []), n_reading=report.n_reading,
        n_acknowledged=report.n_acknowledged,
        n_warnings=report.n_warnings,
        n_documents=len(files), n_indicators=report.n_indicators,
        histogram=_histogram_svg(rates), n_rates=len(rates),
        scatter=_scatter_svg(points), n_points=report.n_points, n_drawn=len(points), data_docs=docs_link,
        quarantined=quarantined or [])
    target.write_text(html, encoding="utf-8")
    return target

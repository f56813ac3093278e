"""Planted rule breaks, printed: each PDF in tests/data/planted is a corpus form (or a bench/forms.py
template) with one rule broken in print, its truth edited alike and `_planted` saying where
(bench/plant.py; tests/data/planted/README.md says how they were printed). The whole pipeline reads each
(extract → transform → expectations) and must raise that rule alone, on the planted page, at the cell
printing the planted value. Clean twins (no `_planted`) and plants of a rule that must hold (a printed
placeholder row) raise no error and no reading doubt. Every PDF is read as its truth says (F1 ≥ 0.98 by
the shared scorer), so a finding is known to come from the form, not from a misreading."""
from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import expectations
from tests.conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "bench"))
import plant  # noqa: E402

PLANTED = ROOT / "tests" / "data" / "planted"
DOCS = sorted(PLANTED.glob("*.pdf"))
SCORER = CORPUS.parent / "tools" / "score_extraction.py"
def _truth(pdf: Path) -> dict:
    return json.loads(pdf.with_name(pdf.stem + ".truth.json").read_text("utf-8"))


def _cases(kind: str) -> list:
    """The PDFs of one kind ("planted": a rule broken; "clean": none)."""
    out = []
    for pdf in DOCS:
        planted = _truth(pdf).get("_planted")
        if (kind == "planted") == (planted is not None and planted["rule"] not in plant.HOLDS):
            out.append(pytest.param(pdf, id=pdf.stem))
    return out


@pytest.fixture(scope="module")
def checks() -> expectations.Checks:
    return expectations.Checks()


@functools.cache
def _read(pdf: Path) -> tuple[pd.DataFrame, object]:
    """The PDF's extracted cells and its facts, as the pipeline reads them."""
    from extract import read_document
    from transform import build_facts

    ext = read_document(pdf)
    return ext.cells, build_facts(ext, pdf.name)


def _evidence(pdf: Path) -> pd.DataFrame:
    """The cells a finding on this plant must point at: those printing the planted text; for weights that
    no longer add up, the total the form prints for them (the 权重 of its 总分 row), as no single weight
    is the wrong one."""
    cells, facts = _read(pdf)
    planted = _truth(pdf)["_planted"]
    if planted["rule"] == "total_weights":
        v = facts.value_cells
        return v[v["field"] == "total_weight"][["page", "x0", "y0", "x1", "y1"]]
    return plant.planted_cells(cells, planted)


def _findings(checks: expectations.Checks, pdf: Path) -> pd.DataFrame:
    return checks.check(_read(pdf)[1], pdf.stem).findings


def test_every_rule_has_a_printed_plant() -> None:
    rules = {_truth(pdf)["_planted"]["rule"] for pdf in DOCS if "_planted" in _truth(pdf)}
    assert rules == set(plant.RULES)
    assert set(plant.RULES) - plant.HOLDS == {r.id for r in expectations.RULES} - {"reading"}


@pytest.mark.parametrize("pdf", _cases("planted"))
def test_planted_rule_fires_alone(checks, pdf: Path) -> None:
    findings = _findings(checks, pdf)
    rule = _truth(pdf)["_planted"]["rule"]
    assert set(findings["rule"]) == {rule}, findings[["rule", "severity", "message_en"]].to_string()
    assert not findings["severity"].eq("reading").any()
    assert findings["message"].str.len().gt(0).all() and findings["message_en"].str.len().gt(0).all()


@pytest.mark.parametrize("pdf", _cases("planted"))
def test_planted_finding_is_on_the_planted_page(checks, pdf: Path) -> None:
    findings = _findings(checks, pdf)
    pages = set(_evidence(pdf)["page"])
    assert not findings.empty and pages
    assert set(findings["page"]) <= pages, (findings[["rule", "page"]].to_string(), pages)


@pytest.mark.parametrize("pdf", _cases("planted"))
def test_planted_finding_points_at_the_cell_printing_the_planted_value(checks, pdf: Path) -> None:
    """The finding's box centre lies inside the extracted cell that prints the planted text (both rows'
    cells for a repeated indicator; see _evidence)."""
    findings = _findings(checks, pdf)
    cells = _evidence(pdf)
    assert not findings.empty
    for f in findings.itertuples():
        cx, cy = (f.x0 + f.x1) / 2, (f.y0 + f.y1) / 2
        inside = cells[(cells["page"] == f.page) & cells["x0"].le(cx) & cells["x1"].ge(cx)
                       & cells["y0"].le(cy) & cells["y1"].ge(cy)]
        planted_boxes = cells[["page", "x0", "y0", "x1", "y1"]].round(0).values.tolist()
        assert not inside.empty, f"{f.rule} at page {f.page} ({f.x0:.0f}, {f.y0:.0f}, {f.x1:.0f}, {f.y1:.0f}); " \
                                 f"planted cell(s): {planted_boxes}"


@pytest.mark.parametrize("pdf", _cases("clean"))
def test_clean_twin_raises_no_error_and_no_reading_doubt(checks, pdf: Path) -> None:
    findings = _findings(checks, pdf)
    raised = findings[findings["severity"].isin(["error", "reading"])]
    assert raised.empty, raised[["rule", "severity", "message_en"]].to_string()
    if "_planted" in _truth(pdf):  # a rule that holds when planted: nothing at all may fire
        assert findings.empty, findings[["rule", "message_en"]].to_string()


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    """F1 of each planted PDF's extraction (`jixiao extract`) against its truth, by the shared scorer."""
    assert SCORER.is_file(), "../shared/tools (the scorer) is absent"
    out = tmp_path_factory.mktemp("planted-extract")
    jixiao = Path(sys.executable).with_name("jixiao")
    subprocess.run([str(jixiao), "extract", *map(str, DOCS), "--json-dir", str(out)], check=True,
                   capture_output=True)
    subprocess.run([sys.executable, str(SCORER), *[str(p.with_name(p.stem + ".truth.json")) for p in DOCS],
                    "--pred", str(out), "--json", str(out / "score.json")], check=True, capture_output=True)
    return json.loads((out / "score.json").read_text())["documents"]


@pytest.mark.parametrize("pdf", [pytest.param(p, id=p.stem) for p in DOCS])
def test_planted_pdf_is_read_as_its_truth_says(scores, pdf: Path) -> None:
    assert scores[pdf.stem]["f1"] >= 0.98

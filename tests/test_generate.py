"""bench/forms.py and bench/producers.py: the generated forms print what their truth says, and nothing the
truth leaves out is counted (placeholder rows, template instructions); the source files are well formed."""
from __future__ import annotations

import random
import re
import sys
import unicodedata
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import forms  # noqa: E402
import producers  # noqa: E402

CASES = [(template, seed) for template in forms.TEMPLATES for seed in range(12)]


def _fold(text: str) -> str:
    """As the shared scorer compares text: NFKC, no white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _document(template: str, seed: int):
    return forms.build_document(template, random.Random(seed), 2)


def _texts(form: forms.Form) -> list[str]:
    return [c.text for r in form.rows for c in r.cells] + [t for line in form.above + form.below for t, _ in line.blocks]


@pytest.mark.parametrize(("template", "seed"), CASES)
def test_truth_is_printed(template, seed):
    doc_forms, truth, variant = _document(template, seed)
    assert len(doc_forms) == len(truth["evaluations"])
    for form, ev in zip(doc_forms, truth["evaluations"]):
        cells = _texts(form)
        joined = "\n".join(cells)
        for key in ("project_name", "project_code", "implementing_unit", "supervising_unit",
                    "supervising_unit_code", "unit_code"):
            if ev[key] is not None:
                assert ev[key] in joined, (key, ev[key])
        for line in ev["budget"]:
            assert line["fund_source"].replace(":", "：") in cells
            for key in ("initial_budget", "annual_budget", "executed"):
                assert forms.amount(line[key], truth["document"]["money_unit"]) in cells
            assert line["execution_rate_text"] in cells
        for ind in ev["indicators"]:
            for key in ("name", "target_text", "actual_text", "target_op_text", "measure_unit", "deviation"):
                if ind[key] is not None:
                    assert ind[key] in cells, (key, ind[key])
            assert any(c.startswith(ind["level1"]) for c in cells)
        assert f"{ev['total_score']:g}" in cells
        if ev["notes"]:
            for part in ev["notes"].split("\n"):
                assert part.split("：", 1)[1] in cells
    assert truth["document"]["money_unit"] in joined
    assert str(truth["document"]["fiscal_year"]) in joined


@pytest.mark.parametrize(("template", "seed"), CASES)
def test_scores_add_up(template, seed):
    _, truth, _ = _document(template, seed)
    for ev in truth["evaluations"]:
        weights = sum(i["weight"] for i in ev["indicators"]) + sum(b["weight"] or 0 for b in ev["budget"])
        scores = sum(i["score"] for i in ev["indicators"]) + sum(b["score"] or 0 for b in ev["budget"])
        assert weights == 100
        assert ev["total_score"] == pytest.approx(scores, abs=0.006)


def test_placeholders_and_instructions_are_printed_but_not_truth():
    placeholders = instructions = 0
    for template, seed in CASES:
        doc_forms, truth, variant = _document(template, seed)
        names = {i["name"] for ev in truth["evaluations"] for i in ev["indicators"]}
        texts = {i.get(k) for ev in truth["evaluations"] for i in ev["indicators"] for k in ("deviation", "actual_text")}
        texts |= {g["actual_text"] for ev in truth["evaluations"] for g in ev["goals"]}
        texts |= {ev["notes"] for ev in truth["evaluations"]}
        for form in doc_forms:
            for cell in _texts(form):
                if cell == "……" or (cell.startswith("指标") and cell.endswith("：")):
                    assert variant["placeholders"] and cell not in names
                    placeholders += 1
                if "200字以内" in cell:
                    assert variant["instructions"] and not any(cell in (t or "") for t in texts)
                    instructions += 1
    assert placeholders > 10 and instructions > 10


def test_code_name_cells_are_split_in_truth():
    seen = set()
    for template, seed in CASES:
        doc_forms, truth, variant = _document(template, seed)
        for form, ev in zip(doc_forms, truth["evaluations"]):
            cells = _texts(form)
            if "project" in variant["code_name"]:
                assert f"{ev['project_code']}-{ev['project_name']}" in cells
                seen.add("project")
            if "supervising" in variant["code_name"]:
                code, name = ev["supervising_unit_code"], ev["supervising_unit"]
                assert f"{code}-{name}" in cells or f"[{code}]{name}" in cells
                seen.add(variant["supervising_style"])
            else:
                assert ev["supervising_unit_code"] is None
    assert seen == {"project", "dash", "bracket"}


def _doc(template: str, seed: int, repeat: bool, rules: str) -> producers.Doc:
    doc_forms, truth, _ = _document(template, seed)
    for form in doc_forms:
        forms.apply_rules(form, rules)
    return producers.Doc(f"{template}{seed}", doc_forms, truth["document"]["title"], landscape=seed % 2 == 0,
                         font="Noto Serif CJK SC", fsize=9.0, rule_pt=0.5, margin=30, top_margin=40,
                         page_numbers=True, repeat_header=repeat)


@pytest.mark.parametrize("template", list(forms.TEMPLATES))
def test_sources_are_well_formed(template, tmp_path: Path):
    doc = _doc(template, 1, repeat=True, rules="open-header")
    fods = ElementTree.fromstring(producers.to_fods(doc).encode())
    ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0"}
    assert len(fods.findall(".//table:table", ns)) == len(doc.forms)
    producers.write_docx(doc, tmp_path / "f.docx")
    with zipfile.ZipFile(tmp_path / "f.docx") as z:
        body = ElementTree.fromstring(z.read("word/document.xml"))
    w = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    assert len(body.findall(".//w:tbl", w)) == 2 * len(doc.forms)   # the indicator table is split off to repeat its header
    assert len(body.findall(".//w:tblHeader", w)) == len(doc.forms)
    html = producers.to_html(doc)
    assert html.count("<thead>") == len(doc.forms) and html.count("<table") == 2 * len(doc.forms)


def test_open_header_rules_leave_no_inner_verticals():
    doc = _doc("mof", 3, repeat=False, rules="open-box")
    form = doc.forms[0]
    ids = [r for r in form.rows if r.role == "id"]
    assert ids
    for r in ids:
        for c in r.cells:
            assert ("l" in c.edges) == (c.col == 0) and ("r" in c.edges) == (c.col + c.cs == form.n_cols)
    assert "t" not in ids[1].cells[0].edges and "b" not in ids[0].cells[0].edges


@pytest.fixture(scope="module")
def replicas():
    if not (ROOT.parent / "shared" / "corpus").is_dir():
        pytest.skip("../shared/corpus is absent")
    import generate

    return generate, {t.name: t for t in generate.load_templates()}


def test_replica_forms_cover_their_grid_once(replicas):
    generate, templates = replicas
    plans = generate.plan_all(list(generate.REPLICAS), ["writer"], 0, 10, 1, templates)
    for plan in plans:
        doc, truth = generate.make_document(plan, templates)
        cells = set()
        for form in doc.forms:
            seen: dict[tuple[int, int], int] = {}
            for r, row in enumerate(form.rows):
                for c in row.cells:
                    for k in range(r, r + c.rs):
                        for col in range(c.col, c.col + c.cs):
                            seen[(k, col)] = seen.get((k, col), 0) + 1
                    cells.add(c.text)
            assert set(seen.values()) == {1}
            assert len(seen) == len(form.rows) * form.n_cols
        printed = _fold("".join(cells))
        for ev in truth["evaluations"]:
            assert ev["project_name"] is None or _fold(ev["project_name"]) in printed
            assert all(_fold(i["name"]) in printed for i in ev["indicators"] if i["name"])
        assert truth["_variant"]["producer"] == "writer" and truth["_variant"]["template"] == plan["template"].split("-")[0]


def test_every_plant_prints_what_its_truth_says(corpus):
    """bench/plant.py: each edit finds its cell in the re-printed or built form and sets its truth row alike;
    a plant records `_planted`, a clean twin does not (the printing itself: tests/test_planted_pdf.py)."""
    import generate
    import plant

    replicas = {t.name: t for t in generate.load_templates() if t.name.split("-")[0] in {"luohu", "qiaokou"}}
    for p in plant.PLANTS:
        doc, truth = generate.make_document(generate.plan_plants([p], 1, replicas)[0], replicas)
        rows = [[c.text for c in row.cells] for form in doc.forms for row in form.rows]
        for edit in p.edits:
            label = edit.new if edit.label == edit.old else edit.label  # a label planted itself
            assert any(edit.new in row and (label in row or edit.add_after) for row in rows), (p.name, edit.new)
            if edit.frame in ("document", "evaluation"):
                target = [truth["document"] if edit.frame == "document" else truth["evaluations"][0]]
            else:
                lines = truth["evaluations"][0][edit.frame]
                target = ([lines[edit.rows]] if isinstance(edit.rows, int)
                          else [r for r in lines if all(r.get(k) == v for k, v in edit.rows or ())])
            assert all(t[k] == v for t in target for k, v in edit.fields), (p.name, edit.fields)
        assert ("_planted" in truth) == (p.rule is not None), p.name

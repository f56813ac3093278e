"""The acceptance scorer over ../shared/corpus (skipped without it): what `jixiao extract` writes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
TEXT_PDFS = sorted(p for p in (SHARED / "corpus").glob("*.pdf") if not p.stem.endswith("-scan"))


@pytest.mark.skipif(not TEXT_PDFS, reason="../shared/corpus is absent")
def test_extraction_scores_on_the_text_corpus(tmp_path):
    jixiao = Path(sys.executable).with_name("jixiao")
    subprocess.run([str(jixiao), "extract", *map(str, TEXT_PDFS), "--json-dir", str(tmp_path)], check=True)
    truths = [str(p.with_suffix(".truth.json")) for p in TEXT_PDFS]
    report = tmp_path / "score.json"
    subprocess.run([sys.executable, str(SHARED / "tools" / "score_extraction.py"), *truths,
                    "--pred", str(tmp_path), "--json", str(report)], check=True, capture_output=True)
    scores = json.loads(report.read_text())
    assert scores["overall"]["f1"] >= 0.99
    assert min(d["f1"] for d in scores["documents"].values()) >= 0.97


# Renderings from bench/generate.py (LibreOffice Calc and Chromium → PDF), with the generator's truth,
# each cut by page breaks the hard way: Calc prints a merged cell cut by a break on both pages, each
# part clipped to its page, a line of it sliced through its middle (the hidden halves must not be
# read, the visible ones join into one cell; a first column cut above and below keeps only its side
# rules); Chromium prints a cut cell's next line just under the rule and repeats the header beside a
# block label printed again; a department form's goal block may open a page with its own header row.
RENDERINGS = sorted(Path(__file__).with_name("data").glob("*.pdf"))


@pytest.mark.skipif(not (SHARED / "tools").is_dir(), reason="../shared/tools (the scorer) is absent")
def test_extraction_scores_on_office_renderings_cut_at_page_breaks(tmp_path):
    jixiao = Path(sys.executable).with_name("jixiao")
    subprocess.run([str(jixiao), "extract", *map(str, RENDERINGS), "--json-dir", str(tmp_path)], check=True)
    report = tmp_path / "score.json"
    subprocess.run([sys.executable, str(SHARED / "tools" / "score_extraction.py"),
                    *[str(p.with_suffix(".truth.json")) for p in RENDERINGS],
                    "--pred", str(tmp_path), "--json", str(report)], check=True, capture_output=True)
    scores = json.loads(report.read_text())
    assert len(scores["documents"]) == len(RENDERINGS) == 7
    assert min(d["f1"] for d in scores["documents"].values()) == 1.0


# Real published forms (tests/data/wild: each NAME.md says where it was published, its province,
# template and how its PDF was made), scored against their hand-written truth; with them the real forms
# whose stored copy ends early (tests/data/wild-cut, read as far as they are printed).
COMPLETE = sorted(Path(__file__).with_name("data").joinpath("wild").glob("*.pdf"))
WILD = COMPLETE + sorted(Path(__file__).with_name("data").joinpath("wild-cut").glob("*.pdf"))


def test_extraction_scores_on_real_published_forms(tmp_path):
    assert (SHARED / "tools").is_dir(), "../shared/tools (the scorer) is absent"
    jixiao = Path(sys.executable).with_name("jixiao")
    subprocess.run([str(jixiao), "extract", *map(str, WILD), "--json-dir", str(tmp_path)], check=True)
    report = tmp_path / "score.json"
    subprocess.run([sys.executable, str(SHARED / "tools" / "score_extraction.py"),
                    *[str(p.with_name(p.stem + ".truth.json")) for p in WILD],
                    "--pred", str(tmp_path), "--json", str(report)], check=True, capture_output=True)
    scores = json.loads(report.read_text())
    assert len(scores["documents"]) == len(WILD) and len(COMPLETE) >= 15
    assert scores["overall"]["f1"] >= 0.98
    assert min(d["f1"] for d in scores["documents"].values()) >= 0.95


RELATED = sorted(Path(__file__).with_name("data").joinpath("related").glob("*.pdf"))


def test_related_forms_are_named_not_read_as_self_evaluations(tmp_path):
    jixiao = Path(sys.executable).with_name("jixiao")
    done = subprocess.run([str(jixiao), "extract", *map(str, RELATED), "--json-dir", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 1 and not list(tmp_path.iterdir())
    assert done.stderr.count("not a self-evaluation (自评表): looks like 绩效目标申报表") == len(RELATED) >= 4

"""The suite's two engines agree: pandas (expectations/evaluate.py, every run) and great-expectations
(expectations/gx_engine.py, runs that build Data Docs) find the same unexpected rows, rule by rule, on
the prepared frames of real forms (the samples, the corpus, the printed plants) and on random frames
full of missing values, ties and out-of-range numbers."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from expectations.evaluate import unexpected
from expectations.prepare import prepare
from expectations.rules import RULES
from expectations.suite import expectations_for
from tests.conftest import CORPUS, ROOT, SAMPLES


@pytest.fixture(scope="module")
def gx_validator():
    from expectations.gx_engine import Validator

    return Validator()


def _forms() -> list[Path]:
    pdfs = sorted(SAMPLES.glob("*.pdf")) + sorted((ROOT / "tests" / "data" / "planted").glob("*.pdf"))
    return pdfs + sorted(p for p in CORPUS.glob("*.pdf") if "scan" not in p.name)


def test_same_findings_on_real_forms(gx_validator):
    from extract import read_document
    from transform import document_rows
    from transform.facts import Facts

    facts = Facts.from_rows([document_rows(read_document(p), p.name) for p in _forms()])
    frames = prepare(facts)
    ours, theirs = unexpected(frames), gx_validator.run(frames, "real forms")
    assert ours == theirs
    assert sum(map(len, ours.values())) > 20, "the samples and plants break rules: something must be found"
    assert {rule for rule, rows in ours.items() if rows} >= {"execution_rate", "total_score", "indicator_score_rule"}


def _random_frame(rule: str, rng: np.random.Generator, n: int = 60) -> pd.DataFrame:
    """The columns the rule's expectations test, drawn so every case occurs: missing values, equal
    values, negatives, out-of-range years, duplicated rows."""
    def numbers(scale: float) -> np.ndarray:
        values = np.round(rng.normal(0, scale, n), 1)
        values[rng.random(n) < 0.25] = np.nan
        values[rng.random(n) < 0.15] = 0.0
        return values

    columns: dict[str, object] = {}
    for e in expectations_for(rule):
        names = e.kwargs.get("column_list") or [e.kwargs[k] for k in ("column", "column_A", "column_B") if k in e.kwargs]
        for name in names:
            if rule == "duplicate_indicators":
                columns[name] = rng.choice(["甲", "乙", None], n)
            elif rule == "fiscal_year":
                columns[name] = rng.choice([1999.0, 2015.0, 2023.0, 2040.0, np.nan], n)
            else:
                columns[name] = np.abs(numbers(1.0)) if name == "tolerance" else numbers(10.0)
    frame = pd.DataFrame(columns)
    if "weight" in frame and "score" in frame:  # ties between a score and its weight
        tie = rng.random(n) < 0.2
        frame.loc[tie, "weight"] = frame.loc[tie, "score"]
    if "observed" in frame and "expected" in frame:
        tie = rng.random(n) < 0.2
        frame.loc[tie, "expected"] = frame.loc[tie, "observed"]
    return frame.assign(_row=np.arange(n), doc_id="d")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_findings_on_random_frames(gx_validator, seed):
    rng = np.random.default_rng(seed)
    frames = {r.id: _random_frame(r.id, rng) for r in RULES}
    ours, theirs = unexpected(frames), gx_validator.run(frames, f"random {seed}")
    assert ours == theirs
    assert all(ours[r.id] for r in RULES), "every rule's random frame holds a row that breaks it"

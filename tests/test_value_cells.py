"""Every finding points at the cell that prints the value its rule observes: on each corpus form, each
value a rule checks (and so each finding) has a box on which the extraction has a cell printing it."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from expectations import validate, vocab
from expectations.prepare import prepare
from transform.values import fold, number

BOX = ["x0", "y0", "x1", "y1"]
# rule → how the observed value is compared with the text of the cell the finding points at
AS_PRINTED = {"execution_rate", "rate_over_100", "grade"}            # observed_text, as printed
SCORES = {"budget_score", "indicator_score_range", "indicator_score_rule"}  # the row's score
TOTALS = {"total_score"}                                              # observed, a number
AMOUNTS = {"fund_sources_sum", "zero_total_with_parts", "amounts_nonnegative"}  # observed yuan


def cell_at(cells: pd.DataFrame, page: int, box: list[float]) -> pd.Series:
    """The one extracted cell with exactly this page and box."""
    hit = cells[(cells["page"] == page) & (cells[BOX] - box).abs().max(axis=1).lt(0.01)]
    assert len(hit) == 1, (page, box)
    return hit.iloc[0]


def prints(rule: str, row: pd.Series, text: str, yuan_per_unit: float) -> bool:
    if rule in AS_PRINTED:
        return fold(row["observed_text"]) in fold(text)
    printed = number(text)
    if printed is None:
        return False
    if rule in AMOUNTS:
        return abs(printed * yuan_per_unit - row["observed"]) < 0.01
    return abs(printed - (row["score"] if rule in SCORES else row["observed"])) < 1e-6


def test_every_checked_value_and_finding_points_at_the_cell_printing_it(corpus: Path) -> None:
    from extract import read_document
    from transform import build_facts

    checked = 0
    for pdf in sorted(corpus.glob("*.pdf")):
        extraction = read_document(pdf)
        facts = build_facts(extraction, pdf.name)
        unit = vocab.MONEY_UNITS.get(facts.documents["money_unit"].iloc[0], 1)
        frames = prepare(facts)
        rows = pd.concat([frames[r].assign(rule=r) for r in AS_PRINTED | SCORES | TOTALS | AMOUNTS],
                         ignore_index=True)
        for _, row in rows.iterrows():
            cell = cell_at(extraction.cells, int(row["page"]), [row[k] for k in BOX])
            assert prints(row["rule"], row, cell["text"], unit), (pdf.name, row["rule"], row["label"], cell["text"])
        checked += len(rows)
        findings = validate(facts)
        located = findings[findings["rule"].isin(AS_PRINTED | SCORES | TOTALS | AMOUNTS)]
        boxes = {(r["rule"], r["page"], *(round(r[k], 3) for k in BOX)) for _, r in rows.iterrows()}
        for _, f in located.iterrows():  # each finding is one of the rows just verified
            assert (f["rule"], f["page"], *(round(f[k], 3) for k in BOX)) in boxes, (pdf.name, f["rule"])
    assert checked > 100  # the corpus's forms give that many values to check

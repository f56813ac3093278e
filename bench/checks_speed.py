"""How long the checks take per 1000 indicators: the corpus' truth facts, copied under new doc_ids.

    .venv/bin/python bench/checks_speed.py [copies]
"""
from __future__ import annotations

import sys
import time
from dataclasses import fields
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import expectations  # noqa: E402
from expectations.prepare import prepare  # noqa: E402
from tests.truth_facts import truth_facts  # noqa: E402
from transform.facts import Facts  # noqa: E402

CORPUS = Path("/work/shared/corpus")


def copies(facts: Facts, n: int) -> Facts:
    """n copies of a run, each document under its own doc_id (so no cross-copy duplicates)."""
    return Facts(**{f.name: pd.concat([getattr(facts, f.name).assign(doc_id=getattr(facts, f.name)["doc_id"] + f"-{k}")
                                       for k in range(n)], ignore_index=True) for f in fields(Facts)})


def timed(call, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    base = truth_facts(sorted(CORPUS.glob("*.truth.json")))
    expectations.validate(base)  # warm up: GX import and registration are one-off costs
    for n in (1, int(sys.argv[1]) if len(sys.argv) > 1 else 30):
        facts = copies(base, n)
        k = len(facts.indicators) / 1000
        full, prep = timed(lambda: expectations.validate(facts)), timed(lambda: prepare(facts))
        print(f"{len(facts.indicators):>6} indicators, {len(facts.budget_lines):>5} budget lines: "
              f"validate {full:.2f}s ({full / k:.2f}s per 1000 indicators; "
              f"preparing the frames {prep / k:.2f}s of it, GX the rest)")


if __name__ == "__main__":
    main()

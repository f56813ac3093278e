"""F1 of `jixiao extract` output grouped by what bench/generate.py varied (the truth's `_variant`).

    .venv/bin/jixiao extract OUT/*.pdf --json-dir PRED
    .venv/bin/python bench/variants.py OUT --pred PRED [--json FILE]

Scores each document with ../shared/tools/score_extraction.py (its own field counting) and adds the
counts up per variant value: template, producer, template × producer, rules, and every other choice.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCORER = REPO.parent / "shared" / "tools" / "score_extraction.py"
GROUPS = ["template", "producer", "template×producer", "rules", "landscape", "page_numbers", "repeat_header",
          "form_per_page", "browser_footer", "code_name", "placeholders", "instructions", "fraction_actuals",
          "unit_words", "unit_at", "level1_points", "forms"]


def _scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _values(variant: dict, group: str) -> list[str]:
    if group == "template×producer":
        return [f"{variant['template']}×{variant['producer']}"]
    if group not in variant:
        return []
    value = variant[group]
    if isinstance(value, list):
        return [f"has {v}" for v in value] or ["none"]
    return [str(value)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("truth", help="folder of NAME.truth.json written by bench/generate.py")
    ap.add_argument("--pred", required=True, help="folder of NAME.json written by jixiao extract")
    ap.add_argument("--json", help="write the grouped figures here")
    args = ap.parse_args()
    scorer = _scorer()
    tallies: dict[tuple[str, str], list] = defaultdict(lambda: [scorer.Tally(), 0])
    overall = scorer.Tally()
    for tf in sorted(Path(args.truth).glob("*.truth.json")):
        truth = json.loads(tf.read_text("utf-8"))
        pf = Path(args.pred) / f"{tf.name[:-len('.truth.json')]}.json"
        pred = json.loads(pf.read_text("utf-8")) if pf.exists() else {}
        tally = scorer.Tally()
        scorer.score_document(truth, pred, tally)
        keys = [(g, v) for g in GROUPS for v in _values(truth.get("_variant", {}), g)]
        for t in [overall] + [tallies[k][0] for k in keys]:
            for attr in ("found", "truth", "claims", "right_claims"):
                setattr(t, attr, getattr(t, attr) + getattr(tally, attr))
        for k in keys:
            tallies[k][1] += 1
    out = {"overall": {"f1": overall.f1, "fields": overall.truth}, "groups": {}}
    print(f"{'group':18} {'value':28} {'docs':>5} {'recall':>7} {'precision':>9} {'F1':>6}")
    for group in GROUPS:
        for (g, value), (t, docs) in sorted(tallies.items()):
            if g == group:
                print(f"{g:18} {value:28} {docs:5} {t.recall:7.4f} {t.precision:9.4f} {t.f1:6.4f}")
                out["groups"].setdefault(g, {})[value] = {"docs": docs, "recall": t.recall,
                                                          "precision": t.precision, "f1": t.f1}
    print(f"{'ALL':47} {overall.recall:13.4f} {overall.precision:9.4f} {overall.f1:6.4f}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()

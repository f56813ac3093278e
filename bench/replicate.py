"""Scale a folder of generated forms up to N byte-distinct files for bench/run.py.

    .venv/bin/python bench/replicate.py /tmp/gen270 /tmp/gen5000 -n 5000

Generating thousands of forms takes hours on this VM (bench/generate.py prints each through LibreOffice
or Chromium). This cycles through SOURCE's forms in generation order and appends a PDF comment after the
file's end, numbering each copy: every copy has its own content hash, so `jixiao ingest` parses it as a
new document (nothing is skipped as a duplicate) and spends what the original costs. The truth is copied
beside each file, naming the copy. The mix of families, producers and sizes is SOURCE's, repeated.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="folder made by bench/generate.py")
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, required=True)
    args = ap.parse_args()
    forms = sorted((f for f in args.source.glob("*.pdf") if f.with_suffix(".truth.json").exists()),
                   key=lambda f: int(re.search(r"gen(\d+)$", f.stem).group(1)))
    args.out.mkdir(parents=True, exist_ok=True)
    for i in range(args.n):
        form = forms[i % len(forms)]
        name = re.sub(r"gen\d+$", f"gen{i:05d}", form.stem)
        (args.out / f"{name}.pdf").write_bytes(form.read_bytes() + f"\n%jixiao bench copy {i}\n".encode())
        truth = json.loads(form.with_suffix(".truth.json").read_text("utf-8"))
        truth["document"]["file"] = f"{name}.pdf"
        (args.out / f"{name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False), "utf-8")
    print(f"{args.n} forms from {len(forms)} in {args.out}")


if __name__ == "__main__":
    main()

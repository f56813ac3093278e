"""CPU per form of each source format beside the PDF path, and F1 per family × format.

    .venv/bin/python bench/formats_speed.py [DIR ...] [--repeat 3]

Without DIR, the samples' PDFs are written again as .xlsx, .docx and .html (tests/office_files.py)
and, when LibreOffice is installed, as .xls and .doc (converted from those), in a temporary folder.
With DIR (e.g. the generator's output), every file in it is read, its format sniffed by content. A
form's CPU is user+sys of read_document + build_facts, best of --repeat runs, plus the CPU of any
LibreOffice child (the .doc path). Where NAME.truth.json stands beside a file, it is scored with
../shared/tools/score_extraction.py; the F1 table is by the truth's layout (family) × format.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import read_document  # noqa: E402
from extract.formats import sniff  # noqa: E402
from transform import build_facts, facts_to_json  # noqa: E402

SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"


def cpu_now() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(path: Path):
    cpu, wall = cpu_now(), time.perf_counter()
    facts = build_facts(read_document(path), path.name)
    return cpu_now() - cpu, time.perf_counter() - wall, facts


def sample_folder(out: Path) -> Path:
    from tests.office_files import write_docx, write_html, write_xlsx
    for pdf in sorted((ROOT / "samples").glob("*.pdf")):
        shutil.copyfile(pdf, out / pdf.name)
        extraction = read_document(pdf)
        for writer, suffix in ((write_xlsx, ".xlsx"), (write_docx, ".docx"), (write_html, ".html")):
            writer(extraction, out / f"{pdf.stem}{suffix}")
        truth = ROOT.parent / "shared" / "corpus" / f"{pdf.stem}.truth.json"
        if truth.is_file():
            shutil.copyfile(truth, out / truth.name)
    soffice = shutil.which("soffice")
    if soffice:
        profile = (out / "lo-profile").as_uri()
        for source, target in (("xlsx", "xls"), ("docx", "doc")):
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                            "--outdir", str(out), *map(str, sorted(out.glob(f"*.{source}")))],
                           check=True, capture_output=True)
        shutil.rmtree(out / "lo-profile", ignore_errors=True)
    return out


def scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tmp = None
    if args.dirs:
        files = sorted(f for d in map(Path, args.dirs) for f in d.rglob("*")
                       if f.is_file() and not f.name.endswith(".json"))
    else:
        tmp = tempfile.TemporaryDirectory(prefix="formats-speed-")
        files = sorted(f for f in sample_folder(Path(tmp.name)).iterdir() if not f.name.endswith(".json"))
    score = scorer() if SCORER.is_file() else None
    cpu: dict[str, list[float]] = defaultdict(list)
    wall: dict[str, list[float]] = defaultdict(list)
    tallies: dict[tuple[str, str], object] = {}
    failed: dict[str, int] = defaultdict(int)
    for f in files:
        fmt = sniff(f)
        try:
            runs = [timed(f) for _ in range(max(args.repeat if fmt != "doc" else 1, 1))]
        except Exception as err:  # noqa: BLE001 — a file the pipeline refuses is counted, not timed
            failed[fmt] += 1
            print(f"{f.name}: {type(err).__name__}: {err}", file=sys.stderr)
            continue
        best = min(runs, key=lambda r: r[0])
        cpu[fmt].append(best[0])
        wall[fmt].append(best[1])
        truth_file = f.with_name(f"{f.stem}.truth.json")
        if score is not None and truth_file.is_file():
            truth = json.loads(truth_file.read_text(encoding="utf-8"))
            (pred,) = facts_to_json(best[2])
            family = truth["document"].get("layout") or "?"
            tally = tallies.setdefault((family, fmt), score.Tally())
            one = score.Tally()
            score.score_document(truth, pred, one)
            for attr in ("found", "truth", "claims", "right_claims"):
                setattr(tally, attr, getattr(tally, attr) + getattr(one, attr))
    pdf_cpu = sum(cpu["pdf"]) / len(cpu["pdf"]) if cpu.get("pdf") else None
    print(f"{'format':8} {'forms':>5} {'CPU s/form':>10} {'wall s/form':>11} {'vs PDF':>7} {'refused':>7}")
    for fmt in sorted(cpu, key=lambda k: (k != "pdf", k)):
        mean = sum(cpu[fmt]) / len(cpu[fmt])
        ratio = f"{mean / pdf_cpu:6.2f}x" if pdf_cpu else "-"
        print(f"{fmt:8} {len(cpu[fmt]):5d} {mean:10.4f} {sum(wall[fmt]) / len(wall[fmt]):11.4f} {ratio:>7} "
              f"{failed.get(fmt, 0):7d}")
    if tallies:
        fmts = sorted({fmt for _, fmt in tallies}, key=lambda k: (k != "pdf", k))
        print(f"\nF1 by family × format (fields in the truth)\n{'family':24} " + " ".join(f"{f:>14}" for f in fmts))
        for family in sorted({fam for fam, _ in tallies}):
            cells = [f"{tallies[(family, f)].f1:7.4f} ({tallies[(family, f)].truth:4d})" if (family, f) in tallies
                     else f"{'-':>14}" for f in fmts]
            print(f"{family:24} " + " ".join(cells))
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()

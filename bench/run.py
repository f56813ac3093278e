"""The scale benchmark: a full `jixiao ingest` of N generated forms beside bare camelot, in one run.

    .venv/bin/python bench/run.py /tmp/bench-corpus/all -n 500 [-n 100 -n 5000] [--work /tmp/bench-work]

First, the start-up a run pays whatever its size: `jixiao ingest` of one document, measured after a
first such run has made Prefect's local database (a one-off on a machine, not a per-run cost).
For each N (the first N PDFs of the folder, by name, linked into a folder of their own):
  1. `jixiao ingest DIR --db fresh.duckdb` as a subprocess: CPU seconds (user+sys of it and every
     process under it: this process is a child subreaper, so the parser pool's workers and the
     multiprocessing forkserver are reaped and counted here), wall time, peak RSS (largest single
     process, from rusage; and the largest sum over the process tree, sampled every 0.2 s);
  2. the same command again on the unchanged folder (the re-run: everything is skipped);
  3. per stage (extract, transform, checks, report, load): the same pipeline functions driven in a
     child process with timers (flows.pipeline.run with an instrumented parse step), on a fresh DB;
  4. bare `camelot.read_pdf(f, pages="all")` (default settings) on the same files (all of them, or an
     evenly spread sample of --camelot-files), CPU per page, in a child process;
  5. accuracy: `jixiao extract` on --score-files of them, scored against the generator's truth by
     ../shared/tools/score_extraction.py.
Prints a table per N and writes bench-results.json in --work.
"""
from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = str(REPO / ".venv" / "bin" / "python")
JIXIAO = str(REPO / ".venv" / "bin" / "jixiao")
SCORER = REPO.parent / "shared" / "tools" / "score_extraction.py"


# ---------------------------------------------------------------- measuring a process tree

def _become_subreaper() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_CHILD_SUBREAPER = 36
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _tree_rss_kb(root: int) -> int:
    """Sum of RSS over `root` and its descendants (one /proc walk)."""
    parent, rss = {}, {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parent[int(pid)] = int(fields[1])
            rss[int(pid)] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except (OSError, IndexError, ValueError):
            continue
    total, stack, seen = 0, [root], set()
    children: dict[int, list[int]] = {}
    for pid, ppid in parent.items():
        children.setdefault(ppid, []).append(pid)
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measure(cmd: list[str], env: dict | None = None) -> dict:
    """Run `cmd`; CPU (user+sys) of it and of every descendant, wall, peak RSS (max process, max tree)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_tree = [0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    done = threading.Event()

    def sample() -> None:
        mine = os.getpid()
        while not done.wait(0.2):
            peak_tree[0] = max(peak_tree[0], _tree_rss_kb(mine) - _self_rss_kb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = proc.stdout.read()
    # wait4 gives each reaped process's own peak RSS (and its reaped descendants'); RUSAGE_CHILDREN's
    # would be the peak of every child this benchmark ever had.
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = returncode = os.waitstatus_to_exitcode(status)
    max_rss = usage.ru_maxrss
    while True:  # orphaned grandchildren (the forkserver, its workers) are ours to reap
        try:
            max_rss = max(max_rss, os.wait4(-1, 0)[2].ru_maxrss)
        except ChildProcessError:
            break
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])}… failed ({returncode}):\n{out[-3000:]}")
    return {"cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "wall_s": wall, "max_process_rss_mb": max_rss / 1024, "peak_tree_rss_mb": peak_tree[0] / 1024,
            "output": out}


def _self_rss_kb() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)


# ---------------------------------------------------------------- the pieces



_CAMELOT = r'''
import json, sys, time, warnings
warnings.simplefilter("ignore")
import camelot, pypdfium2 as pdfium
cpu = pages = 0.0
for f in sys.argv[1:]:
    d = pdfium.PdfDocument(f); pages += len(d); d.close()
    t0 = time.process_time(); camelot.read_pdf(f, pages="all"); cpu += time.process_time() - t0
print("CAMELOT" + json.dumps({"cpu_s": cpu, "pages": pages}))
'''


def _tagged(out: str, tag: str) -> dict:
    line = next(ln for ln in out.splitlines() if ln.startswith(tag))
    return json.loads(line[len(tag):])


def count_pages(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    n = 0
    for f in files:
        d = pdfium.PdfDocument(str(f))
        n += len(d)
        d.close()
    return n


def _doc_order(f: Path) -> tuple[int, str]:
    """Generated documents in the order they were made (families interleaved), others by name."""
    m = re.search(r"gen(\d+)$", f.stem)
    return (int(m.group(1)) if m else -1, f.name)


def spread(files: list[Path], k: int) -> list[Path]:
    """k files spread evenly over each family (the name before -gen) in turn: an even stride alone can
    fall on one family, since the generator cycles through them."""
    if k >= len(files):
        return files
    families: dict[str, list[Path]] = {}
    for f in files:
        families.setdefault(f.stem.split("-gen")[0], []).append(f)
    groups = list(families.values())
    picked = []
    for g, members in enumerate(groups):
        share = k // len(groups) + (g < k % len(groups))
        picked += [members[int(i * len(members) / share)] for i in range(min(share, len(members)))]
    return sorted(picked, key=_doc_order)


def score(files: list[Path], work: Path) -> dict:
    pred = work / "pred"
    shutil.rmtree(pred, ignore_errors=True)
    subprocess.run([JIXIAO, "extract", *map(str, files), "--json-dir", str(pred)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    truths = [str(f.with_suffix(".truth.json")) for f in files]
    out = subprocess.run([sys.executable, str(SCORER), *truths, "--pred", str(pred), "--json", str(work / "score.json")],
                         capture_output=True, text=True).stdout
    overall = next((ln for ln in out.splitlines() if ln.startswith("ALL")), "ALL ? ? ? ?").split()
    return {"files": len(files), "recall": float(overall[1]), "precision": float(overall[2]), "f1": float(overall[3]),
            "fields": int(overall[4])}


def corpus(source: Path, n: int) -> list[Path]:
    files = sorted((f for f in source.glob("*.pdf") if f.with_suffix(".truth.json").exists()), key=_doc_order)[:n]
    if len(files) < n:
        raise SystemExit(f"only {len(files)} PDFs in {source}")
    return files


def link(files: list[Path], folder: Path) -> Path:
    """Hard links (copies across file systems): the survey never follows a symlink out of the source
    folder, so symlinked forms would all be quarantined unread."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for f in files:
        try:
            os.link(f, folder / f.name)
        except OSError:
            shutil.copyfile(f, folder / f.name)
    return folder


def ingest(folder: Path, db: Path, work: Path) -> dict:
    """As `make demo` or a cron line runs it: no Prefect server configured; findings do not fail it."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(work / "prefect-home")}
    return measure([JIXIAO, "ingest", str(folder), "--db", str(db), "--fail-on", "never"], env)


def start_up(source: Path, work: Path) -> dict:
    """A one-document run, twice on fresh warehouses: the first makes Prefect's database in
    PREFECT_HOME (kept for every later run), the second is the start-up every run pays."""
    folder = link(corpus(source, 1), work / "n1")
    for _ in range(2):
        for p in work.glob("n1.duckdb*"):
            p.unlink()
        one = ingest(folder, work / "n1.duckdb", work)
    return {k: v for k, v in one.items() if k != "output"}


def bench_n(source: Path, n: int, work: Path, camelot_files: int, score_files: int, stages: bool) -> dict:
    files = corpus(source, n)
    folder = link(files, work / f"n{n}")
    pages = count_pages(files)
    db = work / f"n{n}.duckdb"
    for p in work.glob(f"n{n}.duckdb*"):
        p.unlink()
    shutil.rmtree(work / "reports", ignore_errors=True)
    first = ingest(folder, db, work)
    rerun = ingest(folder, db, work)
    result = {"n": n, "pages": pages, "ingest": {k: v for k, v in first.items() if k != "output"},
              "ingest_summary": first["output"].strip().splitlines()[-1:],
              "rerun": {k: v for k, v in rerun.items() if k != "output"}}
    if stages:
        sdb = work / f"n{n}-stages.duckdb"
        for p in work.glob(f"n{n}-stages.duckdb*"):
            p.unlink()
        staged = measure([PY, str(Path(__file__).with_name("stages.py")), str(folder), str(sdb)])
        result["stages_cpu_s"] = _tagged(staged["output"], "STAGES")
        result["stages_total"] = {k: v for k, v in staged.items() if k != "output"}
    sample = spread(files, camelot_files)
    cam = measure([PY, "-c", _CAMELOT, *map(str, sample)])
    result["camelot"] = {**_tagged(cam["output"], "CAMELOT"), "files": len(sample)}
    if score_files:
        result["accuracy"] = score(spread(files, score_files), work)
    return result


def report(r: dict, fixed: dict) -> str:
    p = r["pages"]
    ours = r["ingest"]["cpu_s"] / p
    cam = r["camelot"]["cpu_s"] / r["camelot"]["pages"]
    lines = [f"N={r['n']} documents, {p} pages",
             f"  jixiao ingest (first run): CPU {r['ingest']['cpu_s']:.1f} s = {ours:.4f} s/page, "
             f"{r['ingest']['cpu_s'] / r['n']:.3f} s/doc; wall {r['ingest']['wall_s']:.1f} s = {p / r['ingest']['wall_s']:.1f} pages/s, "
             f"{r['ingest']['wall_s'] / r['n']:.3f} s/doc, {_beyond(r, fixed):.3f} s/doc beyond the start-up; "
             f"peak RSS {r['ingest']['max_process_rss_mb']:.0f} MB (largest process), "
             f"{r['ingest']['peak_tree_rss_mb']:.0f} MB (all processes)",
             f"  bare camelot.read_pdf(pages='all'): {cam:.4f} CPU s/page on {r['camelot']['files']} of the files "
             f"({r['camelot']['pages']:.0f} pages) -> camelot/jixiao = {cam / ours:.1f}x",
             f"  re-run, unchanged folder: CPU {r['rerun']['cpu_s']:.1f} s, wall {r['rerun']['wall_s']:.1f} s "
             f"= {100 * r['rerun']['wall_s'] / r['ingest']['wall_s']:.1f}% of the first run's wall "
             f"({100 * r['rerun']['cpu_s'] / r['ingest']['cpu_s']:.1f}% of its CPU)"]
    if "stages_cpu_s" in r:
        s = r["stages_cpu_s"]
        lines.append("  per stage, CPU s/page: " + ", ".join(
            f"{k} {s[k] / p:.4f}" for k in ("extract", "transform", "checks", "report", "load") if k in s)
            + f" (instrumented run total {r['stages_total']['cpu_s'] / p:.4f})")
    if "accuracy" in r:
        a = r["accuracy"]
        lines.append(f"  accuracy on {a['files']} of the files: F1 {a['f1']:.4f} (recall {a['recall']:.4f}, "
                     f"precision {a['precision']:.4f}, {a['fields']} fields)")
    return "\n".join(lines)


def _beyond(r: dict, fixed: dict) -> float:
    """Wall seconds per document once the run's start-up (a one-document run) is paid."""
    return (r["ingest"]["wall_s"] - fixed["wall_s"]) / (r["n"] - 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", help="folder made by bench/generate.py")
    ap.add_argument("-n", type=int, action="append", help="corpus sizes (repeat); default 100 and 500")
    ap.add_argument("--work", default="/tmp/bench-work")
    ap.add_argument("--camelot-files", type=int, default=100, help="files bare camelot reads (evenly spread)")
    ap.add_argument("--score-files", type=int, default=50, help="files scored against the generated truth")
    ap.add_argument("--no-stages", action="store_true", help="skip the instrumented per-stage run")
    args = ap.parse_args()
    _become_subreaper()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    fixed = start_up(Path(args.source), work)
    print(f"start-up of a run (one document): wall {fixed['wall_s']:.1f} s, CPU {fixed['cpu_s']:.1f} s, "
          f"peak RSS {fixed['max_process_rss_mb']:.0f} MB (largest process), "
          f"{fixed['peak_tree_rss_mb']:.0f} MB (all processes)", flush=True)
    results = []
    for n in args.n or [100, 500]:
        r = bench_n(Path(args.source), n, work, args.camelot_files, args.score_files, not args.no_stages)
        print(report(r, fixed), flush=True)
        results.append(r)
    if len(results) > 1:
        for label, per_doc in (("wall s per document", [r["ingest"]["wall_s"] / r["n"] for r in results]),
                               ("wall s per document beyond the start-up", [_beyond(r, fixed) for r in results])):
            print(f"{label} across N={[r['n'] for r in results]}: " + ", ".join(f"{v:.3f}" for v in per_doc)
                  + f" (max/min {max(per_doc) / min(per_doc):.2f})")
    results.insert(0, {"start_up": fixed})
    (work / "bench-results.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()

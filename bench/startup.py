"""Where a one-file `jixiao ingest` spends its time: each step of the run, one after another in one
process (the real run overlaps the parser pool's start and great-expectations' import with the survey
and the parse), wall and CPU of this process; the parser pool's CPU is counted when it is closed.

    .venv/bin/python bench/startup.py samples/luohu-2024-projects.pdf [--data-docs]

--data-docs: the run as `jixiao ingest --data-docs` makes it (great-expectations imported, validating, and
writing its Data Docs); by default the plain run (the suite evaluated with pandas).
"""
from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

STEPS: list[tuple[str, float, float]] = []
_last = [time.perf_counter(), time.process_time()]


def step(name: str) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    STEPS.append((name, wall - _last[0], cpu - _last[1]))
    _last[:] = [time.perf_counter(), time.process_time()]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    pdf = Path(sys.argv[1]).resolve()
    data_docs = "--data-docs" in sys.argv[2:]
    import flows  # noqa: F401 — telemetry settings first, as the CLI does
    import pandas  # noqa: F401
    import duckdb  # noqa: F401
    step("import pandas, duckdb")
    from flows.parse import close_pools, parse_files, start_pool
    from flows.pipeline import Options, run
    step("import the pipeline (flows, warehouse, expectations' light part)")
    from flows.plan import parser_version
    parser_version()
    step("parser version (digest of extract/ and transform/)")
    start_pool(1)
    step("start the parser pool (forkserver, extract + transform preloaded)")
    if data_docs:
        import expectations.gx_engine  # noqa: F401
        step("import great-expectations")
    with tempfile.TemporaryDirectory() as home:
        source = Path(home) / "in"
        source.mkdir()
        shutil.copyfile(pdf, source / pdf.name)  # a symlink out of the folder is quarantined unread
        parsed = parse_files(__import__("flows.files", fromlist=["list_source"]).list_source(source), 300, 1)
        step("parse the file (in the pool)")
        run(str(source), str(Path(home) / "w.duckdb"), Options(data_docs=data_docs), parse=lambda files: parsed)
        step("the run: survey, schema, checks" + (" (GX context), Data Docs" if data_docs else "") + ", report, load")
    close_pools()
    step("close the pool")
    total_wall = sum(w for _, w, _ in STEPS)
    total_cpu = sum(c for _, _, c in STEPS)
    for name, wall, cpu in STEPS:
        print(f"{wall:6.2f} s wall {cpu:6.2f} s CPU  {name}")
    print(f"{total_wall:6.2f} s wall {total_cpu:6.2f} s CPU  this process; parser pool CPU {children_cpu():.2f} s")


if __name__ == "__main__":
    main()

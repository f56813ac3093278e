"""Per-stage CPU of one ingest (bench/run.py runs this): the flow's own pipeline.run, with the parse
step on a forkserver process pool that times extract and transform per file, and timers around checks,
report and load (each slice's, summed).   .venv/bin/python bench/stages.py SOURCE_DIR DB"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import json, sys, time, warnings
warnings.simplefilter("ignore")
import flows  # telemetry off before prefect / great-expectations load
from concurrent.futures import ProcessPoolExecutor
import multiprocessing as mp
import flows.pipeline as pipeline
from flows.parse import PARSER_MODULES, Parsed, default_workers

def parse_one(path, name):
    from extract import read_document
    from transform import document_rows
    t0 = time.process_time()
    try:  # as flows.parse.parse_file: a file the reader cannot read is quarantined, not a crash
        ext = read_document(path)
    except Exception as err:  # noqa: BLE001
        return None, f"{type(err).__name__}: {err}", time.process_time() - t0, 0.0
    t1 = time.process_time()
    try:
        facts, error = document_rows(ext, name), None
    except Exception as err:  # noqa: BLE001
        facts, error = None, f"{type(err).__name__}: {err}"
    return facts, error, t1 - t0, time.process_time() - t1

def main(source, db):
    cpu = {"extract": 0.0, "transform": 0.0}
    def parse(files):
        ctx = mp.get_context("forkserver"); ctx.set_forkserver_preload(PARSER_MODULES)
        with ProcessPoolExecutor(default_workers(), mp_context=ctx) as pool:
            for f, (facts, error, te, tt) in zip(files, pool.map(parse_one, [f.fs_path for f in files],
                                                          [f.file_name for f in files], chunksize=4)):
                cpu["extract"] += te; cpu["transform"] += tt
                yield Parsed(f, facts, error)
    def timed(name, fn):
        def wrapper(*a, **k):
            t0 = time.process_time(); w0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                cpu[name] = cpu.get(name, 0.0) + time.process_time() - t0
                cpu[name + "_wall"] = cpu.get(name + "_wall", 0.0) + time.perf_counter() - w0
        return wrapper
    from expectations import Checks
    from expectations.report import RunReport
    from flows.write import RunWriter
    Checks.__init__ = timed("checks", Checks.__init__)  # the GX import and context
    Checks.check = timed("checks", Checks.check)
    RunReport.add = timed("report", RunReport.add)
    pipeline.write_report = timed("report", pipeline.write_report)
    for step in ("start", "parsed", "rest", "finish"):
        setattr(RunWriter, step, timed("load", getattr(RunWriter, step)))
    pipeline.run(source, db, pipeline.Options(), parse)
    print("STAGES" + json.dumps(cpu))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

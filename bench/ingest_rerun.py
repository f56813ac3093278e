"""First vs second `jixiao ingest` on one folder (the second must take under 10% of the first).

    .venv/bin/python bench/ingest_rerun.py ../shared/corpus
"""
import subprocess
import sys
import tempfile
import time
from pathlib import Path

source = sys.argv[1] if len(sys.argv) > 1 else "samples"
with tempfile.TemporaryDirectory() as tmp:
    db = Path(tmp) / "w.duckdb"
    times = []
    for _ in range(2):
        start = time.perf_counter()
        subprocess.run([Path(sys.executable).with_name("jixiao"), "ingest", source, "--db", db], check=True,
                       capture_output=True)
        times.append(time.perf_counter() - start)
print(f"first {times[0]:.1f} s, second {times[1]:.1f} s ({100 * times[1] / times[0]:.1f}%)")

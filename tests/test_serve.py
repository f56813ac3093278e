"""`jixiao serve` as the nightly job: a real Prefect server on loopback (started by jixiao serve itself),
a deployment on a short interval, and a run that the scheduler created (not one started by hand)
completes, loads the samples and carries its counts and report as artifacts."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx

from tests.conftest import ROOT, SAMPLES

DEADLINE_S = 420  # server start, deployment, first scheduled run (one interval after), its flow run


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def flow_runs(api: str) -> list[dict]:
    try:
        response = httpx.post(f"{api}/flow_runs/filter", json={"sort": "EXPECTED_START_TIME_ASC"}, timeout=10)
    except httpx.HTTPError:
        return []
    return response.json() if response.status_code == 200 else []


def test_a_scheduled_run_completes_and_loads_the_samples(tmp_path):
    source, db = tmp_path / "in", tmp_path / "w.duckdb"
    source.mkdir()
    shutil.copyfile(SAMPLES / "luohu-2024-projects.pdf", source / "luohu.pdf")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}  # jixiao serve starts its own
    env |= {"PREFECT_HOME": str(tmp_path / "client"),
            # the scheduler's loop and the runner's poll, shortened so the test takes seconds, not minutes
            "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "3", "PREFECT_RUNNER_POLL_FREQUENCY": "2"}
    log = (tmp_path / "serve.log").open("w")
    serve = subprocess.Popen([sys.executable, "-m", "jixiao.cli", "serve", str(source), "--db", str(db),
                              "--interval", "20", "--port", str(port), "--fail-on", "never"],
                             cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        done: dict | None = None
        deadline = time.monotonic() + DEADLINE_S
        while done is None and time.monotonic() < deadline and serve.poll() is None:
            time.sleep(3)
            done = next((r for r in flow_runs(api) if r["state_type"] in ("COMPLETED", "FAILED", "CRASHED")), None)
        assert done is not None, (tmp_path / "serve.log").read_text()
        assert done["state_type"] == "COMPLETED", done["state"]
        assert done["auto_scheduled"]  # the scheduler made it, not a person
        artifacts = httpx.post(f"{api}/artifacts/filter", timeout=10,
                               json={"artifacts": {"flow_run_id": {"any_": [done["id"]]}}}).json()
    finally:
        os.killpg(serve.pid, signal.SIGTERM)  # jixiao serve stops its server; the group catches stragglers
        try:
            serve.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()
        log.close()

    assert (tmp_path / ".prefect" / "prefect.db").is_file()  # the local server's SQLite beside the warehouse
    with duckdb.connect(str(db), read_only=True) as con:
        # later runs of the schedule (if any came yet) found nothing new
        assert con.execute("SELECT status, files_new FROM runs WHERE prefect_flow_run_id = ?",
                           [done["id"]]).fetchall() == [("completed", 1)]
        assert con.execute("SELECT count(*) FROM v_budget_execution WHERE file_name = 'luohu.pdf'").fetchone() == (2,)
        [(report,)] = con.execute("SELECT report_path FROM runs WHERE prefect_flow_run_id = ?", [done["id"]]).fetchall()
    assert (Path(report).parent / f"{Path(report).stem}-gx" / "index.html").is_file()  # serve: GX's Data Docs by default
    by_key = {a["key"]: a for a in artifacts}
    assert {"count": "files_new", "value": 1} in json.loads(by_key["jixiao-run-counts"]["data"])
    assert "reports/" in by_key["jixiao-report"]["data"] and ".html" in by_key["jixiao-report"]["data"]

"""The Prefect server a served deployment needs: the one at PREFECT_API_URL, or a local one started here.

The local one listens on loopback only and keeps its SQLite database beside the warehouse
(`<db folder>/.prefect/`), so the runs' history lives and is backed up with the warehouse.
"""
from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

LOOPBACK = "127.0.0.1"


class ServerUnavailable(RuntimeError):
    pass


def healthy(api_url: str) -> bool:
    try:
        return httpx.get(f"{api_url}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _die_with_parent() -> None:
    """The local server gets SIGTERM when `jixiao serve` dies, even killed by SIGKILL (Linux)."""
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


@contextmanager
def prefect_server(db: str | Path, port: int, timeout: float = 180.0) -> Iterator[str]:
    """The API URL to use: PREFECT_API_URL if set (and answering), else a local server on
    127.0.0.1:`port` for as long as the block runs (stopped after it)."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        if not healthy(configured):
            raise ServerUnavailable(f"PREFECT_API_URL={configured} does not answer (is the server up?)")
        yield configured
        return
    api_url = f"http://{LOOPBACK}:{port}/api"
    if healthy(api_url):
        raise ServerUnavailable(f"a server already answers on {LOOPBACK}:{port}; set PREFECT_API_URL={api_url} "
                                "to use it, or choose another --port")
    home = Path(db).resolve().parent / ".prefect"
    home.mkdir(exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(home),
           "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{home / 'prefect.db'}",
           "PREFECT_UI_API_URL": api_url}
    log = (home / "server.log").open("ab")
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", LOOPBACK,
                               "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent)
    try:
        deadline = time.monotonic() + timeout
        while not healthy(api_url):
            if server.poll() is not None:
                raise ServerUnavailable(f"the local Prefect server exited ({server.returncode}); see {log.name}")
            if time.monotonic() > deadline:
                raise ServerUnavailable(f"the local Prefect server did not answer in {timeout:g} s; see {log.name}")
            time.sleep(0.5)
        os.environ["PREFECT_API_URL"] = api_url
        yield api_url
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()

"""How a run stops: on SIGTERM or SIGINT it finishes what it holds and ends `interrupted`; nothing it
started outlives it, even when it is killed with SIGKILL.

`jixiao ingest` forks at once (before any library starts a thread) into a small supervisor, which is
the process the operator or the scheduler sees, and the run, in a process group of its own with every
process it starts (the parser pool's forkserver and workers; Prefect's, when the run reports to it):
- a signal to the supervisor is passed on to the run, which sets `requested`; the run looks at it
  between files and slices, writes what it has parsed, marks itself `interrupted`, shuts its pool and
  server down and exits. A run that has not ended GRACE seconds later is killed with its group.
- when the run ends, however it ends (a SIGKILL from the OOM killer too), the supervisor kills what
  is left of its group, so an orphaned server or worker cannot survive it;
- when the supervisor itself is killed, the kernel sends the run SIGTERM (PR_SET_PDEATHSIG) and the
  run stops as above.
"""
from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from collections.abc import Callable

GRACE = 20.0  # seconds a run has to stop cleanly after a signal before its process group is killed
PR_SET_PDEATHSIG = 1  # linux/prctl.h

requested = threading.Event()
received: list[int] = []  # the signals the run was stopped by (the exit code tells the first)
_supervised = False  # this process is the run under `supervised`: its signals are ours


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Have the kernel send `sig` to this process when the thread that started it ends."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)


def _request_stop(sig: int, _frame) -> None:
    if requested.is_set():  # a second signal: stop now (the supervisor then clears the group)
        raise SystemExit(128 + sig)
    received.append(sig)
    requested.set()


def take_signals() -> None:
    """SIGTERM and SIGINT set `requested` from now on. Called by the supervised run, and again at the top
    of the flow: Prefect's engine puts its own SIGTERM handler in place for a flow run (it raises in the
    main thread, and the flow would then wait forever on its parse tasks); a served deployment, whose
    SIGTERM is the Prefect runner's cancel, is not supervised and keeps Prefect's handler."""
    if _supervised and threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, _request_stop)


def exit_code() -> int:
    """128 + the signal that stopped the run, as a shell reports a process ended by it."""
    return 128 + received[0] if received else 0


def supervised(run: Callable[[], int]) -> int:
    """Run `run()` in a child process as described above; returns its exit code (in both processes:
    the child returns it to its own caller, which exits with it)."""
    global _supervised
    parent = os.getpid()
    child = os.fork()
    if child == 0:
        os.setpgid(0, 0)
        die_with_parent(signal.SIGTERM)
        if os.getppid() != parent:  # the supervisor died before the line above took effect
            os._exit(128 + signal.SIGTERM)
        _supervised = True
        take_signals()
        return run()
    try:
        os.setpgid(child, child)  # as the child does: whichever runs first, the group exists before we wait
    except (PermissionError, ProcessLookupError):
        pass
    deadline: list[float] = []

    def forward(sig: int, _frame) -> None:
        _kill(child, sig)
        deadline.append(time.monotonic() + GRACE)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, forward)
    try:
        while True:
            pid, status = os.waitpid(child, os.WNOHANG)
            if pid:
                break
            if deadline and time.monotonic() > deadline[0]:
                _kill_group(child)
            time.sleep(0.05)
    finally:
        _kill_group(child)  # whatever the run left behind (it was SIGKILLed, or it is being abandoned)
    return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)


def _kill(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass

"""How often a run's processes run the cyclic garbage collector.

A run allocates millions of small objects that live on (glyphs, cells, fact rows) and makes few
reference cycles. At CPython's default (a collection every 700 net allocations) the collector took ~3 %
of a parser process's CPU and ~2 % of the checks in the run's own process (timed with gc.callbacks on 90
generated forms and on a 500-form slice), much of it walking objects that live as long as the process:
the imported libraries. Those are frozen out of collection, and a collection runs every 20,000
allocations: cycles are still collected, ~0 % of the CPU goes to it.
"""
from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

THRESHOLDS = (20_000, 20, 20)  # generation 0, then how many collections of 0 (of 1) before one of 1 (of 2)


def collect_rarely() -> None:
    """For the rest of this process (a parser process)."""
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


@contextlib.contextmanager
def collecting_rarely() -> Iterator[None]:
    """For a block: a run in a process that goes on after it (a test session, a served flow's process)."""
    before = gc.get_threshold()
    collect_rarely()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()

"""Progress of a run for whoever shows it (the CLI's rich bar); silent unless one is installed."""
from __future__ import annotations

from contextvars import ContextVar
from typing import Protocol


class Progress(Protocol):
    def phase(self, name: str, total: int) -> None: ...
    def advance(self, name: str, n: int = 1) -> None: ...


class _Silent:
    def phase(self, name: str, total: int) -> None:
        pass

    def advance(self, name: str, n: int = 1) -> None:
        pass


# A context variable, not a flow parameter: Prefect stores parameters, and a callback is not data.
current: ContextVar[Progress] = ContextVar("jixiao_progress", default=_Silent())


class RichProgress:
    """A rich bar per phase (parse, load), for the CLI."""

    def __init__(self, console_progress) -> None:  # a started rich.progress.Progress
        self._bars = console_progress
        self._tasks: dict[str, int] = {}

    def phase(self, name: str, total: int) -> None:
        if total:
            self._tasks[name] = self._bars.add_task(name, total=total)

    def advance(self, name: str, n: int = 1) -> None:
        if name in self._tasks:
            self._bars.advance(self._tasks[name], n)

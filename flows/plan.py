"""Decide, per file, what a run does with it: skip, parse, or record as a copy of known content."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import version

import pandas as pd

from flows.files import SourceFile

CURRENT = ("loaded", "duplicate", "quarantined")


@dataclass
class Plan:
    to_parse: list[SourceFile] = field(default_factory=list)   # one file per new content
    copies: list[SourceFile] = field(default_factory=list)     # same content as a file loaded or parsed
    skipped: list[SourceFile] = field(default_factory=list)    # same path, content and parser version
    unreadable: list[SourceFile] = field(default_factory=list)
    known_errors: dict[str, str] = field(default_factory=dict)  # sha256 -> why it was quarantined before

    @property
    def has_writes(self) -> bool:
        return bool(self.to_parse or self.copies or self.unreadable)


def make_plan(files: list[SourceFile], catalogue: pd.DataFrame, parser_version: str) -> Plan:
    current = catalogue[catalogue["status"].isin(CURRENT) & (catalogue["parser_version"] == parser_version)]
    seen_pairs = set(zip(current["source_path"], current["sha256"]))
    known = set(current["sha256"])
    plan = Plan(known_errors=dict(zip(current.loc[current["status"] == "quarantined", "sha256"],
                                      current.loc[current["status"] == "quarantined", "error"])))
    chosen: set[str] = set()
    for f in files:
        if f.error:
            plan.unreadable.append(f)
        elif (f.source_path, f.sha256) in seen_pairs:
            plan.skipped.append(f)
        elif f.sha256 in known or f.sha256 in chosen:
            plan.copies.append(f)
        else:
            chosen.add(f.sha256)
            plan.to_parse.append(f)
    return plan


def parser_version() -> str:
    """Files are parsed again when this changes: the installed jixiao release."""
    return version("jixiao")

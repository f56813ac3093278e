"""Decide, per file, what a run does with it: skip, parse, or record as a copy of known content."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

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


def make_plan(files: list[SourceFile], catalogue: pd.DataFrame, parser_version: str,
              reprocess: bool = False) -> Plan:
    """`reprocess`: read every file again, as if the warehouse held none of them."""
    if reprocess:
        catalogue = catalogue.iloc[0:0]
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


# What a file's facts depend on: the parsing code and its label data (a changed synonym re-reads too).
PARSER_PACKAGES = ("extract", "transform")
PARSER_SUFFIXES = (".py", ".csv", ".toml")


def code_digest(folders: list[Path]) -> str:
    """A digest of the parser's source files (names and bytes), short enough to read in `runs`."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.suffix in PARSER_SUFFIXES and p.is_file()
                           and "__pycache__" not in p.parts):
            digest.update(f"{folder.name}/{path.relative_to(folder).as_posix()}".encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


@cache
def parser_version() -> str:
    """Files are read again when this changes: the release and a digest of extract/ and transform/, so
    every change to the parsing code re-reads what an older parser read (no constant to remember). The
packages are found, not imported: importing the parser costs a second that a no-op run need not pay."""
    return f"{version('jixiao')}+{code_digest([Path(find_spec(p).origin).parent for p in PARSER_PACKAGES])}"

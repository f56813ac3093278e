"""The source folder as a list of files: path, display name, size and content hash."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class SourceFile:
    fs_path: str       # the path as the OS gives it (may hold undecodable bytes)
    source_path: str   # the path under the source folder as stored in the warehouse (always valid UTF-8)
    file_name: str
    bytes: int
    sha256: str        # empty when the file could not be read
    error: str | None = None


def display_name(raw: str) -> str:
    """A valid-UTF-8 rendering of an OS path. Names that are not UTF-8 are usually GB18030/GBK from Chinese
    Windows archives; GB18030 decodes any byte string, so the result is stable from run to run."""
    data = os.fsencode(raw)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="backslashreplace")


@lru_cache(maxsize=65536)
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    """Keyed on size and mtime too, so a process that surveys twice (the CLI, then the flow) hashes once."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def sha256_file(path: str) -> str:
    stat = os.stat(path)
    return _sha256(path, stat.st_size, stat.st_mtime_ns)


def list_source(source: str | Path) -> list[SourceFile]:
    """Every file under `source` (any depth), hashed. Names are not trusted either way: a form saved
    without its .pdf suffix still loads, and any other file is quarantined as not a PDF, so every file
    in the folder is accounted for in `documents`."""
    found = []
    root = Path(source)
    for directory, _, names in os.walk(root):
        for name in sorted(names):
            fs_path = os.path.join(directory, name)
            rel = display_name(os.path.relpath(fs_path, root))
            try:
                found.append(SourceFile(fs_path, rel, display_name(name), os.path.getsize(fs_path),
                                        sha256_file(fs_path)))
            except OSError as err:
                found.append(SourceFile(fs_path, rel, display_name(name), 0, "",
                                        f"cannot read the file: {err.strerror or err}"))
    return sorted(found, key=lambda f: f.source_path)

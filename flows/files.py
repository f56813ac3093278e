"""The source folder as a list of files: path, display name, size, content hash and format."""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.formats import sniff


@dataclass(frozen=True)
class SourceFile:
    fs_path: str       # the path as the OS gives it (may hold undecodable bytes)
    source_path: str   # the path under the source folder as stored in the warehouse (always valid UTF-8)
    file_name: str
    bytes: int
    sha256: str        # of the content; of the path (unread_id) when the file could not be read
    error: str | None = None
    format: str | None = None  # by content (extract.formats), from the bytes that were hashed


def display_name(raw: str) -> str:
    """A valid-UTF-8 rendering of an OS path. Names that are not UTF-8 are usually GB18030/GBK from Chinese
    Windows archives; GB18030 decodes any byte string, so the result is stable from run to run."""
    data = os.fsencode(raw)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="backslashreplace")


def read_regular(path: str) -> bytes:
    """The bytes of a regular file, read once. Opened without blocking and checked on the open handle, so
    a FIFO or a device put in its place after the survey is refused, never waited on or read forever."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        kind = _kind(os.fstat(fd).st_mode)
        if kind:
            raise OSError(f"not a regular file ({kind})")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is (None for a regular file)."""
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


@lru_cache(maxsize=65536)
def _identify(path: str, size: int, mtime_ns: int) -> tuple[str, str]:
    """(sha256, format) of one read of the file. Keyed on size and mtime too, so a process that surveys
    twice (the CLI, then the flow) reads once."""
    data = read_regular(path)
    return hashlib.sha256(data).hexdigest(), sniff(data)


def identify(path: str) -> tuple[str, str]:
    stat_ = os.stat(path)
    return _identify(path, stat_.st_size, stat_.st_mtime_ns)


def unread_id(source_path: str) -> str:
    """The key of a file that was never read: its documents row and its quarantine finding need one of
    their own (an empty key would join every unread file's finding to every other's row)."""
    return hashlib.sha256(f"unread file: {source_path}".encode()).hexdigest()


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _refusal(fs_path: str, root: str) -> str | None:
    """Why a directory entry is not read at all (never opened), or None for a regular file to hash."""
    if os.path.islink(fs_path):
        target = os.path.realpath(fs_path)
        if not _inside(target, root):
            return f"a link leaving the source folder (to {display_name(target)}): not followed"
    mode = os.stat(fs_path).st_mode
    kind = _kind(mode)
    return f"not a regular file ({kind}): never opened" if kind else None


def list_source(source: str | Path, outputs: tuple[str | Path, ...] = ()) -> list[SourceFile]:
    """Every entry under `source` (any depth), regular files hashed. Names are not trusted either way: a
    form saved without its .pdf suffix still loads, and any other file is quarantined as not a PDF, so
    every file in the folder is accounted for in `documents`. FIFOs, devices, sockets and links leaving
    the folder are recorded with the reason and never opened; linked folders are not entered. `outputs`
    (the warehouse and its lock, the reports and quarantine folders) are never surveyed, even when they
    sit inside the source folder."""
    found = []
    root = os.path.realpath(source)
    own = [os.path.realpath(o) for o in outputs]
    for directory, folders, names in os.walk(root):
        folders[:] = [d for d in folders if not any(_inside(os.path.realpath(os.path.join(directory, d)), o)
                                                    for o in own)]
        for name in sorted(names + [d for d in folders if os.path.islink(os.path.join(directory, d))]):
            fs_path = os.path.join(directory, name)
            if any(_inside(os.path.realpath(fs_path), o) or fs_path.startswith(o + ".") for o in own):
                continue
            rel = display_name(os.path.relpath(fs_path, root))
            try:
                refusal = _refusal(fs_path, root)
                if refusal:
                    found.append(SourceFile(fs_path, rel, display_name(name), 0, unread_id(rel), refusal))
                else:
                    sha256, fmt = identify(fs_path)
                    found.append(SourceFile(fs_path, rel, display_name(name), os.path.getsize(fs_path),
                                            sha256, format=fmt))
            except OSError as err:
                found.append(SourceFile(fs_path, rel, display_name(name), 0, unread_id(rel),
                                        f"cannot read the file: {err.strerror or err}"))
    return sorted(found, key=lambda f: f.source_path)

"""Source file → table cells and free text lines, each with page, bbox and locator. Knows no forms.

The names below load on first use (PEP 562): the survey of a run needs only `extract.formats`, not the
PDF reader and camelot under it, which the parser processes import."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.document import CELL_COLUMNS, LINE_COLUMNS, Extraction, ExtractError, sha256_of
    from extract.read import read_document

_HOME = {"CELL_COLUMNS": "extract.document", "LINE_COLUMNS": "extract.document", "Extraction": "extract.document",
         "ExtractError": "extract.document", "sha256_of": "extract.document", "read_document": "extract.read"}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> object:
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")

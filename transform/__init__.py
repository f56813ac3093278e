"""Cells and lines of a source document → fact frames (Facts). Pure: frames in, frames out.
A parser process takes a document's facts as rows (document_rows); frames are built per set of documents.

The names below load on first use (PEP 562): a run's main process needs only `transform.facts`, not
the readers and the libraries under them, which its parser processes import."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from transform.document import UnknownForm, build_facts, document_rows
    from transform.facts import FactRows, Facts
    from transform.truth_json import facts_to_json

_HOME = {"UnknownForm": "transform.document", "build_facts": "transform.document",
         "document_rows": "transform.document", "Facts": "transform.facts", "FactRows": "transform.facts",
         "facts_to_json": "transform.truth_json"}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> object:
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'transform' has no attribute {name!r}")

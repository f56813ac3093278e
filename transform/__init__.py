"""Cells and lines of a source document → fact frames (Facts). Pure: frames in, frames out."""
from transform.document import UnknownForm, build_facts
from transform.facts import Facts
from transform.truth_json import facts_to_json

__all__ = ["Facts", "UnknownForm", "build_facts", "facts_to_json"]

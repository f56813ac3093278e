from __future__ import annotations


def read_summary(grids, lines):
    return None

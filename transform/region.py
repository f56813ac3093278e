"""Province / city / district of a bureau, from the place names in its name and title."""
from __future__ import annotations


def region_of(text: str) -> tuple[str | None, str | None, str | None]:
    return None, None, None

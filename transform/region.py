"""Province / city / district of a bureau, from the place names in its name and title.

cpca carries the national table of administrative divisions; districts newer than its table
(e.g. 坪山区, 2016) are taken from the text after the city.
"""
from __future__ import annotations

import re
import warnings

import cpca
import pandas as pd


def region_of(text: str) -> tuple[str | None, str | None, str | None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # cpca.transform's per-string lookup, without the DataFrame transform builds around each answer
        # (which cost more than the lookup; cpca is pinned, tests/test_transform.py reads regions through it)
        row = cpca._get_one_addr(text, False, {})
    province, city, district = (None if pd.isna(v) else v for v in (row["省"], row["市"], row["区"]))
    if city and not district:
        found = re.search(re.escape(city) + r"(\w{1,4}?[区县])", text)
        district = found.group(1) if found else None
    return province, city, district

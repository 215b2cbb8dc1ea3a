"""What every judge shares: the :class:`Side` view of a claim, the cached parse and the token diff.

Judges compare two claims in one of two ways. When the claims are worded almost alike (a translation and its
perturbation, two wire copies), the token diff isolates the one slot that changed, and the judge only has to
classify the change. When the wording differs, a fact is compared only with a fact of the same type that fills
the same role (same head word in the parse), so that different quantities or different moments are not
mistaken for conflicting values.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple

from ..models import Verdict


#: Parses kept per process (the oldest go first): one claim meets many others, and a story has a few hundred.
PARSE_CACHE_SIZE = 8192

_PARSES: "OrderedDict[tuple[str | None, str], object]" = OrderedDict()
_PARSES_LOCK = threading.Lock()


def parse(text: str):
    """Parse ``text`` with the run's spaCy pipeline (:mod:`factalign.nlp`); cached because one claim meets many.

    Only texts that come with no parse of their source need it: ``judge("a", "b")``, ``factalign judge``, or a
    run whose splitter shows no parse. Inside ``align()`` the judges read :attr:`Side.doc`, built from the run's
    one parse per source (:mod:`factalign.judges.tokens`).
    """
    from .. import nlp

    key = (nlp.name(), text)
    with _PARSES_LOCK:
        doc = _PARSES.get(key)
        if doc is not None:
            _PARSES.move_to_end(key)
            return doc
    doc = nlp.current()(text)
    _remember([(key, doc)])
    return doc


def _remember(parsed: list[tuple[tuple[str | None, str], object]]) -> None:
    with _PARSES_LOCK:
        for key, doc in parsed:
            _PARSES[key] = doc
            _PARSES.move_to_end(key)
        while len(_PARSES) > PARSE_CACHE_SIZE:
            _PARSES.popitem(last=False)


@dataclass(frozen=True)
class Side:
    """One claim as the judges see it: the one argument type of every judge (``judge(a: Side, b: Side)``).

    Args:
        text: the claim text.
        attribution: who the source says made the claim, if anyone.
        quote: True when the claim is a direct quotation.
        published: publication date of the claim's source, to resolve "yesterday" or "on Tuesday".
        claim: the :class:`~factalign.models.Claim` judged, when there is one; its other fields (``id``,
            ``source``, ``start``, ``end``, ...) read through, so a judge written for claims works on sides.
        tokens: the claim's tokens read from the run's parse of its source (see :mod:`factalign.judges.tokens`);
            None: ``text`` is parsed on its own (a judge called on bare texts).
        attribution_tokens: the same for ``attribution``.

    Example:
        >>> Side("Rain fell.").doc[0].lemma_   # doctest: +SKIP
        'rain'
    """

    text: str
    attribution: str | None = None
    quote: bool = False
    published: _dt.date | None = None
    claim: Any = field(default=None, compare=False, repr=False)
    tokens: Any = field(default=None, compare=False, repr=False)
    attribution_tokens: Any = field(default=None, compare=False, repr=False)

    @property
    def doc(self):
        """The claim's tokens: the run's view (``tokens``) or a parse of ``text`` (cached per text)."""
        return self.tokens if self.tokens is not None else parse(self.text)

    @property
    def attribution_doc(self):
        """The attribution's tokens, or None when there is no attribution."""
        if not self.attribution:
            return None
        return self.attribution_tokens if self.attribution_tokens is not None else parse(self.attribution)

    def __getattr__(self, name: str):
        claim = self.__dict__.get("claim")
        if claim is not None and not name.startswith("_"):
            return getattr(claim, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


def contradiction(judge: str, subtype: str, label: str, va: str, vb: str, score: float) -> Verdict:
    """Build a contradiction verdict whose explanation reads ``"label: va vs vb"``."""
    return Verdict(kind="contradiction", subtype=subtype, score=round(min(max(score, 0.0), 1.0), 3),
                   explanation=f"{label}: {va} vs {vb}", judge=judge, values=(va, vb))


def agreement(judge: str, subtype: str, label: str, va: str, vb: str, score: float) -> Verdict:
    """Build an agreement verdict: the judge found the same typed fact on both sides."""
    return Verdict(kind="agreement", subtype=subtype, score=round(min(max(score, 0.0), 1.0), 3),
                   explanation=f"{label}: {va} = {vb}", judge=judge, values=(va, vb))


# --- token diff ---------------------------------------------------------------------------------------------

class Change(NamedTuple):
    """One replaced, inserted or deleted stretch of tokens between the two parses.

    ``a`` and ``b`` are token index ranges (start, end); ``anchored`` is True when the stretch is short and
    surrounded by identical tokens, i.e. it fills the same slot in both sentences.
    """

    tag: str
    a: tuple[int, int]
    b: tuple[int, int]
    anchored: bool


def _norm(tok) -> str:
    return tok.text.lower()


def _doc_range(index: list[int], i1: int, i2: int, n: int) -> tuple[int, int]:
    start = index[i1] if i1 < len(index) else n
    return (start, index[i2 - 1] + 1 if i2 > i1 else start)


def diff(text_a: str, text_b: str) -> tuple[tuple[Change, ...], float]:
    """Token-level diff of two texts (case-insensitive), over the tokens the run's pipeline splits them into.

    Only the words are compared, so the pipeline's rule-based tokenizer is enough (no parse); the token indices
    are those of :attr:`Side.doc`, whose tokens come from the same tokenizer.

    Returns:
        the changes, and the share of tokens the two texts have in common (0..1, like difflib's ratio).
    """
    from .. import nlp

    return _diff(nlp.name(), text_a, text_b)


def tokenize(text: str):
    """``text`` split into tokens by the run's pipeline, without parsing it."""
    from .. import nlp

    return nlp.current().tokenizer(text)


@functools.lru_cache(maxsize=4096)
def _diff(model: str | None, text_a: str, text_b: str) -> tuple[tuple[Change, ...], float]:
    da, db = tokenize(text_a), tokenize(text_b)
    ta = [_norm(t) for t in da if not t.is_punct]
    tb = [_norm(t) for t in db if not t.is_punct]
    ia = [t.i for t in da if not t.is_punct]
    ib = [t.i for t in db if not t.is_punct]
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    changes = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        # A slot is anchored when an identical token stands on at least one side and the change is small.
        left = i1 > 0 and j1 > 0
        right = i2 < len(ta) and j2 < len(tb)
        small = (i2 - i1) <= 6 and (j2 - j1) <= 6
        a_rng = _doc_range(ia, i1, i2, len(da))
        b_rng = _doc_range(ib, j1, j2, len(db))
        changes.append(Change(tag, a_rng, b_rng, small and (left or right)))
    ratio = sm.ratio() if ta or tb else 1.0
    return tuple(changes), ratio


def near_copy(a: Side, b: Side, threshold: float = 0.6) -> bool:
    """True when the two texts share most tokens, so the diff slots are meaningful."""
    return diff(a.text, b.text)[1] >= threshold


#: Near copies this alike (share of common tokens) whose changed slots hold no conflict state the same thing: what
#: the whole parse would add is a reading of the wording they share, not a conflict between them.
SAME_WORDING = 0.9


def diff_decides(a: Side, b: Side, diff_verdict: Callable[[Side, Side], "Verdict | None"],
                 same_wording: bool = False) -> tuple[bool, "Verdict | None"]:
    """Let the changed slots decide a pair of near copies: the rule every diff-first judge follows.

    Args:
        a: first claim.
        b: second claim.
        diff_verdict: the judge's reading of the changed slots (:func:`diff`).
        same_wording: also decide (no verdict) when the slots hold nothing and the texts share at least
            :data:`SAME_WORDING` of their tokens.

    Returns:
        ``(True, verdict)`` when the diff decides, ``(False, None)`` when the judge must read the whole parse.

    Example:
        >>> diff_decides(Side("Rain fell."), Side("Snow fell on hills far away."), lambda a, b: None)  # doctest: +SKIP
        (False, None)
    """
    if not near_copy(a, b):
        return False, None
    verdict = diff_verdict(a, b)
    if verdict is not None:
        return True, verdict
    return same_wording and diff(a.text, b.text)[1] >= SAME_WORDING, None


def span_text(doc, rng: tuple[int, int]) -> str:
    """The text of token range ``rng`` in ``doc``."""
    return doc[rng[0]:rng[1]].text


def similar_word(x: str, y: str) -> bool:
    """True for spelling variants and typos of one word ("Stoltenberg" vs "Stoltenbreg")."""
    x, y = x.lower(), y.lower()
    if x == y:
        return True
    if min(len(x), len(y)) < 3:
        return False
    if sorted(x) == sorted(y):
        return True  # transposed letters: "Beligum", "nto"
    if min(len(x), len(y)) < 4:
        return False
    ratio = difflib.SequenceMatcher(None, x, y).ratio()
    return ratio >= 0.8 or (min(len(x), len(y)) >= 6 and ratio >= 0.7)  # "Runalls" / "Runnels"


def anchors(tok, depth: int = 3) -> set[str]:
    """Content lemmas a token hangs from: its head chain, the heads' compounds and subjects.

    Two facts fill the same role when their anchor sets overlap ("31 member countries" and "30 members" share
    "member"; "analysts had expected $4.1 billion" and "revenue of $4.2 billion" share nothing).
    """
    out: set[str] = set()
    cur = tok
    for _ in range(depth):
        head = cur.head
        if head is cur:
            break
        if head.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not head.is_stop:
            out.add(head.lemma_.lower())
            out.update(c.lemma_.lower() for c in head.children
                       if c.dep_ in ("compound", "nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN"))
        cur = head
    out.discard("")
    return out

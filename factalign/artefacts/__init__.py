"""Machine-translation artefacts: detect, explain and repair them.

Each detector is a small function ``detector(doc, corpus) -> Iterable[Artefact]`` registered in
:data:`DETECTORS` under the name used everywhere else (the finding's ``subtype``, the ``detectors=`` option):

- ``entity``: a name or acronym rendered as ordinary words ("The I'LL TAKE will open" for NATO), or an
  acronym left in the other language ("OTAN").
- ``untranslated``: a word of another language left in English ("technologies y cyber threats").
- ``fused``: two words run together ("Stoltenbergand", "russianjapanese", "GangChinese").
- ``casing``: a proper noun in lower case ("support for kyiv").
- ``numbers``: a number or date in the source language's format ("1.200 euros", "3,5 million", "14/03").
- ``punctuation`` (opt-in): doubled punctuation ("the Philippines. . The office").

    >>> from factalign import Source
    >>> findings = detect_artefacts([Source("a", "It covers new technologies y cyber threats.")])  # doctest: +SKIP
    >>> findings[0].span, findings[0].suggestion                                             # doctest: +SKIP
    ('y', 'and')

Offsets always point into the original source text; :func:`repair_claims` rewrites claim texts only.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import itertools
import re
from typing import Callable, Iterable, Mapping, Sequence

from ..errors import InputError
from ..models import Claim, Finding, Source
from ._doc import Artefact, Corpus, SourceDoc, is_english
from .acronyms import detect_lone_foreign_acronyms
from .casing import detect_casing
from .entity import detect_entity
from .fused import detect_fused
from .numbers import detect_numbers
from .punctuation import detect_punctuation
from .untranslated import detect_untranslated

Detector = Callable[[SourceDoc, Corpus], Iterable[Artefact]]

DETECTORS: dict[str, Detector] = {
    "entity": detect_entity,
    "untranslated": detect_untranslated,
    "fused": detect_fused,
    "casing": detect_casing,
    "numbers": detect_numbers,
    "punctuation": detect_punctuation,
}

#: Detectors run when none are named. ``punctuation`` is opt-in: translation engines copy the source's
#: punctuation, so a doubled mark is a slip of the original text, not evidence of machine translation.
DEFAULT_DETECTORS = ("entity", "untranslated", "fused", "casing", "numbers")

#: Detectors that judge English words; they skip sources that are not in English.
ENGLISH_ONLY = frozenset({"entity", "untranslated", "fused"})

__all__ = ["DEFAULT_DETECTORS", "DETECTORS", "Artefact", "detect_artefacts", "repair_claims"]


def _check(sources: Sequence[Source], detectors: Sequence[str] | None) -> tuple[str, ...]:
    if isinstance(sources, Source) or not all(isinstance(s, Source) for s in sources):
        raise InputError("detect_artefacts needs a sequence of Source objects")
    names = DEFAULT_DETECTORS if detectors is None else tuple(detectors)
    unknown = [n for n in names if n not in DETECTORS]
    if unknown:
        raise InputError(f"unknown artefact detector(s) {unknown}; known: {sorted(DETECTORS)}")
    return names


class _ClaimIndex:
    """The claims of each source sorted by start, to find the claim holding a span by bisection."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self._by_source: dict[str, list[Claim]] = {}
        for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
            self._by_source.setdefault(claim.source, []).append(claim)
        self._starts = {name: [c.start for c in group] for name, group in self._by_source.items()}
        # Longest claim end among all claims up to each position: claims may nest or overlap, so a span can lie
        # in a claim that starts well before the nearest one.
        self._reach = {name: list(itertools.accumulate((c.end for c in group), max))
                       for name, group in self._by_source.items()}

    def holding(self, source: str, start: int, end: int) -> tuple[str, ...]:
        group = self._by_source.get(source, [])
        i = bisect.bisect_right(self._starts.get(source, []), start) - 1
        reach = self._reach.get(source, [])
        while i >= 0 and reach[i] >= end:
            if group[i].end >= end:
                return (group[i].id,)
            i -= 1
        return ()


class _Taken:
    """Character spans already claimed by a finding, kept sorted and disjoint for an O(log n) overlap test."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add_if_free(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)
        if i > 0 and self._ends[i - 1] > start:
            return False
        if i < len(self._starts) and self._starts[i] < end:
            return False
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True


def detect_artefacts(sources: Sequence[Source], claims: Sequence[Claim] = (), *,
                     detectors: Sequence[str] | None = None,
                     docs: Mapping[str, object] | None = None) -> list[Finding]:
    """Find machine-translation artefacts in every source.

    Args:
        sources: all sources of the comparison; each is analysed, and all serve as evidence for each other.
        claims: claims of those sources; a finding lists the claim whose span contains it.
        detectors: names from :data:`DETECTORS` to run (default: :data:`DEFAULT_DETECTORS`).
        docs: optional spaCy ``Doc`` of each source's full text, by source name, parsed by the shared pipeline;
            used instead of parsing again.

    Returns:
        Findings of kind "artefact", ordered by source and offset; ``subtype`` is the detector's name and
        ``source.text[start:end] == span``. Where two detectors flag overlapping text, the one listed first
        in ``detectors`` wins.

    Raises:
        InputError: for something other than Sources, or an unknown detector name.
    """
    sources = tuple(sources) if not isinstance(sources, Source) else sources
    names = _check(sources, detectors)
    corpus = Corpus.build(sources, docs or {})
    index = _ClaimIndex(claims)
    findings: list[Finding] = []
    for doc in corpus.docs:
        taken = _Taken()
        mine: list[Finding] = []
        english = is_english(doc)
        furniture = _furniture(doc.source.text)
        for name in names:
            if name in ENGLISH_ONLY and not english:
                continue  # they read English words; a source in another language is not a translation into English
            for art in DETECTORS[name](doc, corpus):
                if _inside(furniture, art.start, art.end) or not taken.add_if_free(art.start, art.end):
                    continue  # page furniture ("Read also" headlines, bylines) is not the article
                mine.append(Finding(
                    kind="artefact", subtype=name,
                    claims=index.holding(doc.source.name, art.start, art.end),
                    score=float(min(1.0, max(0.0, art.score))), explanation=art.explanation,
                    source=doc.source.name, span=doc.text[art.start:art.end], start=art.start, end=art.end,
                    suggestion=art.suggestion,
                ))
        if mine and english and "entity" in names:
            # A source with artefacts is a translation: its source-language acronyms need no other source.
            for art in detect_lone_foreign_acronyms(doc, corpus):
                if not _inside(furniture, art.start, art.end) and taken.add_if_free(art.start, art.end):
                    mine.append(Finding(
                        kind="artefact", subtype="entity", claims=index.holding(doc.source.name, art.start, art.end),
                        score=art.score, explanation=art.explanation, source=doc.source.name,
                        span=doc.text[art.start:art.end], start=art.start, end=art.end, suggestion=art.suggestion))
        findings.extend(sorted(mine, key=lambda f: f.start))
    return findings


def _furniture(text: str) -> list[tuple[int, int]]:
    """Character ranges of the page furniture of ``text`` (:func:`claims.furniture.furniture_spans`)."""
    from ..claims.furniture import furniture_spans

    return [(start, end) for _, start, end in furniture_spans(text)]


def _inside(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``start..end`` lies within one of ``ranges``.

    Example:
        >>> _inside([(0, 10), (20, 30)], 22, 25), _inside([(0, 10)], 8, 12)
        (True, False)
    """
    return any(lo <= start and end <= hi for lo, hi in ranges)


def _span_in_claim(claim: Claim, finding: Finding, source_text: str | None) -> tuple[int, int] | None:
    """Where the artefact's ``start``/``end`` fall in the claim's text, or None when that cannot be told.

    A claim whose text is its source span verbatim maps by subtraction. A rewritten claim (decomposed,
    decontextualised) maps through an alignment of its source span with its text, and only where the aligned
    characters are identical; never by searching the claim for the artefact's string, which would rewrite
    "et" inside "met".
    """
    local = finding.start - claim.start
    length = finding.end - finding.start
    if source_text is None:
        if claim.end - claim.start == len(claim.text) and claim.text[local:local + length] == finding.span:
            return local, local + length
        return None
    original = source_text[claim.start:claim.end]
    if original == claim.text:
        return local, local + length
    matcher = difflib.SequenceMatcher(None, original, claim.text, autojunk=False)
    for tag, a0, a1, b0, _ in matcher.get_opcodes():
        if tag == "equal" and a0 <= local and local + length <= a1:
            mapped = b0 + local - a0
            if _word_bounded(claim.text, mapped, mapped + length) or not _word_bounded(original, local,
                                                                                   local + length):
                return mapped, mapped + length
    return None


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _repair_text(claim: Claim, fixes: list[Finding], source_text: str | None) -> str:
    text = claim.text
    spans = []
    for f in fixes:
        where = _span_in_claim(claim, f, source_text)
        if where is not None:
            spans.append((where, f.suggestion))
    # Right to left, so earlier offsets stay valid while later spans change length.
    for (start, end), suggestion in sorted(spans, reverse=True):
        text = text[:start] + suggestion + text[end:]
    return text


def repair_claims(claims: Sequence[Claim], findings: Sequence[Finding], *,
                  sources: Sequence[Source] = ()) -> list[Claim]:
    """Apply artefact suggestions to the text of the claims that contain them, by offsets only.

    Each repair rewrites exactly its artefact's ``start``/``end`` span, mapped into the claim; text outside
    that span never changes (an "et" -> "and" repair leaves "met" alone).

    Args:
        claims: claims to repair.
        findings: findings from :func:`detect_artefacts`; only artefacts with a suggestion are applied.
        sources: the sources the claims point into. Needed only for claims whose text was rewritten
            (decomposed, decontextualised): their spans are mapped through an alignment with the source text.
            Without it such claims are repaired only where their text still matches the source at the offsets.

    Returns:
        The claims, with ``text`` repaired and everything else (ids, offsets) unchanged.

    Example:
        >>> c = Claim("a#0", "a", "They met y cyber experts.", 0, 25)
        >>> f = Finding("artefact", "untranslated", ("a#0",), 0.9, "Spanish 'y'", source="a", span="y",
        ...             start=9, end=10, suggestion="and")
        >>> repair_claims([c], [f])[0].text
        'They met and cyber experts.'
    """
    usable = [f for f in findings
              if f.kind == "artefact" and f.suggestion is not None and f.span and f.start is not None]
    by_source: dict[str, list[Finding]] = {}
    for f in sorted(usable, key=lambda f: f.start):
        by_source.setdefault(f.source, []).append(f)
    starts = {name: [f.start for f in group] for name, group in by_source.items()}
    texts = {s.name: s.text for s in sources}
    fixers: dict[str, Callable[[str | None], str | None]] = {}
    repaired = []
    for claim in claims:
        mine = by_source.get(claim.source, [])
        # Findings are sorted by start: only those starting inside the claim's span can lie within it.
        lo = bisect.bisect_left(starts.get(claim.source, []), claim.start)
        hi = bisect.bisect_left(starts.get(claim.source, []), claim.end)
        fixes = [f for f in mine[lo:hi] if f.end <= claim.end]
        text = _repair_text(claim, fixes, texts.get(claim.source)) if fixes else claim.text
        if claim.source not in fixers:
            fixers[claim.source] = _attribution_fixer(mine)
        attribution = fixers[claim.source](claim.attribution)
        if text == claim.text and attribution == claim.attribution:
            repaired.append(claim)
        else:
            repaired.append(dataclasses.replace(claim, text=text, attribution=attribution))
    return repaired


def _attribution_fixer(findings: Sequence[Finding]) -> Callable[[str | None], str | None]:
    """Repair the speaker's name ("Qin GangChinese" -> "Qin Gang Chinese") wherever the attribution was taken
    from. Only spans that are not words themselves (fused tokens, garbled names) are replaced this way: they
    cannot mean anything else, while an untranslated "y" could. One pattern per source, so the cost does not
    grow with claims times findings."""
    renames = {f.span: f.suggestion for f in findings if f.subtype in _NON_WORD_SUBTYPES}
    if not renames:
        return lambda attribution: attribution
    alternatives = "|".join(re.escape(span) for span in sorted(renames, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return lambda attribution: attribution and pattern.sub(lambda m: renames[m.group()], attribution)


_NON_WORD_SUBTYPES = frozenset({"fused", "entity", "casing"})

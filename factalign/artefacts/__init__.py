"""Machine-translation artefacts: detect, explain and repair them.

Each detector is a small function ``detector(doc, corpus) -> Iterable[Artefact]`` registered in
:data:`DETECTORS` under the name used everywhere else (the finding's ``subtype``, the ``detectors=`` option):

- ``entity``: a name or acronym rendered as ordinary words ("The I'LL TAKE will open" for NATO), or an
  acronym left in the other language ("OTAN").
- ``untranslated``: a word of another language left in English ("technologies y cyber threats").
- ``fused``: two words run together ("Stoltenbergand", "russianjapanese", "GangChinese").
- ``casing``: a proper noun in lower case ("support for kyiv").
- ``punctuation``: doubled punctuation ("the Philippines. . The office").

    >>> from factalign import Source
    >>> findings = detect_artefacts([Source("a", "It covers new technologies y cyber threats.")])  # doctest: +SKIP
    >>> findings[0].span, findings[0].suggestion                                             # doctest: +SKIP
    ('y', 'and')

Offsets always point into the original source text; :func:`repair_claims` rewrites claim texts only.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable, Iterable, Sequence

from ..errors import InputError
from ..models import Claim, Finding, Source
from ._doc import Artefact, Corpus, SourceDoc, is_english
from .casing import detect_casing
from .entity import detect_entity
from .fused import detect_fused
from .punctuation import detect_punctuation
from .untranslated import detect_untranslated

Detector = Callable[[SourceDoc, Corpus], Iterable[Artefact]]

DETECTORS: dict[str, Detector] = {
    "entity": detect_entity,
    "untranslated": detect_untranslated,
    "fused": detect_fused,
    "casing": detect_casing,
    "punctuation": detect_punctuation,
}

#: Detectors that judge English words; they skip sources that are not in English.
ENGLISH_ONLY = frozenset({"entity", "untranslated", "fused"})

__all__ = ["DETECTORS", "Artefact", "detect_artefacts", "repair_claims"]


def _check(sources: Sequence[Source], detectors: Sequence[str] | None) -> tuple[str, ...]:
    if isinstance(sources, Source) or not all(isinstance(s, Source) for s in sources):
        raise InputError("detect_artefacts needs a sequence of Source objects")
    names = tuple(DETECTORS) if detectors is None else tuple(detectors)
    unknown = [n for n in names if n not in DETECTORS]
    if unknown:
        raise InputError(f"unknown artefact detector(s) {unknown}; known: {sorted(DETECTORS)}")
    return names


def _claim_for(claims: Sequence[Claim], source: str, start: int, end: int) -> tuple[str, ...]:
    for claim in claims:
        if claim.source == source and claim.start <= start and end <= claim.end:
            return (claim.id,)
    return ()


def detect_artefacts(sources: Sequence[Source], claims: Sequence[Claim] = (), *,
                     detectors: Sequence[str] | None = None) -> list[Finding]:
    """Find machine-translation artefacts in every source.

    Args:
        sources: all sources of the comparison; each is analysed, and all serve as evidence for each other.
        claims: claims of those sources; a finding lists the claim whose span contains it.
        detectors: names from :data:`DETECTORS` to run (default: all).

    Returns:
        Findings of kind "artefact", ordered by source and offset; ``subtype`` is the detector's name and
        ``source.text[start:end] == span``. Where two detectors flag overlapping text, the one listed first
        in ``detectors`` wins.

    Raises:
        InputError: for something other than Sources, or an unknown detector name.
    """
    sources = tuple(sources) if not isinstance(sources, Source) else sources
    names = _check(sources, detectors)
    corpus = Corpus.build(sources)
    findings: list[Finding] = []
    for doc in corpus.docs:
        taken: list[tuple[int, int]] = []
        mine: list[Finding] = []
        english = is_english(doc)
        for name in names:
            if name in ENGLISH_ONLY and not english:
                continue  # they read English words; a source in another language is not a translation into English
            for art in DETECTORS[name](doc, corpus):
                if any(art.start < e and s < art.end for s, e in taken):
                    continue
                taken.append((art.start, art.end))
                mine.append(Finding(
                    kind="artefact", subtype=name,
                    claims=_claim_for(claims, doc.source.name, art.start, art.end),
                    score=float(min(1.0, max(0.0, art.score))), explanation=art.explanation,
                    source=doc.source.name, span=doc.text[art.start:art.end], start=art.start, end=art.end,
                    suggestion=art.suggestion,
                ))
        findings.extend(sorted(mine, key=lambda f: f.start))
    return findings


def _repair_text(claim: Claim, fixes: list[Finding]) -> str:
    text = claim.text
    # Right to left, so earlier offsets stay valid while later spans change length.
    for f in sorted(fixes, key=lambda f: f.start, reverse=True):
        local = f.start - claim.start
        if 0 <= local and text[local:local + len(f.span)] == f.span:
            text = text[:local] + f.suggestion + text[local + len(f.span):]
        elif f.span in text:
            # The claim text was rewritten (decomposed, decontextualised): repair the span where it now is.
            text = text.replace(f.span, f.suggestion, 1)
    return text


def repair_claims(claims: Sequence[Claim], findings: Sequence[Finding]) -> list[Claim]:
    """Apply artefact suggestions to the text of the claims that contain them.

    Args:
        claims: claims to repair.
        findings: findings from :func:`detect_artefacts`; only artefacts with a suggestion are applied.

    Returns:
        The claims, with ``text`` repaired and everything else (ids, offsets) unchanged.

    Example:
        >>> c = Claim("a#0", "a", "It covers new technologies y cyber threats.", 0, 44)
        >>> f = Finding("artefact", "untranslated", ("a#0",), 0.9, "Spanish 'y'", source="a", span="y",
        ...             start=27, end=28, suggestion="and")
        >>> repair_claims([c], [f])[0].text
        'It covers new technologies and cyber threats.'
    """
    usable = [f for f in findings
              if f.kind == "artefact" and f.suggestion is not None and f.span and f.start is not None]
    repaired = []
    for claim in claims:
        mine = [f for f in usable if f.source == claim.source]
        fixes = [f for f in mine if claim.id in f.claims or (claim.start <= f.start and f.end <= claim.end)]
        text = _repair_text(claim, fixes) if fixes else claim.text
        attribution = _repair_attribution(claim.attribution, mine)
        if text == claim.text and attribution == claim.attribution:
            repaired.append(claim)
        else:
            repaired.append(dataclasses.replace(claim, text=text, attribution=attribution))
    return repaired


def _repair_attribution(attribution: str | None, findings: Sequence[Finding]) -> str | None:
    """Repair the speaker's name ("Qin GangChinese" -> "Qin Gang Chinese") wherever the attribution was taken
    from. Only spans that are not words themselves (fused tokens, garbled names) are replaced this way: they
    cannot mean anything else, while an untranslated "y" could."""
    if not attribution:
        return attribution
    for f in findings:
        if f.subtype in _NON_WORD_SUBTYPES:
            attribution = re.sub(rf"(?<!\w){re.escape(f.span)}(?!\w)", lambda _: f.suggestion, attribution)
    return attribution


_NON_WORD_SUBTYPES = frozenset({"fused", "entity", "casing"})

"""The frozen data model that flows through every stage.

A :class:`Claim` is a view into its :class:`Source`, like a spaCy ``Span``: ``source_text[start:end]`` is the
evidence for it, while ``text`` is the claim as factalign reads it (decomposed, decontextualised or repaired).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("agreement", "contradiction", "omission", "artefact")
VERDICTS = ("agreement", "contradiction", "neutral")


@dataclass(frozen=True)
class Source:
    """One article.

    Args:
        name: short unique name used in claim ids and findings.
        text: the article text exactly as given (offsets point into it).
        url: where it came from, if known.
        language: ISO code of the text's language, if known.
        published: publication date, used to resolve relative dates ("on Tuesday").
    """

    name: str
    text: str
    url: str | None = None
    language: str | None = None
    published: _dt.date | None = None


@dataclass(frozen=True)
class Claim:
    """An atomic claim and where its evidence lies in the original source text.

    Args:
        id: ``"<source>#<n>"``, unique within a report.
        source: the source's name.
        text: the claim as read, compared and embedded; may be rewritten.
        start: offset of the evidence's first character in the source text.
        end: offset just past the evidence's last character.
        sentence: index of the sentence the claim comes from, within its source.
        attribution: who the source says made the claim ("Hayashi"), if anyone.
        quote: True when the claim is a direct quotation.
        context: what the claim needs to be understood on its own, when it could not be rewritten in.
    """

    id: str
    source: str
    text: str
    start: int
    end: int
    sentence: int = 0
    attribution: str | None = None
    quote: bool = False
    context: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Verdict:
    """What the judges decided for a pair of claims.

    Args:
        kind: "agreement", "contradiction" or "neutral".
        subtype: which rule fired ("number", "date", "entity", "negation", ...) or None.
        score: confidence in the kind, 0..1.
        explanation: one line a journalist accepts ("death toll: 12 vs 21").
        judge: registry name of the judge that decided.
        values: the evidence: the conflicting or matching values, (from a, from b).
    """

    kind: str
    subtype: str | None = None
    score: float = 0.0
    explanation: str = ""
    judge: str | None = None
    values: tuple[str, str] | None = None


@dataclass(frozen=True)
class Finding:
    """One thing the report says, with its evidence.

    Args:
        kind: "agreement", "contradiction", "omission" or "artefact".
        subtype: the rule or detector behind it, or None.
        claims: ids of the claims involved.
        score: 0..1; similarity for agreements, confidence for contradictions, salience for omissions.
        explanation: why the finding exists, in words.
        missing_from: for omissions, the sources that lack the claim.
        source: the source the finding is about (artefacts, omissions).
        span: for artefacts, the offending text, ``source_text[start:end]``.
        start: for artefacts, offset of ``span`` in the source text.
        end: for artefacts, end offset of ``span``.
        suggestion: for artefacts, the suggested correction.
        values: for contradictions, the conflicting values (one per side).
        fact: index of the fact (group of aligned claims) the finding belongs to.
    """

    kind: str
    subtype: str | None
    claims: tuple[str, ...]
    score: float
    explanation: str
    missing_from: tuple[str, ...] = ()
    source: str | None = None
    span: str | None = None
    start: int | None = None
    end: int | None = None
    suggestion: str | None = None
    values: tuple[str, ...] | None = None
    fact: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown finding kind {self.kind!r}; expected one of {KINDS}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"finding score must be within 0..1, got {self.score}")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["claims"] = list(self.claims)
        d["missing_from"] = list(self.missing_from)
        d["values"] = list(self.values) if self.values is not None else None
        extra = d.pop("extra")
        d.update({k: v for k, v in extra.items() if k not in d})
        return d


@dataclass(frozen=True)
class Fact:
    """A group of aligned claims that state the same fact, at most one per source (unless a source repeats itself).

    Args:
        id: index of the fact within the report.
        claims: ids of the claims in the group, in source order.
        sources: names of the sources that carry the fact.
        similarity: mean cosine similarity between the group's claims across sources (1.0 for a single claim).
    """

    id: int
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    similarity: float = 1.0

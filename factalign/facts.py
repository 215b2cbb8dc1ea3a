"""From groups of aligned claims to findings: agreements, contradictions and omissions.

Pure bookkeeping over the data model; the judging function is passed in, so this runs without any model.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from itertools import combinations
from typing import Callable, Sequence

import numpy as np

from .lexical import content_words
from .models import Claim, Fact, Finding, Source, Verdict
from .salience import salience

#: Contradiction subtypes that qualify a shared fact rather than deny it: the two claims still report the same
#: fact (an agreement) while disagreeing on how sure it is or who said it.
SOFT_SUBTYPES = frozenset({"certainty", "attribution"})

#: In a fact carried by many sources, each claim is judged against at most this many of the others (its most
#: similar ones), so judging grows linearly with the number of sources instead of with its square.
MAX_PARTNERS = 8

PairJudge = Callable[[Claim, Claim], Verdict]


def make_facts(claims: Sequence[Claim], labels: np.ndarray, sim: np.ndarray) -> list[Fact]:
    """Turn group labels (one per claim, as from :func:`factalign.matching.group`) into :class:`Fact` objects."""
    by_label: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        by_label[int(label)].append(i)
    facts = []
    for fid, label in enumerate(sorted(by_label)):
        idx = by_label[label]
        cross = [sim[i, j] for i, j in combinations(idx, 2) if claims[i].source != claims[j].source]
        facts.append(Fact(
            id=fid,
            claims=tuple(claims[i].id for i in idx),
            sources=tuple(dict.fromkeys(claims[i].source for i in idx)),
            similarity=round(float(np.mean(cross)), 4) if cross else 1.0,
        ))
    return facts


def judge_facts(
    facts: Sequence[Fact],
    claims: dict[str, Claim],
    sim: Callable[[str, str], float],
    judge: PairJudge,
    *,
    reference: str | None = None,
    max_partners: int = MAX_PARTNERS,
    evidence: Callable[[str], str] | None = None,
) -> list[Finding]:
    """Agreement and contradiction findings for every fact carried by two or more sources.

    Args:
        facts: the groups.
        claims: claim id -> claim.
        sim: similarity of two claims by id.
        judge: decides each cross-source pair.
        reference: when set, only pairs that involve the reference source are judged.
        max_partners: each claim is judged against at most this many others in its fact (the most similar).
        evidence: claim id -> the original text behind the claim, used to withdraw a contradiction whose other
            value the claim's own source sentence also states.
    """
    findings: list[Finding] = []
    verdicts: dict[tuple[str, str], Verdict] = {}

    def decide(a: str, b: str) -> Verdict:
        if (a, b) not in verdicts:
            verdicts[(a, b)] = judge(claims[a], claims[b])
        return verdicts[(a, b)]

    for fact in facts:
        if len(fact.sources) < 2:
            continue
        agreeing: dict[str, None] = {}
        agree_sims: list[float] = []
        conflicts: dict[str, list[tuple[Claim, Claim, Verdict, float]]] = defaultdict(list)
        for a, b in _pairs(fact, claims, sim, reference, max_partners):
            verdict = decide(a, b)
            s = sim(a, b)
            if verdict.kind == "contradiction" and _stands(a, b, verdict, fact, claims, decide, evidence):
                conflicts[verdict.subtype or "other"].append((claims[a], claims[b], verdict, s))
            elif verdict.kind == "contradiction" and verdict.subtype not in SOFT_SUBTYPES:
                continue  # withdrawn by its own source: neither a contradiction nor an agreement
            if verdict.kind != "contradiction" or verdict.subtype in SOFT_SUBTYPES:
                agreeing.update({a: None, b: None})
                agree_sims.append(s)
        for subtype, pairs in conflicts.items():
            findings.append(_contradiction(fact, subtype, pairs))
        if agreeing:
            ids = tuple(agreeing)
            names = list(dict.fromkeys(claims[i].source for i in ids))
            score = float(np.clip(np.mean(agree_sims), 0.0, 1.0))
            shared = shared_words([claims[i].text for i in ids])
            because = f"; all say {', '.join(shared)}" if shared else ""
            findings.append(Finding(
                kind="agreement", subtype=None, claims=ids, score=round(score, 4), fact=fact.id,
                explanation=f"same fact in {_join(names)} (similarity {score:.2f}{because})",
            ))
    return findings


def _stands(a: str, b: str, verdict: Verdict, fact: Fact, claims: dict[str, Claim], decide, evidence) -> bool:
    """A contradiction between a and b stands only if neither source also says what the other says.

    Decomposition turns "under Presidents Bush and Obama" into two claims; set against the other outlet's two, the
    crossed pairs look like "Bush vs Obama". A source contradicts another only where nothing else it says in the
    same fact, and nothing in the original sentence behind its claim, gives the other side's value.
    """
    for x, y in ((a, b), (b, a)):
        for other in fact.claims:
            if other != x and claims[other].source == claims[x].source:
                pair = (other, y) if x == a else (y, other)
                if decide(*pair).kind != "contradiction":
                    return False
    if evidence is not None and verdict.values:
        va, vb = (v.strip(" '\"").lower() for v in verdict.values)
        if (vb and vb in evidence(a).lower()) or (va and va in evidence(b).lower()):
            return False
    return True


def _pairs(fact: Fact, claims: dict[str, Claim], sim, reference: str | None, k: int) -> list[tuple[str, str]]:
    """Cross-source pairs of a fact to judge: all of them for small facts, else each claim's k most similar."""
    pairs = [(a, b) for a, b in combinations(fact.claims, 2)
             if claims[a].source != claims[b].source
             and (not reference or reference in (claims[a].source, claims[b].source))]
    if len(fact.claims) <= k + 1:
        return pairs
    similarity = {p: sim(*p) for p in pairs}
    by_claim: dict[str, list[tuple[str, str]]] = defaultdict(list)  # each claim's pairs, in the order of ``pairs``
    for p in pairs:
        for cid in p:
            by_claim[cid].append(p)
    chosen: dict[tuple[str, str], None] = {}
    for a in fact.claims:
        mine = sorted(by_claim[a], key=lambda p: -similarity[p])  # stable: ties keep the order of ``pairs``
        chosen.update(dict.fromkeys(mine[:k]))
    return [p for p in pairs if p in chosen]


def _contradiction(fact: Fact, subtype: str, pairs: list[tuple[Claim, Claim, Verdict, float]]) -> Finding:
    sides: dict[str, dict[str, None]] = defaultdict(dict)
    for ca, cb, verdict, _ in pairs:
        va, vb = verdict.values or (ca.text, cb.text)
        sides[va][ca.id] = None
        sides[vb][cb.id] = None
    ids = tuple(dict.fromkeys(i for side in sides.values() for i in side))
    best = max(pairs, key=lambda p: p[2].score)
    ca, cb, verdict, _ = best
    if len(pairs) == 1:
        explanation = f"{verdict.explanation} ({ca.source} vs {cb.source})"
    else:
        parts = [f"{value!r} in {_join([i.split('#')[0] for i in side])}" for value, side in sides.items()]
        explanation = f"{verdict.explanation}; sides: " + "; ".join(parts)
    return Finding(
        kind="contradiction", subtype=subtype, claims=ids, score=round(float(verdict.score), 4),
        explanation=explanation, values=tuple(sides), fact=fact.id,
        extra={"judge": verdict.judge, "sides": {v: list(s) for v, s in sides.items()}},
    )


def omissions(
    facts: Sequence[Fact],
    claims: dict[str, Claim],
    related: Sequence[str],
    positions: dict[str, float],
    *,
    reference: str | None = None,
    covered: Callable[[str, str], bool] | None = None,
) -> list[Finding]:
    """One omission finding per fact that some related sources lack, scored by salience.

    Args:
        facts: the groups.
        claims: claim id -> claim.
        related: names of the sources that cover the same story (unrelated sources are never "missing" a fact).
        positions: claim id -> relative position in its article (0 first .. 1 last).
        reference: in reference mode, facts the reference has that a source lacks are "dropped" and facts a source
            adds that the reference lacks are "unsupported"; other omissions are not reported.
        covered: ``covered(claim_id, source)`` is True when some claim of ``source`` states the claim although the
            one-to-one grouping paired it elsewhere (a summary sentence can carry several finer facts); such a
            source does not lack the fact.
    """
    findings = []
    related_set = set(related)
    for fact in facts:
        carriers = [s for s in fact.sources if s in related_set]
        if not carriers:
            continue
        missing = tuple(s for s in related if s not in fact.sources
                        and not (covered and any(covered(c, s) for c in fact.claims)))
        if not missing:
            continue
        subtype = None
        if reference:
            if reference in fact.sources:
                subtype = "dropped"
            elif reference not in missing:
                continue
            else:
                subtype, missing = "unsupported", (reference,)
        first = claims[fact.claims[0]]
        score, fired = salience(
            first, carried_by=len(carriers) - 1, others=len(related) - 1, position=positions[first.id],
        )
        what = "reported by" if subtype != "unsupported" else "added by"
        explanation = f"{what} {_join(carriers)}, missing from {_join(list(missing))}"
        if fired:
            explanation += f" (salient: {', '.join(fired)})"
        findings.append(Finding(
            kind="omission", subtype=subtype, claims=fact.claims, score=score, explanation=explanation,
            missing_from=missing, source=first.source, fact=fact.id,
        ))
    findings = _merge_by_sentence(findings, claims)
    findings.sort(key=lambda f: -f.score)
    return findings


def contested(findings: Sequence[Finding], claims: dict[str, Claim],
              kinds: tuple[str, ...] = ("contradiction",)) -> set[tuple[str, str]]:
    """(claim id, source) pairs where the source gives another value for the claim's fact.

    A claim held by a contradiction with a claim of another source is not missing from that source: the source
    states the fact, differently ("on March 14" / "on March 15" is one disputed date, not two omissions).
    With ``kinds=("agreement", "contradiction")`` the claims of agreements count too: a source that gives the
    same value for the same thing ("31 passengers" / "31 people on board") states it.

    Example:
        >>> a, b = Claim("a#0", "a", "x", 0, 1), Claim("b#0", "b", "y", 0, 1)
        >>> sorted(contested([Finding("contradiction", "date", ("a#0", "b#0"), 0.8, "date: x vs y")],
        ...                  {"a#0": a, "b#0": b}))
        [('a#0', 'b'), ('b#0', 'a')]
    """
    out: set[tuple[str, str]] = set()
    for f in findings:
        if f.kind not in kinds:
            continue
        sources = {claims[c].source for c in f.claims if c in claims}
        out.update((c, s) for c in f.claims if c in claims for s in sources if s != claims[c].source)
    return out


def _merge_by_sentence(findings: list[Finding], claims: dict[str, Claim]) -> list[Finding]:
    """One omission per sentence: the claims one sentence yields that the same sources all lack are one finding.

    Decomposition makes a sentence several claims; when none of them is carried elsewhere, listing each apart
    repeats one omission. Facts carried by several sources are never merged.
    """
    slot: dict[tuple, int] = {}  # key -> position of its merged finding in ``out`` (no list search: linear)
    out: list[Finding] = []
    for f in findings:
        if len(f.claims) != 1:
            out.append(f)
            continue
        c = claims[f.claims[0]]
        key = (c.source, c.sentence, f.missing_from, f.subtype)
        if key not in slot:
            slot[key] = len(out)
            out.append(f)
            continue
        first = out[slot[key]]
        better = f if f.score > first.score else first
        out[slot[key]] = replace(better, claims=first.claims + f.claims)
    return out


def positions_of(sources: Sequence[Source], claims: Sequence[Claim]) -> dict[str, float]:
    """Relative position of each claim in its article by character offset: 0 first .. 1 last."""
    length = {s.name: max(len(s.text), 1) for s in sources}
    return {c.id: c.start / length[c.source] for c in claims}


def shared_words(texts: Sequence[str], limit: int = 6) -> list[str]:
    """Content words every text contains (case-insensitive), in the order of the first text: why they align."""
    common = set(content_words(texts[0]))
    for t in texts[1:]:
        common &= set(content_words(t))
    return [w for w in dict.fromkeys(content_words(texts[0])) if w in common][:limit]


def _join(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]

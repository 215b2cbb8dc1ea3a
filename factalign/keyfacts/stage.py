"""The key-fact stage of :func:`factalign.align`: extract, group and compare key facts of the related sources."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Sequence

from ..models import Claim, Finding, Source
from ..linking import VALUE_LINK
from .anchors import _context
from .compare import _restated as restated_by
from .compare import bucketed, compare_key_facts, conflicting, group_key_facts, same_anchor
from .kinds import CLOSE, GENERIC_PERSON, SAME, relation
from .extract import extract_key_facts
from .model import KeyFact
from .near import NearClaims


def keyfact_stage(sources: Sequence[Source], claims: Sequence[Claim], sim: Any, related: Sequence[str],
                  findings: Sequence[Finding] = (), docs: Any = None) -> tuple[list[KeyFact], list[Finding]]:
    """Key facts of every source (grouped across sources), and the findings with their contradictions added.

    Args:
        sources: the articles.
        claims: the claims as compared, in the order of the rows of ``sim``.
        sim: (n_claims, n_claims) cosine similarities of the claims.
        related: names of the sources about the same story.
        findings: what the judge stage found; its contradictions are not repeated, and those the key facts show
            compatible are withdrawn (see :func:`reconciled`).
        docs: source name -> the run's one spaCy ``Doc`` of that source (parsed here when missing).

    Returns:
        (key facts, the judge stage's findings that stand followed by the key-fact contradictions).
    """
    index = {c.id: i for i, c in enumerate(claims)}

    def similarity(a: str, b: str) -> float:
        return float(sim[index[a], index[b]])

    near = NearClaims(sim.embeddings, index) if hasattr(sim, "embeddings") else None
    facts = group_key_facts(extract_key_facts(sources, claims, docs=docs), sim=similarity, related=related, near=near)
    conflicts = compare_key_facts(facts, sim=similarity, related=related, texts={s.name: s.text for s in sources},
                                  existing=findings, claims_of=_by_source(claims), near=near)
    kept = restating(reconciled(findings, facts, similarity), facts) + conflicts
    return facts, kept + agreeing(facts, kept, similarity)


#: Key-fact types whose equal values across sources are an agreement ("31 passengers" / "31 people on board").
AGREEING_TYPES = frozenset({"count", "quantity", "date", "time", "age"})
#: Score of such an agreement: the value and its anchor match, though the sentences may be worded apart.
AGREEMENT_SCORE = 0.8


#: Claims this similar that give one exact amount are taken to report it about one thing even when their verbs
#: differ ("embezzled more than $310,000" / "siphoned about $310,000"): the level at which value links join facts.
AMOUNT_SIM = VALUE_LINK
#: A count this small recurs by chance in one story ("two cars", "two officers"); from here on a shared count is
#: specific enough to tie two like sentences together.
DISTINCT_COUNT = 10


def same_amount(a: KeyFact, b: KeyFact, sim: Any = None) -> bool:
    """True when two sources give one exact amount of the same thing in like sentences, whatever their verbs.

    The amount must be a quantity with its unit, or a count of at least :data:`DISTINCT_COUNT` of the same thing
    (or of people of one kind); the sentences at least :data:`AMOUNT_SIM` similar.

    Example:
        >>> a = KeyFact("count", "31", "31", "people carry", "a", 0, 2, ("a#0",), head="people")
        >>> b = KeyFact("count", "31", "31", "passenger have", "b", 0, 2, ("b#3",), head="passenger")
        >>> same_amount(a, b, lambda x, y: 0.5), same_amount(a, b, lambda x, y: 0.2)
        (True, False)
    """
    if a.type != b.type or a.type not in ("count", "quantity") or a.norm != b.norm:
        return False
    if a.type == "count":
        near = relation(a.head, b.head) in (SAME, CLOSE, GENERIC_PERSON)
        if not near or float(a.norm.split()[0]) < DISTINCT_COUNT:
            return False
    elif a.head != b.head:
        return False
    return _context(a, b, sim) >= AMOUNT_SIM


def same_value(a: KeyFact, b: KeyFact) -> bool:
    """True when two facts give one value: compatible readings of one number ("31" / "thirty-one", "about 40" /
    "42"), else values that do not conflict. A part that fits in its whole ("9 passengers" within "11 people") is
    no conflict, but no shared value either.

    Example:
        >>> from factalign.judges.quantities import Quantity
        >>> q = lambda v: (Quantity(v, v, v, "", "", str(v), 0, 1, 0), frozenset(), frozenset())
        >>> part = KeyFact("count", "9", "9", "", "a", 0, 1, head="passenger", detail=q(9))
        >>> whole = KeyFact("count", "11", "11", "", "b", 0, 2, head="people", detail=q(11))
        >>> same_value(part, whole), same_value(part, replace(whole, detail=q(9)))
        (False, True)
    """
    if a.type in ("count", "quantity") and b.type == a.type:
        return a.detail[0].compatible(b.detail[0])
    return not conflicting(a, b)


def same_clock_time(a: KeyFact, b: KeyFact) -> bool:
    """True when two sources give one distinctive clock time: the same minute, off the full hour, each written
    exactly or with a hedge that reaches as far either way ("at about 2:30 p.m." / "around 2.30pm").

    A minute of the clock is specific enough that two reports of one story giving it date one moment, whatever
    verb each hangs it from ("the crush happened" / "the surge came"); a full hour is the time of many scheduled
    things ("a news conference at 3 p.m."), and a one-sided hedge ("before 2:30") dates something else.

    Example:
        >>> a = KeyFact("time", "about 2:30 p.m.", "14:30", "time of happen", "a", 0, 3, head="time",
        ...             event="happen", detail=(860, 880, "at"))
        >>> b = replace(a, value="2.30pm", event="come", source="b", detail=(870, 870, "at"))
        >>> same_clock_time(a, b), same_clock_time(a, replace(b, detail=(850, 870, "at")))
        (True, False)
        >>> full = replace(a, norm="15:00", detail=(900, 900, "at"))
        >>> same_clock_time(full, replace(full, source="b"))
        False
    """
    if a.type != "time" or b.type != "time" or a.norm != b.norm or a.norm.endswith(":00"):
        return False
    return all(_centred(f) for f in (a, b))


def _centred(time: KeyFact) -> bool:
    """True when a clock time's window (``detail``: lowest and highest minute) is centred on the time it names."""
    hours, minutes = (int(part) for part in time.norm.split(":"))
    low, high = time.detail[:2]
    return low + high == 2 * (60 * hours + minutes)


def agreeing(facts: Sequence[KeyFact], findings: Sequence[Finding], sim: Any = None) -> list[Finding]:
    """Agreements for values two sources both state about one anchor, where no finding relates their claims yet.

    Sentence alignment misses a shared value when the sentences around it are built differently ("The coach was
    carrying 31 people" / "The vehicle had 31 passengers on board"); the key facts match it by its anchor, by one
    exact amount (:func:`same_amount`) or by one distinctive clock time (:func:`same_clock_time`), and the values
    must be one (:func:`same_value`).

    Example:
        >>> a = KeyFact("age", "52-year-old", "52", "age of driver", "a", 0, 11, ("a#0",), head="driver")
        >>> b = KeyFact("age", "52", "52", "age of driver", "b", 0, 2, ("b#3",), head="driver")
        >>> [f.claims for f in agreeing([a, b], [])]
        [('a#0', 'b#3')]
    """
    related = [(set(f.claims), f.kind, f.subtype) for f in findings if f.kind in ("agreement", "contradiction")]
    groups: dict[str, list[KeyFact]] = {}
    for f in facts:
        if f.type in AGREEING_TYPES and f.claims:
            groups.setdefault(f.type, []).append(f)
    out = []
    for members in groups.values():
        later = bucketed(members)
        for i, a in enumerate(members):
            for b in (members[j] for j in later[i]):
                if a.source == b.source or not same_value(a, b) or not (
                        same_anchor(a, b, sim) or same_amount(a, b, sim) or same_clock_time(a, b)):
                    continue
                if any(ids & set(a.claims) and ids & set(b.claims) and _bears_on(kind, subtype, a.type)
                       for ids, kind, subtype in related):
                    continue  # already an agreement (or a conflict over such values) between these claims
                ids = tuple(dict.fromkeys(a.claims + b.claims))
                related.append((set(ids), "agreement", a.type))
                out.append(Finding(
                    kind="agreement", subtype=a.type, claims=ids, score=AGREEMENT_SCORE,
                    explanation=f"same {a.type} in {a.source} and {b.source}: {a.anchor} {a.value} = {b.value}",
                    extra={"judge": "keyfacts", "key_fact": a.type, "group": a.group},
                ))
    return out


#: Finding subtypes of conflicts over values of each agreeing key-fact type: a conflict over another kind of value
#: between two claims ("fell" / "up") leaves an amount they share ("$2.5 billion") agreed.
VALUE_SUBTYPES = {"count": ("number", "quantity"), "quantity": ("number", "quantity"), "date": ("date",),
                  "time": ("date", "time"), "age": ("age", "number")}


def _bears_on(kind: str, subtype: str, fact_type: str) -> bool:
    """True when a finding between two claims already says whether they agree on a value of ``fact_type``: any
    agreement, or a contradiction over values of that kind (:data:`VALUE_SUBTYPES`)."""
    return kind == "agreement" or subtype in VALUE_SUBTYPES.get(fact_type, ())


#: Key-fact types that say what a claim is about; a date or time only says when, so a claim whose only key facts are
#: dates and times is not taken as stated by a source that gives the same day for something else.
WHAT_TYPES = frozenset({"count", "quantity", "age", "role", "quote", "state"})


def answered(facts: Sequence[KeyFact]) -> set[tuple[str, str]]:
    """(claim id, source) pairs where the source gives a value for the anchor of each key fact the claim states.

    Such a source does not omit the claim: it reports the same thing, with the same value or another one (an
    agreement or a conflict, which the other stages report). Only claims with a key fact of :data:`WHAT_TYPES`
    count: a shared date alone does not make two claims one fact.

    Example:
        >>> a = KeyFact("count", "23", "23", "workers hurt", "a", 0, 2, ("a#0",), head="worker", group=0)
        >>> b = KeyFact("count", "19", "19", "workers hurt", "b", 0, 2, ("b#4",), head="worker", group=0)
        >>> sorted(answered([a, b]))
        [('a#0', 'b'), ('b#4', 'a')]
    """
    in_group: dict[int, set[str]] = {}
    for f in facts:
        if f.group >= 0:
            in_group.setdefault(f.group, set()).add(f.source)
    held: dict[str, list[KeyFact]] = {}
    for f in facts:
        for c in f.claims:
            held.setdefault(c, []).append(f)
    out: set[tuple[str, str]] = set()
    for cid, mine in held.items():
        if not any(f.type in WHAT_TYPES for f in mine):
            continue
        givers = set.intersection(*(in_group.get(f.group, set()) if f.group >= 0 else set() for f in mine))
        out.update((cid, s) for s in givers if s != mine[0].source)
    return out


def reconciled(findings: Sequence[Finding], facts: Sequence[KeyFact], sim: Any = None) -> list[Finding]:
    """The findings without the judge-stage contradictions that the key facts of the same claims show compatible.

    A judge compares the values of two claims; the key facts also read the hedges and bounds around them: "7:40"
    vs "shortly before 7:45" is one moment, "closed for four hours" vs "reopened after four hours" one episode.

    Example:
        >>> reconciled([], [])
        []
    """
    by_claim: dict[str, list[KeyFact]] = {}
    for f in facts:
        for c in f.claims:
            by_claim.setdefault(c, []).append(f)
    return [f for f in findings if not _compatible(f, by_claim, sim)]


#: Key-fact types whose restatements join a contradiction of the judge stage (see :func:`restating`).
RESTATED_TYPES = ("count", "quantity")


def restating(findings: Sequence[Finding], facts: Sequence[KeyFact]) -> list[Finding]:
    """The findings, each judge-stage contradiction of two amounts holding as well the claims where either source
    restates its disputed amount (:func:`~factalign.keyfacts.compare._restated`): a conflict is the source's, not one
    sentence's ("hackers demand $5 million" in the headline, "a ransom of $5 million" in the body).

    Example:
        >>> restating([], [])
        []
    """
    by_claim: dict[str, list[KeyFact]] = {}
    by_source: dict[str, list[KeyFact]] = {}
    for f in facts:
        if f.type in RESTATED_TYPES:
            by_source.setdefault(f.source, []).append(f)
            for c in f.claims:
                by_claim.setdefault(c, []).append(f)
    out = []
    for finding in findings:
        if finding.kind == "contradiction" and finding.extra.get("judge") != "keyfacts" and finding.values:
            more = [c for value in finding.values for k in _holding(value, finding.claims, by_claim)
                    for z in restated_by(k, by_source[k.source]) for c in z.claims if c not in finding.claims]
            finding = replace(finding, claims=finding.claims + tuple(dict.fromkeys(more))) if more else finding
        out.append(finding)
    return out


def _holding(value: str, claims, by_claim: dict[str, list[KeyFact]]) -> list[KeyFact]:
    value = value.strip(" '\"").lower()
    return [k for c in claims for k in by_claim.get(c, ()) if value and value in k.value.lower()]


def _compatible(finding: Finding, by_claim: dict[str, list[KeyFact]], sim) -> bool:
    """True for a contradiction of another stage whose two values are key facts with one anchor that agree."""
    if finding.kind != "contradiction" or finding.extra.get("judge") == "keyfacts" or not finding.values \
            or len(finding.values) != 2:
        return False
    sides = finding.extra.get("sides") or {}
    va, vb = finding.values
    side_a, side_b = sides.get(va, finding.claims), sides.get(vb, finding.claims)
    pairs = [(x, y) for x in _holding(va, side_a, by_claim) for y in _holding(vb, side_b, by_claim)
             if x.source != y.source and same_anchor(x, y, sim) and _graded(finding, x, y)]
    return bool(pairs) and not any(conflicting(x, y) for x, y in pairs)


def _graded(finding: Finding, x: KeyFact, y: KeyFact) -> bool:
    """Whether two key facts can show a contradiction of ``finding`` compatible: states are compared by WordNet
    opposition only, which does not grade certainty, so a certainty contradiction ("confirmed" / "suspected") is
    withdrawn only by key facts that give one word on both sides."""
    return finding.subtype != "certainty" or x.value.lower() == y.value.lower()


def _by_source(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.source, []).append(c)
    return out

"""Key facts per source: counts, quantities, dates, times, ages, roles, quotations and states, from one parse.

Each source text is parsed once (:func:`~factalign.keyfacts.syntax.parse_source`); the value parsers are the
judges' own (:mod:`factalign.judges.quantities`, :mod:`factalign.judges.dates`), so a key fact reads a value
exactly as the judges do. Every fact keeps the offsets of its evidence in the source text and the ids of the
claims whose span holds it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..judges.dates import date_facts
from ..judges.numbers import _CLASS_OF, PROJECTION, TIME_WORDS, _clause_words, _root
from ..judges.quantities import Quantity, quantities
from ..models import Claim, Source
from .kinds import person_senses
from .model import KeyFact
from .people import ages, bare_age, quotes, roles
from .spans import ClaimSpans, names_holder, value_span
from .states import states
from .statewords import treated_for
from .syntax import parse_source, predicate, span_offsets, span_text, surname

#: Words that pin a number to another moment than the story's ("initially 12", "now 20"); the day parts and
#: calendar units of the judges' TIME_WORDS are left out because two outlets date one event differently.
MOMENT_WORDS = frozenset(TIME_WORDS - {"morning", "afternoon", "evening", "midday", "noon", "week", "month",
                                       "year", "quarter", "today", "yesterday", "tomorrow", "close", "open",
                                       "opening", "closing", "after", "before", "until", "since", "then"})
#: Hedges before a clock time and the window (minutes before, minutes after) each one allows.
TIME_HEDGES = {
    "about": (10, 10), "around": (10, 10), "approximately": (10, 10), "roughly": (10, 10),
    "shortly before": (20, 0), "just before": (20, 0), "before": (90, 0), "by": (90, 0),
    "shortly after": (0, 20), "just after": (0, 20), "after": (0, 90), "soon after": (0, 30),
}
#: Date mention kinds that pin one day or moment; years, months and decades date too many things to compare.
DAY_KINDS = ("day", "date", "weekday")
#: News copy drops "on" before a day ("was convicted Wednesday", "died March 3"): a bare day reads as "on" it.
BARE_DAY_PREP = "on"


def extract_key_facts(sources: Sequence[Source], claims: Sequence[Claim], docs=None) -> list[KeyFact]:
    """Key facts of every source, in source order, each tied to the claims whose span holds its evidence.

    Args:
        sources: the articles.
        claims: every claim of every source (their offsets tie facts to claims).
        docs: source name -> a spaCy ``Doc`` of that source's whole text (the run's one parse); parsed when absent.

    Returns:
        The facts; ``KeyFact.claims`` is empty when no claim covers the evidence (page furniture).

    Example:
        >>> src = [Source("a", "Nine people were hurt on Tuesday.")]
        >>> [(f.type, f.norm) for f in extract_key_facts(src, [])]
        [('count', '9'), ('date', 'tuesday')]
    """
    by_source: dict[str, list[Claim]] = {}
    for c in claims:
        by_source.setdefault(c.source, []).append(c)
    out: list[KeyFact] = []
    for source in sources:
        doc = docs[source.name] if docs and source.name in docs else parse_source(source.text)
        mine = by_source.get(source.name, [])
        read = ages(doc, source.name)
        found = (_numbers(doc, source.name, _linked_ages(doc, read), read) + _none(doc, source.name)
                 + _dates(doc, source)
                 + roles(doc, source.name) + states(doc, source.name) + quotes(doc, source.name, mine))
        spans = ClaimSpans(mine)
        out += [_with_claims(doc, f, spans) for f in sorted(found, key=lambda f: (f.start, f.type))]
    return out


def _with_claims(doc, fact: KeyFact, claims: ClaimSpans) -> KeyFact:
    """The fact with the claims that contain its evidence (else contain its value and name its holder, else overlap
    it, else share its sentence) and the claims of its sentence as context ("said Fire Chief Ortiz" is left out of
    the claim it attributes)."""
    sent = doc.char_span(fact.start, fact.end, alignment_mode="expand")
    lo, hi = (sent.sent.start_char, sent.sent.end_char) if sent is not None else (fact.start, fact.end)
    context = claims.overlapping(lo, hi)
    inside = fact.claims or claims.holding(fact.start, fact.end)
    if not inside:
        low, high = value_span(sent.text, sent.start_char, fact) if sent is not None else (fact.start, fact.end)
        inside = tuple(c.id for c in claims.holding_claims(low, high) if names_holder(c.text, fact))
        inside = inside or claims.overlapping(fact.start, fact.end) or context
    return replace(fact, claims=inside, context=context)


def _numbers(doc, name: str, age_facts: list[KeyFact], read: Sequence[KeyFact] = ()) -> list[KeyFact]:
    """Counts (a number of things) and quantities (money, percent, measures), with what they count and the event;
    ``read``: every age read, kept or not ("the 32-year-old" of no one named is still no duration)."""
    taken = {(f.start, f.end) for f in list(age_facts) + list(read)}
    out = list(age_facts)
    found = quantities(doc)
    changes = _changes(doc, found)
    headline_end = doc.text.find("\n")  # read once: ``doc.text`` joins every token of the source
    for q in found:
        if q.year or q.unit == "rank":
            continue
        start, end = span_offsets(doc, q.start, q.end)
        if any(s <= start < e or s < end <= e for s, e in taken):
            continue  # "52-year-old" is an age, not a duration
        counted = _counted(doc, q, changes)
        if counted is None:
            continue  # a bare number says nothing about what it counts
        head, event, noun_tok = counted
        words = _clause_words(doc, q)
        moments = _moments(doc, q) | ({CHANGE_START} if changes.get(q.num, ("",))[0] == "from" else set())
        detail = (q, moments, frozenset(words & PROJECTION), _modifiers(noun_tok, q),
                  0 < end <= headline_end)  # in the headline: the first of several lines
        kind = "count" if q.unit == "" else "quantity"
        out.append(KeyFact(kind, q.text, _show_number(q.value, q.unit), f"{head} {event}".strip(), name, start, end,
                           head=head, event=event, detail=detail))
    return out


#: The word that, as the subject's determiner, says no one took part ("No passengers were hurt"); "nobody" and
#: "no one" are its pronoun forms.
NONE_WORDS = ("no", "nobody", "noone")


def _none(doc, name: str) -> list[KeyFact]:
    """A count of zero people for an event of a class the numbers judge counts ("No one was hurt", "Nobody died",
    "No passengers were injured"), which a count of people hurt in the other source contradicts.

    Example:
        >>> [(f.norm, f.head, f.event) for f in _none(parse_source("No one was hurt. No decision was made."), "a")]
        [('0', 'people', 'hurt')]
    """
    out = []
    for tok in doc:
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in _CLASS_OF:
            continue
        det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ == NONE_WORDS[0]), None)
        if det is None and tok.lower_ not in NONE_WORDS:
            continue
        noun = tok.lemma_.lower() if det is not None and tok.pos_ == "NOUN" and tok.lower_ != "one" else PEOPLE
        first = det.i if det is not None else tok.i
        start, end = span_offsets(doc, first, tok.i + 1)
        q = Quantity(0.0, 0.0, 0.0, "", noun, span_text(doc, start, end), first, tok.i + 1, tok.i)
        event = verb.lemma_.lower()
        out.append(KeyFact("count", q.text, "0", f"{noun} {event}", name, start, end, head=noun, event=event,
                           detail=(q, frozenset(), frozenset(), frozenset(), 0 < end <= doc.text.find("\n"))))
    return out


def _counted(doc, q, changes: dict[int, tuple[str, str]]):
    """(what a number counts, its event, the token it hangs from), or None for a bare count of nothing.

    A count of people hurt or killed counts people (:func:`_people_event`); a bare number in a change counts what
    the other end counts ("from 214 to 96 votes": 214 counts votes too); a quantity counts its noun or its unit.

    Example: "five workers were injured" -> ("people", its verb of harm, five); a bare "rose to 96" -> None.
    """
    noun_tok = doc[q.num].head if doc[q.num].head.lemma_.lower() == q.noun else doc[q.num]
    event = predicate(noun_tok)
    if noun_tok.dep_ in ("nsubj", "nsubjpass"):
        event = treated_for(noun_tok.head) or event  # "four passengers were treated for injuries": injured
    if q.unit != "":
        return q.noun or q.unit, event, noun_tok
    harm = _people_event(doc, q)
    if harm:
        return PEOPLE, harm, doc[q.num]
    if not q.noun and q.num in changes and changes[q.num][1]:
        return changes[q.num][1], event, noun_tok  # "from 214 to 96 votes": 214 counts votes too
    return (q.noun, event, noun_tok) if q.noun else None


#: The moment given to the first number of a change ("rose from 5% to 7%"): the value before it, which is
#: compared only with other values before a change.
CHANGE_START = "from"


def _changes(doc, found) -> dict[int, tuple[str, str]]:
    """Numbers of "from A to B" changes: number token -> ("from" or "to", the counted noun of either end).

    Example:
        >>> from factalign.judges.quantities import quantities
        >>> doc = parse_source("The lead fell from 214 to 96 votes.")
        >>> sorted(_changes(doc, quantities(doc)).values())
        [('from', 'vote'), ('to', 'vote')]
    """
    ends = {}
    for q in found:
        before = doc[q.start - 1].lower_ if q.start > 0 else ""
        if before in ("from", "to"):
            ends[q.num] = (before, q)
    out = {}
    for num, (word, q) in ends.items():
        other = "to" if word == "from" else "from"
        partners = [p for n, (w, p) in ends.items() if w == other and doc[n].sent == doc[num].sent
                    and (n > num) == (word == "from") and p.unit == q.unit]
        if partners:
            partner = min(partners, key=lambda p: abs(p.num - num))
            out[num] = (word, q.noun or partner.noun)
    return out


#: The head given to a number that stands for people without naming them ("Nineteen hurt", "31 injured").
PEOPLE = "people"
#: Dependency labels of the words that narrow what a noun counts ("two *German* climbers", "26 *mountain*
#: rescuers"); two counts narrowed differently may count different sets.
NARROWING = ("amod", "compound", "nmod", "poss")


def _moments(doc, q) -> frozenset[str]:
    """The moment words of the quantity's clause ("initially", "now"), read as adverbs and adjectives only: the
    verb "lasted" is no "last week", "ended" no "end of the year".

    Example:
        >>> from factalign.judges.quantities import quantities
        >>> doc = parse_source("The count lasted three days. Last year it took two days.")
        >>> [sorted(_moments(doc, q)) for q in quantities(doc)]
        [[], ['last']]
    """
    words = {t.lemma_.lower() for t in _clause(doc, q).subtree
             if not (q.start <= t.i < q.end) and t.pos_ not in ("VERB", "AUX")}
    return frozenset(words & MOMENT_WORDS)


def _clause(doc, q):
    """The head of the clause a quantity sits in (the judges' reading of "the quantity's clause")."""
    tok = _root(doc, q)
    while tok.head is not tok and tok.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "conj"):
        tok = tok.head
    return tok


def _people_event(doc, q) -> str:
    """The event of a number that counts people it does not name, or "".

    A number with no noun that is the subject of a verb of an event class ("Two fans were killed and 31
    injured"), or a headline number followed by such a word ("Nineteen hurt", "Two dead"), counts people.

    Example:
        >>> from factalign.judges.quantities import quantities
        >>> doc = parse_source("Nineteen hurt in gas leak")
        >>> _people_event(doc, quantities(doc)[0])
        'hurt'
    """
    tok = doc[q.num]
    word = next((t for t in (tok.head, *tok.children) if t is not tok and t.lemma_.lower() == q.noun), None)
    if word is not None and q.noun in _CLASS_OF and (word.pos_ in ("ADJ", "VERB") or word.dep_ == "acl"):
        return q.noun  # "Two dead": the tagger reads the adjective as what is counted ("96 votes" is a noun)
    if not q.noun and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _CLASS_OF:
        return tok.head.lemma_.lower()
    return treated_for(tok.head) if not q.noun and tok.dep_ in ("nsubj", "nsubjpass") else ""



def _modifiers(noun_tok, q) -> frozenset[str]:
    """Lemmas of the words that narrow the counted noun ("two German climbers" -> {"german"})."""
    if noun_tok.i == q.num:
        return frozenset()
    return frozenset(c.lemma_.lower() for c in noun_tok.children
                     if c.dep_ in NARROWING and c.i != q.num and not c.like_num)


def _linked_ages(doc, facts: list[KeyFact]) -> list[KeyFact]:
    """Ages with the event their owner takes part in and (value, person, plural) as detail: ``person`` is the
    surname of the one person an unnamed definite description stands for (see :func:`_described_person`);
    ``plural`` is True for an age given to a plural noun ("the two climbers, aged 29 and 31"), which belongs to
    several people and is not compared.

    Example:
        >>> doc = parse_source("Police charged Tom Lee on Monday. The 34-year-old driver was released.")
        >>> [f.detail for f in _linked_ages(doc, ages(doc, "a"))]
        [(34, 'lee', False)]
    """
    out = []
    for fact in facts:
        owner = _bare_owner(doc, fact) or _owner(doc, fact)
        plural = owner is not None and owner.tag_ in PLURAL_TAGS
        person = _described_person(doc, owner) if owner is not None else ""
        event = predicate(owner) if owner is not None else ""
        if owner is not None and bare_age(owner):
            if not person:
                continue  # "the 32-year-old" with no one named before: an age of no one we can tell
            fact = replace(fact, head=person, anchor=f"age of {person}")
        out.append(replace(fact, detail=(fact.detail[0], person, plural), event=fact.event or event))
    return out


def _bare_owner(doc, fact: KeyFact):
    """The "old" of a bare "the N-year-old" the fact reads (see :func:`bare_age`), else None."""
    span = doc.char_span(fact.start, fact.end, alignment_mode="expand")
    last = span[-1] if span is not None else None
    return last if last is not None and bare_age(last) else None


#: Penn tags of plural nouns.
PLURAL_TAGS = ("NNS", "NNPS")


def _owner(doc, fact: KeyFact):
    """The token of the fact's sentence that the age belongs to (nearest one whose lemma or surname is its head)."""
    span = doc.char_span(fact.start, fact.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    found = [t for t in sent if t.pos_ in ("NOUN", "PROPN") and fact.head in (t.lemma_.lower(), surname(t.text))]
    return min(found, key=lambda t: abs(t.i - span.start), default=None)


def _described_person(doc, owner) -> str:
    """Surname of the person a definite description without a name stands for, or "".

    "The 41-year-old accountant" in a sentence that names nobody is the one person the previous sentence names
    (news introduces a person by name, then refers back by age and occupation); with no name, or two, it is "".
    """
    if not (owner.pos_ == "NOUN" or bare_age(owner)) or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in owner.children):
        return ""
    sent = owner.sent
    if any(e.label_ == "PERSON" for e in sent.ents) or sent.start == 0:
        return ""
    names = _named_people(doc[sent.start - 1].sent) - {""}
    return names.pop() if len(names) == 1 else ""


def _named_people(sent) -> set[str]:
    """Surnames of the people a sentence names: PERSON entities, and proper names that a noun for a person
    (WordNet) introduces or explains ("town treasurer Gregory Marsh", "Marsh, the treasurer"), which the small
    entity model often tags as an organisation."""
    names = {surname(e.text) for e in sent.ents if e.label_ == "PERSON"}
    for tok in sent:
        if tok.pos_ == "PROPN" and tok.dep_ != "compound" and tok.ent_type_ not in PLACES and any(
                c.dep_ in ("compound", "appos") and c.pos_ == "NOUN" and person_senses(c.lemma_) for c in tok.children):
            names.add(surname(tok.text))
    return names


#: Entity labels under which a proper name is a place, not a person.
PLACES = ("GPE", "LOC", "FAC")


def _show_number(value: float, unit: str) -> str:
    return (f"{value:.0f}" if float(value).is_integer() else f"{value:g}") + (f" {unit}" if unit else "")


def _dates(doc, source: Source) -> list[KeyFact]:
    """Days, weekdays and clock times, with the event they date and the preposition that introduces them."""
    out = []
    for d in date_facts(doc, source.published):
        tok = doc[d.tok]
        if d.kind == "time":
            low, high, first = _time_window(doc, d.tok, d.value)
            start, end = span_offsets(doc, first, min(d.tok + 2, len(doc)) if _has_suffix(doc, d.tok) else d.tok + 1)
            event = predicate(tok)
            out.append(KeyFact("time", span_text(doc, start, end), f"{d.value // 60:02d}:{d.value % 60:02d}",
                               f"time of {event or 'event'}", source.name, start, end, head="time", event=event,
                               detail=(low, high, d.prep)))
        elif d.kind in DAY_KINDS:
            first, last = d.tok, d.tok + 1
            if d.kind == "day":
                if d.tok + 1 < len(doc) and doc[d.tok + 1].like_num:
                    last = d.tok + 2
                elif d.tok > 0 and doc[d.tok - 1].like_num:
                    first = d.tok - 1
            start, end = span_offsets(doc, first, last)
            norm = d.value.isoformat() if d.kind == "date" else (
                f"{d.value[0]:02d}-{d.value[1]:02d}" if d.kind == "day" else str(d.value))
            event = predicate(tok)
            out.append(KeyFact("date", d.text, norm, f"date of {event or 'event'}", source.name, start, end,
                               head=d.kind, event=event, detail=(d.kind, d.prep or BARE_DAY_PREP)))
    return out


def _has_suffix(doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].lower_.replace(".", "") in ("am", "pm")


def _time_window(doc, i: int, minutes: int) -> tuple[int, int, int]:
    """The minutes a clock time allows, widened by a hedge before it ("shortly before 7:45" -> 7:25..7:45)."""
    for n in (2, 1):
        if i - n >= 0:
            phrase = " ".join(t.lower_ for t in doc[i - n:i])
            if phrase in TIME_HEDGES:
                before, after = TIME_HEDGES[phrase]
                return minutes - before, minutes + after, i - n
    return minutes, minutes, i

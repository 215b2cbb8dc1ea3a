"""Key facts about people: ages ("52-year-old", ", 25,", "aged 25"), roles ("Fire Chief Laura Benning",
"the minister of the interior, Paul Grand") and who said a quotation or reported statement."""

from __future__ import annotations

from typing import Sequence

from ..judges.attribution import INSTITUTIONS
from ..models import Claim
from .kinds import person_senses
from .model import KeyFact
from .syntax import fold, predicate, span_offsets, span_text, surname

#: Ages people are given in news copy; a number outside this range after a comma is something else.
MAX_AGE = 119
#: A role phrase longer than this many content words is a description, not a title.
MAX_ROLE_WORDS = 5
_ROLE_POS = ("NOUN", "PROPN", "ADJ")
_NOT_ROLE_ENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def _age_value(tok) -> int | None:
    if not tok.text.isdigit():
        return None
    value = int(tok.text)
    return value if 0 < value <= MAX_AGE else None


def _who(tok) -> tuple[str, str]:
    """(anchor head, readable anchor) of the person or thing an age or state belongs to."""
    if tok.pos_ == "PROPN":
        last = surname(tok.text)
        return last, tok.text
    return tok.lemma_.lower(), tok.text.lower()


#: Dependency labels of a noun phrase that stands alone in its clause (a subject, an object, a noun after a
#: preposition): "the 32-year-old" there is a person, not a modifier.
_NOMINAL = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos")


def bare_age(old) -> bool:
    """True when "old" of "the N-year-old" heads its own noun phrase ("The 32-year-old was released"): the age
    of a person the text has named before, not of a noun after it.

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> doc = parse_source("The 32-year-old was released. The 32-year-old driver was released.")
        >>> bare_age(doc[5]), bare_age(doc[14])
        (True, False)
    """
    return old.lower_ == "old" and old.dep_ in _NOMINAL and any(c.lower_ == "the" for c in old.children)


def ages(doc, name: str) -> list[KeyFact]:
    """Ages in the shapes news copy uses (see :func:`_age_owner`).

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> [(f.norm, f.head) for f in ages(parse_source("The driver, 25, was unhurt."), "a")]
        [('25', 'driver')]
    """
    out = []
    for tok in doc:
        value = _age_value(tok)
        owner, first, last = _age_owner(doc, tok) if value is not None else (None, 0, 0)
        if owner is None:
            continue
        head, readable = _who(owner)
        start, end = span_offsets(doc, first, last)
        out.append(KeyFact("age", span_text(doc, start, end), str(value), f"age of {readable}", name, start, end,
                           head=head, event="", detail=(value,)))
    return out


def _age_owner(doc, tok):
    """(token the age belongs to, first token, end token) of the evidence of an age at number ``tok``, or
    (None, ...): "the 52-year-old driver", a bare "the 32-year-old" (see :func:`bare_age`), "a man aged 40",
    "The driver, 25, ..." / "Laura Benning, 52."."""
    nxt = [t.lower_ for t in doc[tok.i + 1:tok.i + 5]]
    if nxt[:4] == ["-", "year", "-", "old"]:  # "the 52-year-old driver"
        old = doc[tok.i + 4]
        owner = old.head if old.head.pos_ in ("NOUN", "PROPN") and old.head is not old else None
        owner = old if owner is None and bare_age(old) else owner  # "the 32-year-old was released"
        return owner, tok.i, tok.i + 5
    if tok.i > 0 and doc[tok.i - 1].lower_ == "aged" and doc[tok.i - 1].head.pos_ in ("NOUN", "PROPN"):
        return _named_by_apposition(doc[tok.i - 1].head), tok.i - 1, tok.i + 1  # "a man aged 40"
    if _of_years(doc, tok):
        return _named_by_apposition(doc[tok.i - 1].head), tok.i - 2, tok.i + 2  # "a woman of 79 years"
    if (tok.i >= 2 and doc[tok.i - 1].text == "," and tok.i + 1 < len(doc)
            and doc[tok.i + 1].text in (",", ".", ";") and doc[tok.i - 2].pos_ in ("NOUN", "PROPN")
            and tok.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY")):
        return doc[tok.i - 2], tok.i, tok.i + 1  # "The driver, 25, ..." / "Laura Benning, 52."
    return None, tok.i, tok.i + 1


def _of_years(doc, tok) -> bool:
    """True for "NOUN of N years" where the noun is one for a person ("a woman of 79 years", as translations
    write an age); "a sentence of 20 years" is a duration.

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> doc = parse_source("A woman of 79 years got a sentence of 20 years.")
        >>> _of_years(doc, doc[3]), _of_years(doc, doc[10])
        (True, False)
    """
    if tok.i < 2 or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "years" or doc[tok.i - 1].lower_ != "of":
        return False
    noun = doc[tok.i - 1].head
    return noun.i == tok.i - 2 and noun.pos_ == "NOUN" and bool(person_senses(noun.lemma_.lower()))


def _named_by_apposition(owner):
    """The noun an indefinite description of a person is put in apposition with ("a woman of 79 years,
    grandmother of the bride" is the grandmother's age), else the owner itself: the indefinite noun only
    introduces the person, the apposition says who it is.

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> doc = parse_source("A woman aged 79, grandmother of the bride, was hurt. A man aged 40 was held.")
        >>> _named_by_apposition(doc[1]).text, _named_by_apposition(doc[14]).text
        ('grandmother', 'man')
    """
    if owner.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in owner.children):
        return owner
    named = [c for c in owner.children if c.dep_ == "appos" and c.pos_ == "NOUN" and person_senses(c.lemma_.lower())]
    return named[0] if named else owner


#: Entity labels that say a proper noun is not a person.
_NOT_PERSON = frozenset({"GPE", "ORG", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "DATE", "TIME",
                         "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE"})
#: Entity labels under which a speaker is a place or a body, not a person.
_PLACES = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})
#: A capitalised run this long that the tagger did not name is read as title + first name + surname.
_TITLED_RUN = 3


def _person_ents(doc):
    """Names of people: PERSON entities, and capitalised runs the small NER model missed ("Harbour Master Ana
    Ruiz": the last two words are the name, the words before them the title)."""
    out = _entity_names(doc)
    covered = {t.i for e in out for t in e}
    return out + _titled_runs(doc, covered)


def _entity_names(doc) -> list:
    """PERSON entities headed by a proper noun, from their first capitalised word.

    Example: "harbour master Tom Lee" (one PERSON entity) -> [Tom Lee].
    """
    out = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.root.pos_ == "PROPN":
            first = ent.start
            while first < ent.root.i and not doc[first].is_title:
                first += 1  # names are capitalised: "harbour master Tom Lee" names Tom Lee
            out.append(doc[first:ent.end])
    return out


def _titled_runs(doc, covered: set[int]) -> list:
    """The last two words of each capitalised run of proper nouns at least :data:`_TITLED_RUN` long that no name in
    ``covered`` holds (the words before them are a title).

    Example: "Harbour Master Ana Ruiz" (no entity) -> [Ana Ruiz].
    """
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound" or tok.i in covered or tok.ent_type_ in _NOT_PERSON:
            continue
        first = tok.i
        while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].is_title \
                and doc[first - 1].head.i > first - 1:
            first -= 1
        if tok.i - first + 1 >= _TITLED_RUN and doc[tok.i - 1].pos_ == "PROPN":
            out.append(doc[tok.i - 1:tok.i + 1])
    return out


def _role_words(tokens) -> tuple[str, ...]:
    return tuple(t.lemma_.lower() for t in tokens if t.pos_ in _ROLE_POS and t.ent_type_ not in _NOT_ROLE_ENTS)


def _title_before(doc, ent) -> list:
    """The compound title the name's head word carries before the name ("Fire Chief", "harbour master")."""
    root = ent.root
    left = [t for t in doc[root.left_edge.i:ent.start]]
    while left and left[0].dep_ in ("det", "poss", "punct", "case") or left and left[0].tag_ == "POS":
        left = left[1:]
    if not left or any(t.pos_ not in _ROLE_POS or t.dep_ not in ("compound", "amod") for t in left):
        return []
    return left


def _apposed_role(doc, ent) -> list:
    """The role an apposition gives the name ("the minister of the interior, Paul Grand" / "Ortiz, the chief")."""
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        holder = root.head
        return [t for t in holder.subtree if not (root.left_edge.i <= t.i <= root.right_edge.i)]
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return list(child.subtree)
    return []


def roles(doc, name: str) -> list[KeyFact]:
    """Person <-> role facts: a title before a name, or a role set beside it by apposition.

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> [(f.value, f.anchor) for f in roles(parse_source("Fire Chief Laura Benning said no one was hurt."), "a")]
        [('Laura Benning', 'fire chief')]
    """
    out = []
    for ent in _person_ents(doc):
        for role_tokens in (_title_before(doc, ent), _apposed_role(doc, ent)):
            words = _role_words(role_tokens)
            if not words or len(words) > MAX_ROLE_WORDS or surname(ent.text) in words:
                continue
            first = min([t.i for t in role_tokens] + [ent.start])
            last = max([t.i + 1 for t in role_tokens] + [ent.end])
            start, end = span_offsets(doc, first, last)
            event = predicate(ent.root) or _saying(ent.root)
            out.append(KeyFact("role", ent.text, surname(ent.text), " ".join(words), name, start, end,
                               head=_role_head(role_tokens, role_tokens[0].i < ent.start), event=event,
                               detail=(frozenset(words),)))
            break
    return out


def _role_head(tokens, before_name: bool) -> str:
    """Lemma of the role phrase's own head word ("chief" in "Fire Chief", "minister" in "minister of the interior").

    A title before a name ends in its head (English compounds are head-final); an apposition starts with it.
    """
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside and t.pos_ in ("NOUN", "PROPN")]
    if not heads:
        return ""
    return (heads[-1] if before_name else heads[0]).lemma_.lower()


def _saying(tok) -> str:
    """"say" when the name is the subject of a verb of saying (those are left out of :func:`predicate`)."""
    head = tok.head
    return "say" if tok.dep_ == "nsubj" and head.pos_ == "VERB" and head is not tok else ""


def _placed_words(doc) -> frozenset[str]:
    """The words (lower case) the parse names as part of a place or organisation somewhere: read once per
    source, not once per claim, so that the cost stays linear in the source's length."""
    return frozenset(t.lower_ for t in doc if t.ent_type_ in _PLACES)


def quotes(doc, name: str, claims: Sequence[Claim]) -> list[KeyFact]:
    """Who said what: one fact per claim attributed to a person the source names (direct or reported speech).

    A claim's ``attribution`` counts when its last word is the surname of a person the source's parse names.
    """
    people = {surname(e.text) for e in _person_ents(doc)}
    placed = _placed_words(doc)
    for c in claims:  # "Ines Varga said": a first and last name the NER model took for something else
        words = (c.attribution or "").split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words[-2:]) and not INSTITUTIONS & {
                w.lower() for w in words} and surname(c.attribution or "") not in placed:
            people.add(surname(c.attribution or ""))
    out = []
    named = _person_ents(doc)
    for c in claims:
        speaker = c.attribution or ""
        if surname(speaker) not in people:
            speaker = _titled_speaker(doc, c, named) or speaker
        who = surname(speaker)
        if not who or who not in people:
            continue
        out.append(KeyFact("quote", speaker, who, c.text[:80], name, c.start, c.end, claims=(c.id,),
                           head="quote", event="say", detail=(c.quote, fold(c.text))))
    return out


def _titled_speaker(doc, claim: Claim, named) -> str:
    """The person a speaker given by title is ("said steward Paul Hanley": the claim's speaker is "steward"): the
    one name of ``named`` (the source's people) in the claim's sentence that the title stands right before, or ""."""
    words = (claim.attribution or "").lower().split()
    span = doc.char_span(claim.start, max(claim.start + 1, claim.end), alignment_mode="expand") if words else None
    if span is None or len(span) == 0:
        return ""
    sent = span[0].sent
    names = [e for e in named if sent.start <= e.start and e.end <= sent.end and e.start > 0
             and doc[e.start - 1].lower_ == words[-1]]
    return names[0].text if len(names) == 1 else ""

"""Resolving "he"/"she" to a person, only where that is reliable.

Reliable means: exactly one person named in the last few sentences (or the subject earlier in the same
sentence) agrees with the pronoun in gender, and no person of unknown gender could be meant instead. A
wrong resolution is worse than none: an unresolved pronoun leaves the claim with a ``context`` instead.

A person's gender comes, in this order of trust, from a gendered title before the name ("Mrs", "Sir"),
from the first name (:data:`FIRST_NAMES_FILE`, US Social Security baby-name counts), or from a pronoun
already resolved to that person when they were the only one in view.

    >>> tracker = PersonTracker({"maria": "f", "tom": "m"})
    >>> tracker.gender_of("Maria Lopez"), tracker.gender_of("Tom Lee"), tracker.gender_of("Kim Park")
    ('f', 'm', None)
"""

from __future__ import annotations

import functools
import re
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from .entities import entities_in
from .syntax import HONORIFICS

PERSONAL = {"he": "", "she": "", "him": "", "his": "'s", "her": ""}
"""Third-person singular pronouns that may be replaced by a name, with the suffix the name then takes."""
PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}
TITLE_GENDERS = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f",
                 "madam": "f", "lady": "f"}
"""The gendered ones of :data:`~factalign.claims.syntax.HONORIFICS` ("Dr" and "Mx" say nothing)."""
WINDOW = 3
#: Dependencies of an untagged proper noun that may be a person a pronoun refers back to: subject or object.
LOOSE_ROLES = ("nsubj", "nsubjpass", "dobj")
"""How many sentences back a person mention still counts as the antecedent."""
FIRST_NAMES_FILE = "claims_first_name_genders.tsv"
"""In ``factalign/data``; built by ``scripts/build_first_name_genders.py`` (provenance in its header)."""

UNRESOLVED = re.compile(r"\b(?:he|she|him|his|her|it|its|they|them|their|this|these|those)\b", re.I)


@functools.lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """Lower-cased first names and the gender (``"f"``/``"m"``) nearly all their bearers have."""
    from importlib import resources

    text = (resources.files("factalign") / "data" / FIRST_NAMES_FILE).read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))


@dataclass
class Person:
    """A person named in the article: the longest form of the name seen, and the gender when known."""

    name: str
    gender: str | None = None


class PersonTracker:
    """Remembers the people named in the last :data:`WINDOW` sentences of one article.

    Args:
        genders: first names to genders; None reads :data:`FIRST_NAMES_FILE`.
    """

    def __init__(self, genders: Mapping[str, str] | None = None) -> None:
        self._genders = genders
        self._recent: deque[list[str]] = deque(maxlen=WINDOW)
        self._people: dict[str, Person] = {}

    def observe(self, sent) -> None:
        """Record the PERSON entities of a sentence once it has been read, with any title before them, and the
        untagged proper nouns that act as subject or object there ("ordered Marsh held"): they may be people the
        tagger missed, so they make a later pronoun ambiguous unless they are known to be someone else."""
        people = [e for e in entities_in(sent) if e.label_ == "PERSON"]
        inside = {i for e in people for i in range(e.start, e.end)}
        loose = [t.text for t in sent if t.pos_ == "PROPN" and not t.ent_type_ and t.i not in inside
                 and t.dep_ in LOOSE_ROLES]
        self._recent.append([self._remember(e.text, _title_before(e)) for e in people] + loose)

    def gender_of(self, name: str) -> str | None:
        """The gender of a person named so (a name seen before, or its first name), or None."""
        person = self._people.get(_key(name))
        if person is not None and person.gender is not None:
            return person.gender
        return self._name_gender(name)

    def is_person(self, name: str) -> bool:
        """Whether ``name`` names a person seen in this article."""
        return _key(name) in self._people

    def agrees(self, name: str, pronoun: str) -> bool:
        """Whether ``pronoun`` can stand for the speaker ``name``: "he"/"she" not for a person of the other
        gender, "it" not for a person. An organisation speaks through a person, so '"...," the ministry
        said. "...," he added.' is one speaker. Other pronouns are not checked.

        Example:
            >>> tracker = PersonTracker({"maria": "f"})
            >>> tracker.agrees("Maria Lopez", "he"), tracker.agrees("Maria Lopez", "she")
            (False, True)
            >>> tracker.agrees("the ministry", "he")
            True
        """
        pronoun = pronoun.lower()
        if pronoun in ("it", "its"):
            return not self.is_person(name) and self.gender_of(name) is None
        gender = PRONOUN_GENDERS.get(pronoun)
        known = self.gender_of(name)
        if gender is None or known == gender:
            return True
        if known is None and self.is_person(name):
            self._people[_key(name)].gender = gender  # the pronoun now used for them
        return known is None

    def resolve(self, sent, before: int, pronoun: str = "he") -> str | None:
        """The one person ``pronoun`` at doc token ``before`` can mean, or None when unsure.

        A person named earlier in the same sentence counts only as its subject ("Quaid left because he
        ..."); any other person named there makes the pronoun ambiguous, and so does a clause subject
        that is a common noun for a possessive ("the senator will keep his seat": the senator may be no
        one named).
        """
        here = [e for e in entities_in(sent) if e.label_ == "PERSON" and e.end <= before]
        subjects = [self._remember(e.text, _title_before(e)) for e in here if e.root.dep_ in ("nsubj", "nsubjpass")]
        if (here and not subjects) or (not subjects and _unnamed_subject(sent, before)):
            return None
        names = subjects or [n for mentions in reversed(self._recent) for n in mentions]
        people = list({_key(n): self._people.get(_key(n)) or Person(n) for n in names}.values())
        person = _agreeing(people, PRONOUN_GENDERS.get(pronoun.lower()))
        return person.name if person is not None else None

    def _name_gender(self, name: str) -> str | None:
        words = [w for w in re.findall(r"[^\W\d_]+", name.lower()) if w not in HONORIFICS]
        if len(words) < 2:
            return None  # a surname alone says nothing
        genders = self._genders if self._genders is not None else first_name_genders()
        return genders.get(words[0])

    def _remember(self, name: str, title: str | None = None) -> str:
        name = re.sub(r"['’]s$", "", name.strip())
        key = _key(name)
        person = self._people.setdefault(key, Person(name))
        if len(name) > len(person.name):
            person.name = name
        gender = TITLE_GENDERS.get(title or "") or _title_gender(name)
        if gender is not None:
            person.gender = gender  # a title outranks the first name and any pronoun
        elif person.gender is None:
            person.gender = self._name_gender(person.name)
        return name


def _agreeing(people: list[Person], gender: str | None) -> Person | None:
    """The one person a pronoun of ``gender`` can mean among ``people``, or None.

    Of known gender, exactly one must agree and none be of unknown gender; a lone person of unknown
    gender is taken, and the pronoun's gender recorded for them.
    """
    if gender is None:
        return people[0] if len(people) == 1 else None
    agreeing = [p for p in people if p.gender == gender]
    unknown = [p for p in people if p.gender is None]
    if len(agreeing) == 1 and not unknown:
        return agreeing[0]
    if not agreeing and len(people) == 1 and unknown:
        unknown[0].gender = gender
        return unknown[0]
    return None


def _unnamed_subject(sent, before: int) -> bool:
    """The possessive at ``before`` is in a clause whose subject is a singular common noun, which may be its
    antecedent: "the senator will keep his seat", "the man appears to be in his 20s"."""
    pronoun = sent.doc[before] if before < sent.end else None
    if pronoun is None or pronoun.tag_ != "PRP$":
        return False
    for head in pronoun.ancestors:
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:  # the nearest clause's subject, unless the possessive is inside it
            return subject.tag_ == "NN" and not subject.left_edge.i <= pronoun.i <= subject.right_edge.i
    return False


def _key(name: str) -> str:
    words = re.sub(r"['’]s$", "", name.strip()).split()
    return words[-1].lower() if words else name.lower()


def _title_gender(name: str) -> str | None:
    first = name.split()[0].lower().rstrip(".") if name.split() else ""
    return TITLE_GENDERS.get(first)


def _title_before(ent) -> str | None:
    """The honorific just before a name ("Mrs" in "Mrs. Lopez"), lower-cased without its full stop."""
    if ent.start == 0:
        return None
    word = ent.doc[ent.start - 1].lower_.rstrip(".")
    return word if word in HONORIFICS else None


def pronoun_substitutions(sent, allowed: set[int], tracker: PersonTracker) -> dict[int, str]:
    """Replacement texts for the personal pronouns of ``sent`` that resolve reliably.

    Only third-person singular pronouns outside quotations are replaced: inside a quote, "he" is
    the speaker's word and may mean anyone.
    """
    out: dict[int, str] = {}
    for tok in sent:
        low = tok.lower_
        if tok.i not in allowed or low not in PERSONAL or tok.tag_ not in ("PRP", "PRP$"):
            continue
        if low == "her" and tok.tag_ == "PRP$":
            suffix = "'s"
        else:
            suffix = PERSONAL[low]
        name = tracker.resolve(sent, tok.i, low)
        if name is not None:
            out[tok.i] = name + suffix
    return out

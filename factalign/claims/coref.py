"""Resolving "he"/"she" to a person, only where that is reliable.

Reliable means: every person named in the last few sentences (and earlier in the current one) has the
same surname. With two candidates, the pronoun is left alone and the claim gets a ``context`` instead.
"""

from __future__ import annotations

import re
from collections import deque

PERSONAL = {"he": "", "she": "", "him": "", "his": "'s", "her": ""}
WINDOW = 3
"""How many sentences back a person mention still counts as the antecedent."""

UNRESOLVED = re.compile(r"\b(?:he|she|him|his|her|it|its|they|them|their|this|these|those)\b", re.I)


class PersonTracker:
    """Remembers the people named in the last :data:`WINDOW` sentences of one article."""

    def __init__(self) -> None:
        self._recent: deque[list[str]] = deque(maxlen=WINDOW)
        self._full: dict[str, str] = {}

    def observe(self, sent) -> None:
        """Record the PERSON entities of a sentence once it has been read."""
        self._recent.append([self._remember(e.text) for e in sent.ents if e.label_ == "PERSON"])

    def resolve(self, sent, before: int) -> str | None:
        """The one person a pronoun at doc token ``before`` can mean, or None when unsure.

        A person named earlier in the same sentence counts only as its subject ("Quaid left because he
        ..."); any other person named there makes the pronoun ambiguous.
        """
        here = [e for e in sent.ents if e.label_ == "PERSON" and e.end <= before]
        subjects = [self._remember(e.text) for e in here if e.root.dep_ in ("nsubj", "nsubjpass")]
        if here and not subjects:
            return None
        names = subjects or [n for mentions in reversed(self._recent) for n in mentions]
        surnames = {n.split()[-1].lower() for n in names}
        if len(surnames) != 1:
            return None
        return self._full[surnames.pop()]

    def _remember(self, name: str) -> str:
        name = re.sub(r"['’]s$", "", name.strip())
        key = name.split()[-1].lower() if name.split() else name.lower()
        if len(name) > len(self._full.get(key, "")):
            self._full[key] = name
        return name


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
        name = tracker.resolve(sent, tok.i)
        if name is not None:
            out[tok.i] = name + suffix
    return out

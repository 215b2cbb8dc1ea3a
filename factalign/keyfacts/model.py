"""The :class:`KeyFact` record: one typed value a source states about one thing, with its evidence offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Key fact types, in the order reports list them.
TYPES = ("count", "quantity", "date", "time", "age", "role", "quote", "state")


@dataclass(frozen=True)
class KeyFact:
    """A typed value stated by one source about one thing (its anchor).

    Args:
        type: one of :data:`TYPES`.
        value: the value as written ("Sixteen", "March 15", "Daniel Ortiz").
        norm: the normalised value, comparable across sources ("16", "03-15", "ortiz").
        anchor: what the value is about, readable ("people hurt", "fire chief", "driver").
        source: the source's name.
        start: offset of the evidence's first character in the source text.
        end: offset just past the evidence.
        claims: ids of the source's claims whose span holds the evidence.
        head: lemma of the thing counted or described (the anchor's head word), or "".
        event: lemma of the predicate the value hangs from ("hurt", "destroy"), or "".
        detail: type-specific data used to compare (bounds of a number, the date kind, the role's words).
        context: ids of the claims of the sentence the evidence sits in (what the fact is said about).
        group: facts of several sources about the same thing share a group number; -1 when no other source
            states a value for this anchor.
    """

    type: str
    value: str
    norm: str
    anchor: str
    source: str
    start: int
    end: int
    claims: tuple[str, ...] = ()
    head: str = ""
    event: str = ""
    detail: tuple[Any, ...] = ()
    group: int = -1
    context: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The fact as JSON-ready data (the ``key_facts`` entries of the report contract)."""
        return {"type": self.type, "value": self.value, "norm": self.norm, "anchor": self.anchor,
                "source": self.source, "start": self.start, "end": self.end, "claims": list(self.claims),
                "group": self.group}

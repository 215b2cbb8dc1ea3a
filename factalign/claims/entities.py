"""Named entities near a token, read from the tokens there rather than from ``doc.ents``.

spaCy builds ``doc.ents`` (and ``span.ents``, which filters it) from every token of the doc on each call, so
asking once per sentence or per name costs the length of the whole source: quadratic in the source's length.
These functions read the same entities (same start, end, label, knowledge-base and span ids) from the tokens
around the place asked about, so their cost does not grow with the doc.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Values of ``Token.ent_iob`` (spaCy's encoding): no annotation, inside, outside, beginning.
_MISSING, _INSIDE, _OUTSIDE, _BEGIN = 0, 1, 2, 3


def entities_between(doc: Doc, lo: int, hi: int) -> list[Span]:
    """The entities of ``doc.ents`` that hold at least one token of ``doc[lo:hi]``, in order.

    Example:
        >>> import spacy
        >>> from spacy.tokens import Span
        >>> doc = spacy.blank("en")("Ana Ruiz met Tom Lee in Oslo .")
        >>> doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 5, "PERSON"), Span(doc, 6, 7, "GPE")]
        >>> [e.text for e in entities_between(doc, 1, 4)]
        ['Ana Ruiz', 'Tom Lee']
        >>> entities_between(doc, 5, 6)
        []
    """
    start = max(min(lo, len(doc)), 0)
    while 0 < start < len(doc) and doc[start].ent_iob == _INSIDE:
        start -= 1  # back to the first token of the entity ``lo`` falls in
    out: list[Span] = []
    open_at, first = -1, None
    for i in range(start, len(doc)):
        tok = doc[i]
        if tok.ent_iob == _INSIDE:
            if i >= hi and open_at == -1:
                break
            continue
        if open_at != -1:
            out.append(_entity(doc, open_at, i, first))
        if i >= hi:
            break
        # As doc.ents reads them: "B" with a label opens an entity; "O", no annotation or a bare "B" closes it.
        open_at, first = (i, tok) if tok.ent_iob == _BEGIN and tok.ent_type != 0 else (-1, None)
    else:
        if open_at != -1:
            out.append(_entity(doc, open_at, len(doc), first))
    return [e for e in out if e.label_ != ""]


def _entity(doc: Doc, start: int, end: int, first) -> Span:
    """The entity ``doc[start:end]`` with the label and ids of its first token (as ``doc.ents`` makes it)."""
    from spacy.tokens import Span

    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity of ``doc.ents`` that holds token ``i``, or None.

    Example:
        >>> import spacy
        >>> from spacy.tokens import Span
        >>> doc = spacy.blank("en")("Ana Ruiz spoke .")
        >>> doc.ents = [Span(doc, 0, 2, "PERSON")]
        >>> entity_at(doc, 1).text, entity_at(doc, 2)
        ('Ana Ruiz', None)
    """
    return next((e for e in entities_between(doc, i, i + 1) if e.start <= i < e.end), None)


def entities_in(span: Span) -> list[Span]:
    """The entities that fall completely within ``span``, as ``span.ents`` gives them.

    Example:
        >>> import spacy
        >>> from spacy.tokens import Span
        >>> doc = spacy.blank("en")("Ana Ruiz met Tom Lee .")
        >>> doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 5, "PERSON")]
        >>> [e.text for e in entities_in(doc[1:6])]
        ['Tom Lee']
    """
    return [e for e in entities_between(span.doc, span.start, span.end)
            if e.start >= span.start and e.end <= span.end]

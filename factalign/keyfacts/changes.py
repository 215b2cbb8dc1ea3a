"""Which way an amount went ("the lead widened" / "the advantage was reduced"), as a state fact of the amount.

The verbs come from WordNet 3.0: the two families of the antonymy "increase" / "decrease" that
``judges_antonyms_wordnet_directions.tsv`` holds (the troponyms of each side inherit its direction: "widen" and
"swell" go up, "dwindle" and "reduce" go down). A transitive verb changes its object ("widened her lead"), an
intransitive or passive one its subject ("the advantage fell", "the fee was reduced"); a counted holder ("cut 4,000
jobs") is a count, not an amount, and "up 3%" / "down 3%" on a clause give its subject's (or object's) way. Two such
facts conflict
when they go opposite ways. The holder is a common noun that names no person or place, and a verb with a
destination or origin that is not an amount is a movement ("flown to a hospital"), not a change. Changes are
compared only in alike sentences (see
:func:`factalign.keyfacts.stateconflicts.same_state_anchor`), and a date in the clause is part of the anchor.
"""

from __future__ import annotations

import functools
from importlib import resources

from .model import KeyFact

#: The attribute of a change of amount.
CHANGE = "change"
#: Entity types of a holder that is a person or a place, not an amount ("the Dutchman was flown").
_NOT_AMOUNTS = frozenset({"PERSON", "NORP", "GPE", "LOC", "FAC", "ORG"})
#: Entity types of an amount after "to" / "from" ("rose to 52%", "fell from 214 to 96").
_AMOUNT_ENTS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
#: Prepositions of a destination or origin: with a place after them, the verb is a movement.
_PATH_PREPS = frozenset({"to", "into", "onto", "from"})
#: The two WordNet synsets whose antonymy names the directions of an amount.
UP, DOWN = "increase", "decrease"


@functools.lru_cache(maxsize=1)
def directions() -> dict[str, str]:
    """``{verb: "up" | "down"}`` for the verbs of the increase / decrease families (both-way verbs left out).

    Example:
        >>> directions()["widen"], directions()["dwindle"]
        ('up', 'down')
    """
    out: dict[str, set[str]] = {}
    text = (resources.files("factalign") / "data" / "judges_antonyms_wordnet_directions.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.startswith("verb\t"):
            continue
        _pos, left, right = line.split("\t")
        sides = (set(left.split()), set(right.split()))
        for words, other in (sides, sides[::-1]):
            if UP in words and DOWN in other or DOWN in words and UP in other:
                for w in words:
                    out.setdefault(w, set()).add("up" if UP in words else "down")
    return {w: next(iter(d)) for w, d in out.items() if len(d) == 1}


def changes(doc, name: str, make) -> list[KeyFact]:
    """Change-of-amount facts of a parsed source; ``make(holder, value_tok, verb, value, topic)`` builds one.

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> doc = parse_source("The recount widened her lead.")
        >>> changes(doc, "a", lambda holder, tok, verb, value, topic: [(holder.text, value)])
        [('lead', 'up')]
    """
    out = []
    for tok in doc:
        way = directions().get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if way is None or tok.dep_ in ("amod", "compound"):
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        holder = obj if obj is not None else subj
        if holder is None or holder.pos_ != "NOUN" or holder.ent_type_ in _NOT_AMOUNTS or _movement(tok):
            continue
        if any(c.dep_ == "nummod" for c in holder.children):
            continue  # "cut 4,000 jobs" counts what the event took (a count fact), not the level of an amount
        dates = [t.text.lower() for t in tok.subtree if t.ent_type_ == "DATE" and t.head is not holder]
        out += make(holder, tok, tok, way, " ".join(dates))
    return out + _signed_amounts(doc, make)


#: Adverbs that give the way an amount went when a number is set on them ("sales were up 3%", "profit, down 4%").
SIGNED = {"up": "up", "down": "down"}


def _signed_amounts(doc, make) -> list:
    """Changes told by "up N" / "down N" on a clause: the object of the clause went that way ("the firm reported
    sales of $9 million, up 3%": sales went up), or its subject when it has none ("profit was down 4%").

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> doc = parse_source("Profit was down 4% at $10 million. Prices went up quickly.")
        >>> _signed_amounts(doc, lambda holder, tok, verb, value, topic: [(holder.text, value)])
        [('Profit', 'down')]
    """
    out = []
    for tok in doc:
        way = SIGNED.get(tok.lower_)
        if way is None or tok.dep_ != "advmod" or not _numbered(tok):
            continue
        verb = tok.head
        holder = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        holder = holder or next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"),
                                None)
        if holder is not None and holder.ent_type_ not in _NOT_AMOUNTS:
            out += make(holder, tok, verb, way, "")
    return out


def _numbered(tok) -> bool:
    """True when a number measures the adverb: "up 3%" (the percent hangs from "up"), "down 12 points"."""
    return any(c.dep_ in ("npadvmod", "pobj", "dobj") and (c.like_num or any(g.dep_ == "nummod" for g in c.children))
               or c.like_num for c in tok.children)


def _movement(verb) -> bool:
    """True when the verb goes to or from something that is not an amount ("flown to the hospital", not "fell
    to 96 votes"): then "rise", "fall" or "fly" is a movement.

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> _movement(parse_source("The patient was flown to a hospital.")[3])
        True
    """
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _PATH_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj" and not (obj.like_num or obj.ent_type_ in _AMOUNT_ENTS
                                               or any(c.dep_ == "nummod" for c in obj.children)):
                    return True
    return False

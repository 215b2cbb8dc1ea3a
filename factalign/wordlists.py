"""One home for the closed-class word lists the judges share.

Provenance: these are closed grammatical classes of English, written from grammar references, not grown from
benchmark items or cases. Verbs of saying follow the reporting verbs of Quirk et al., *A Comprehensive
Grammar of the English Language* (1985, §16.34: "say, tell, state, add, claim, announce, ..."); titles and forms
of address are the standard English honorifics and office titles that stand before a name; negators are
English's negative words (not, never, no, none, nobody, nothing, neither, nowhere, cannot). Open-class
lexicons (antonyms, function words of other languages) live in ``factalign/data`` with their own headers.
"""

from __future__ import annotations

#: Lemmas of verbs of saying (and "according", the preposition that attributes): who said something is the
#: attribution judge's question, so a change of these words is never a change of the fact itself.
SPEECH_LEMMAS = frozenset({
    "say", "tell", "state", "add", "claim", "announce", "note", "explain", "insist", "argue", "write", "report",
    "confirm", "deny", "warn", "declare", "stress", "remark", "comment", "reply", "respond", "accord", "according",
})

#: Titles and forms of address that stand before a name: "Senator Clinton" and "Mrs Clinton" name one person.
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "senator", "sen", "president", "gov", "governor", "rep", "judge",
    "minister", "prime", "king", "queen", "prince", "general", "gen", "col", "lt", "capt", "st", "saint", "pope",
    "rev", "prof", "professor", "chancellor", "secretary", "chairman", "mayor",
})

#: English negative words.
NEGATORS = frozenset({"not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "cannot", "nowhere"})

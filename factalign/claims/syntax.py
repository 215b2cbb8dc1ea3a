"""Shared readings of the dependency parse: subjects, noun phrases, titles, what a predicate noun is about.

Small pure functions over spaCy tokens, used by the clause rules (:mod:`.decompose`) and the variant rules
(:mod:`.variants`).
"""

from __future__ import annotations

from .entities import entity_at

SUBJ = ("nsubj", "nsubjpass", "expl", "csubj")
VERBAL = ("VERB", "AUX")
NOUNISH = ("NOUN", "PROPN", "NUM", "PRON")
WH = ("WDT", "WP", "WP$")
QUOTE_MARKS = frozenset('“”«»„"‘’')
"""Quotation marks (not the apostrophe, which also marks possessives)."""
QUANTIFIERS = frozenset({"both", "all", "each", "either", "neither"})
"""Words the parser may call an apposition of a list ("Miyazaki and Takahata both left")."""
CORE_NP = frozenset({"det", "compound", "amod", "nummod", "poss", "case", "flat", "nmod", "quantmod", "predet",
                      "prep", "pobj", "advmod", "npadvmod", "neg", "nn"})
"""Dependents that belong to a noun phrase when it is borrowed into another claim (no clauses, no lists)."""


def has_subject(tok) -> bool:
    return any(c.dep_ in SUBJ for c in tok.children)


def wordy(tok) -> bool:
    return any(ch.isalnum() for ch in tok.text)


def set_off(tok) -> bool:
    """The phrase is set off by punctuation: a comma before it, or it opens the sentence and a comma follows."""
    left, right, doc = tok.left_edge.i, tok.right_edge.i, tok.doc
    if left > 0 and doc[left - 1].text in (",", "—", "–", "(", ";"):
        return True
    return left == tok.sent.start and right + 1 < len(doc) and doc[right + 1].text == ","


def mentions_time(tok) -> bool:
    """A date or a time somewhere in the phrase of ``tok`` ("in May 2012", "last year")."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)


def entity_bounds(tok) -> tuple[int, int] | None:
    """Token range ``(start, end)`` of the named entity ``tok`` is in, or None when it is in none."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def place_in_place(child) -> bool:
    # "Everett, Washington", "Los Angeles, California": one address, neither a list nor an apposition.
    return child.ent_type_ == "GPE" and child.head.ent_type_ == "GPE" and child.i > child.head.i


def colon_anchor(child):
    """The noun phrase a list after a colon spells out, when the parser hung the list on a farther noun.

    "Giant pandas live in the mountainous regions of central China: Sichuan and Tibet": the parser makes
    "Sichuan" an apposition of "pandas"; the names spell out "the mountainous regions". None otherwise.
    """
    if child.dep_ != "appos" or child.left_edge.i < 2:
        return None
    doc = child.doc
    colon = child.left_edge.i - 1
    if doc[colon].text != ":" or child.head.i >= colon - 1:
        return None
    tok = doc[colon - 1]
    # Up from the word before the colon to the phrase's noun: "China" -> "of" -> "regions" (in "live in ...").
    while tok.dep_ in ("pobj", "prep", "compound", "amod", "nummod") and child.head.i < tok.head.i < tok.i:
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in VERBAL:
            break
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("pobj", "dobj", "attr") else None


def is_list_item(child) -> bool:
    """"with Sharlto Copley, Elle Fanning, Sam Riley": names in a list, which the parser often calls appositions."""
    if child.dep_ != "appos" or place_in_place(child) or colon_anchor(child) is not None:
        return False
    head = child.head
    # several appositions make a list, but an age beside a title ("Ana Ruiz, 52, the harbour master") is two
    # facts about one person
    if sum(c.dep_ == "appos" and c.pos_ != "NUM" for c in head.children) > 1 \
            or any(c.dep_ == "conj" for c in child.children):
        return True
    same_kind = child.ent_type_ == head.ent_type_ or not (child.ent_type_ and head.ent_type_)
    if child.pos_ == head.pos_ == "PROPN" and child.ent_type_ == head.ent_type_ in ("LOC", "GPE", "FAC"):
        return True  # "the Atlantic Ocean, the Gulf of Guinea": two places, not one place named twice
    return child.pos_ == head.pos_ == "PROPN" and same_kind and not any(c.dep_ == "det" for c in child.children)


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam", "lord", "lady"})
"""Forms of address, not titles: "Mr. Perry" says nothing about Perry."""


def title_tokens(name) -> set[int]:
    """Indices of the title words before a person's name ("production designer" Robert Stromberg)."""
    if name.ent_type_ != "PERSON" or name.pos_ != "PROPN":
        return set()
    ent = entity_at(name.doc, name.i)
    if ent is None or name.i != ent.end - 1:
        return set()
    title = [c for c in name.children if c.i < ent.start and c.dep_ in ("compound", "amod", "nmod")
             and c.lower_.rstrip(".") not in HONORIFICS]
    words = [t for c in title for t in c.subtree]
    # One bare rank ("President Trump", "Sen. Cruz") is a form of address; "Foreign Minister" says something.
    if len(words) < 2 or not any(t.pos_ == "NOUN" or (t.pos_ == "PROPN" and not t.ent_type_)
                                 or t.ent_type_ in ("ORG", "NORP") for t in words):
        return set()
    return {c.i for c in title}


def referent(noun):
    """What a predicate noun is said of: in "X is a film directed by Y", the film is X."""
    top = noun
    while top.dep_ == "conj" and top.head.i != top.i:  # "X is a writer and former politician who ..."
        top = top.head
    if top.dep_ == "attr" and top.head.pos_ == "AUX":
        subj = [c for c in top.head.children if c.dep_ == "nsubj"]
        # Only a named subject: "the danger is a country that exports ..." is about the country.
        if subj and subj[0].pos_ == "PROPN":
            return subj[0]
    return noun


def antecedent(relcl):
    """The noun a relative clause is about, checked by agreement: in "a state with around 2 million
    inhabitants, which borders Italy", "borders" cannot agree with "inhabitants"; the clause is about the state.
    """
    head = relcl.head
    wh_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in WH for c in relcl.children)
    verb = next((c for c in relcl.children if c.dep_ in ("aux", "auxpass")), relcl)
    if not wh_subject or verb.tag_ != "VBZ" or head.tag_ not in ("NNS", "NNPS"):
        return head
    for up in head.ancestors:
        if up.pos_ in VERBAL:  # "Slovenia is a state with around 2 million inhabitants, which borders ..."
            subject = next((c for c in up.children if c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP")), None)
            return subject if subject is not None else head
        if up.tag_ in ("NN", "NNP"):
            return up
    return head


def subjects_of(verb) -> list:
    """The subject(s) of ``verb``, looking up through conjoined, participle and xcomp heads."""
    for _ in range(6):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "This office, if it comes to fruition, would ...": the parser often files a subject cut off by
        # an aside as a noun modifier; a bare noun opening the sentence before its verb is the subject.
        subj = subj or [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ in ("NOUN", "PROPN")
                        and c.left_edge.i == verb.sent.start and not c.ent_type_]
        if subj:
            return subj
        if verb.dep_ == "acl" and verb.head.pos_ in NOUNISH:
            return [referent(verb.head)]  # "X is a film directed by Y and starring Z": X stars Z
        if verb.dep_ in ("conj", "advcl", "xcomp", "relcl") and verb.head.i != verb.i:
            verb = verb.head
        else:
            return []
    return []


def core_np(noun, allowed: set[int], strict: bool = True) -> set[int]:
    """The noun phrase of ``noun`` without clauses, appositions or coordinated partners."""
    out = {noun.i}
    for child in noun.children:
        if child.dep_ in CORE_NP and (child.i in allowed or not strict):
            if child.dep_ == "prep" and child.lower_ != "of":
                continue
            out |= {t.i for t in child.subtree if not any(
                a.dep_ in ("relcl", "appos", "acl", "conj", "cc", "punct") for a in path_up(t, child))}
    return out


def path_up(tok, top) -> list:
    out = [tok]
    while tok.i != top.i:
        tok = tok.head
        out.append(tok)
    return out


_MAY_END = frozenset('.!?…"”’\'»')
"""A sentence may end after a token whose last character is one of these."""


def is_tail_fragment(sent) -> bool:
    """The verbless end of a broken sentence ("in 2006.", ", official date of independence."): it opens
    with a lowercase word or with a comma, colon or semicolon and names nothing, so it states no fact alone.
    Fragments that name something ("the English "Norway", Old English "Norþweg")") still give claims."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None or not (first.is_lower or first.text in ",;:"):
        return False
    return not any(t.pos_ in ("VERB", "AUX", "PROPN") or t.text in QUOTE_MARKS for t in sent)


BOUND_PREFIXES = frozenset({"co", "re", "mis"})
"""Prefixes that make one verb with the hyphen after them ("co-starred", "re-elected", "mis-sold"). Prefixes of
adjectives ("post-college", "non-profit") are left alone: the parser reads those compounds well."""


def join_prefixed(doc):
    """Merge "co - starred" into one token before the parser runs; returns ``doc``.

    The tokenizer splits at every hyphen, and the small parser then reads "co" as a verb of its own
    ("he co", "-starred with ..."). The merged word keeps its suffix, which is what the tagger reads.
    """
    spans = [(t.i, t.i + 3) for t in doc[:-2] if t.lower_ in BOUND_PREFIXES and not t.whitespace_
             and doc[t.i + 1].text == "-" and not doc[t.i + 1].whitespace_ and doc[t.i + 2].is_alpha
             and (t.i == 0 or doc[t.i - 1].text != "-")]
    if spans:
        with doc.retokenize() as retokenizer:
            for start, end in spans:
                retokenizer.merge(doc[start:end])
    return doc


def no_mid_sentence_starts(doc):
    """Forbid sentence starts where no sentence can start, before the parser runs; returns ``doc``.

    The small parser sometimes cuts a sentence at a list of titles ("Horton Hears a Who! (both 2008), and
    ..."), at a colon or inside brackets ("(lat. Ailuropoda melanoleuca)"). A sentence does not start after
    a token that cannot end one (a comma, a colon, a word), with a bracket or a comma, or inside brackets
    that close later. A lowercase word may start one: machine translations often leave "they" lowercase
    after a full stop. A line break always allows a start (headlines, list items).
    """
    close = _closing_brackets(doc)
    inside = 0
    prev = None  # the last token that is not white space
    gap = ""  # the white space since it
    for tok in doc:
        if tok.is_space:
            gap += tok.text
            continue
        if prev is not None and "\n" not in gap + prev.whitespace_ and (
                inside or tok.text in ",;:)]([" or prev.text[-1] not in _MAY_END):
            tok.is_sent_start = False
        if tok.i in close:
            inside += 1
        elif tok.text in ")]" and inside:
            inside -= 1
        prev, gap = tok, ""
    return doc


def _closing_brackets(doc) -> set[int]:
    """Indices of opening brackets that are closed later in the text."""
    stack: list[int] = []
    closed: set[int] = set()
    for tok in doc:
        if tok.text in "([":
            stack.append(tok.i)
        elif tok.text in ")]" and stack:
            closed.add(stack.pop())
    return closed

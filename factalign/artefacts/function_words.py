"""Function words of the source language left in English syntax ("Utah y New Mexico", "Et the talks ended",
"says la sales fell", "a member de Congress").

The most frequent words of Spanish, French, German, Italian and Portuguese ("y", "et", "la", "de", "der")
are short and English text has them too, in names ("Olivia de Havilland", "Le Pen", "Ortega y Gasset"),
borrowings ("et al.", "de facto") and as English words ("die", "den", "con"). So frequency alone does not
decide; each rule below names a position English grammar never gives such a word:

* **before a determiner or pronoun**: "judge de that", "allies em the House", "Ma it was";
* **an article before a noun**: a word whose English rendering is "the" or "a", not after a determiner itself,
  before a lower-case noun or adjective ("says la sales", "stir den pot", "El governor", "la presumptive");
* **between names**: a conjunction ("y", "et", "und", "e") between two capitalised words English knows on
  their own ("Swiss et French", "Aragon y Navarre"), or such a name and an English content word ("temple
  oder Christian"), where a double surname ("Ortega y Gasset") has parts English has hardly seen; or between
  two lower-case English content words ("save lives e prevent", "in 1995 y has"); or between two names that
  another source joins with the English conjunction ("Lyon e Arles" beside "Lyon and Arles"); or between two
  gazetteer places one of which the sources also name on its own ("Toledo y Cuenca" beside "in Cuenca"): a
  double name ("Castilla y León") is not split that way;
* **before a common English word in capitals**: a preposition or article before a capitalised word that is an
  ordinary English word ("member de Congress", "der Republican", "Las Republicans" opening a sentence); name
  particles precede names that are not ("da Silva", "von der Leyen", "Las Vegas");
* **before a number**: a preposition or article before a numeral ("ends en 2031", "chairs de six", "at den
  2008 event"); name particles precede names, never numbers;
* **between lower-case English words**: a preposition or article after a lower-case word or a comma and before
  a lower-case English content word ("lobbying por lowering", "a season di calm", "spoke em detail"), unless the
  pair is a phrase the dictionary lists ("en route", "de facto") or the word is an English noun after a
  determiner ("the den", "a con");
* **before a place**: a preposition after a lower-case word and before a gazetteer place ("built em Lisbon",
  "a bakery dans Marseille"); a particle before a place follows a capitalised name ("Santiago de Chile");
* **a conjunction after a comma or quotation**, before an English word, number or name ("met for hours, y signed",
  "north, e Liberals", "one boat e one crew");
* **before an English form of address**: "que Mr. Lane", "de Mrs. Ortiz" (a particle stands before a surname);
* **before a quotation**: an article or preposition after a lower-case word and before a quotation opening with
  an English word ("invoking lo “economic calamity”").

Capitalised mid-sentence ("Le Pen", "El Paso", "Da Silva") is always a name.
"""

from __future__ import annotations

from . import _lexicon as lex
from ._doc import Token

SOURCE_LANGUAGES = ("es", "fr", "de", "it", "pt")
FUNCTION_WORD_ZIPF = 6.0    # among the language's most frequent words (about 1 in 1,000 words or more)
MIN_MARGIN = 2.0            # and 100x more frequent there than in English
# English function words that may follow: frequent (Zipf >= 6) determiners and pronouns.
_DETERMINER_TAGS = frozenset({"DT", "PRP", "PRP$", "WDT", "WP"})
ENGLISH_FUNCTION_ZIPF = 6.0
# A capitalised word after a preposition "is English" when it is a common English word (Congress, House,
# Women), at least as frequent in English as in any source language; particle names ("Silva", "Toro",
# "Costa", "Cruz") are rarer than this in English text.
COMMON_CAPITAL_ZIPF = 4.3
# ... and no more frequent in a source language than this above English: cognates a language shares with
# English ("September" in German, "Justice" in French) are about as frequent in both.
COGNATE_SLACK = 0.3
# Both sides of a conjunction must be names English text knows this well ("Aragon", "Navarre"); the second
# part of a Spanish double surname ("Gasset", "Cajal") is rarer.
KNOWN_NAME_ZIPF = 2.5
# What an article introduces; the tagger, thrown by the foreign word, sometimes calls a lower-case noun "NNP".
# A word tagged as a verb is read as the English verb when English uses it this much ("die": 5.0; "den": 4.0).
ENGLISH_VERB_ZIPF = 4.5
# Below this the tag is the tagger's guess, not an English verb: the dictionary lists "por" and "sur", which
# English text hardly uses ("lobbying por lowering" tags "por" as a verb).
MIN_ENGLISH_VERB_ZIPF = 4.0
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "JJ"})
_COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
# A neighbour 10x more frequent in a source language than in English is not an English word here ("al").
CLEARLY_FOREIGN = 1.0
_CONJUNCTIONS = frozenset({"and", "or"})
# Conjunctions and "but" join clauses: after a comma they open the next one ("..., y failed", "..., mas Boehner").
_CLAUSE_JOINERS = _CONJUNCTIONS | {"but"}
# English prepositions (a closed class of the grammar) among the function-word table's renderings.
_PREPOSITIONS = frozenset("of in on at by for with from to into between after until without as about".split())
# Marks after which a clause or a list item goes on: a function word right after them has an English slot.
_CLAUSE_MARKS = frozenset({",", ";", "”", "’", ")", "\"", "'", "—", "–"})
# Tags that want a noun next: after them a dictionary word is read as the English noun ("the den", "a con").
_NOUN_SLOT_LEFT = frozenset({"DT", "PDT", "PRP$", "POS", "JJ", "CD"})
_CONTENT_TAG_PREFIXES = frozenset({"NN", "JJ", "VB", "RB", "PR"})
_ARTICLES = frozenset({"the", "a"})
_DETERMINER_LEFT = frozenset({"DT", "PDT", "PRP$", "POS"})
# Forms of address this short are abbreviations ("Mr", "Mrs", "Dr"); longer ones are words too ("Lady", "Sir").
MAX_ABBREVIATION = 4
_SAINTS = frozenset({"st", "saint"})
# Opening quotation marks: glued to the next word, they open a quotation in the sentence's flow.
_OPENING_QUOTES = frozenset({"“", "\"", "‘", "«"})


def source_function_word(word: str) -> tuple[str, float, float] | None:
    """``(lang, zipf there, zipf in English)`` when ``word`` is a top function word of a source language.

    Example:
        >>> source_function_word("et")[0], source_function_word("the")
        ('fr', None)
    """
    lower = word.lower()
    z_en = lex.zipf(lower)
    best = max(SOURCE_LANGUAGES, key=lambda lang: lex.zipf(lower, lang))
    z_lang = lex.zipf(lower, best)
    if z_lang >= FUNCTION_WORD_ZIPF and z_lang - z_en >= MIN_MARGIN:
        return best, z_lang, z_en
    return None


def rendering(word: str) -> str:
    """The English rendering of a source-language function word, from the language where it is most frequent
    among those whose table knows it ("un": Italian and Spanish both give "a")."""
    lower = word.lower()
    table = lex.translations()
    for lang in sorted(SOURCE_LANGUAGES, key=lambda lang: -lex.zipf(lower, lang)):
        if (lang, lower) in table:
            return table[(lang, lower)]
    return ""


def _english_function(tok: Token | None) -> bool:
    return (tok is not None and tok.text.islower() and tok.tag in _DETERMINER_TAGS
            and lex.zipf(tok.text) >= ENGLISH_FUNCTION_ZIPF and source_function_word(tok.text) is None)


def _content_word(tok: Token | None) -> bool:
    """A lower-case English content word or pronoun, not clearly more at home in a source language
    ("lives e prevent", "man und woman"; not the "al" of "et al.")."""
    return (tok is not None and tok.text.isalpha() and (tok.text.islower() or tok.text == "I")
            and tok.tag[:2] in _CONTENT_TAG_PREFIXES
            and (lex.is_english_word(tok.text) or lex.is_lowercase_word(tok.lemma))  # "honing": "hone"
            and all(lex.zipf(tok.text, lang) - lex.zipf(tok.text) < CLEARLY_FOREIGN for lang in SOURCE_LANGUAGES))


def _known_name(tok: Token | None) -> bool:
    return (tok is not None and tok.text[:1].isupper() and tok.text.isalpha()
            and lex.zipf(tok.text) >= KNOWN_NAME_ZIPF)


def _common_capital(tok: Token | None) -> bool:
    """A capitalised common English word or proper adjective of the dictionary ("Congress", "Republicans",
    "French"), or an acronym ("ABC"); not the second half of a name ("Las Vegas", "Los Angeles")."""
    if tok is None or not tok.text[:1].isupper():
        return False
    letters = tok.text.replace(".", "")
    if len(letters) >= 2 and letters.isupper() and letters.isalpha():
        return True
    z_en = lex.zipf(tok.text)
    # The tagger keeps a plural name-like noun whole ("Republicans"/NNPS); "Vegas" (NNP) is no plural.
    singular = tok.text[:-1] if tok.tag == "NNPS" and tok.text.endswith("s") else tok.text
    in_dictionary = any(lex.is_lowercase_word(form) or lex.is_capitalised_word(form)
                        for form in (tok.text, tok.lemma or tok.text, singular))
    return tok.text.isalpha() and in_dictionary and z_en >= COMMON_CAPITAL_ZIPF and all(
        lex.zipf(tok.text, lang) <= z_en + COGNATE_SLACK for lang in SOURCE_LANGUAGES)


def slot_rule(tok: Token, prev: Token | None, nxt: Token | None, *, name_alone: bool = False,
              joined_in_english: bool = False, place_next: bool = False, places_joined: bool = False) -> str | None:
    """The name of the rule that shows ``tok`` (a source-language function word) is not English here, or None.

    Args:
        tok: the word; ``prev`` and ``nxt``: its neighbours in the sentence (None at its ends).
        name_alone: ``nxt`` is a capitalised name that the same text also writes without ``tok`` before it
            ("con Harlow" where the text elsewhere says "Harlow said"): so ``tok`` is no part of the name.
        joined_in_english: another source writes ``prev`` and ``nxt`` joined by ``tok``'s English rendering
            ("Lyon and Arles" beside "Lyon e Arles"): so ``tok`` is the conjunction left untranslated.
        place_next: ``nxt`` opens a gazetteer place of several words ("Fort Worth").
        places_joined: ``prev`` and ``nxt`` are each a gazetteer place and the sources name one of them on its
            own ("Toledo y Cuenca" where a text also says "in Cuenca"): two places, not one double name.

    The rules are tried in order: what the next word shows (:func:`_next_word_rule`), then the sentence start
    (:func:`_sentence_start_rule`), a conjunction (:func:`_conjunction_rule`) or a preposition
    (:func:`_preposition_rule`).

    Example: "con the" -> "before a determiner or pronoun"; "Le Pen" -> None.
    """
    english = rendering(tok.text)
    if tok.text[:1].isupper() and not tok.sent_start:
        return None  # "Le Pen", "El Paso", "Da Silva"
    english_verb = _english_verb(tok)
    if nxt is None or (english_verb and lex.zipf(tok.text) >= ENGLISH_VERB_ZIPF):
        return None  # "they die", "con" as English verbs; a word ending its sentence has no slot to judge
    found = _next_word_rule(english, prev, nxt, english_verb) or (
        "before an English form of address" if english and _form_of_address(nxt) else None)
    if found:
        return found
    if tok.sent_start:
        return _sentence_start_rule(tok, english, nxt, english_verb)
    place = place_next or nxt.text in lex.places()
    return (_joined_rule(english, prev, nxt, joined_in_english, places_joined)
            or _conjunction_rule(english, prev, nxt)
            or _preposition_rule(tok, english, prev, nxt, english_verb, name_alone, place))


def _joined_rule(english: str, prev: Token | None, nxt: Token, joined_in_english: bool,
                 places_joined: bool = False) -> str | None:
    """A conjunction between two names that another source joins with its English rendering ("Lyon e Arles"
    beside "Lyon and Arles"), or between two gazetteer places one of which the sources also name alone
    ("Toledo y Cuenca" beside "in Cuenca"), or None."""
    if english not in _CONJUNCTIONS or not (_name(prev) and _name(nxt)):
        return None
    if joined_in_english:
        return "between two names another source joins with the English conjunction"
    return "between two places, one of which the sources also name alone" if places_joined else None


def _english_verb(tok: Token) -> bool:
    """True when the tagger reads the word as a verb that English has, frequent enough to be meant as one.

    Example: "die" tagged VBP -> True; "und" -> False.
    """
    return (tok.tag in _VERB_TAGS and lex.is_lowercase_word(tok.text)
            and lex.zipf(tok.text) >= MIN_ENGLISH_VERB_ZIPF)


def _next_word_rule(english: str, prev: Token | None, nxt: Token, english_verb: bool) -> str | None:
    """The rule a source-language function word (rendered ``english``) breaks by the word after it: an English
    determiner or pronoun, a lower-case noun after an article, a common English word in capitals, a number.

    Example: ("the", None, "man"/NN, False) -> "as an article before a noun".
    """
    if _english_function(nxt) and not english_verb:
        return "before a determiner or pronoun"  # not "gut the concept"
    if (english in _ARTICLES and nxt.tag in _NOUN_TAGS and nxt.text.islower() and nxt.text.isalpha()
            and (prev is None or prev.tag not in {"DT", "PRP$", "POS"})):
        return "as an article before a noun"
    if english and english not in _CONJUNCTIONS and _common_capital(nxt):
        return "before a common English word in capitals"
    if english in _ARTICLES | _PREPOSITIONS and _numeral(nxt) and not english_verb:
        return "before a number"
    return None


def _form_of_address(tok: Token) -> bool:
    """An abbreviated English form of address or title ("Mr.", "Mrs", "Sen."; the project's lists in
    :mod:`factalign.wordlists`): what stands before a surname, where a name particle never does ("que Mr. Lane").

    Example: "Mr.", "Sen." -> True; "Mister", "Madam", "St." -> False.
    """
    from ..wordlists import FORMS_OF_ADDRESS, TITLES

    bare = tok.text.rstrip(".")
    if not bare[:1].isupper() or len(bare) > MAX_ABBREVIATION:
        return False
    # An abbreviated title with its full stop ("Sen.", "Gov."); not "St.", which also opens place names.
    title = tok.text.endswith(".") and bare.lower() in TITLES and bare.lower() not in _SAINTS
    return bare.lower() in FORMS_OF_ADDRESS or title


def _sentence_start_rule(tok: Token, english: str, nxt: Token, english_verb: bool) -> str | None:
    """A preposition or conjunction opening a sentence before a lower-case English word ("En short, ...",
    "Mas when ..."); never a word the tagger reads as an English noun or verb ("Con artists ...", "Pour the"),
    and never before a verb, where the word is a subject ("Ma said")."""
    if english not in _PREPOSITIONS | _CLAUSE_JOINERS or english_verb:
        return None
    if tok.tag in _COMMON_NOUN_TAGS and lex.is_lowercase_word(tok.text) and nxt.text != "I":
        return None  # "Con artists"; but no English noun opens a sentence before the subject "I" ("E I think")
    opens = (nxt.text == "I" or _numeral(nxt)) or (
        nxt.text.isalpha() and nxt.text.islower() and nxt.tag not in _VERB_TAGS and lex.is_english_word(nxt.text)
        and not _leans_to_source(nxt.text))
    if not opens or lex.is_english_phrase(f"{tok.text} {nxt.text}"):
        return None
    return "opening a sentence before an English word"


def _conjunction_rule(english: str, prev: Token | None, nxt: Token) -> str | None:
    """The rule a source-language conjunction breaks by the words around it, or None.

    Stays whole: a flat table of four rules, one ``if`` each and tried in order; the branches counted are the
    ``and``/``or`` of each rule's conditions, which read best side by side.

    Example: "Reyes e Martha" -> "as a conjunction before another person's first name".
    """
    if english in _CONJUNCTIONS and _either(prev) and _either(nxt) and (_known_name(prev) or _known_name(nxt)):
        return "as a conjunction between names"
    if english in _CONJUNCTIONS and _name(prev) and _first_name(nxt):
        return "as a conjunction before another person's first name"  # "Reyes e Martha Quinn"
    if english in _CONJUNCTIONS and (_content_word(prev) or _number(prev)) and (_content_word(nxt) or _numeral(nxt)):
        return "as a conjunction between English words"
    if english in _CLAUSE_JOINERS and _clause_mark(prev) and (
            _content_word(nxt) or _numeral(nxt) or _known_name(nxt) or _common_capital(nxt)):
        return "opening a clause after punctuation"
    return None


def _preposition_rule(tok: Token, english: str, prev: Token | None, nxt: Token, english_verb: bool,
                      name_alone: bool, place: bool) -> str | None:
    """Prepositions and articles between lower-case English words, and before a place or a name.

    Example: "lives de people" -> "between English words"; "en route" -> None (a phrase English borrowed).
    """
    if english not in _ARTICLES | _PREPOSITIONS or english_verb or prev is None:
        return None
    after_word = _after_word(prev)
    if after_word and place:
        return "before a place"
    if (after_word or _clause_mark(prev)) and name_alone:
        return "before a name this text also writes without it"
    if not (after_word or _clause_mark(prev)) or not _content_word(nxt):
        return None
    if lex.is_english_phrase(f"{tok.text} {nxt.text}") or lex.is_english_phrase(f"{prev.text} {tok.text}"):
        return None  # "en route", "de facto": phrases English borrowed whole
    if prev.tag in _NOUN_SLOT_LEFT and lex.is_lowercase_word(tok.text):
        return None  # "the den", "a con": the English noun
    return "between English words"


def _after_word(prev: Token) -> bool:
    """True for a lower-case word, or a sentence's first word that is a lower-case word of the dictionary.

    Example: "lives" -> True; "Harlow" (mid-sentence) -> False.
    """
    return prev.text.isalpha() and (prev.text.islower() or (
        prev.sent_start and (lex.is_lowercase_word(prev.text) or lex.is_lowercase_word(prev.lemma))))


def _leans_to_source(word: str) -> bool:
    return any(lex.zipf(word, lang) - lex.zipf(word) >= CLEARLY_FOREIGN for lang in SOURCE_LANGUAGES)


def _name(tok: Token | None) -> bool:
    return tok is not None and tok.text[:1].isupper() and tok.text.isalpha() and not tok.text.isupper()


def _first_name(tok: Token | None) -> bool:
    """A capitalised given name of the first-name table (US Social Security records, see ``claims.coref``)."""
    from ..claims.coref import first_name_genders

    return _name(tok) and tok.text.lower() in first_name_genders()


def _clause_mark(tok: Token | None) -> bool:
    return tok is not None and tok.text in _CLAUSE_MARKS


def _numeral(tok: Token | None) -> bool:
    """A number in figures or words ("2018", "six", "mid-1970s" as the tagger reads it)."""
    return tok is not None and tok.tag == "CD" and tok.text[:1].isalnum() and not tok.text[:1].isupper()


def _number(tok: Token | None) -> bool:
    return tok is not None and tok.tag == "CD" and tok.text.isdigit()


def _either(tok: Token | None) -> bool:
    return _known_name(tok) or _content_word(tok)


def quotation_rule(tok: Token, prev: Token | None, mark: Token | None, first: Token | None) -> str | None:
    """An article or preposition between a lower-case English word and an opening quotation whose first word
    is English ("invoking lo “economic calamity”", "a round di “I might”"), or a conjunction between a
    quotation's end and another's start: English puts its own word there, and a name particle stands before a
    name, not a quotation.

    Args:
        tok: the source-language function word; ``prev``: the word before it; ``mark``: the token after it;
            ``first``: the quotation's first word, when ``mark`` is an opening quotation mark glued to it.

    Example: "is un “closely guarded" -> "before a quotation"; "is un “petit" -> None.
    """
    if tok.text[:1].isupper() or mark is None or first is None or mark.text not in _OPENING_QUOTES:
        return None
    if prev is None or not _quotation_slot(tok, rendering(tok.text), prev):
        return None
    english_first = first.text == "I" or (first.text.islower() and _content_word(first))
    return "before a quotation" if english_first else None


def _quotation_slot(tok: Token, english: str, prev: Token) -> bool:
    """An article or preposition after an English word, or a conjunction after a closing mark; not after a
    determiner ("a la": a borrowing there) or in a phrase the dictionary lists."""
    joins = english in _CLAUSE_JOINERS and _clause_mark(prev)  # "” e “dress"
    if not joins and (english not in _ARTICLES | _PREPOSITIONS or not _after_word(prev)):
        return False
    return not (prev.tag in _DETERMINER_LEFT or lex.is_english_phrase(f"{prev.text} {tok.text}")
                or _leans_to_source(prev.text))

"""Untranslated words: words of another language left in English text ("technologies y cyber threats").

The evidence is frequency, not a word list: a word is foreign when it is far more frequent in some other
language than in English (wordfreq, Zipf scale), and py3langid picks the language when several fit. Words
that English also uses a lot ("die", "de", "la") are flagged only where the English tagger cannot read them
as English either (it tags a lower-case "y" between two nouns as a proper noun). Letters of another script
(Chinese, Cyrillic, Devanagari...) in English prose are untranslated by themselves (:mod:`.foreign_script`).

English dictionary words (Webster's, with their lemma: "embargo", "dossiers") count as English unless the
other language uses them some 600 times more ("estado"). Capitalised words mid-sentence are names unless they
sit in a common-noun slot ("a Gruppe of"), occur once, and English has practically never seen them.

Never flagged: name particles ("Olivia de Havilland", "van Gogh"), borrowed phrases of words English knows
("de facto", "en masse", "et al."), parts of hyphenated or elided words ("el-Gamal", "op-ed"), words being
talked about ("carro means chariot"), quotations that are foreign as a whole and words in a sentence that
names their language (the writer marked them), headlines, hashtags and links, and texts that are not
English to begin with.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

from . import _lexicon as lex
from ._doc import Artefact, Corpus, SourceDoc, Token, in_markup, is_english, whole_word
from .foreign_script import is_latin as _is_latin
from .foreign_script import script_artefacts
from ._surroundings import (after_dateline, joined_in_english, name_written_mid_sentence, name_written_without,
                            next_word, place_after, places_joined, quoted_word, spurious_start)
from .function_words import quotation_rule, rendering, slot_rule, source_function_word

MIN_FOREIGN_ZIPF = 3.0        # common in the other language: seen at least once per million words
MIN_MARGIN = 2.0              # and at least 100 times more frequent there than in English
# The dictionary lists many borrowings ("estado", "bene", "ich"); a dictionary word still counts as foreign
# when it is this much (10^2.8, about 600 times) more frequent in the other language.
DICTIONARY_MARGIN = 2.8
ENGLISH_COMMON = 4.0          # English words this frequent need the tagger to agree they are not English
FUNCTION_WORD_ZIPF = 6.0      # ... and must be among the other language's most frequent words
_FOREIGN_TAGS = frozenset({"NNP", "NNPS", "FW", "XX", "ADD"})
# Before these, an English word is in an ordinary English slot ("the van", "that van", "about gut").
_ENGLISH_SLOT_LEFT = frozenset({"DT", "PDT", "PRP$", "IN", "TO", "JJ", "CD", "POS"})
_COMMON_NOUN_LEFT = frozenset({"DT", "PDT", "JJ", "JJR", "JJS", "PRP$", "CD"})
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
# A capitalised word mid-sentence is foreign only when common abroad (this Zipf, or MID_CAPITAL_UNSEEN_ZIPF when
# English has practically never seen it: Zipf under UNSEEN_ENGLISH_ZIPF) and rare in English (at most
# MID_CAPITAL_MAX_ENGLISH): most such words are names.
MID_CAPITAL_ZIPF, MID_CAPITAL_UNSEEN_ZIPF, MID_CAPITAL_MAX_ENGLISH = 4.0, 3.0, 2.0
UNSEEN_ENGLISH_ZIPF = 1.0
# A capitalised word opening a sentence is foreign only when English knows it less than this (Zipf) and the other
# language at least START_CAPITAL_ZIPF.
START_CAPITAL_MAX_ENGLISH, START_CAPITAL_ZIPF = 3.0, 4.0
# Two words that English text knows this well (Zipf) and lean foreign are a borrowed phrase ("de facto").
BORROWED_ZIPF = 2.5
# Words up to this long before a capitalised word are name particles ("de Havilland", "van Gogh").
PARTICLE_MAX_LEN = 4


def _leans_foreign(word: str) -> bool:
    """A weaker test for neighbours: more at home in another language than in English."""
    if not word.isalpha():
        return False
    lang, z_other, z_en = lex.foreign_profile(word.lower())
    return z_other >= MIN_FOREIGN_ZIPF and z_other - z_en >= 0.5


def _pick_language(word: str, best: str, z_best: float) -> str:
    close = tuple(l for l in lex.FOREIGN_LANGUAGES if lex.zipf(word.lower(), l) >= z_best - 0.5)
    return best if len(close) < 2 else lex.identify_language(word, close)


@functools.lru_cache(maxsize=4096)
def _quote_is_foreign(quote: str) -> bool:
    """A quotation mostly made of non-English words is a marked foreign quotation, not an artefact."""
    words = [w for w in quote.strip("“”\"'‘’«»„ ").split() if w.strip(".,;:!?").isalpha()]
    if not words:
        return False
    foreign = sum(1 for w in words if not lex.is_english_word(w.strip(".,;:!?")))
    return foreign * 2 >= len(words)


def _quoted_foreign(doc: SourceDoc, tok: Token) -> bool:
    return any(q0 < tok.start < q1 and _quote_is_foreign(doc.text[q0:q1]) for q0, q1 in doc.quotes)


def _is_word_token(tok: Token | None) -> bool:
    return tok is not None and tok.text.isalpha()


_ELIDED = re.compile(r"^([A-Za-z]{1,4})['’]([^\W\d_]{3,})$")


def _word_of(tok: Token) -> str | None:
    """The word to look up: the token, or the word after an elided article ("l'erosione", "d’autres")."""
    if tok.text.isalpha():
        return tok.text
    m = _ELIDED.match(tok.text)
    if m and m.group(2).islower() and m.group(1).lower() in _ELISIONS:
        return m.group(2)
    return None


# Elided articles and prepositions of French and Italian ("l'", "d'", "dell'", "nell'", "qu'").
_ELISIONS = frozenset("l d j n s c qu dell nell all dall sull un")


def foreign_reading(word: str) -> tuple[str, float, float] | None:
    """``(lang, zipf_there, zipf_english)`` when ``word`` reads as a word of another language, else None.

    Two ways to qualify: common in the other language (Zipf >= 3) and 100 times rarer in English; or, for a
    word English text has practically never seen (Zipf < 1), simply known in the other language (Zipf >= 2).
    """
    lang, z_other, z_en = lex.foreign_profile(word.lower())
    if z_other >= MIN_FOREIGN_ZIPF and z_other - z_en >= MIN_MARGIN:
        return lang, z_other, z_en
    if z_en < 1.0 and z_other >= 2.0:
        return lang, z_other, z_en
    return None


def _latin_candidate(doc: SourceDoc, i: int, corpus: Corpus) -> tuple[str, float, float] | None:
    """A Latin-script word of another language left in English text: ``(lang, zipf there, zipf in English)``.

    The word must read as foreign (:func:`foreign_reading`) and be none of: an acronym, part of a contraction, a
    name in capitals (:func:`_capital_name`), an English word (:func:`_english_word`), part of a name, a borrowed
    phrase or a mention (:func:`_in_phrase`), a word of a foreign quotation.

    Example: the "y" of "technologies y cyber threats" -> ("es", zipf in Spanish, zipf in English).
    """
    tok = doc.tokens[i]
    word = _word_of(tok)
    if word is None or not _is_latin(word) or in_markup(doc, tok) or (len(word) > 1 and word.isupper()):
        return None  # acronyms ("ÖVP") are names in any language
    if not whole_word(doc.text, tok):
        return None  # part of a contraction or compound ("wo" of "won't")
    prev, nxt = _word_before(doc, i), _word_after(doc, i)
    found = foreign_reading(word)
    if found is None:
        return None
    _, z_other, z_en = found
    if (_capital_name(tok, z_other, z_en, prev, nxt, corpus) or _english_word(tok, word, z_other, z_en, prev, nxt)
            or _in_phrase(tok, word, z_en, prev, nxt) or (tok.quoted and _quoted_foreign(doc, tok))):
        return None
    return found


def _word_before(doc: SourceDoc, i: int) -> Token | None:
    """The token before ``i`` in its sentence, or None at its start.

    Example: "Hola. Dijo" -> None for "Dijo".
    """
    tokens = doc.tokens
    return tokens[i - 1] if i > 0 and tokens[i - 1].sent == tokens[i].sent else None


def _word_after(doc: SourceDoc, i: int) -> Token | None:
    """The token after ``i`` in its sentence, or None at its end.

    Example: "said y. Then" -> None for "y" (the full stop is a token: "." then).
    """
    tokens = doc.tokens
    return tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sent == tokens[i].sent else None


def _capital_name(tok: Token, z_other: float, z_en: float, prev: Token | None, nxt: Token | None,
                  corpus: Corpus) -> bool:
    """True for a capitalised word read as a name: mid-sentence outside a common-noun slot
    (:func:`_mid_sentence_name`), at a sentence start when English knows it or a name follows ("Los Angeles",
    "Pawłowicz"), or used again in the sources ("Lauten later apologized").

    Example: "Lauten" used twice in the sources -> True.
    """
    if not tok.text[:1].isupper():
        return False
    if not tok.sent_start and _mid_sentence_name(tok, z_other, z_en, prev, nxt, corpus):
        return True
    if tok.sent_start and (z_en >= START_CAPITAL_MAX_ENGLISH or z_other < START_CAPITAL_ZIPF
                           or (z_en >= UNSEEN_ENGLISH_ZIPF and tok.ent in _NAME_ENTS)
                           or (nxt is not None and nxt.text[:1].isupper())):
        return True  # sentence-initial capitals that English knows, or a name ("Los Angeles", "Pawłowicz")
    return corpus.all_words.get(tok.text, 0) > 1  # a capitalised word used again in the sources is a name


def _mid_sentence_name(tok: Token, z_other: float, z_en: float, prev: Token | None, nxt: Token | None,
                       corpus: Corpus) -> bool:
    """Mid-sentence capitals are mostly names ("because Śląsk warned", "the Kolín region"): a word is foreign only
    when common abroad, (almost) unseen in English, used once in all sources, in a common-noun slot: right after
    a lower-case determiner or adjective, and heading its phrase ("a Gruppe of", "both Männer held").

    Example: "the Kolín region" -> True (a noun follows: a name modifying it).
    """
    common_abroad = MID_CAPITAL_UNSEEN_ZIPF if z_en < UNSEEN_ENGLISH_ZIPF else MID_CAPITAL_ZIPF
    return (z_other < common_abroad or z_en > MID_CAPITAL_MAX_ENGLISH or corpus.words.get(tok.text, 0) > 1
            or prev is None or not prev.text.islower() or prev.tag not in _COMMON_NOUN_LEFT
            or (nxt is not None and (nxt.text[:1].isupper() or nxt.tag.startswith("NN") or nxt.text == "-")))


def _english_word(tok: Token, word: str, z_other: float, z_en: float, prev: Token | None,
                  nxt: Token | None) -> bool:
    """True for a word read as English: a dictionary word the tagger reads as English and the other language
    does not use far more ("heel", "embargo"); a frequent English word unless the tagger cannot read it as English
    ("die", "pour"); or a frequent English word in an English noun slot ("the van", "about gut.").

    Example: "embargo" tagged NN -> True.
    """
    if ((lex.is_lowercase_word(word) or lex.is_lowercase_word(tok.lemma)) and tok.tag not in _FOREIGN_TAGS
            and z_other - z_en < DICTIONARY_MARGIN):
        return True  # an English dictionary word the tagger reads as English ("heel", "embargo", "dossiers")
    if z_en >= ENGLISH_COMMON and (z_other < FUNCTION_WORD_ZIPF or tok.text[:1].isupper() or (
            tok.tag not in _FOREIGN_TAGS and lex.is_lowercase_word(word))):
        return True  # "die", "pour": English words unless the tagger cannot read them as English
    return z_en >= ENGLISH_COMMON and lex.is_lowercase_word(word) and (
        prev is None or prev.tag in _ENGLISH_SLOT_LEFT or nxt is None or not nxt.text.isalpha())


def _in_phrase(tok: Token, word: str, z_en: float, prev: Token | None, nxt: Token | None) -> bool:
    """True for a word its neighbours explain: talked about ("carro means chariot"), a name particle ("de
    Havilland", "Ortega y Gasset"), half of a borrowed phrase English knows ("de facto", "en masse", "et al."), or
    a single letter not between two lower-case words.

    Example: the "de" of "Olivia de Havilland" -> True.
    """
    if _mentioned(prev, nxt, article_needed=False):
        return True
    if len(word) <= PARTICLE_MAX_LEN and nxt is not None and nxt.text[:1].isupper() and not tok.text[:1].isupper():
        return True  # name particles: "de Havilland", "Ortega y Gasset", "van Gogh"
    if z_en >= BORROWED_ZIPF and any(
            _is_word_token(n) and n.text.islower() and _leans_foreign(n.text) and lex.zipf(n.text) >= BORROWED_ZIPF
            for n in (prev, nxt)):
        return True  # borrowed phrases English knows: both words familiar to English text
    return len(word) == 1 and not (_is_word_token(prev) and _is_word_token(nxt)
                                   and prev.text.islower() and nxt.text.islower())


def _function_word_slot(doc: SourceDoc, i: int,
                        corpus: Corpus) -> tuple[tuple[str, float, float], str] | None:
    """A source-language function word in a position English grammar never gives it (see
    :mod:`.function_words`): ``((lang, zipf there, zipf in English), rule)``, or None."""
    tok = doc.tokens[i]
    found = _function_word_at(doc, tok)
    if found is None:
        return None
    prev = _word_before(doc, i)
    if spurious_start(doc, i):
        tok, prev = tok._replace(sent_start=False), doc.tokens[i - 1]
    elif after_dateline(doc, i):
        tok, prev = tok._replace(sent_start=True), None
    nxt = next_word(doc, i)
    before_prev = _word_before(doc, i - 1) if prev is not None else None
    if _mentioned(prev, nxt, before_prev) or (tok.quoted and _quoted_foreign(doc, tok)):
        return None
    if _foreign_neighbour(prev, nxt) or (tok.sent_start and name_written_mid_sentence(tok, nxt, corpus)):
        return None  # a borrowed phrase ("et al.", "de facto") or a foreign quotation, not "la comment"
    rule = slot_rule(tok, prev, nxt, name_alone=name_written_without(doc, tok, nxt, corpus),
                     joined_in_english=joined_in_english(doc, tok, prev, nxt, corpus),
                     place_next=place_after(doc, i), places_joined=places_joined(tok, prev, nxt, corpus)
                     ) or quotation_rule(tok, prev, nxt, quoted_word(doc, i + 1))
    return None if rule is None else (found, rule)


def _function_word_at(doc: SourceDoc, tok: Token) -> tuple[str, float, float] | None:
    """``(lang, zipf there, zipf in English)`` when the token is a whole Latin-script word, not in capitals (an
    acronym or a dateline, "DES MOINES") nor in markup, that is a function word of a source language."""
    if not tok.text.isalpha() or not _is_latin(tok.text) or (len(tok.text) > 1 and tok.text.isupper()):
        return None
    found = source_function_word(tok.text)
    if found is None or in_markup(doc, tok) or not whole_word(doc.text, tok):
        return None
    return found


def _foreign_neighbour(prev: Token | None, nxt: Token | None) -> bool:
    """True when a lower-case neighbour leans foreign and is no English dictionary word: the function word is
    part of a borrowed phrase ("et al.", "de facto") or a foreign quotation.

    A neighbour whose lemma the dictionary lists is English ("tweets": "tweet").

    Example: the "et" of "et al." -> True; the "la" of "la comment" -> False.
    """
    return any(_is_word_token(n) and n.text.islower() and _leans_foreign(n.text)
               and not (lex.is_lowercase_word(n.text) or lex.is_lowercase_word(n.lemma)) for n in (prev, nxt))


# A word that is talked about rather than used ("carro means chariot", "the word y") is no artefact.
_MENTION_AFTER = frozenset({"means", "meaning", "translates", "translated", "stands"})
_MENTION_BEFORE = frozenset({"word", "term", "called", "dubbed", "named", "nicknamed"})


_MENTION_NOUNS = frozenset({"word", "term"})


def _mentioned(prev: Token | None, nxt: Token | None, before_prev: Token | None = None,
               article_needed: bool = True) -> bool:
    """True for a word talked about: before "means", after "called", or after "the word"/"the term" (not "her
    term em Congress": there a noun names a word only after an article; ``article_needed=False`` for words
    that are no English function word, where any "term X" is read as a mention)."""
    if nxt is not None and nxt.text.lower() in _MENTION_AFTER:
        return True
    if prev is None or prev.text.lower() not in _MENTION_BEFORE:
        return False
    return (not article_needed or prev.text.lower() not in _MENTION_NOUNS
            or (before_prev is not None and before_prev.tag == "DT"))


def _names_language(sentence: str, name: str) -> bool:
    """True when the sentence marks a language ("in Spanish", "Spanish for", "German word", "French:"), as
    opposed to using the name as an adjective ("the Polish Football Association")."""
    pattern = (rf"\b(?:in|from|the) {name}\b(?! [A-Z])|\b{name}(?::| for\b| (?:word|term|phrase|expression|"
               rf"name|saying|slogan)s?\b)")
    return re.search(pattern, sentence) is not None


def detect_untranslated(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Find words of another language left untranslated in English text.

    Args:
        doc: the parsed source.
        corpus: all sources (a capitalised word that recurs in them is a name, not a stray word).

    Yields:
        One artefact per foreign word (or run of foreign script), with an English rendering when the word is
        a function word whose translation is known, else no suggestion.
    """
    if not is_english(doc):
        return
    yield from script_artefacts(doc)
    for i, tok in enumerate(doc.tokens):
        if doc.is_headline(tok.sent):
            continue
        rule = _function_word_slot(doc, i, corpus)
        found = rule[0] if rule else _latin_candidate(doc, i, corpus)
        if found is None:
            continue
        best, z_other, z_en = found
        word = _word_of(tok) or tok.text
        lang = _pick_language(word, best, z_other)
        z_lang = lex.zipf(word.lower(), lang)
        suggestion = lex.translations().get((lang, word.lower())) if word == tok.text else None
        if rule:
            suggestion = rendering(word) or None
        if suggestion and tok.text[:1].isupper():
            suggestion = suggestion[:1].upper() + suggestion[1:]
        name = lex.language_name(lang)
        s0, s1 = doc.sentences[tok.sent]
        if _names_language(doc.text[s0:s1], name):
            continue  # the writer says which language it is: "the one word they know in Spanish: mañana"
        yield Artefact(tok.start, tok.end, suggestion,
                       f"'{word}' is a {name} word left untranslated: Zipf frequency {z_lang:.1f} in {name} "
                       f"vs {z_en:.1f} in English" + (f"; it stands {rule[1]}, a place English never gives it"
                                                      if rule else "")
                       + (f"; it means '{suggestion}'" if suggestion else ""),
                       round(min(1.0, 0.5 + (z_lang - z_en) / 8), 3))

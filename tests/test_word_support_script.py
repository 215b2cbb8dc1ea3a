"""Evaluation code (scripts/word_support.py, not shipped in the package): support check of a derived claim against reference sentences: every rule with positive and negative cases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from factalign.errors import InputError
from factalign.judges import JUDGES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from word_support import support, support_score, word_support  # noqa: E402  (evaluation code, not the package)

REFERENCE = [
    "Police arrested four men on Tuesday after the protest outside the embassy in London.",
    "The mayor said the march had been peaceful.",
    "Pierre Poilievre, the Conservative leader, deleted his TikTok account.",
    "The company did not raise its forecast for 2023.",
]


def test_restatement_is_supported():
    v = support("Four men were arrested in London after the protest.", REFERENCE)
    assert v.kind == "agreement"
    assert v.judge == "support"


def test_unknown_place_is_unsupported_and_named():
    v = support("Four men were arrested in Paris after the protest.", REFERENCE)
    assert v.kind == "neutral" and v.subtype == "entity"
    assert "Paris" in v.explanation


def test_every_word_of_a_name_must_be_mentioned():
    assert support("Pierre Poilievre deleted his TikTok account.", REFERENCE).kind == "agreement"
    v = support("Pierre Elliott Trudeau deleted his TikTok account.", REFERENCE)
    assert v.subtype == "entity" and "Trudeau" in v.explanation


def test_changed_number_is_unsupported():
    assert support("Police arrested four men in London.", REFERENCE).kind == "agreement"
    v = support("Police arrested five men in London.", REFERENCE)
    assert v.subtype == "number" and "five" in v.explanation


def test_antonym_of_a_matched_word_contradicts():
    v = support("The mayor said the march had been violent.", REFERENCE)
    assert v.kind == "contradiction" and v.subtype == "antonym"
    assert v.values == ("peaceful", "violent")


def test_antonym_about_something_else_does_not_contradict():
    # "peaceful" describes the march; "violent" here describes the police, a different thing.
    v = support("The mayor said the police had been violent.", REFERENCE)
    assert v.kind != "contradiction"


def test_inserted_negation_contradicts():
    v = support("The mayor said the march had not been peaceful.", REFERENCE)
    assert v.kind == "contradiction" and v.subtype == "negation"


def test_removed_negation_contradicts_and_kept_negation_does_not():
    assert support("The company raised its forecast for 2023.", REFERENCE).kind == "contradiction"
    assert support("The company did not raise its forecast for 2023.", REFERENCE).kind == "agreement"


def test_paraphrase_is_supported_by_embedding():
    scored = word_support("Police detained four men in London.", REFERENCE)
    detained = next(s for s in scored if s.word == "detained")
    assert detained.rule == "embedding" and detained.evidence == "arrest" and detained.score >= 0.6
    assert support("Police detained four men in London.", REFERENCE).kind == "agreement"


def test_unrelated_inserted_word_is_unsupported():
    v = support("Police arrested four men after the protest to celebrate football.", REFERENCE)
    assert v.kind == "neutral" and v.subtype == "unsupported"
    assert "football" in v.explanation or "celebrate" in v.explanation


def test_support_score_orders_claims():
    good = support_score("Four men were arrested in London.", REFERENCE)
    bad = support_score("Four men were arrested in Paris.", REFERENCE)
    assert good == 1.0 and bad == 0.0


def test_bad_input_raises_typed_errors():
    with pytest.raises(InputError):
        support("Four men were arrested.", [])
    with pytest.raises(InputError):
        support(42, REFERENCE)  # type: ignore[arg-type]


def test_support_is_not_a_pairwise_judge():
    assert "support" not in JUDGES


def test_verb_under_a_denying_verb_counts_as_negated():
    ref = ["The boss admitted the company failed to get the balance right when it raised prices."]
    assert support("The boss admitted the company did not get the balance right.", ref).kind == "agreement"
    v = support("The boss admitted the company got the balance right.", ref)
    assert v.kind == "contradiction" and v.subtype == "negation"


def test_stopping_or_no_longer_denies_the_complement():
    ref = ["The authority announced that it will open its airspace to all carriers.",
           "Labels may soon include a voluntary statement on nutrition."]
    v = support("The authority has stopped opening its airspace to carriers.", ref)
    # "stop" is also a way to "end", WordNet's antonym of "open" (start): either rule may explain it
    assert v.kind == "contradiction" and v.subtype in ("negation", "antonym")
    v = support("Labels will no longer include a voluntary statement on nutrition.", ref)
    assert v.kind == "contradiction" and v.subtype == "negation"
    assert support("The authority will open its airspace to carriers.", ref).kind == "agreement"


def test_denials_cancel_out():
    ref = ["Milk alternatives do not need to cease being labeled as milk."]
    assert support("Milk alternatives can still be labeled as milk.", ref).kind != "contradiction"
    v = support("Milk alternatives must cease being labeled as milk.", ref)
    assert v.kind == "contradiction" and v.subtype == "negation"


def test_conjoined_predicate_shares_its_subject_and_complement():
    # "deemed" hangs from "spreads" in the reference; its frame still names the threat and the flu.
    ref = ["Avian flu usually spreads through poultry, and was not deemed to be a threat to humans until 1997."]
    v = support("Bird flu was deemed to be a threat to humans until 1997.", ref)
    assert v.kind == "contradiction" and v.subtype == "negation"
    assert support("Bird flu was not deemed to be a threat to humans until 1997.", ref).kind != "contradiction"


def test_antonym_in_a_nearby_sentence_about_the_same_thing_contradicts():
    ref = ["Officials met on Monday.", "The weather was cold.", "The ceremony took place in Paris.",
           "The founder of the troubled start-up was arrested.", "Analysts said shares fell."]
    # With top_k=1 the claim aligns to the ceremony sentence; "fell" stands two sentences further.
    v = support("Analysts said the ceremony took place outdoors and shares rose.", ref, top_k=1)
    assert v.kind == "contradiction" and v.subtype == "antonym" and v.values == ("fall", "rose")
    # The same opposite about something else stays unclaimed.
    assert support("Analysts said the ceremony took place outdoors and prices rose.", ref, top_k=1).kind \
        != "contradiction"

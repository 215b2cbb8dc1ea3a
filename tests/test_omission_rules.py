"""Omissions only for what is really missing: each rule with a case it fires on and one it must leave alone.

All texts are invented for these tests.
"""

import numpy as np
import pytest

from factalign import align
from factalign.claims.furniture import headline_span
from factalign.keyfacts.model import KeyFact
from factalign.keyfacts.stage import answered
from factalign.linking import PARAPHRASE, coverage, mirrored
from factalign.matching import Similarity
from factalign.models import Claim


def _unit(*rows):
    emb = np.array(rows, dtype=float)
    return emb / np.linalg.norm(emb, axis=1, keepdims=True)


# --- coverage: topic similarity alone is not a statement of the fact -------------------------------------------

def _cover(text_a, text_b, cosine):
    claims = [Claim("a#0", "a", text_a, 0, len(text_a)), Claim("b#0", "b", text_b, 0, len(text_b))]
    emb = _unit([1.0, 0.0], [cosine, np.sqrt(1 - cosine ** 2)])
    return coverage(claims, Similarity(emb), np.array([0, 1]), ["a", "b"])[0, 1]


def test_a_close_paraphrase_covers_whatever_words_it_uses():
    assert _cover("Officials ruled out arson at the depot", "Investigators saw no sign of foul play", 0.8) >= 0.6


def test_a_claim_on_the_same_topic_with_other_words_does_not_cover():
    # cosine 0.62 alone used to count as "stated"; the words say it is another fact about the same fog
    assert _cover("the haze was unusually thick for October", "the haze cut visibility on the bay", 0.62) < 0.6


def test_shared_words_still_cover_below_the_paraphrase_level():
    score = _cover("the mill employs 40 people", "the mill employs 40 people in the valley", PARAPHRASE - 0.1)
    assert score >= 0.6


# --- mirrored: one fact worded two ways is not two omissions ---------------------------------------------------

def test_two_claims_that_are_each_others_closest_counterpart_are_one_fact():
    emb = _unit([1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.6, 0.0, 0.8], [0.0, 0.1, 1.0])
    owners = np.array([0, 0, 1, 1])
    assert mirrored({(0, 1), (2, 0)}, emb, owners) == {(0, 2)}


def test_a_claim_whose_closest_counterpart_is_stated_is_still_missing():
    emb = _unit([1.0, 0.0, 0.0], [0.6, 0.0, 0.8], [0.0, 1.0, 0.0])
    # claim 1 (source b) is claim 0's closest counterpart, but only claim 0 is missing: nothing mirrors it
    assert mirrored({(0, 1)}, emb, np.array([0, 1, 1])) == set()


def test_mirrored_claims_must_be_similar_enough():
    emb = _unit([1.0, 0.0], [0.2, 0.98])
    assert mirrored({(0, 1), (1, 0)}, emb, np.array([0, 1])) == set()


def test_words_in_common_lift_a_pair_just_under_the_mirror_level():
    emb = _unit([1.0, 0.0], [0.47, 0.8826])  # cosine 0.47: above VALUE_LINK, under MIRROR_SIM
    owners = np.array([0, 1])
    synonyms = ["It will open an independent inquiry", "An independent investigation was set up by the council"]
    assert mirrored({(0, 1), (1, 0)}, emb, owners, texts=synonyms) == {(0, 1)}
    # negatives: a topic word alone, or no words given, leaves them two omissions
    topic = ["It will open an independent inquiry", "The council met on Monday to plan a festival"]
    assert mirrored({(0, 1), (1, 0)}, emb, owners, texts=topic) == set()
    assert mirrored({(0, 1), (1, 0)}, emb, owners) == set()


def test_words_never_lift_a_pair_below_the_value_link_level():
    from factalign.linking import VALUE_LINK, worded_alike

    same = ("It will open an independent inquiry", "It will open an independent inquiry")
    assert worded_alike(VALUE_LINK, same) and not worded_alike(VALUE_LINK - 0.01, same)


def test_wordnet_near_synonyms_count_as_the_same_word_in_any_inflection():
    from factalign.lexical import near_synonyms, synonym_recall

    assert "inquiry" in near_synonyms("investigations") and "defer" in near_synonyms("postponed")
    assert synonym_recall("the inquiries were postponed", "the investigation was delayed") == 1.0
    # negatives: words WordNet does not give as near-synonyms of each other's first sense
    assert "tunnel" not in near_synonyms("bridge") and "postpone" not in near_synonyms("cancel")
    assert synonym_recall("the bridge was closed", "the tunnel was built") == 0.0


# --- answered: a source that gives its own value for the same anchor does not omit the claim --------------------

def _fact(kind, source, claim, group):
    return KeyFact(kind, "x", "x", "anchor", source, 0, 1, (claim,), group=group)


def test_a_count_the_other_source_gives_differently_is_not_missing():
    assert ("a#0", "b") in answered([_fact("count", "a", "a#0", 0), _fact("count", "b", "b#2", 0)])


def test_a_claim_with_an_unmatched_key_fact_is_still_missing():
    facts = [_fact("count", "a", "a#0", 0), _fact("state", "a", "a#0", -1), _fact("count", "b", "b#2", 0)]
    assert ("a#0", "b") not in answered(facts)


def test_a_shared_date_alone_does_not_answer_a_claim():
    assert ("a#0", "b") not in answered([_fact("date", "a", "a#0", 3), _fact("date", "b", "b#1", 3)])


# --- headlines --------------------------------------------------------------------------------------------------

def test_a_title_line_above_the_body_is_the_headline():
    text = "Barge sinks in river port\n\nA grain barge sank at the river port on Friday."
    assert headline_span(text) == (0, len("Barge sinks in river port"))


def test_a_first_line_that_is_a_sentence_is_not_a_headline():
    assert headline_span("A grain barge sank on Friday.\n\nNo one was hurt.") is None
    assert headline_span("Barge sinks in river port") is None  # a title with no body is all there is


@pytest.mark.slow
def test_headline_claims_are_not_reported_as_omissions_through_align():
    report = align({
        "port": "Grain barge sinks at Ellsworth river port\n\nA grain barge sank at the Ellsworth river port on "
                "Friday. The crew of three swam ashore. The barge carried 900 tonnes of wheat.",
        "radio": "A grain barge sank at the Ellsworth river port on Friday, the port authority said. "
                 "All three crew members reached the bank unhurt.",
    }, cache=False)
    missing = {c for f in report.omissions for c in f.claims}
    headline = {c.id for c in report.claims if c.source == "port" and c.end <= 41}
    assert headline and not headline & missing
    assert any("900" in c.text for f in report.omissions for c in report.claims if c.id in f.claims)


# --- fragments ----------------------------------------------------------------------------------------------------

def _fragments_of(text, spans):
    from factalign import nlp
    from factalign.models import Source
    from factalign.pipeline import _fragments

    claims = [Claim(f"a#{i}", "a", text[s:e] if rewrite is None else rewrite, s, e)
              for i, (s, e, rewrite) in enumerate(spans)]
    return _fragments([Source("a", text)], claims, {"a": nlp.current()(text)})


def test_a_noun_phrase_taken_as_written_is_not_an_omission_to_report():
    text = "Two Belgian hikers, both teachers, were found alive on Friday."
    start = text.index("both teachers")
    assert _fragments_of(text, [(start, start + len("both teachers"), None)]) == {"a#0"}


def test_a_clause_and_a_rewritten_claim_are_statements():
    text = "Two Belgian hikers, both teachers, were found alive on Friday."
    start = text.index("both teachers")
    spans = [(0, len(text) - 1, None), (start, start + len("both teachers"), "The hikers are both teachers")]
    assert _fragments_of(text, spans) == set()


# --- one exact amount in like sentences is an agreement ------------------------------------------------------------

def _amount(kind, norm, head, source, claim):
    return KeyFact(kind, norm, norm, head, source, 0, 1, (claim,), head=head)


def test_one_exact_amount_with_different_verbs_is_an_agreement():
    from factalign.keyfacts import extract_key_facts
    from factalign.keyfacts.stage import agreeing
    from factalign.models import Source

    texts = {"a": "The clerk pocketed 52,000 euros over three years.",
             "b": "Investigators say the clerk diverted some 52,000 euros."}
    sources = [Source(n, t) for n, t in texts.items()]
    claims = [Claim(f"{n}#0", n, t, 0, len(t)) for n, t in texts.items()]
    facts = [f for f in extract_key_facts(sources, claims) if f.type == "quantity"]
    assert [f.claims for f in agreeing(facts, [], lambda x, y: 0.5)] == [("a#0", "b#0")]
    assert agreeing(facts, [], lambda x, y: 0.2) == []


def test_small_counts_and_unlike_sentences_are_not_tied_by_their_value():
    from factalign.keyfacts.stage import same_amount

    two_a, two_b = _amount("count", "2", "officer", "a", "a#0"), _amount("count", "2", "officer", "b", "b#0")
    assert not same_amount(two_a, two_b, lambda x, y: 0.9)  # "two officers" recurs by chance
    big_a, big_b = _amount("count", "40", "pupil", "a", "a#0"), _amount("count", "40", "pupil", "b", "b#0")
    assert same_amount(big_a, big_b, lambda x, y: 0.5)
    assert not same_amount(big_a, big_b, lambda x, y: 0.2)  # the same number in another sentence is another fact
    euros, dollars = _amount("quantity", "500 EUR", "EUR", "a", "a#0"), _amount("quantity", "500 USD", "USD", "b", "b#0")
    assert not same_amount(euros, dollars, lambda x, y: 0.9)

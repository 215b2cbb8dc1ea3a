"""A claim's tokens read from its source's one parse (factalign.judges.tokens), on invented text."""

import pytest

from factalign.judges.tokens import ClaimTokens, claim_doc
from factalign.models import Claim
from factalign.resources import spacy_pipeline

TEXT = ("Nine people died in Lyon on Monday. The news was announced by the mayor, Ana Ruiz, "
        "and was confirmed on radio by the prefect.")


@pytest.fixture(scope="module")
def nlp():
    return spacy_pipeline()


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def view(doc, nlp, text, evidence):
    start = TEXT.index(evidence)
    return claim_doc(doc, text, start, start + len(evidence), nlp.tokenizer)


def test_a_verbatim_claim_reads_the_source_tokens(doc, nlp):
    claim = view(doc, nlp, "Nine people died in Lyon on Monday", "Nine people died in Lyon on Monday")
    source = doc[:7]
    assert claim.text == source.text
    assert [(t.lemma_, t.pos_, t.dep_, t.head.i) for t in claim] == [(t.lemma_, t.pos_, t.dep_, t.head.i) for t in source]
    assert [(e.text, e.label_) for e in claim.ents] == [(e.text, e.label_) for e in source.ents]


def test_a_subject_put_back_by_decomposition_is_the_subject_of_its_new_verb(doc, nlp):
    claim = view(doc, nlp, "The news was confirmed on radio by the prefect",
                 "was confirmed on radio by the prefect")
    news, confirmed = claim[1], claim[3]
    assert news.dep_.startswith("nsubj") and news.head.i == confirmed.i
    assert confirmed.dep_ == "ROOT" and confirmed.lemma_ == "confirm"


def test_a_word_found_nowhere_in_the_source_gets_no_guessed_tag(doc, nlp):
    claim = view(doc, nlp, "the mayor is Ana Ruiz", "the mayor, Ana Ruiz")
    assert [t.text for t in claim] == ["the", "mayor", "is", "Ana", "Ruiz"]
    assert claim[2].pos_ == "" and claim[2].tag_ == "" and claim[2].dep_ == "dep"
    assert claim[1].pos_ == "NOUN"  # the copied words keep their annotations


def test_views_are_built_once_and_only_for_parsed_sources(doc, nlp):
    views = ClaimTokens({"a": doc}, nlp.tokenizer)
    claim = Claim("a#0", "a", "Nine people died", 0, 16)
    assert views.claim(claim) is views.claim(claim)
    assert views.claim(Claim("b#0", "b", "Nine people died", 0, 16)) is None
    assert views.attribution(claim) is None

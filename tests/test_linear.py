"""Steps rewritten to stay linear in a source's length give the answers of the quadratic versions they replace.

Each test checks a fast reading against the plain one (``doc.ents``, ``span.ents``, all pairs of key facts) on
invented text and invented facts."""

from __future__ import annotations

import itertools
import random

import pytest

from factalign.claims.entities import entities_between, entities_in, entity_at
from factalign.keyfacts.compare import anchor_bucket, group_key_facts, same_anchor
from factalign.keyfacts.model import KeyFact

TEXT = ("Harbour master Ana Ruiz said on Monday that the Baltic Line ferry left Tallinn at 7:40. "
        "Mayor Tom Lee of Riverton told reporters the United Nations had sent 40 observers. "
        "Nobody was hurt, the company said in a statement.")


def key(ents):
    return [(e.start, e.end, e.label_, e.kb_id_, e.id_) for e in ents]


@pytest.fixture(scope="module")
def doc():
    from factalign.resources import spacy_pipeline

    parsed = spacy_pipeline()(TEXT)
    assert len(parsed.ents) >= 4  # the text names people, places and organisations
    return parsed


def test_entity_at_is_the_entity_of_doc_ents_holding_the_token(doc):
    for i in range(len(doc)):
        expected = next((e for e in doc.ents if e.start <= i < e.end), None)
        found = entity_at(doc, i)
        assert key([found] if found else []) == key([expected] if expected else [])
    outside = next(t.i for t in doc if t.ent_iob_ == "O")
    assert entity_at(doc, outside) is None


def test_entities_in_and_between_match_spacy_on_every_span(doc):
    spans = [(lo, hi) for lo in range(len(doc)) for hi in range(lo + 1, len(doc) + 1)]
    for lo, hi in random.Random(7).sample(spans, 400) + [(0, len(doc))]:
        assert key(entities_in(doc[lo:hi])) == key(doc[lo:hi].ents)
        assert key(entities_between(doc, lo, hi)) == key([e for e in doc.ents if e.end > lo and e.start < hi])
    for sent in doc.sents:
        assert key(entities_in(sent)) == key(sent.ents)


def test_an_entity_cut_by_the_span_is_between_but_not_in(doc):
    ent = next(e for e in doc.ents if len(e) >= 2)
    cut = doc[ent.start + 1:ent.end + 2]
    assert key(entities_between(doc, cut.start, cut.end))[0] == key([ent])[0]
    assert ent.start not in {e.start for e in entities_in(cut)}


def _facts() -> list[KeyFact]:
    """Facts of several types, heads and events across three sources: some share an anchor, most do not."""
    rng = random.Random(3)
    out = []
    for n in range(90):
        kind = rng.choice(["age", "role", "state", "time", "quote", "date"])
        head, event = rng.choice(["driver", "mayor", "chief"]), rng.choice(["", "close", "open"])
        detail = {"age": (), "role": (frozenset({head, rng.choice(["fire", "harbour"])}),), "time": (0, 0, None),
                  "quote": (), "state": ("closed", True, "", ""), "date": ("day", n % 2)}[kind]
        out.append(KeyFact(kind, str(n % 7), str(n % 7), f"{kind} of {head}", f"s{n % 3}", n, n + 1,
                           (f"s{n % 3}#{n}",), head=head, event=event, detail=detail))
    return out


def _all_pairs_groups(facts, sim):
    """Groups as connected pieces of ``same_anchor`` over every pair of facts of different sources."""
    parent = list(range(len(facts)))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(facts)), 2):
        if facts[i].source != facts[j].source and same_anchor(facts[i], facts[j], sim):
            parent[root(j)] = root(i)
    return sorted(sorted(i for i in range(len(facts)) if root(i) == r) for r in {root(i) for i in range(len(facts))})


def test_key_facts_grouped_within_buckets_equal_all_pairs():
    facts = _facts()
    sim = lambda a, b: 0.9 if int(a.split("#")[1]) % 4 == int(b.split("#")[1]) % 4 else 0.1  # noqa: E731
    grouped = group_key_facts(facts, sim=sim)
    by_group = sorted(sorted(i for i, f in enumerate(grouped) if f.group == g) for g in {f.group for f in grouped}
                      if g != -1)
    expected = [g for g in _all_pairs_groups(facts, sim) if len({facts[i].source for i in g}) >= 2]
    assert by_group == expected and expected  # some facts share an anchor


def test_facts_in_different_buckets_never_share_an_anchor():
    facts = _facts()
    for a, b in itertools.combinations(facts, 2):
        if same_anchor(a, b, lambda x, y: 1.0):
            assert anchor_bucket(a) == anchor_bucket(b)
    assert anchor_bucket(facts[0]) != ("date", "")

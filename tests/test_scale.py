"""Steps rewritten so that time and memory stay linear in a source's length give the answers of the versions they
replace: quotes compared only with those a blocked neighbour search finds, each claim's partners in a large fact,
the token at an offset found by bisection, and the run's parse without its tok2vec rows. Invented data only."""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from dataclasses import replace

import numpy as np
import pytest

from factalign.facts import _pairs
from factalign.judges.tokens import _evidence_range, words_of
from factalign.keyfacts.anchors import QUOTE_SIM, bucketed
from factalign.keyfacts.compare import compare_key_facts, group_key_facts
from factalign.keyfacts.model import KeyFact
from factalign.keyfacts.near import NearClaims
from factalign.models import Claim, Fact


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def _quotes(n: int = 60, seed: int = 5):
    """Quotes of three sources over claims whose vectors fall in a few clusters (so that some pairs are above
    :data:`QUOTE_SIM` and most are not), two speakers each, some with two claims; and the similarity of claims."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(6, 16))
    vectors, facts, index = [], [], {}
    for k in range(n):
        source = f"s{k % 3}"
        ids = []
        for part in range(1 + (k % 4 == 0)):
            cid = f"{source}#{k}.{part}"
            index[cid] = len(vectors)
            vectors.append(centres[k % 6] + rng.normal(scale=0.8, size=16))
            ids.append(cid)
        speaker = ("ruiz", "lee")[k % 2]
        facts.append(KeyFact("quote", speaker.title(), speaker, "speaker", source, k, k + 1, tuple(ids)))
    emb = _unit(np.array(vectors))

    def sim(a: str, b: str) -> float:
        return float(emb[index[a]] @ emb[index[b]])
    return facts, emb, index, sim


def test_near_claims_keep_every_pair_of_quotes_that_share_an_anchor_and_drop_far_ones():
    facts, emb, index, sim = _quotes()
    close = NearClaims(emb, index)(("quote", ""), facts)
    matched = far = 0
    for (i, a), (j, b) in itertools.combinations(enumerate(facts), 2):
        best = max(sim(x, y) for x in a.claims for y in b.claims)
        if best >= QUOTE_SIM:
            matched += 1
            assert j in close[i] and i in close[j]
        elif best < QUOTE_SIM - 0.01:
            far += 1
            assert j not in close[i]
    assert matched and far  # the data has both


def test_near_claims_leave_buckets_matched_on_more_than_similarity_whole():
    facts, emb, index, _ = _quotes(6)
    roles = [replace(f, type="role", detail=(frozenset({"mayor"}),)) for f in facts]
    assert NearClaims(emb, index)(("role", "mayor"), roles) is None
    assert bucketed(roles, NearClaims(emb, index)) == bucketed(roles)


def test_quotes_grouped_and_compared_through_neighbours_equal_all_pairs_of_the_bucket():
    facts, emb, index, sim = _quotes()
    near = NearClaims(emb, index)
    assert group_key_facts(facts, sim=sim, near=near) == group_key_facts(facts, sim=sim)
    grouped = group_key_facts(facts, sim=sim)
    assert len({f.group for f in grouped if f.group >= 0}) >= 2
    found = compare_key_facts(grouped, sim=sim, near=near)
    assert found == compare_key_facts(grouped, sim=sim) and found  # some speakers conflict


def _pairs_all_scanned(fact, claims, sim, reference, k):
    """The version before: each claim's pairs found by scanning every pair of the fact."""
    pairs = [(a, b) for a, b in itertools.combinations(fact.claims, 2)
             if claims[a].source != claims[b].source and (not reference or reference in
                                                           (claims[a].source, claims[b].source))]
    if len(fact.claims) <= k + 1:
        return pairs
    chosen = {}
    for a in fact.claims:
        mine = [p for p in pairs if a in p]
        mine.sort(key=lambda p: -sim(*p))
        chosen.update(dict.fromkeys(mine[:k]))
    return [p for p in pairs if p in chosen]


@pytest.mark.parametrize("size, reference", [(5, None), (40, None), (40, "s1")])
def test_partners_in_a_large_fact_equal_those_of_scanning_every_pair(size, reference):
    rng = random.Random(size)
    claims = {f"s{i % 3}#{i}": Claim(f"s{i % 3}#{i}", f"s{i % 3}", "x", 0, 1) for i in range(size)}
    values = defaultdict(lambda: round(rng.random(), 1))  # rounded: many ties, which keep the pairs' order
    sim = lambda a, b: values[(a, b)]  # noqa: E731
    fact = Fact(0, tuple(claims), ("s0", "s1", "s2"), 1.0)
    assert _pairs(fact, claims, sim, reference, 8) == _pairs_all_scanned(fact, claims, sim, reference, 8)
    if size > 9:  # past k + 1 claims, each claim keeps only its k most similar partners
        assert len(_pairs(fact, claims, sim, reference, 8)) < len(_pairs(fact, claims, sim, reference, size))


def test_token_at_an_offset_found_by_bisection_equals_the_scan():
    import spacy

    doc = spacy.blank("en")("The ferry left  Tallinn at 7:40.\n\nNobody was hurt, the company said.")
    ends = words_of(doc).ends
    for start in range(len(doc.text) + 2):
        scanned = next((t.i for t in doc if t.idx + len(t) > start), len(doc))
        assert _evidence_range(doc, start, start, ends) == (scanned, scanned)
    assert _evidence_range(doc, 4, 9, ends) == (1, 2)  # with evidence: the tokens it covers


def test_the_runs_parse_keeps_no_tok2vec_rows_after_splitting():
    from factalign.claims import ClaimSplitter
    from factalign.models import Source
    from factalign.pipeline import split_stage

    splitter = ClaimSplitter()
    sources = [Source("a", "The council approved the bridge on Monday. It will cost 40 million euros."),
               Source("b", "Councillors voted for the bridge on Monday.")]
    assert splitter.parse_many(sources)[0].tensor.size  # the parse has them while splitting
    claims, docs = split_stage(sources, splitter)
    assert claims == [c for s in sources for c in splitter.split(s)]
    assert all(doc.tensor.size == 0 for doc in docs.values())
    assert [t.dep_ for t in docs["a"]] == [t.dep_ for t in splitter.parse_many(sources[:1])[0]]


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_heap_memory_goes_back_to_the_system():
    import ctypes

    from factalign.memory import release_freed_memory

    libc = ctypes.CDLL(None)
    libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    blocks = [libc.malloc(64 * 1024) for _ in range(3200)]  # 200 MB in heap-sized blocks (under mmap's threshold)
    for b in blocks:
        ctypes.memset(b, 1, 64 * 1024)
    held = _rss_mb()
    for b in blocks[:-1]:
        libc.free(b)  # the last block stays: the heap's top cannot shrink past it on its own
    kept = _rss_mb()
    assert release_freed_memory()
    assert _rss_mb() < kept - 100 and kept > held - 100  # glibc kept the freed pages until asked
    libc.free(blocks[-1])


def test_release_does_nothing_off_linux(monkeypatch):
    from factalign import memory

    memory._malloc_trim.cache_clear()
    monkeypatch.setattr(memory.sys, "platform", "darwin")
    try:
        assert memory.release_freed_memory() is False
    finally:
        memory._malloc_trim.cache_clear()


def test_claims_found_by_offset_equal_those_of_reading_every_claim():
    from factalign.keyfacts.spans import ClaimSpans

    rng = random.Random(11)
    claims = []
    for n in range(300):
        start = rng.randrange(0, 5000)
        claims.append(Claim(f"a#{n}", "a", "x", start, start + rng.choice([0, 3, 40, 200])))
    spans = ClaimSpans(claims)
    for _ in range(500):
        lo = rng.randrange(-10, 5300)
        hi = lo + rng.choice([0, 1, 15, 300])
        assert spans.overlapping(lo, hi) == tuple(c.id for c in claims if c.start < hi and lo < c.end)
        assert spans.holding(lo, hi) == tuple(c.id for c in claims if c.start <= lo and hi <= c.end)
    assert any(spans.holding(c.start + 1, c.start + 2) for c in claims)  # the data has claims holding places
    assert ClaimSpans([]).overlapping(0, 10) == ()

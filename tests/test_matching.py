"""The pure array layer under alignment: no model needed."""

import numpy as np
import pytest

from factalign.matching import group, match, pair_overlap, story


def unit(*rows):
    a = np.array(rows, dtype=float)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def test_match_is_one_to_one_and_most_similar_first():
    a = unit([1, 0, 0], [0.9, 0.1, 0], [0, 0, 1])
    b = unit([1, 0.05, 0], [0, 1, 0])
    pairs = match(a, b, threshold=0.5)
    assert [(i, j) for i, j, _ in pairs] == [(0, 0)]  # row 1 would also like b0, but b0 is taken
    assert pairs[0][2] == pytest.approx(float(a[0] @ b[0]), abs=1e-6)


def test_match_respects_threshold_and_empty_inputs():
    a = unit([1, 0])
    b = unit([0, 1])
    assert match(a, b, threshold=0.1) == []
    assert match(np.zeros((0, 2)), b) == []


def test_group_never_puts_two_claims_of_one_source_together():
    emb = unit([1, 0, 0], [1, 0.01, 0], [1, 0.02, 0], [0, 1, 0])
    owners = np.array([0, 0, 1, 1])
    labels = group(emb, owners, threshold=0.5, repeat=None)
    for label in set(labels):
        members = owners[labels == label]
        assert len(members) == len(set(members))
    assert labels[2] in (labels[0], labels[1])
    assert labels[3] not in (labels[0], labels[1])


def test_group_three_way_fact_and_singletons():
    # fact X in all three sources, fact Y in two, fact Z in one
    emb = unit([1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0],
               [1, 0.1, 0, 0], [0, 1, 0.1, 0],
               [1, 0, 0.1, 0])
    owners = np.array([0, 0, 0, 1, 1, 2])
    labels = group(emb, owners, threshold=0.7)
    assert labels[0] == labels[3] == labels[5]
    assert labels[1] == labels[4]
    assert len({labels[2], labels[0], labels[1]}) == 3
    assert list(labels[:3]) == [0, 1, 2]  # numbered in order of first appearance


def test_group_refuses_weak_chains():
    # a~b and b~c pass the threshold, but a and c are far apart: the mean link stops the chain
    a, b, c = unit([1, 0], [0.8, 0.6], [0.28, 0.96])
    emb = np.stack([a, b, c])
    labels = group(emb, np.array([0, 1, 2]), threshold=0.75, link=0.7)
    assert not (labels[0] == labels[1] == labels[2])


def test_pair_overlap_and_story():
    labels = np.array([0, 1, 2, 0, 1, 3, 4])
    owners = np.array([0, 0, 0, 1, 1, 2, 2])
    ov = pair_overlap(labels, owners, 3)
    assert ov[0, 1] == pytest.approx(1.0)  # both of source 1's claims are shared with source 0
    assert ov[0, 2] == 0.0
    assert story(ov, 0.2) == [0, 1]
    assert story(ov, 0.2, anchor=2) == []
    assert story(np.ones((3, 3)), 0.2) == [0, 1, 2]


def test_same_speaker_bonus_tips_a_borderline_pair():
    a, b = unit([1, 0], [0.59, 0.8074])  # cosine 0.59, just under a 0.6 threshold
    emb = np.stack([a, b])
    owners = np.array([0, 1])
    assert group(emb, owners, threshold=0.6)[1] != 0
    assert group(emb, owners, threshold=0.6, speakers=np.array([3, 3]))[1] == 0
    assert group(emb, owners, threshold=0.6, speakers=np.array([-1, -1]))[1] != 0


def test_best_by_source():
    from factalign.matching import best_by_source

    sim = np.array([[1.0, 0.2, 0.7], [0.2, 1.0, 0.4], [0.7, 0.4, 1.0]])
    out = best_by_source(sim, np.array([0, 1, 1]), 3)
    assert out[0].tolist() == [1.0, 0.7, -1.0]
    assert out[1, 1] == 1.0 and out[2, 0] == 0.7


def test_a_source_repeating_itself_is_one_fact():
    emb = unit([1, 0, 0], [1, 0.05, 0], [0, 0, 1], [1, 0.1, 0])
    owners = np.array([0, 0, 0, 1])
    labels = group(emb, owners, threshold=0.6, repeat=0.95)
    assert labels[0] == labels[1] == labels[3] and labels[2] != labels[0]
    plain = group(emb, owners, threshold=0.6, repeat=None)
    assert list(plain).count(plain[3]) == 2  # without repeats, only one of the two joins source 1's claim

"""Bookkeeping from groups to findings, with hand-made claims and similarity (no model)."""

import numpy as np

from factalign.facts import judge_facts, make_facts, omissions
from factalign.models import Claim, Verdict


def claims_of(*specs):
    return [Claim(id=f"{s}#{i}", source=s, text=t, start=0, end=len(t)) for s, i, t in specs]


CLAIMS = claims_of(
    ("a", 0, "12 people died in the quake."), ("a", 1, "The quake struck on Tuesday."), ("a", 2, "Aid arrived."),
    ("b", 0, "21 people died in the quake."), ("b", 1, "The quake struck on Tuesday."),
    ("c", 0, "12 people died in the quake."),
)
LABELS = np.array([0, 1, 2, 0, 1, 0])
SIM = np.full((6, 6), 0.8)


def number_judge(x, y):
    nx, ny = x.text.split()[0], y.text.split()[0]
    if nx.isdigit() and ny.isdigit() and nx != ny:
        return Verdict("contradiction", "number", 0.9, f"death toll: {nx} vs {ny}", "numbers", (nx, ny))
    return Verdict("agreement", None, 0.5, "same")


def test_three_way_fact_has_one_agreement_and_one_contradiction_naming_sides():
    facts = make_facts(CLAIMS, LABELS, SIM)
    assert [f.sources for f in facts] == [("a", "b", "c"), ("a", "b"), ("a",)]
    by_id = {c.id: c for c in CLAIMS}
    found = judge_facts(facts, by_id, lambda x, y: 0.8, number_judge)
    contra = [f for f in found if f.kind == "contradiction"]
    agree = [f for f in found if f.kind == "agreement"]
    assert len(contra) == 1
    assert contra[0].extra["sides"] == {"12": ["a#0", "c#0"], "21": ["b#0"]}
    assert "death toll: 12 vs 21" in contra[0].explanation
    # a#0 and c#0 agree with each other; b#0 only contradicts, so it is not in that fact's agreement
    assert {f.claims for f in agree} == {("a#0", "c#0"), ("a#1", "b#1")}


def test_soft_contradiction_keeps_the_agreement():
    def certainty(x, y):
        return Verdict("contradiction", "certainty", 0.7, "certainty: will vs may", "certainty", ("will", "may"))

    facts = make_facts(CLAIMS[:2] + CLAIMS[3:5], np.array([0, 1, 0, 1]), SIM[:4, :4])
    found = judge_facts(facts, {c.id: c for c in CLAIMS}, lambda x, y: 0.8, certainty)
    kinds = sorted(f.kind for f in found)
    assert kinds == ["agreement", "agreement", "contradiction", "contradiction"]


def test_omissions_list_every_missing_source_and_skip_unrelated():
    facts = make_facts(CLAIMS, LABELS, SIM)
    by_id = {c.id: c for c in CLAIMS}
    pos = {c.id: 0.5 for c in CLAIMS}
    found = omissions(facts, by_id, ["a", "b", "c"], pos)
    assert {f.claims: f.missing_from for f in found} == {("a#1", "b#1"): ("c",), ("a#2",): ("b", "c")}
    assert all(0 <= f.score <= 1 and f.explanation for f in found)
    # with c unrelated, nothing is missing from c
    found = omissions(facts, by_id, ["a", "b"], pos)
    assert {f.claims: f.missing_from for f in found} == {("a#2",): ("b",)}


def test_reference_mode_marks_dropped_and_unsupported():
    facts = make_facts(CLAIMS, LABELS, SIM)
    by_id = {c.id: c for c in CLAIMS}
    found = omissions(facts, by_id, ["b", "a", "c"], {c.id: 0.1 for c in CLAIMS}, reference="b")
    subtypes = {f.claims: (f.subtype, f.missing_from) for f in found}
    assert subtypes[("a#1", "b#1")] == ("dropped", ("c",))
    assert subtypes[("a#2",)] == ("unsupported", ("b",))


def test_large_fact_judges_a_bounded_number_of_pairs():
    many = claims_of(*[(f"s{i}", 0, "The office opens in Tokyo.") for i in range(30)])
    facts = make_facts(many, np.zeros(30, dtype=int), np.full((30, 30), 0.9))
    calls = []

    def counting(x, y):
        calls.append((x.id, y.id))
        return Verdict("agreement", None, 0.9, "same")

    found = judge_facts(facts, {c.id: c for c in many}, lambda x, y: 0.9, counting, max_partners=4)
    assert len(calls) <= 30 * 4 and len(set(calls)) == len(calls)
    assert found[0].kind == "agreement" and len(found[0].claims) == 30


def test_omitted_claims_of_one_sentence_are_one_finding():
    parts = [Claim(id=f"a#{i}", source="a", text=t, start=0, end=40, sentence=0)
             for i, t in enumerate(["12 people died.", "80 were injured."])]
    parts.append(Claim(id="a#2", source="a", text="Aid arrived.", start=41, end=53, sentence=1))
    parts.append(Claim(id="b#0", source="b", text="Rain fell.", start=0, end=10, sentence=0))
    facts = make_facts(parts, np.array([0, 1, 2, 3]), np.eye(4))
    found = omissions(facts, {c.id: c for c in parts}, ["a", "b"], {c.id: 0.2 for c in parts})
    assert sorted(f.claims for f in found) == [("a#0", "a#1"), ("a#2",), ("b#0",)]


def test_shared_words_explain_an_agreement():
    from factalign.facts import shared_words

    assert shared_words(["NATO will open an office in Tokyo.", "Japan talks of a NATO office in Tokyo."]) == [
        "nato", "office", "tokyo"]
    assert shared_words(["Rain fell.", "Prices rose."]) == []


def test_a_fact_stated_by_a_claim_grouped_elsewhere_is_not_missing():
    facts = make_facts(CLAIMS, LABELS, SIM)
    by_id = {c.id: c for c in CLAIMS}
    found = omissions(facts, by_id, ["a", "b", "c"], {c.id: 0.5 for c in CLAIMS},
                      covered=lambda cid, source: cid == "a#2" and source == "b")
    assert {f.claims: f.missing_from for f in found}[("a#2",)] == ("c",)


def test_crossed_siblings_are_not_a_contradiction():
    # one sentence each, decomposed into two claims: "under Bush" / "under Obama"; the crossed pairs differ
    parts = claims_of(("a", 0, "It was fought under Bush."), ("a", 1, "It was fought under Obama."),
                      ("b", 0, "It was fought under Bush."), ("b", 1, "It was fought under Obama."))

    def names(x, y):
        nx, ny = x.text.split()[-1], y.text.split()[-1]
        if nx != ny:
            return Verdict("contradiction", "entity", 0.85, f"entity: {nx} vs {ny}", "entities", (nx, ny))
        return Verdict("agreement", None, 0.9, "same")

    facts = make_facts(parts, np.zeros(4, dtype=int), np.full((4, 4), 0.95))
    found = judge_facts(facts, {c.id: c for c in parts}, lambda x, y: 0.95, names)
    assert not [f for f in found if f.kind == "contradiction"]
    assert [f.kind for f in found] == ["agreement"]


def test_contradiction_withdrawn_when_the_source_sentence_states_the_other_value():
    parts = claims_of(("a", 0, "Officials of both parties, Democratic"), ("b", 0, "Officials of both parties, Republican"))
    verdict = Verdict("contradiction", "entity", 0.85, "entity: Democratic vs Republican", "entities",
                      ("Democratic", "Republican"))
    facts = make_facts(parts, np.zeros(2, dtype=int), np.full((2, 2), 0.9))
    sentence = {"a#0": "Officials of both parties, Democratic and Republican, agreed.", "b#0": "Republican officials."}
    found = judge_facts(facts, {c.id: c for c in parts}, lambda x, y: 0.9, lambda x, y: verdict,
                        evidence=sentence.get)
    assert not [f for f in found if f.kind == "contradiction"]
    found = judge_facts(facts, {c.id: c for c in parts}, lambda x, y: 0.9, lambda x, y: verdict)
    assert [f.kind for f in found] == ["contradiction"]

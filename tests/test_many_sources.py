"""N-way alignment with the real default models: three sources, shared facts, a contradiction, unrelated stories."""

import pytest

from factalign import align
from factalign.errors import InputError

WIRE = ("A magnitude 6.4 earthquake struck southern Peru on Tuesday. "
        "At least 12 people were killed in the earthquake. "
        "The government declared a state of emergency in three provinces. "
        "Rescue teams from Chile arrived on Wednesday.")
LOCAL = ("A strong earthquake with a magnitude of 6.4 hit southern Peru on Tuesday. "
         "Twenty-one people were killed in the earthquake. "
         "The government declared a state of emergency in three provinces.")
RADIO = ("An earthquake of magnitude 6.4 shook the south of Peru on Tuesday. "
         "Schools in the region will stay closed until Monday.")
FOOTBALL = ("Manchester United beat Chelsea 2-1 at Old Trafford on Sunday. "
            "Marcus Rashford scored the winning goal in the 85th minute. "
            "The manager praised the team's defensive discipline after the match.")


@pytest.fixture(scope="module")
def report():
    return align({"wire": WIRE, "local": LOCAL, "radio": RADIO})


def fact_of(report, source, word):
    for f in report.facts:
        for cid in f.claims:
            c = report.claim(cid)
            if c.source == source and word.lower() in c.text.lower():
                return f
    raise AssertionError(f"no claim of {source} mentions {word!r}")


def test_fact_shared_by_all_three_is_one_agreement(report):
    fact = fact_of(report, "wire", "struck")
    assert set(fact.sources) == {"wire", "local", "radio"}
    agreements = [f for f in report.agreements if f.fact == fact.id]
    assert len(agreements) == 1 and len(agreements[0].claims) == 3
    assert not [f for f in report.omissions if f.fact == fact.id]


def test_fact_shared_by_two_is_omitted_by_the_third(report):
    fact = fact_of(report, "wire", "emergency")
    assert set(fact.sources) == {"wire", "local"}
    omissions = [f for f in report.omissions if f.fact == fact.id]
    assert len(omissions) == 1 and omissions[0].missing_from == ("radio",)


def test_fact_in_one_source_is_missing_from_both_others(report):
    fact = fact_of(report, "radio", "Schools")
    omissions = [f for f in report.omissions if f.fact == fact.id]
    assert len(omissions) == 1 and set(omissions[0].missing_from) == {"wire", "local"}


def test_contradiction_between_two_of_three(report):
    found = [f for f in report.contradictions if f.subtype == "number"]
    assert len(found) == 1
    sources = {report.claim(c).source for c in found[0].claims}
    assert sources == {"wire", "local"}
    assert "12" in found[0].explanation and "Twenty-one" in found[0].explanation


def test_groups_are_consistent(report):
    seen = set()
    for fact in report.facts:
        assert not seen & set(fact.claims)
        seen |= set(fact.claims)
        sources = [report.claim(c).source for c in fact.claims]
        assert len(sources) == len(set(sources))
    assert seen == {c.id for c in report.claims}


def test_coverage_and_summary(report):
    cov = report.coverage()
    assert list(cov.columns) == ["text", "wire", "local", "radio"]
    summary = report.summary()
    assert summary.loc["radio", "omissions"] >= 1 and summary.loc["local", "contradictions"] == 1


def test_unrelated_source_is_flagged_with_zero_agreements():
    report = align({"wire": WIRE, "local": LOCAL, "sport": FOOTBALL})
    assert report.unrelated == ("sport",)
    sport_claims = {c.id for c in report.claims if c.source == "sport"}
    for f in report.findings:
        assert not set(f.claims) & sport_claims
        assert "sport" not in f.missing_from
    assert "Not the same story" in report.to_text() and "sport" in report.to_markdown()


def test_two_unrelated_sources_say_so_plainly():
    report = align({"quake": WIRE, "sport": FOOTBALL})
    assert set(report.unrelated) == {"quake", "sport"}
    assert not report.agreements and not report.omissions
    assert "Not the same story" in report.to_text()


def test_reference_mode():
    report = align({"wire": WIRE, "local": LOCAL, "radio": RADIO}, reference="wire")
    dropped = [f for f in report.omissions if f.subtype == "dropped"]
    unsupported = [f for f in report.omissions if f.subtype == "unsupported"]
    assert any("radio" in f.missing_from for f in dropped)
    assert any(report.claim(f.claims[0]).source == "radio" and f.missing_from == ("wire",) for f in unsupported)
    for f in report.contradictions + report.agreements:
        assert "wire" in {report.claim(c).source for c in f.claims}


def test_fewer_than_two_sources_is_an_input_error():
    with pytest.raises(InputError):
        align([WIRE])


def test_a_toll_worded_differently_is_one_fact_with_a_contradiction():
    wire = ("A magnitude 6.4 earthquake struck southern Peru on Tuesday, killing at least 12 people and injuring "
            "more than 80, the country's civil defense agency said.")
    local = "A strong earthquake hit southern Peru on Tuesday. Twenty-one people were killed, officials said."
    report = align({"wire": wire, "local": local})
    found = [f for f in report.contradictions if f.subtype == "number"]
    assert len(found) == 1
    texts = {report.claim(c).source: report.claim(c).text for c in found[0].claims}
    assert "12" in texts["wire"] and "80" not in texts["wire"] and "Twenty-one" in texts["local"]
    omitted = {c for f in report.omissions for c in f.claims}
    assert not omitted & set(found[0].claims)

"""Key facts across sources (issue 14): every pattern with a positive and a negative case, on invented text.

Each story is a pair of short invented articles run through the real pipeline once (module-scoped fixture).
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

import factalign
from factalign.keyfacts import KeyFact, compare_key_facts, conflicting, extract_key_facts, same_anchor
from factalign.models import Source

STORIES = {
    # one count in two unaligned claims
    "count": ("The crash injured 9 people, police said. The bus company apologised to the families.",
              "Eleven people were hurt when the bus left the road. The bus company apologised to the families."),
    # two different quantities of one noun, and a hedged count that fits the other
    "count_neg": ("Some 70 volunteers searched the dunes on Sunday. Four volunteers were treated for heat stroke. "
                  "About 40 residents were moved to a school.",
                  "Four volunteers were treated for heat stroke after 70 volunteers searched the dunes. "
                  "The dunes were searched on Sunday. 42 residents were moved to a school."),
    # one date in differently built sentences
    "date": ("A blaze gutted the bakery depot on May 3, the owner said. Nobody was hurt.",
             "The bakery depot was destroyed by fire on May 4. Nobody was hurt."),
    "date_neg": ("A blaze gutted the bakery depot on May 3. The owner reopened a shop on May 9.",
                 "The bakery depot was destroyed by fire on May 3. A new oven arrived on May 12."),
    # one age given two ways
    "age": ("The 52-year-old driver was arrested near the bridge.",
            "The driver, 25, was arrested near the bridge."),
    "age_neg": ("The 52-year-old driver was arrested near the bridge.",
                "The driver, aged 52, was arrested near the bridge."),
    # one role filled by two names
    "role": ("The tanker ran aground at dawn, Harbour Master Ana Ruiz said. "
             "Interior Minister Paul Grant ordered an inquiry.",
             "The tanker ran aground at dawn, said harbour master Tom Lee. "
             "The minister of the interior, Paul Grand, ordered an inquiry."),
    "role_neg": ("The tanker ran aground at dawn, Harbour Master Ana Ruiz said.",
                 "The tanker ran aground at dawn, said harbour master Ruiz."),
    # one quotation put in two mouths
    "quote": ('"The levee held through the night and nobody had to leave," Ines Varga said.',
              '"The levee held through the night and nobody had to leave," Kurt Olsen said.'),
    "quote_neg": ('"The levee held through the night and nobody had to leave," Ines Varga said.',
                  'Ines Varga said the levee held through the night and nobody had to leave.'),
    # one state given two ways
    "state": ("The cyclist is in serious condition at Lakeside Hospital. The coast road remains closed.",
              "The cyclist is in good condition at Lakeside Hospital. The coast road has reopened."),
    "state_neg": ("The cyclist is in stable condition at Lakeside Hospital. The harbour was closed for four hours. "
                  "Turnout rose to 52% in the ward. The ferry docked at 7:40 a.m.",
                  "The cyclist is in stable condition at Lakeside Hospital. The harbour reopened after four hours. "
                  "Turnout rose to 52 per cent in the ward. The ferry docked shortly before 7:45 a.m."),
}


#: Every invented story pair shares this sentence, so that the two sources count as one story.
SHARED = " Crews from three counties worked through the night at the scene."


@pytest.fixture(scope="module")
def reports():
    return {name: factalign.align({"a": a + SHARED, "b": b + SHARED}) for name, (a, b) in STORIES.items()}


def _contradictions(report, subtype):
    return [f for f in report.contradictions if f.subtype == subtype]


def test_count_in_unaligned_claims(reports):
    found = _contradictions(reports["count"], "number")
    assert len(found) == 1 and set(found[0].values) == {"9", "Eleven"}
    assert "9" in found[0].explanation and "Eleven" in found[0].explanation


def test_different_counts_and_hedged_counts_are_not_compared(reports):
    assert _contradictions(reports["count_neg"], "number") == []


def test_date_in_differently_built_sentences(reports):
    found = _contradictions(reports["date"], "date")
    assert len(found) == 1 and found[0].values == ("May 3", "May 4")
    claims = {reports["date"].claim(c).source for c in found[0].claims}
    assert claims == {"a", "b"}
    # the disputed date is one contradiction, not two omissions
    assert not any("May" in reports["date"].evidence(c) for f in reports["date"].omissions for c in f.claims)


def test_dates_of_different_events_do_not_conflict(reports):
    assert _contradictions(reports["date_neg"], "date") == []


def test_age_given_two_ways(reports):
    found = _contradictions(reports["age"], "age")
    assert len(found) == 1 and found[0].values == ("52-year-old", "25")


def test_same_age_given_two_ways(reports):
    assert _contradictions(reports["age_neg"], "age") == []


def test_role_filled_by_two_names(reports):
    found = _contradictions(reports["role"], "role")
    pairs = {frozenset(f.values) for f in found}
    assert frozenset({"Ana Ruiz", "Tom Lee"}) in pairs
    assert frozenset({"Paul Grant", "Paul Grand"}) in pairs


def test_role_filled_by_one_person_named_twice(reports):
    assert _contradictions(reports["role_neg"], "role") == []


def test_quotation_in_two_mouths(reports):
    found = [f for f in reports["quote"].contradictions if f.subtype == "attribution"]
    assert len(found) == 1 and set(found[0].values) == {"Ines Varga", "Kurt Olsen"}


def test_quotation_and_reported_speech_of_one_speaker(reports):
    assert [f for f in reports["quote_neg"].contradictions if f.subtype == "attribution"] == []


def test_states_given_two_ways(reports):
    # the judge stage may report a state pair first; the key facts then do not repeat it
    values = {frozenset(v.strip("'") for v in f.values) for f in reports["state"].contradictions}
    assert len(reports["state"].contradictions) == 2
    assert frozenset({"serious", "good"}) in values
    assert frozenset({"closed", "reopened"}) in values


def test_compatible_states_units_and_times(reports):
    # nothing conflicts, and the key facts withdraw what a judge saw in the bare values ("7:40" vs "7:45",
    # "closed" vs "reopened")
    assert reports["state_neg"].contradictions == []


def test_key_facts_frame_and_json(reports):
    report = reports["age"]
    frame = report.key_facts()
    assert list(frame.columns) == ["type", "anchor", "a", "b", "conflict"]
    row = frame[frame["type"] == "age"].iloc[0]
    assert (row["a"], row["b"], bool(row["conflict"])) == ("52-year-old", "25", True)
    agree = reports["age_neg"].key_facts()
    assert not agree["conflict"].any() and (agree["type"] == "age").any()
    data = json.loads(report.to_json())
    assert data["schema"] == 2 and {k["type"] for k in data["key_facts"]} >= {"age"}
    assert all(report.source(k["source"]).text[k["start"]:k["end"]] == k["value"] for k in data["key_facts"]
               if k["type"] == "age")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((resources.files("factalign") / "data" / "report.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert "CONTRADICTIONS" in report.to_text() and "52-year-old" in report.to_text()


def test_extraction_offsets_point_into_the_source():
    text = "Nine people were hurt on Tuesday.\n\nThe driver, 25, fled. Fire Chief Laura Benning said so."
    facts = extract_key_facts([Source("a", text)], [])
    assert {f.type for f in facts} >= {"count", "date", "age", "role"}
    for f in facts:
        assert f.value in text[f.start:f.end] or text[f.start:f.end] in f.value


def _fact(source, type_, value, head, event="", detail=(), claims=None):
    return KeyFact(type_, value, value.lower(), head, source, 0, 1, claims or (f"{source}#0",), head=head,
                   event=event, detail=detail)


def test_a_source_that_states_both_values_is_not_in_conflict():
    a1 = _fact("a", "age", "30", "pilot")
    a2 = KeyFact("age", "31", "31", "pilot", "a", 5, 6, ("a#1",), head="pilot")
    b = _fact("b", "age", "31", "pilot")
    assert same_anchor(a1, b) and conflicting(a1, b)
    assert compare_key_facts([a1, b]) and compare_key_facts([a1, a2, b]) == []


def test_unrelated_sources_are_never_compared():
    a, b = _fact("a", "age", "30", "pilot"), _fact("b", "age", "31", "pilot")
    assert compare_key_facts([a, b], related=["a"]) == []


def test_a_value_both_sources_state_about_one_anchor_is_an_agreement():
    from factalign.keyfacts.model import KeyFact
    from factalign.keyfacts.stage import agreeing
    from factalign.models import Finding

    a = KeyFact("age", "61-year-old", "61", "age of pilot", "a", 0, 11, ("a#2",), head="pilot")
    b = KeyFact("age", "61", "61", "age of pilot", "b", 10, 12, ("b#5",), head="pilot")
    found = agreeing([a, b], [])
    assert [f.claims for f in found] == [("a#2", "b#5")] and found[0].kind == "agreement"
    # negatives: different values, different anchors, or claims already related by a finding
    assert agreeing([a, KeyFact("age", "16", "16", "age of pilot", "b", 0, 2, ("b#5",), head="pilot")], []) == []
    assert agreeing([a, KeyFact("age", "61", "61", "age of mayor", "b", 0, 2, ("b#5",), head="mayor")], []) == []
    known = Finding("agreement", None, ("a#2", "b#5"), 0.7, "same fact")
    assert agreeing([a, b], [known]) == []


def _times(text_a, text_b):
    from factalign.keyfacts.stage import agreeing

    src = [Source("a", text_a), Source("b", text_b)]
    facts = [f for f in extract_key_facts(src, []) if f.type == "time"]
    facts = [replace_claims(f, (f"{f.source}#0",)) for f in facts]
    return agreeing(facts, [])


def replace_claims(fact, claims):
    from dataclasses import replace

    return replace(fact, claims=claims)


def test_one_clock_time_written_two_ways_is_an_agreement_whatever_the_verbs():
    found = _times("The roof fell in at about 4:10 p.m., firefighters said.",
                   "The collapse came at around 4.10pm as crews pulled back.")
    assert len(found) == 1 and found[0].subtype == "time" and found[0].claims == ("a#0", "b#0")


def test_full_hours_one_sided_hedges_and_other_minutes_are_no_clock_time_agreement():
    # a full hour is the time of many scheduled things
    assert _times("The roof fell in at 4 p.m.", "A briefing was held at 4pm at the depot.") == []
    # "before 4:10" dates something that came earlier
    assert _times("The roof fell in at about 4:10 p.m.", "Crews had left shortly before 4.10pm.") == []
    # two different minutes
    assert _times("The roof fell in at about 4:10 p.m.", "The collapse came at 4.40pm.") == []


def test_a_part_that_fits_in_its_whole_is_no_agreement_on_the_count():
    from factalign.judges.quantities import Quantity
    from factalign.keyfacts.stage import agreeing

    def count(source, value, head, cid):
        q = Quantity(value, value, value, "", head, str(value), 0, 1, 0)
        return KeyFact("count", str(value), str(value), f"{head} injure", source, 0, 2, (cid,), head=head,
                       event="injure", detail=(q, frozenset(), frozenset(), frozenset(), False))

    # "7 pupils were injured" / "10 people were injured": no conflict (the pupils may be among the ten), no agreement
    alike = lambda x, y: 0.7  # noqa: E731  (like sentences)
    assert agreeing([count("a", 7, "pupil", "a#0"), count("b", 10, "people", "b#0")], [], alike) == []
    found = agreeing([count("a", 10, "pupil", "a#0"), count("b", 10, "people", "b#0")], [], alike)
    assert [f.claims for f in found] == [("a#0", "b#0")]


def _roles(text: str, name: str):
    from dataclasses import replace

    return [replace(f, claims=(f"{name}#0",)) for f in extract_key_facts([Source(name, text)], []) if f.type == "role"]


def test_one_title_worded_with_a_noun_or_its_adjective():
    (a,) = _roles("Budget chief Ola Tveit said costs had doubled.", "a")
    (b,) = _roles("Chief budgetary officer Lena Moss said costs had doubled.", "b")
    alike, apart = (lambda x, y: 0.7), (lambda x, y: 0.2)  # noqa: E731
    assert same_anchor(a, b, alike) and conflicting(a, b) and not same_anchor(a, b, apart)
    (c,) = _roles("Chief medical officer Lena Moss said costs had doubled.", "b")
    assert not same_anchor(a, c, alike)  # "budget" is not among the words of the other title


def test_a_judge_conflict_holds_the_claims_that_restate_its_amounts():
    from factalign.judges.quantities import Quantity
    from factalign.keyfacts.stage import restating
    from factalign.models import Finding

    def money(source, value, claim, event):
        q = Quantity(value, value, value, "USD", "", f"${value}", 0, 1, 0)
        return KeyFact("quantity", f"${value}", f"{value} USD", "USD", source, 0, 2, (claim,), head="USD",
                       event=event, detail=(q, frozenset(), frozenset(), frozenset(), False))

    facts = [money("a", 3, "a#0", "seek"), money("b", 7, "b#0", "seek"), money("b", 7, "b#4", ""),
             money("b", 7, "b#6", "raise"), money("b", 9, "b#8", "")]
    judged = Finding("contradiction", "number", ("a#0", "b#0"), 0.8, "amount: $3 vs $7", values=("'$3'", "'$7'"),
                     extra={"judge": "numbers"})
    (out,) = restating([judged], facts)
    # the same amount with no event joins; another event ("raise") or another amount does not
    assert out.claims == ("a#0", "b#0", "b#4")
    agreement = Finding("agreement", "", ("a#0", "b#0"), 0.8, "same")
    assert restating([agreement], facts) == [agreement]


def test_a_conflict_over_another_kind_of_value_leaves_a_shared_amount_agreed():
    from factalign.judges.quantities import Quantity
    from factalign.keyfacts.stage import agreeing
    from factalign.models import Finding

    q = Quantity(9e6, 9e6, 9e6, "USD", "", "$9 million", 0, 1, 0)
    detail = (q, frozenset(), frozenset(), frozenset(), False)
    a = KeyFact("quantity", "$9 million", "9000000 USD", "USD", "a", 0, 2, ("a#0",), head="USD", event="report",
                detail=detail)
    b = KeyFact("quantity", "$9 million", "9000000 USD", "USD", "b", 0, 2, ("b#0",), head="USD", event="report",
                detail=detail)
    way = Finding("contradiction", "state", ("a#0", "b#0"), 0.7, "change: fell vs up", values=("fell", "up"))
    assert [f.claims for f in agreeing([a, b], [way])] == [("a#0", "b#0")]
    amount = Finding("contradiction", "number", ("a#0", "b#0"), 0.8, "amount: $9m vs $7m", values=("$9m", "$7m"))
    assert agreeing([a, b], [amount]) == []


def test_a_certainty_contradiction_is_withdrawn_only_by_one_certainty_word():
    from factalign.keyfacts.model import KeyFact
    from factalign.keyfacts.stage import _graded
    from factalign.models import Finding

    def state(value, source):
        return KeyFact("state", value, value, "lead", source, 0, 10, claims=(f"{source}#0",), head="lead")

    certainty = Finding("contradiction", "certainty", ("a#0", "b#0"), 0.7, "certainty: 'confirmed' vs 'suspected'",
                        values=("'confirmed'", "'suspected'"))
    time = Finding("contradiction", "time", ("a#0", "b#0"), 0.7, "time", values=("7:40", "7:45"))
    assert not _graded(certainty, state("confirmed", "a"), state("suspected", "b"))  # not graded by states
    assert _graded(certainty, state("confirmed", "a"), state("Confirmed", "b"))
    assert _graded(time, state("7:40", "a"), state("shortly before 7:45", "b"))  # other subtypes as before

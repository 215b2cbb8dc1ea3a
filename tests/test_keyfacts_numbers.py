"""Numeric key facts (issue 14): counts, durations, days and ages matched across sources whose wording differs.

Every rule has a positive and a negative case on invented text. The stories run through the real pipeline once
(module-scoped fixture); the rules that need no embedding are tested on the real spaCy parse alone.
"""

from __future__ import annotations

import pytest

import factalign
from factalign.judges.quantities import Quantity
from factalign.keyfacts import KeyFact, extract_key_facts
from factalign.keyfacts.compare import EVENT, SENTENCE, anchor_strength, conflicting, matcher
from factalign.keyfacts.kinds import relation
from factalign.models import Source

STORIES = {
    # one kind of person named two ways, the events worded apart, the sentences alike
    "workers": ("A gas leak at a paint factory in Brenton sent 23 workers to hospital on Monday, the fire service "
                "said.",
                "Nineteen employees were taken to hospital after a gas leak at a paint factory in Brenton on Monday."),
    # other counts of the same people in one story are other facts
    "workers_neg": ("A gas leak at a paint factory in Brenton hurt 23 workers on Monday. The factory employs 350 "
                    "people.",
                    "Nineteen workers were hurt in a gas leak at a paint factory in Brenton on Monday. Four workers "
                    "are in serious condition."),
    # two unrelated kinds of people are two groups, even in one event
    "groups_neg": ("Two police officers were killed during the riot in Dorval on Friday night.",
                   "Three protesters died during the riot in Dorval on Friday night."),
    # the duration of one event, its verb worded apart
    "duration": ("The count of the ballots lasted four days in the town hall.",
                 "The recount, which took three days at the town hall, confirmed the result."),
    "duration_neg": ("The count of the ballots lasted four days in the town hall. The mayor has held office for "
                     "two years.",
                     "The recount took four days at the town hall. The council sat for three hours on Monday."),
    # one event's day, "on" dropped in one source
    "day": ("A jury on Monday found the former mayor guilty of bribery.",
            "The former mayor was convicted Tuesday of bribery."),
    # a day matched by its event beats a day matched by a like sentence
    "day_neg": ("The strike began on Monday. Bus drivers will join the walkout on Thursday.",
                "The strike began on Monday and train drivers walked out too."),
    # the age of a person named in one source and described in the other
    "age": ("A court in Dunley heard the case of former treasurer Ellen Voss on Monday. The 52-year-old "
            "accountant was charged with fraud.",
            "Ellen Voss, 57, the former treasurer, was charged with fraud on Monday."),
    "age_neg": ("Police arrested Tom Brandt after the crash on Monday. The 34-year-old victim was taken to "
                "hospital.",
                "Tom Brandt, 41, was arrested after the crash on Monday."),
    # the value before a change is compared with the value before the change, not with the value after it
    "change": ("The recount cut the mayor's lead from 310 to 75 votes, officials said.",
               "The recount widened the mayor's lead from 40 votes on election night to 75, officials said."),
    "change_neg": ("The recount cut the mayor's lead from 310 to 75 votes, officials said.",
                   "The mayor's lead after the recount stood at 75 votes, officials said."),
    # headlines give the story's main count, however tersely
    "headline": ("Two dead in warehouse fire\n\nFire swept through a warehouse in Pellam on Sunday, police said.",
                 "Three guards die in Pellam blaze\n\nA timber warehouse in Pellam burned to the ground on Sunday."),
    "headline_neg": ("Two dead in warehouse fire\n\nTwo night guards were killed when fire swept through a "
                     "warehouse in Pellam on Sunday.",
                     "Five hurt in Pellam blaze\n\nTwo guards were killed and five firefighters were hurt when a "
                     "warehouse in Pellam burned on Sunday."),
}


@pytest.fixture(scope="module")
def reports():
    return {name: factalign.align({"a": a, "b": b}) for name, (a, b) in STORIES.items()}


def _conflicts(report):
    return [set(f.values) for f in report.contradictions if f.extra.get("judge") == "keyfacts"
            or f.subtype in ("number", "quantity", "date", "age")]


def test_one_kind_of_person_with_events_worded_apart(reports):
    assert {"23", "Nineteen"} in _conflicts(reports["workers"])


def test_other_counts_of_the_same_people_are_not_compared(reports):
    found = _conflicts(reports["workers_neg"])
    assert all(not ({"350", "Four"} & values) for values in found), found


def test_unrelated_kinds_of_people_are_two_groups(reports):
    assert _conflicts(reports["groups_neg"]) == []


def test_duration_of_one_event(reports):
    assert {"four days", "three days"} in _conflicts(reports["duration"])


def test_durations_of_other_things_are_not_compared(reports):
    assert _conflicts(reports["duration_neg"]) == []


def test_day_without_on(reports):
    assert {"Monday", "Tuesday"} in _conflicts(reports["day"])


def test_day_of_another_event_is_not_compared(reports):
    assert _conflicts(reports["day_neg"]) == []


def test_age_of_a_person_named_in_one_source_and_described_in_the_other(reports):
    assert {"52-year-old", "57"} in _conflicts(reports["age"])


def test_age_of_another_person_is_not_linked(reports):
    assert _conflicts(reports["age_neg"]) == []


def test_values_before_a_change(reports):
    found = _conflicts(reports["change"])
    assert {"310", "40"} in found and all("75" not in values for values in found), found


def test_value_before_a_change_is_not_the_value_after_it(reports):
    assert _conflicts(reports["change_neg"]) == []


def test_headline_counts(reports):
    assert {"Two", "Three"} in _conflicts(reports["headline"])


def test_headline_counts_of_other_events_are_not_compared(reports):
    assert _conflicts(reports["headline_neg"]) == []


# Rules that need only the parse (and the shipped WordNet table).

def test_nouns_for_one_kind_of_person():
    assert relation("employee", "worker") == "close"  # WordNet: an employee is a worker
    assert relation("pupil", "student") == "close"  # one synset
    assert relation("people", "passenger") == "generic"
    assert relation("officer", "protester") == "kin"
    assert relation("train", "bus") == "" and relation("fan", "train") == ""


def _facts(text, type_):
    return [f for f in extract_key_facts([Source("a", text)], []) if f.type == type_]


def test_a_number_standing_for_people():
    (hurt,) = _facts("Nineteen hurt in blast at port", "count")
    assert (hurt.head, hurt.event) == ("people", "hurt")
    counts = _facts("Two guards were killed and 14 injured in the blast.", "count")
    assert [(f.norm, f.head, f.event) for f in counts] == [("2", "guard", "kill"), ("14", "people", "injure")]
    assert [f.head for f in _facts("The council counted 96 ballots again.", "count")] == ["ballot"]
    assert _facts("The total rose to 14 after the recount.", "count") == []


def test_a_verb_is_no_moment_word():
    (lasted,) = _facts("The hearing lasted two days.", "quantity")
    (later,) = _facts("The hearing took two days last year.", "quantity")
    assert lasted.detail[1] == frozenset() and later.detail[1] == {"last"}


def test_a_bare_day_reads_as_on():
    (bare,) = _facts("The mayor resigned Friday.", "date")
    (on,) = _facts("The mayor resigned on Friday.", "date")
    (until,) = _facts("The road stays closed until Friday.", "date")
    assert bare.detail == on.detail != until.detail


def test_ages_of_several_people_and_described_people():
    (pair,) = _facts("The two injured hikers, aged 23 and 27, were flown out.", "age")
    assert pair.detail[2] is True
    (one,) = _facts("Police charged Mia Holt on Monday. The 30-year-old cyclist was released.", "age")
    assert one.detail[1:] == ("holt", False)
    (two,) = _facts("Police charged Mia Holt and Ben Ode on Monday. The 30-year-old cyclist was released.", "age")
    assert two.detail[1] == ""  # two people named before: the description is not resolved
    (named,) = _facts("Mia Holt was charged. The 30-year-old cyclist told Ben Ode she was innocent.", "age")
    assert named.detail[1] == ""  # a sentence that names someone is not read back


def _count(source, value, head, event, claim, low=None, high=None):
    q = Quantity(value, value if low is None else low, value if high is None else high, "", head, str(value), 0, 1, 0)
    return KeyFact("count", str(value), str(value), f"{head} {event}", source, 0, 2, (claim,), head=head,
                   event=event, detail=(q, frozenset(), frozenset(), frozenset(), False))


def test_the_strongest_match_wins():
    sims = {frozenset({"a#0", "b#0"}): 1.0, frozenset({"a#1", "b#0"}): 0.9}
    sim = lambda x, y: 1.0 if x == y else sims.get(frozenset({x, y}), 0.0)  # noqa: E731
    hurt = _count("a", 23, "worker", "hurt", "a#0")
    employed = _count("a", 350, "worker", "employ", "a#1")
    other = _count("b", 19, "worker", "hurt", "b#0")
    assert anchor_strength(hurt, other, sim) == EVENT and anchor_strength(employed, other, sim) == SENTENCE
    match = matcher([hurt, employed, other], sim)
    assert match(hurt, other) and not match(employed, other)


def test_a_kind_of_person_is_part_of_people_in_general():
    whole = _count("b", 9, "people", "hurt", "b#0")
    assert not conflicting(_count("a", 4, "officer", "injure", "a#0"), whole)
    assert conflicting(_count("a", 12, "officer", "injure", "a#0"), whole)
    assert conflicting(_count("a", 12, "people", "injure", "a#0"), whole)


def test_british_clock_times():
    from factalign.judges.dates import date_facts
    from factalign.keyfacts.syntax import parse_source

    def times(text):
        return [f.value for f in date_facts(parse_source(text)) if f.kind == "time"]

    assert times("The gates opened at 2.30pm.") == [14 * 60 + 30]
    assert times("The ferry left at 7.15am on Friday.") == [7 * 60 + 15]
    assert times("Shares rose 2.30 percent.") == [] and times("The parcel weighed 2.30kg.") == []


def _train_counts(text_a, text_b):
    src = [Source("a", text_a), Source("b", text_b)]
    counts = [f for f in extract_key_facts(src, []) if f.type == "count" and f.head == "train"]
    assert len(counts) == 2
    return counts


def test_a_count_at_the_opening_of_an_event_is_part_of_its_whole():
    alike = lambda x, y: 0.7  # noqa: E731  (like sentences; the facts carry no claims here)
    first = "More than 900 trains were cancelled on the first day of the strike."
    smaller, larger = _train_counts("The strike cancelled 680 trains across the country.", first)
    assert anchor_strength(smaller, larger, alike) > 0 and conflicting(smaller, larger)
    # negatives: a whole larger than its opening part fits it; a count pinned to another moment is not compared
    whole, part = _train_counts("The strike cancelled 2,000 trains across the country.", first)
    assert anchor_strength(whole, part, alike) > 0 and not conflicting(whole, part)
    other, last = _train_counts("The strike cancelled 680 trains across the country.",
                                "More than 900 trains were cancelled on the last day of the strike.")
    assert anchor_strength(other, last, alike) == 0


def test_a_bare_age_is_the_person_named_just_before():
    (age,) = _facts("Harbour pilot Nina Fenwick was questioned. The 38-year-old was later freed.", "age")
    assert (age.norm, age.head) == ("38", "fenwick")
    (named,) = _facts("Nina Fenwick, 41, was questioned on Monday.", "age")
    assert anchor_strength(age, named) == EVENT and conflicting(age, named)
    # with no one named before, "the 38-year-old" is nobody we can tell, and no duration either
    assert _facts("The 38-year-old was later freed.", "age") == []
    assert _facts("The 38-year-old was later freed.", "quantity") == []
    (other,) = _facts("Nina Fenwick, 38, and Ole Berg were questioned. The 38-year-old was freed.", "age")
    assert other.head == "fenwick"  # the apposed age; the bare one names two people before: dropped


def _age(source, value, head, claim, person=""):
    return KeyFact("age", str(value), str(value), f"age of {head}", source, 0, 2, (claim,), head=head,
                   detail=(value, person, False))


def test_ages_of_one_kind_of_person_in_alike_sentences():
    alike = lambda x, y: 0.7  # noqa: E731
    apart = lambda x, y: 0.3  # noqa: E731
    commander, captain = _age("a", 52, "commander", "a#0"), _age("b", 45, "captain", "b#0")
    assert anchor_strength(commander, captain, alike) == SENTENCE
    assert anchor_strength(commander, captain, apart) == 0
    # two kinds of person, or a man and a woman, are two people however alike the sentences
    assert anchor_strength(_age("a", 52, "driver", "a#0"), _age("b", 45, "passenger", "b#0"), alike) == 0
    assert anchor_strength(_age("a", 52, "man", "a#0"), _age("b", 45, "woman", "b#0"), alike) == 0


def test_a_plan_is_compared_with_a_plan_however_worded():
    would = _count("a", 4000, "job", "cut", "a#0")
    would = KeyFact(**{**would.__dict__, "detail": (would.detail[0], frozenset(), frozenset({"would"}),
                                                    frozenset(), False)})
    plans = _count("b", 3200, "job", "eliminate", "b#0")
    plans_detail = (plans.detail[0], frozenset(), frozenset({"plan"}), frozenset(), False)
    plans = KeyFact(**{**plans.__dict__, "detail": plans_detail})
    done = _count("b", 3200, "job", "eliminate", "b#0")
    alike = lambda x, y: 0.8  # noqa: E731
    assert anchor_strength(would, plans, alike) == SENTENCE
    assert anchor_strength(would, done, alike) == 0  # a plan is not a result


def test_no_one_hurt_is_a_count_of_zero():
    from dataclasses import replace

    (none,) = _facts("No one was injured when the roof gave way.", "count")
    assert (none.norm, none.head, none.event) == ("0", "people", "injure")
    (two,) = _facts("Two passengers were injured when the roof gave way.", "count")
    none, two = replace(none, claims=("a#0",)), replace(two, source="b", claims=("b#0",))
    alike = lambda x, y: 0.8  # noqa: E731
    assert anchor_strength(none, two, alike) > 0 and conflicting(none, two)
    # "no" that is not the subject of a counted event, or a zero count of another event, is no such count
    assert _facts("No decision was made on the roof.", "count") == []
    (arrests,) = _facts("No one was arrested after the roof gave way.", "count")
    assert anchor_strength(replace(arrests, claims=("a#1",)), two, alike) == 0


def test_treated_for_a_harm_counts_the_harmed():
    from dataclasses import replace

    # WordNet derives "injury" from "injure", and "treat" is its verb of caring for someone
    (bare,) = _facts("Six of them were treated for injuries at the scene.", "count")
    assert (bare.norm, bare.head, bare.event) == ("6", "people", "injure")
    (named,) = _facts("Six climbers were treated for minor injuries.", "count")
    assert (named.head, named.event) == ("climber", "injure")
    (none,) = _facts("No one was injured when the roof gave way.", "count")
    six = replace(bare, source="b", claims=("b#0",))
    assert anchor_strength(replace(none, claims=("a#0",)), six, lambda x, y: 0.8) > 0
    assert conflicting(replace(none, claims=("a#0",)), six)
    # a treatment for what no verb of harm names, or a "for" after a verb that is no treatment, counts no harm
    assert [f.event for f in _facts("Six climbers were treated for shock.", "count")] == ["treat"]
    assert [f.event for f in _facts("Six climbers were arrested for injuries to a guard.", "count")] == ["arrest"]


def _pair(type_, text_a, text_b):
    """The one fact of ``type_`` in each of two invented sentences."""
    (a,), (b,) = _facts(text_a, type_), [f for f in extract_key_facts([Source("b", text_b)], []) if f.type == type_]
    return a, b


def test_24_hour_clock_times_are_clock_times():
    from factalign.judges.dates import date_facts
    from factalign.keyfacts.syntax import parse_source

    def times(text):
        return [f.value for f in date_facts(parse_source(text)) if f.kind == "time"]

    assert times("The ferry sailed at 16:20 from the quay.") == [16 * 60 + 20]
    assert times("The ferry sailed at 16h20.") == [16 * 60 + 20]
    assert times("The ferry sailed at 06:05 on Friday.") == [6 * 60 + 5]
    # negatives: a score is no time, a minute above 59 is none
    assert times("The home side won 2:1 in the end.") == [] and times("It ended 16:75.") == []


def test_a_24_hour_time_is_compared_with_a_12_hour_time():
    a, b = _pair("time", "The fire broke out at 16:20 in the depot.", "The fire broke out at 1:05 p.m. in the depot.")
    assert conflicting(a, b)
    # negatives: one time on either clock, and an hour without "am"/"pm" that may be in the afternoon
    a, b = _pair("time", "The fire broke out at 16:20 in the depot.", "The fire broke out at 4:20 p.m. in the depot.")
    assert not conflicting(a, b)
    a, b = _pair("time", "The fire broke out at 16:20 in the depot.", "The fire broke out at 4:20 in the depot.")
    assert not conflicting(a, b)
    a, b = _pair("time", "The fire broke out at 16:20 in the depot.", "The fire broke out at 04:20 in the depot.")
    assert conflicting(a, b)


def test_an_age_in_years_after_of():
    (fact,) = _facts("Police questioned a man of 58 years on Sunday.", "age")
    assert (fact.norm, fact.head) == ("58", "man")
    # negative: a duration after "of" is no age
    assert _facts("The judge handed down a sentence of 12 years on Sunday.", "age") == []


def test_an_age_given_to_an_indefinite_person_belongs_to_its_apposition():
    a, b = _pair("age", "A man of 58 years, uncle of the groom, was taken to hospital.",
                 "The groom's uncle, 61, was taken to hospital.")
    assert a.head == b.head == "uncle" and anchor_strength(a, b) == EVENT and conflicting(a, b)
    # negative: the age of a different person is not compared
    a, b = _pair("age", "A man of 58 years, uncle of the groom, was taken to hospital.",
                 "The driver, 61, was taken to hospital.")
    assert anchor_strength(a, b) == 0


def test_a_decimal_comma_before_a_scale_word():
    from factalign.judges.quantities import number_value

    (fact,) = _facts("The storm left 2,4 million homes without power.", "count")
    assert fact.norm == "2400000"
    # negatives: English thousands stay thousands
    assert number_value("2,400") == 2400 and number_value("12,400,000") == 12400000
    (fact,) = _facts("The storm left 2,400 homes without power.", "count")
    assert fact.norm == "2400"

"""State key facts (issue 14): each rule of :mod:`factalign.keyfacts.states` with a positive and a negative case,
on invented text. Extraction runs on the real spaCy parse; comparison on the facts, with a stated similarity
where a rule depends on the sentences being alike.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import factalign
from factalign.keyfacts import compare_key_facts
from factalign.keyfacts.statewords import dying, killing, names_state, returns_to
from factalign.keyfacts.states import states
from factalign.keyfacts.syntax import parse_source


def _facts(text: str, name: str):
    return [replace(f, claims=(f"{name}#{i}",)) for i, f in enumerate(states(parse_source(text), name))]


def _conflicts(text_a: str, text_b: str, alike: float = 0.0):
    """Key-fact contradictions between two one-source texts; ``alike`` is the similarity of any two claims."""
    return compare_key_facts(_facts(text_a, "a") + _facts(text_b, "b"), sim=lambda x, y: alike)


def _norms(text: str):
    return [(f.norm, f.head) for f in states(parse_source(text), "a")]


# -- which words name a state (WordNet) ---------------------------------------------------------------------

def test_state_words_come_from_wordnet_antonymy():
    assert names_state("closed", "close") and names_state("acquitted", "acquit") and names_state("convicted", "convict")
    assert not names_state("asked", "ask") and not names_state("postponed", "postpone")
    assert returns_to("reopen") == "open" and returns_to("report") == "" and returns_to("remain") == ""
    assert dying("perish") and killing("murder") and not dying("go") and not killing("shoot")


def test_verbs_without_a_result_state_are_not_states():
    text = "The crew got to the pier at noon. The inspectors asked for records. The work started at dawn."
    assert _norms(text) == []


def test_a_verb_spelled_re_is_not_cut_to_another_word():
    assert [n for n, _ in _norms("The fault was reported by a guard.")] == ["reported"]
    assert _norms("The guard remained at the gate.") == []


# -- returning to a state --------------------------------------------------------------------------------------

def test_simple_past_of_returning_contradicts_the_old_state():
    found = _conflicts("The coast road remains closed near the quarry.", "The coast road reopened on Monday.")
    assert len(found) == 1 and set(found[0].values) == {"closed", "reopened"}


def test_a_bounded_closure_is_an_episode_not_the_state_now():
    assert _conflicts("The coast road was closed for two hours.", "The coast road reopened on Monday.") == []
    # an episode in the same source neither withdraws nor makes a conflict
    found = _conflicts("The coast road remains closed.", "The coast road, closed during the storm, reopened at dawn.")
    assert len(found) == 1


# -- death and conditions ---------------------------------------------------------------------------------------

def test_death_contradicts_a_condition_of_the_same_person():
    found = _conflicts("The driver is in critical condition at the county hospital.",
                       "The driver died at the county hospital on Sunday.")
    assert len(found) == 1 and found[0].subtype == "state"
    assert _norms("Two walkers were killed by the rockfall.") == [("dead", "walker")]


def test_conditions_of_different_people_are_never_compared():
    assert _conflicts("The driver is in critical condition.", "The cyclist died on Sunday.") == []
    assert _conflicts("Smith is in serious condition.", "Jones is in good condition.", alike=1.0) == []


def test_a_pronoun_is_resolved_only_without_ambiguity():
    assert ("dead", "skier") in _norms("The skier was flown to a clinic in Graz, where he died.")
    assert _norms("The guide reached the skier at noon, and he died later.") == []


def test_a_part_is_about_the_whole_and_an_object_keeps_its_state():
    assert _norms("Three of the miners were in serious condition.") == [("serious", "miner")]
    assert _norms("Officials kept the bridge closed.") == [("closed", "bridge")]


def test_a_degree_of_injury_is_a_condition_opposed_only_by_wordnet():
    found = _conflicts("Two hikers were only lightly injured.", "The two hikers were in serious condition.",
                       alike=0.8)
    assert len(found) == 1
    assert _conflicts("Two hikers were slightly injured.", "The two hikers were in stable condition.",
                      alike=0.8) == []


# -- charges ---------------------------------------------------------------------------------------------------

def test_a_verdict_is_compared_charge_by_charge():
    found = _conflicts("The clerk was convicted of fraud and perjury.",
                       "The clerk was convicted of fraud but acquitted of perjury.")
    assert len(found) == 1 and set(found[0].values) == {"convicted", "acquitted"}
    assert _conflicts("The clerk was convicted of fraud.", "The clerk was acquitted of perjury.") == []


# -- certainty ---------------------------------------------------------------------------------------------------

def test_yet_to_denies_what_the_other_source_affirms():
    found = _conflicts("The ministry has confirmed the result.",
                       "The result has yet to be confirmed by the ministry.")
    assert len(found) == 1
    assert _conflicts("The ministry has confirmed the result.", "The ministry confirmed the result on Friday.") == []


def test_a_denied_confirmation_about_a_pronoun_needs_alike_sentences():
    a = "The lab confirmed that arsenic was the poison."
    b = "The lab said the poison was probably arsenic but had yet to confirm it."
    assert len(_conflicts(a, b, alike=0.8)) == 1
    assert _conflicts(a, b, alike=0.2) == []


def test_a_confirmation_denied_of_it_stands_for_its_sentence():
    a = "Inspectors confirmed that a gas leak caused the blast."
    b = "Inspectors believe a gas leak may have caused the blast, but have not confirmed it."
    assert len(_conflicts(a, b, alike=0.8)) == 1
    assert _conflicts(a, b, alike=0.2) == []
    assert _conflicts(a, "Inspectors believe a gas leak caused the blast, and have now confirmed it.", alike=0.8) == []


# -- speakers given by title -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def speaker_reports():
    shared = " Crews from three counties worked through the night at the scene."
    quote = '"The water came over the wall in minutes," '
    return {
        "two": factalign.align({"a": quote + "said ranger Tom Baker." + shared,
                                "b": quote + "said Mayor Lena Ortiz." + shared}),
        "one": factalign.align({"a": quote + "said ranger Tom Baker." + shared,
                                "b": quote + "Tom Baker said." + shared}),
    }


def test_a_speaker_given_by_title_is_the_person_named_after_it(speaker_reports):
    found = [f for f in speaker_reports["two"].contradictions if f.subtype == "attribution"]
    assert len(found) == 1 and {v.split()[-1] for v in found[0].values} == {"Baker", "Ortiz"}
    assert [f for f in speaker_reports["one"].contradictions if f.subtype == "attribution"] == []


# -- which way an amount went ----------------------------------------------------------------------------------

def test_opposite_changes_of_one_amount_conflict_in_alike_sentences():
    found = _conflicts("The recount widened the mayor's lead.", "The recount reduced the mayor's lead.", alike=0.8)
    assert len(found) == 1 and set(found[0].values) == {"widened", "reduced"}
    assert _conflicts("The recount widened the mayor's lead.", "The recount reduced the mayor's lead.",
                      alike=0.3) == []


def test_changes_on_different_dates_are_not_compared():
    assert _conflicts("Ticket sales rose in May.", "Ticket sales fell in June.", alike=0.9) == []
    assert _conflicts("Ticket sales rose in May.", "Ticket sales swelled in May.", alike=0.9) == []


def test_a_movement_or_a_person_is_not_an_amount():
    assert _norms("The injured skier was flown to a hospital in the valley.") == []
    assert _norms("The water level fell to 41 centimetres.") == [("down", "level")]


def test_a_complement_names_the_state_not_the_verb():
    assert len(_conflicts("The hiker was found alive.", "The hiker was found dead.")) == 1
    assert len(_conflicts("The coach was found guilty of fraud.", "The coach was found not guilty of fraud.")) == 1
    assert _conflicts("The hiker was found alive.", "The hiker was found alive near the hut.") == []


def test_a_dated_past_closure_is_an_event_a_later_reopening_undoes():
    assert _conflicts("The coast road was closed on Monday.", "The coast road reopened on Tuesday.") == []
    assert len(_conflicts("The coast road has been closed since Monday.", "The coast road reopened on Tuesday.")) == 1


def test_a_state_belongs_to_the_claim_that_holds_its_value_not_to_one_sharing_its_holder():
    from factalign.keyfacts import extract_key_facts
    from factalign.models import Claim, Source

    text = "The two hikers, aged 40 and 44, were treated for sunburn and were in serious condition."
    treated = text.index("were treated")
    split = [Claim("a#0", "a", "The two hikers were treated for sunburn", 0, text.index(" and were")),
             Claim("a#1", "a", "The two hikers were in serious condition", text.index("were in"), len(text) - 1)]
    whole = [Claim("a#0", "a", text[:-1], 0, len(text) - 1)]
    src = [Source("a", text)]

    def serious(claims):
        return [f.claims for f in extract_key_facts(src, claims) if f.type == "state" and f.value == "serious"]

    assert treated > 0 and serious(split) == [("a#1",)]
    # negatives: a claim that holds the whole evidence (holder and value) keeps it; a value claim that does not
    # name the holder ("They were in serious condition") leaves the fact to every claim its evidence overlaps
    assert serious(whole) == [("a#0",)]
    unnamed = [split[0], Claim("a#1", "a", "They were in serious condition", text.index("were in"), len(text) - 1)]
    assert serious(unnamed) == [("a#0", "a#1")]


def test_up_or_down_by_a_number_is_a_change():
    assert _norms("Ticket sales were up 12% on the year.") == [("up", "sale")]
    assert ("down", "profit") in _norms("The club reported profit of $4 million, down 2%.")
    assert len(_conflicts("Ferry revenue rose 5% in the spring.", "Ferry revenue was down 5% in the spring.",
                          alike=0.8)) == 1
    assert _norms("The hikers went up the hill.") == [] and _norms("He picked up 3 parcels.") == []


def test_a_counted_holder_is_a_count_not_an_amount():
    assert _norms("The mill will cut 400 jobs.") == []
    assert _norms("The mill will cut its workforce.") == [("down", "workforce")]


def test_a_state_of_no_one_is_denied():
    assert _norms("No passengers were injured in the crash.") == [("not injured", "passenger")]
    assert _norms("Two passengers were injured in the crash.") == [("injured", "passenger")]
    assert len(_conflicts("No passengers were injured in the crash.", "Two passengers were injured in the crash.")) == 1


def test_none_of_a_whole_denies_its_state():
    assert _norms("None of the hikers were injured in the fall.") == [("not injured", "hiker")]
    assert _norms("Neither of the pilots was injured.") == [("not injured", "pilot")]
    assert _norms("Three of the hikers were injured in the fall.") == [("injured", "hiker")]
    assert _norms("None were injured in the fall.") == []  # no whole named: no holder, rather than a state of "none"
    assert len(_conflicts("None of the hikers were injured in the fall.",
                          "Three of the hikers were injured in the fall.")) == 1
    assert _conflicts("None of the hikers were lost.", "Three of the hikers were injured in the fall.") == []

"""Contradiction judges: every rule with cases that must fire and cases that must not (real spaCy model)."""

from __future__ import annotations

import datetime as dt

import pytest

from factalign.errors import InputError, StageError
from factalign.judges import JUDGES, judge
from factalign.judges._base import Side, parse
from factalign.judges.lexicon import antonym_source, base_forms, indirect_antonyms, synset_antonyms
from factalign.judges.quantities import quantities
from factalign.models import Claim, Verdict

# (judge name, a, b): the named judge must call these a contradiction.
POSITIVE = [
    ("numbers", "At least 12 people died in the fire.", "21 people died in the fire."),
    ("numbers", "Three people were killed in the attack.", "Five people were killed in the attack."),
    ("numbers", "The Navy has protected Russia for 300 years.", "The Navy has protected Russia for 250 years."),
    ("numbers", "The army has not yet adopted the iPhone6.", "The army has not yet adopted the iPhone7."),
    ("numbers", "The company reported revenue of $4.2 billion.", "The company reported revenue of $3.9 billion."),
    ("dates", "The vote was held on Tuesday.", "The vote was held on Wednesday."),
    ("dates", "It was the worst flood since 1995.", "It was the worst flood since 2005."),
    ("dates", "The polls close at 8 p.m. in Ohio.", "The polls close at 9 p.m. in Ohio."),
    ("entities", "Pope Francis welcomed the agreement of the contact group.",
     "Daley welcomed the agreement of the contact group."),
    ("entities", "Born in Tokyo to British parents, she moved to California.",
     "Born in Tokyo to French parents, she moved to California."),
    ("negation", "It is possible to refuel LPG at about 950 stations.",
     "It is not possible to refuel LPG at about 950 stations."),
    ("negation", "The central bank did not change its forecast.", "The central bank raised its forecast."),
    ("direction", "Shares rose sharply on Monday.", "Shares fell sharply on Monday."),
    ("direction", "The patient is in good condition.", "The patient is in critical condition."),
    ("direction", "In Vietnam, this nation lost 50,000 soldiers.", "In Vietnam, this nation gained 50,000 soldiers."),
    ("direction", "Apples are available year-round.", "Apples are unavailable year-round."),
    ("direction", "Ticket sales climbed in the spring.", "Ticket sales slumped in the spring."),
    ("certainty", "NATO will open an office in Tokyo next year.",
     "Japan is in discussions to open a NATO office in Tokyo."),
    ("certainty", "The company closed the factory.", "The company may close the factory."),
    ("attribution", "Prices will rise, Hayashi said.", "Prices will rise, Kishida said."),
]

# (judge name, a, b): the named judge must NOT call these a contradiction.
NEGATIVE = [
    ("numbers", "More than 300 homes were destroyed.", "About 350 homes were destroyed."),
    ("numbers", "Analysts had expected $4.1 billion.", "The company reported revenue of $4.2 billion."),
    ("numbers", "A draft was circulating among the 31 member countries.",
     "The alliance had 30 members at the start of Russia's war in Ukraine."),
    ("numbers", "Unemployment rose to 4%.", "Unemployment rose to 4 percent."),
    ("numbers", "The road is 35 km long.", "The road is 35 kilometers long."),
    ("numbers", "The deal is worth 2,500 million dollars.", "The deal is worth $2.5 billion."),
    ("numbers", "A dozen people were hurt.", "12 people were hurt."),
    ("numbers", "The team scored 247 runs in 49 overs.", "The team scored 247 runs in overs 49."),
    ("dates", "The vote was held on Tuesday.", "The vote took place on Tuesday, officials said."),
    ("dates", "He was born in 1946 and moved in 1960.", "He moved in 1960."),
    ("entities", "Vladimir Putin arrived in St. Petersburg.", "Putin arrived in St. Petersburg."),
    ("entities", "The United Nations said on Wednesday it was concerned.", "The U.N. said on Wednesday it was concerned."),
    ("entities", "The data show 64,847 people in Belgium were infected.",
     "The data show 64,847 people in Beligum were infected."),
    ("entities", "NATO will open an office in Japan.", "Japan is in talks to open a NATO office in Tokyo."),
    ("negation", "NSA said the network had not been compromised at all.",
     "NSA said the network had nto been compromised at all."),
    ("negation", "They are often not considered dinosaurs.", "They are not often considered dinosaurs."),
    ("negation", "It is incorrect.", "It is not correct."),
    ("negation", "The bank did not change its forecast.", "The bank kept its forecast unchanged."),
    ("direction", "Shares rose on Monday.", "Shares climbed on Monday."),
    ("direction", "Most of the new costs will fall on tenants.", "Most of the new costs will hit the tenants hard."),
    ("direction", "Prices rose in March and fell in April.", "Prices fell in April after rising in March."),
    ("direction", "He is on the way to the capital.", "He is off the way to the capital."),
    ("direction", "The author's note is incorrect.", "The author's note is not correct."),
    ("direction", "Many countries have not managed to win a medal.", "Many countries have failed to win a medal."),
    ("negation", "The edifice still doesn't compare to mosques elsewhere.",
     "The edifice still dosen't compare to mosques elsewhere."),
    ("negation", "Green did not make a comeback until 1996.", "Green didn't succeed at making a comeback until 1996."),
    ("entities", "It had the support of the Organisation for Security and Cooperation in Europe.",
     "It had the support of the Organisation for Security and Cooperation on Europe."),
    ("entities", "If Senator Clinton runs in 2008, she must wait.", "If Mrs Clinton runs in 2008, she must wait."),
    ("dates", "The team trained in Paris on Friday and will play on Saturday.",
     "On Friday the team trained in Paris, and on Saturday it will play."),
    ("numbers", "The index rose 0.7 per cent.", "The index rose 0.66 percent."),
    ("certainty", "She said maybe she will miss him.", "She will miss him, maybe."),
    ("certainty", "They are only talks, he said.", "Japan is in discussions to open a NATO office."),
    ("certainty", "NATO will open an office in Tokyo.", "NATO will open an office in Tokyo next year."),
    ("attribution",
     "\u201cAsia is a promising place for peaceful development,\u201d the Foreign Ministry said last week.",
     "\u201cAsia is a promising land for peaceful development,\u201d said Chinese Foreign Ministry spokeswoman Mao Ning."),
    ("attribution", "Prices will rise, Hayashi said.", "Wages will fall, Kishida said."),
    ("attribution", "When asked, Miller said: \u201cMike said a lot.\u201d", "when asked, miller said: \u201cmike said a lot.\u201d"),
]


@pytest.mark.parametrize("name,a,b", POSITIVE)
def test_judge_fires(name, a, b):
    v = JUDGES[name](Side(a), Side(b))
    assert v is not None and v.kind == "contradiction", v
    assert v.judge == name and v.values and ": " in v.explanation and " vs " in v.explanation
    assert 0.0 < v.score <= 1.0


@pytest.mark.parametrize("name,a,b", NEGATIVE)
def test_judge_stays_silent(name, a, b):
    v = JUDGES[name](Side(a), Side(b))
    assert v is None or v.kind != "contradiction", v


def test_registry_names_match_functions():
    assert set(JUDGES) == {"numbers", "dates", "entities", "negation", "direction", "certainty", "attribution"}
    for name, func in JUDGES.items():
        assert func.__name__ == f"judge_{name}"


def test_judge_returns_strongest_contradiction_with_explanation():
    v = judge("Three people were killed on Tuesday.", "Five people were killed on Tuesday.")
    assert v.kind == "contradiction" and v.subtype == "number" and v.values == ("Three", "Five")
    assert v.explanation == "people: Three vs Five"


def test_judge_agreement_and_neutral():
    assert judge("Unemployment rose to 4%.", "Unemployment rose to 4 percent.").kind == "agreement"
    assert judge("The cat sat on the mat.", "Parliament passed the budget.").kind == "neutral"


def test_judge_selects_judges_and_rejects_unknown_names():
    a, b = "Shares rose on Monday.", "Shares fell on Monday."
    assert judge(a, b, judges=["direction"]).kind == "contradiction"
    assert judge(a, b, judges=["numbers"]).kind != "contradiction"
    with pytest.raises(InputError):
        judge(a, b, judges=["astrology"])
    with pytest.raises(InputError):
        judge(a, 42)


def test_judge_names_a_judge_that_breaks_the_contract(monkeypatch):
    monkeypatch.setitem(JUDGES, "numbers", lambda a, b: "oops")
    with pytest.raises(StageError, match="numbers"):
        judge("a", "b", judges=["numbers"])


def test_claims_bring_their_attribution():
    a = Claim("x#1", "x", "Prices will rise sharply this year.", 0, 10, attribution="Taro Hayashi")
    b = Claim("y#1", "y", "Prices will rise sharply this year.", 0, 10, attribution="Fumio Kishida")
    c = Claim("y#2", "y", "Prices will rise sharply this year.", 0, 10, attribution="the Foreign Ministry")
    assert judge(a, b).subtype == "attribution"
    assert judge(a, c).kind == "agreement"


def test_relative_dates_resolve_against_publication_dates():
    wed = dt.date(2023, 5, 10)  # a Wednesday
    a, b = "The minister resigned yesterday.", "The minister resigned on Monday."
    v = judge(a, b, published=(wed, wed))
    assert v.kind == "contradiction" and v.subtype == "date"
    assert judge("The minister resigned yesterday.", "The minister resigned on Tuesday.",
                 published=(wed, wed)).kind == "agreement"


def test_seed_pairs():
    office_a = "The NATO will open in Japan its first Asian office next year."
    office_b = "Japan is in discussions to open a NATO office in Tokyo, the first of its kind in Asia."
    v = judge(office_a, office_b)
    assert v.kind == "contradiction" and v.subtype == "certainty"
    members = judge("a draft was already circulating among the 31 member countries",
                    "The alliance had 30 members at the start of Russia's war in Ukraine")
    assert members.kind != "contradiction"
    ministry = judge(
        "\u201cAsia is a promising place for peaceful development and cooperation, it should not become a platform "
        "for those seeking geopolitical feuds,\u201d the Foreign Ministry said last week.",
        "\u201cAsia is a promising land for cooperation and a hotbed for peaceful development. It should not be a "
        "platform for those who seek geopolitical fights,\u201d said Chinese Foreign Ministry spokeswoman Mao Ning "
        "in a briefing last week.")
    assert ministry.kind != "contradiction"


def test_quantity_parser():
    qs = quantities(parse("More than 300 homes and $2.5 billion, 4 percent, 35 km and a dozen eggs."))
    got = [(q.value, q.unit, q.bound) for q in qs]
    assert got == [(300.0, "", "more than"), (2.5e9, "USD", ""), (4.0, "%", ""), (35000.0, "m", ""),
                   (12.0, "", "")]
    assert qs[0].low == 300.0 and qs[0].high == 450.0


def test_lexicon():
    assert antonym_source("early", "late") == "wordnet"
    assert antonym_source("soar", "plunge") == "wordnet troponyms"  # ways to rise and to fall
    assert antonym_source("soar", "walk") is None
    assert antonym_source("fixable", "unfixable", adjectives=True) == "prefix"
    assert antonym_source("rise", "climb") is None
    assert antonym_source("press", "impress") is None
    assert indirect_antonyms("strict", "lenient") and not indirect_antonyms("strict", "stern")
    assert synset_antonyms("vanish", "appear") and not synset_antonyms("vanish", "disappear")
    assert "careful" in base_forms("carefully") and "big" in base_forms("bigger")


def test_verdict_type():
    assert isinstance(judge("a b c", "d e f"), Verdict)


def test_ranks_and_exclusive_sets():
    assert judge("He finished in third place.", "He finished in fifth place.").subtype == "number"
    assert judge("Finland became the 31st member.", "Finland became the 30th member.").kind == "contradiction"
    assert judge("Finland became the 31st member.", "Finland became the thirty-first member.").kind != "contradiction"
    v = judge("Several women stand near the yellow line.", "Several women stand near the red line.")
    assert v.kind == "contradiction" and v.explanation == "colour: 'yellow' vs 'red'"
    assert judge("She wore a red dress at the gala.", "She wore a red gown at the gala.").kind != "contradiction"


def test_morphological_opposites():
    assert antonym_source("tactful", "tactless", adjectives=True) in ("prefix", "wordnet")
    assert antonym_source("pointful", "pointless", adjectives=True) == "prefix"
    assert antonym_source("frobble", "unfrobble", verbs=True) == "prefix"  # the rule, not the lexicon
    assert antonym_source("frobble", "unfrobble") is None  # verb prefixes only when both words are verbs
    v = judge("The minister agreed with the plan on Monday.", "The minister disagreed with the plan on Monday.")
    assert v.kind == "contradiction" and v.subtype == "direction"
    assert judge("The minister agreed with the plan on Monday.",
                 "The minister concurred with the plan on Monday.").kind != "contradiction"


@pytest.mark.parametrize("a, b", [
    ("White House Counsel is Robert Bauer.", "White House Counsel is Bob Bauer."),
    ("The former Michigan Republican Party chairman is Saul Anuzis.", "The former Michigan GOP chairman is Saul Anuzis."),
])
def test_entities_aliases_and_nicknames_are_the_same_referent(a, b):
    assert judge(a, b).kind != "contradiction"


def test_entities_different_first_names_still_conflict():
    assert judge("White House Counsel is Robert Bauer.", "White House Counsel is Susan Bauer.").kind == "contradiction"


@pytest.mark.parametrize("a, b", [
    ("To pass this bill in the next weeks would increase the risk that the economy stalls.",
     "If they don't pass this bill in the next weeks it will increase the risk that the economy stalls."),
    ("Many Republicans believe that Obama was not born in this country.", "Obama was born in Hawaii."),
])
def test_negation_in_a_condition_or_a_belief_is_not_a_denial(a, b):
    assert judge(a, b).kind != "contradiction"


def test_plain_negation_still_conflicts_next_to_hedged_ones():
    assert judge("Steele will not seek a second term.", "Steele will seek a second term.").kind == "contradiction"


def test_numbers_hyphenated_words_split_by_the_tokenizer():
    assert judge("Twenty-one people died.", "21 people died.").kind == "agreement"
    verdict = judge("At least 12 people died.", "Twenty-one people died.")
    assert verdict.kind == "contradiction" and verdict.values == ("At least 12", "Twenty-one")


def test_negation_flip_inside_a_shared_condition_still_conflicts():
    assert judge("If they pass this bill, the economy will grow.",
                 "If they don't pass this bill, the economy will grow.").kind == "contradiction"


@pytest.mark.parametrize("a, b", [
    ("At least 12 people were killed in the quake.", "More than 80 people were injured in the quake."),
    ("The quake killed at least 12 people.", "The quake injured 80 people."),
])
def test_numbers_different_tolls_are_not_one_in_dispute(a, b):
    assert judge(a, b).kind != "contradiction"


@pytest.mark.parametrize("a, b", [
    ("At least 12 people died in the quake.", "The quake killed 21 people."),
    ("At least 12 people were killed.", "Twenty-one people were killed."),
])
def test_numbers_same_toll_in_other_words_still_conflicts(a, b):
    verdict = judge(a, b)
    assert verdict.kind == "contradiction" and verdict.subtype == "number"


def test_a_state_held_for_a_while_and_its_opposite_after_it_are_one_sequence():
    # positive: still a conflict without the time bounds, or with both "for"
    assert judge("The bridge was closed on Sunday.", "The bridge reopened on Sunday.").kind == "contradiction"
    assert judge("The shop stayed open for two days.", "The shop stayed closed for two days.").kind == "contradiction"
    # negative: held for a while, then reversed after that while
    assert judge("The bridge was closed for six hours.", "The bridge reopened after six hours.").kind != "contradiction"
    assert judge("The market was shut until noon.", "The market opened after noon.").kind != "contradiction"


def test_dates_judge_reads_24_hour_times_and_leaves_half_days_apart():
    from factalign.judges.dates import judge_dates

    found = judge_dates(Side("The ferry sailed at 16:20 from the quay."),
                        Side("The ferry sailed at 1:05 p.m. from the quay."))
    assert found is not None and found.kind == "contradiction"
    # negatives: one time on either clock; a time without "am"/"pm" may be the afternoon one
    same = judge_dates(Side("The ferry sailed at 16:20 from the quay."),
                       Side("The ferry sailed at 4:20 p.m. from the quay."))
    assert same is None or same.kind != "contradiction"
    bare = judge_dates(Side("The ferry sailed at 16:20 from the quay."),
                       Side("The ferry sailed at 4:20 from the quay."))
    assert bare is None or bare.kind != "contradiction"
    # two times on the 12-hour clock keep their "a.m." / "p.m."
    halves = judge_dates(Side("The ferry sailed at 4:20 a.m. from the quay."),
                         Side("The ferry sailed at 4:20 p.m. from the quay."))
    assert halves is not None and halves.kind == "contradiction" and "a.m." in halves.explanation


@pytest.mark.parametrize("a, b", [
    ("Tests confirmed the presence of lead in the water pipes.", "Lead was suspected in the water pipes."),
    ("The airline confirmed that a tyre failure caused the accident.",
     "The airline said it was investigating a suspected tyre failure."),
    ("The agency confirmed that a faulty valve caused the leak.", "The agency has not confirmed what caused the leak."),
])
def test_certainty_confirmed_finding_against_an_open_one(a, b):
    from factalign.judges import judge_certainty
    from factalign.judges._base import Side

    assert judge_certainty(Side(a), Side(b)).subtype == "certainty"
    assert judge_certainty(Side(b), Side(a)).subtype == "certainty"


@pytest.mark.parametrize("a, b", [
    ("Tests confirmed the presence of lead.", "Tests confirmed lead in the pipes."),  # both confirmed
    ("Lead was suspected in the pipes.", "Officials suspected lead in the pipes."),  # both suspected
    ("Tests confirmed lead in the pipes.", "A suspected fraud at the water board is being investigated."),
    ("Police confirmed the road was closed.", "A suspected gas leak forced residents out."),
    ("The airline confirmed the flight was cancelled.", "The airline is investigating a suspected engine fire."),
    ("Police confirmed that the suspect was arrested.", "The suspect was arrested on Monday."),  # a person
])
def test_certainty_confirmed_finding_needs_the_same_matter_left_open(a, b):
    from factalign.judges import judge_certainty
    from factalign.judges._base import Side

    assert judge_certainty(Side(a), Side(b)) is None

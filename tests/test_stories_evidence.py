"""Stories, second round: calendar dates written in the text, and shared quotations in the consistency check.

All articles here are invented. The real default models run where text is read.
"""

import datetime as dt

import numpy as np
import pytest

from factalign import Source, stories
from factalign.grouping import TEXT_DATE_PENALTY, ArticleProfile, affinity, profile_articles, quote_bonds
from factalign.grouping.similarity import text_dates_apart
from factalign.grouping.textdates import TextDate, gap_days, text_date_gaps, text_dates
from factalign.grouping.tree import consistent_cut


@pytest.fixture(scope="module")
def nlp():
    from factalign import nlp as run_nlp
    from factalign.resources import spacy_pipeline

    return spacy_pipeline(run_nlp.name())


# -- dates written in the text ------------------------------------------------------------------------------------

def test_text_dates_read_abbreviated_full_and_day_first_forms(nlp):
    doc = nlp("The strike began on Jan. 25, 2019, and the union met again on February 15. "
              "Talks had first been set for 3 March.")
    assert text_dates(doc) == (TextDate(1, 25, 2019), TextDate(2, 15), TextDate(3, 3))


def test_text_dates_skip_bare_months_years_and_modal_may(nlp):
    doc = nlp("Prices rose in March and have doubled since 2016. Officials may return 12 boats next week.")
    assert text_dates(doc) == ()


def test_gap_days_with_and_without_years():
    assert gap_days(TextDate(1, 4, 2019), TextDate(2, 15, 2019)) == 42
    assert gap_days(TextDate(1, 4, 2019), TextDate(1, 4, 2018)) == 365
    assert gap_days(TextDate(12, 30), TextDate(1, 2, 2020)) == 3  # no year on one side: the nearest reading
    assert gap_days(TextDate(3, 3), TextDate(3, 3)) == 0


def test_text_date_gaps_take_the_nearest_pair_and_mark_articles_without_dates():
    gaps = text_date_gaps([[TextDate(1, 4), TextDate(12, 22)], [TextDate(12, 22), TextDate(2, 15)], []])
    assert gaps[0, 1] == 0  # a recalled start date in both: no evidence of two events
    assert gaps[0, 2] == -1 and gaps[2, 2] == -1


def _profile(name, dates, published=None):
    return ArticleProfile(name, np.array([1.0, 0.0]), ("name:halvorsund", "name:nordlys"), published, dates)


def test_written_dates_far_apart_lower_affinity_by_the_penalty():
    jan, feb = _profile("jan", (TextDate(1, 4),)), _profile("feb", (TextDate(2, 15),))
    plain = affinity([jan, feb], max_days=None, text_window=None)
    penalised = affinity([jan, feb], max_days=None)
    assert plain[0, 1] == pytest.approx(1.0)
    assert penalised[0, 1] == pytest.approx(1.0 - TEXT_DATE_PENALTY)
    assert penalised[0, 0] == 1.0


def test_written_dates_near_missing_or_published_dates_known_leave_affinity_alone():
    jan4, jan9 = _profile("a", (TextDate(1, 4),)), _profile("b", (TextDate(1, 9),))
    undated = _profile("c", ())
    assert affinity([jan4, jan9, undated], max_days=None).min() == pytest.approx(1.0)
    day = dt.date(2024, 1, 5)
    published = [_profile("a", (TextDate(1, 4),), day), _profile("b", (TextDate(3, 1),), day)]
    assert not text_dates_apart(published, window=30).any()  # the publication dates decide
    assert affinity(published)[0, 1] == pytest.approx(1.0)


def test_profiles_carry_the_dates_the_entity_parse_finds():
    (profile,) = profile_articles([Source("a", "The Halvorsund ferry sank on Aug. 9, 2023, the coastguard said.")])
    assert profile.dates == (TextDate(8, 9, 2023),)


# -- shared quotations in the consistency check ---------------------------------------------------------------------

TIGHT_PAIRS = np.array([[1.0, 0.9, 0.38, 0.38], [0.9, 1.0, 0.38, 0.38], [0.38, 0.38, 1.0, 0.9],
                        [0.38, 0.38, 0.9, 1.0]])  # the pairs meet above the threshold, below the group threshold


def test_two_tight_groups_quoting_the_same_words_are_one_story():
    bonds = quote_bonds([["quote:we will not back", "name:ruiz"], ["name:ruiz"], ["name:ruiz"],
                         ["quote:we will not back"]])
    assert bonds[0, 3] and not bonds[0, 1]
    assert consistent_cut(TIGHT_PAIRS, 0.33, bonds=bonds).tolist() == [0, 0, 0, 0]


def test_two_tight_groups_quoting_different_words_stay_apart():
    bonds = quote_bonds([["quote:we will not back"], ["quote:we will not back"], ["quote:the bridge opens in"],
                         ["quote:the bridge opens in"]])
    assert consistent_cut(TIGHT_PAIRS, 0.33, bonds=bonds).tolist() == [0, 0, 1, 1]


def test_a_shared_quotation_does_not_lift_a_merge_below_the_threshold():
    bonds = np.ones((4, 4), dtype=bool)
    assert consistent_cut(TIGHT_PAIRS, 0.4, bonds=bonds).tolist() == [0, 0, 1, 1]


WIRE = (
    "Firefighters in Kestrel Bay pulled 31 people from the collapsed Harbourview car park on Tuesday after a "
    "concrete deck gave way during the morning rush. \"The top level came down like a book closing,\" said fire "
    "chief Anton Pell, who added that nine people were taken to St Brigid's hospital."
)
WIRE_TRIMMED = (
    "Firefighters in Kestrel Bay pulled 31 people from the collapsed Harbourview car park on Tuesday after a "
    "concrete deck gave way. \"The top level came down like a book closing,\" fire chief Anton Pell said."
)
LOCAL = (
    "A morning of terror at Harbourview: commuters described the roar as the upper deck of the car park fell onto "
    "the cars below. Chief Pell said the top level \"came down like a book closing\" and that nine of the 31 rescued "
    "were in St Brigid's. The council ordered every multi-storey car park in Kestrel Bay inspected."
)
LOCAL_TRIMMED = (
    "A morning of terror at Harbourview: commuters described the roar as the upper deck of the car park fell onto "
    "the cars below. Chief Pell said nine of the 31 rescued were in St Brigid's."
)
COPIES = {"wire": WIRE, "wire_trimmed": WIRE_TRIMMED, "local": LOCAL, "local_trimmed": LOCAL_TRIMMED}


def test_an_event_told_by_two_outlets_each_carried_twice_is_one_story():
    # Two tight pairs (each story and its trimmed copy); the wire and the local story quote the same words.
    found = stories(COPIES)
    assert len(found) == 1
    profiles = profile_articles([Source(name, text) for name, text in COPIES.items()])
    scores = affinity(profiles)
    # the two pairs meet above the group threshold (round three): one story even without the quotation they share
    assert consistent_cut(scores, 0.33).tolist() == [0, 0, 0, 0]
    assert consistent_cut(scores, 0.33, bonds=quote_bonds([p.keys for p in profiles])).tolist() == [0, 0, 0, 0]

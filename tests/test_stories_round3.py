"""Stories, third round: two groups join only above the group threshold (or through a shared quotation), and
publication dates more than three days apart keep articles apart.

All articles and affinities here are invented.
"""

import datetime as dt

import numpy as np

from factalign import Source, stories
from factalign.grouping import DEFAULT_MAX_DAYS, DEFAULT_THRESHOLD, GROUP_THRESHOLD, ArticleProfile, affinity
from factalign.grouping.tree import consistent_cut


def _two_groups(cross: float) -> np.ndarray:
    """Two tight pairs of articles whose four cross pairs all have affinity ``cross``."""
    aff = np.full((4, 4), cross)
    aff[0, 1] = aff[1, 0] = aff[2, 3] = aff[3, 2] = 0.7
    np.fill_diagonal(aff, 1.0)
    return aff


def test_group_threshold_lies_above_the_single_article_threshold():
    assert DEFAULT_THRESHOLD < GROUP_THRESHOLD < 1.0


def test_two_groups_of_a_running_story_below_the_group_threshold_stay_apart():
    # "the council takes up the bill" and "the council passes it": alike enough for one article to join, not two groups
    cross = (DEFAULT_THRESHOLD + GROUP_THRESHOLD) / 2
    assert consistent_cut(_two_groups(cross), DEFAULT_THRESHOLD).tolist() == [0, 0, 1, 1]


def test_two_groups_at_or_above_the_group_threshold_are_one_story():
    # two pairs of outlets (a story and its trimmed copy each) that report the event alike
    assert consistent_cut(_two_groups(GROUP_THRESHOLD + 0.01), DEFAULT_THRESHOLD).tolist() == [0, 0, 0, 0]


def test_one_article_joins_a_group_below_the_group_threshold():
    cross = (DEFAULT_THRESHOLD + GROUP_THRESHOLD) / 2
    pair_and_one = np.array([[1.0, 0.7, cross], [0.7, 1.0, cross], [cross, cross, 1.0]])
    assert consistent_cut(pair_and_one, DEFAULT_THRESHOLD).tolist() == [0, 0, 0]


def _dated(name: str, day: int) -> ArticleProfile:
    return ArticleProfile(name, np.array([1.0, 0.0]), ("name:ostervik", "value:14"), dt.date(2024, 3, day))


def test_articles_published_more_than_max_days_apart_never_join():
    first, late = _dated("monday", 4), _dated("later", 4 + DEFAULT_MAX_DAYS + 1)
    assert affinity([first, late])[0, 1] == 0.0


def test_articles_published_within_max_days_keep_their_affinity():
    first, next_days = _dated("monday", 4), _dated("thursday", 4 + DEFAULT_MAX_DAYS)
    assert affinity([first, next_days])[0, 1] > 0.9
    assert affinity([first, next_days], max_days=None)[0, 1] == affinity([first, next_days])[0, 1]


DEBATE = ("The Ostervik council voted 9 to 4 on Monday to open debate on the harbour levy bill, which would charge "
          "ferry operators 14 crowns per passenger.")
DEBATE_2 = ("Ostervik councillors agreed on Monday, by nine votes to four, to take up the harbour levy of 14 crowns "
            "per ferry passenger.")
PASSED = ("Ostervik's council passed the harbour levy on Thursday, 11 votes to 2; ferry operators will pay 14 crowns "
          "per passenger from June.")


def test_same_levy_debated_and_passed_days_apart_are_two_stories_with_dates():
    found = stories([Source("debate", DEBATE, published=dt.date(2024, 3, 4)),
                     Source("debate_2", DEBATE_2, published=dt.date(2024, 3, 4)),
                     Source("passed", PASSED, published=dt.date(2024, 3, 4 + DEFAULT_MAX_DAYS + 1))])
    assert sorted(sorted(s.name for s in story) for story in found) == [["debate", "debate_2"], ["passed"]]

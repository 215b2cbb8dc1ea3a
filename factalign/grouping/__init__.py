"""Grouping articles into stories (``factalign.stories``) and comparing within each story.

    >>> from factalign import stories
    >>> found = stories(["today/a.txt", "today/b.txt", "today/c.txt"])   # doctest: +SKIP
    >>> [[s.name for s in story] for story in found]                      # doctest: +SKIP
    [['a', 'c'], ['b']]
"""

from .similarity import (DEFAULT_MAX_DAYS, DEFAULT_THRESHOLD, TEXT_DATE_PENALTY, TEXT_DATE_WINDOW, ArticleProfile,
                         affinity, cluster, profile_articles, quote_bonds)
from .tree import GROUP_THRESHOLD, consistent_cut
from .collection import ALIGN_THRESHOLD, Stories, main_story, stories

__all__ = ["stories", "Stories", "main_story", "ALIGN_THRESHOLD", "ArticleProfile", "affinity", "cluster",
           "profile_articles", "quote_bonds", "TEXT_DATE_WINDOW", "TEXT_DATE_PENALTY",
           "DEFAULT_THRESHOLD", "DEFAULT_MAX_DAYS", "GROUP_THRESHOLD", "consistent_cut"]

"""Group a stream of coverage into stories and keep assigning new articles to them.

:func:`stories` groups a batch of articles at once; :class:`Stories` holds the grouping, iterates as a list of
stories (each a list of :class:`~factalign.models.Source`) and takes new articles one at a time with
:meth:`Stories.add`. How articles are compared is in :mod:`factalign.grouping.similarity`.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from ..errors import InputError
from ..models import Source
from .similarity import (DEFAULT_MAX_DAYS, DEFAULT_THRESHOLD, ArticleProfile, affinity, cluster, profile_articles,
                         quote_bonds)


class Stories:
    """Articles grouped into stories: a list of stories, each a list of :class:`~factalign.models.Source`.

    Build one with :func:`stories` (all at once) or start empty and :meth:`add` articles as they arrive.

    Args:
        threshold: affinity at or above which articles are one story (default calibrated on BASIL dev).
        max_days: articles published further apart never join (None: ignore dates).
        model: sentence-transformers model name or path for the lead embeddings.
        spacy_model: spaCy pipeline name or path for the entities.
        embedder: anything with ``embed(texts) -> ndarray``, replacing the default embedder.

    Example:
        >>> found = Stories()                                       # doctest: +SKIP
        >>> found.add(Source("wire", "A 6.4 quake struck Peru..."))  # doctest: +SKIP
        0
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, max_days: int | None = DEFAULT_MAX_DAYS,
                 model: str | None = None, spacy_model: str | None = None, embedder: Any = None):
        self.threshold = threshold
        self.max_days = max_days
        self.model = model
        self.spacy_model = spacy_model
        self.embedder = embedder
        self._sources: list[Source] = []
        self._profiles: list[ArticleProfile] = []
        self._labels: list[int] = []

    # -- building --------------------------------------------------------------------------------------------
    def fit(self, sources: Sequence[Source], docs: Sequence[Any] | None = None) -> "Stories":
        """Group these articles from scratch (replacing any earlier grouping); returns self.

        ``docs``: a spaCy parse of each article already made (``align()`` passes its one parse per source), whose
        entities are read instead of parsing the articles' openings again.
        """
        self._sources = list(sources)
        self._profiles = self._profile(self._sources, docs)
        bonds = quote_bonds([p.keys for p in self._profiles])
        labels = cluster(affinity(self._profiles, self.max_days), self.threshold, bonds=bonds)
        self._labels = [int(x) for x in labels]
        return self

    def add(self, article: Any) -> int:
        """Assign one new article to the story it best matches, or start a new story; returns the story's index.

        Earlier stories never change: the article joins the story whose articles it matches best on average
        (the same average linkage the grouping uses), when that mean affinity reaches the threshold.
        """
        from ..read import to_sources

        (source,) = to_sources([article])
        if source.name in {s.name for s in self._sources}:
            raise InputError(f"an article named {source.name!r} is already grouped; names must be unique")
        (profile,) = self._profile([source])
        return self.add_profiled(source, profile)

    def add_profiled(self, source: Source, profile: ArticleProfile) -> int:
        """:meth:`add` for an article already read by :func:`profile_articles` (no model is run)."""
        story, best = self.closest(profile)
        label = story if story is not None and best >= self.threshold else (max(self._labels, default=-1) + 1)
        self._sources.append(source)
        self._profiles.append(profile)
        self._labels.append(label)
        return label

    def closest(self, profile: ArticleProfile) -> tuple[int | None, float]:
        """The story a profiled article matches best, and its mean affinity to that story's articles."""
        if not self._profiles:
            return None, 0.0
        row = affinity(self._profiles + [profile], self.max_days)[-1, :-1]
        labels = np.array(self._labels)
        means = {int(k): float(row[labels == k].mean()) for k in np.unique(labels)}
        story = max(means, key=means.get)
        return story, means[story]

    def _profile(self, sources: Sequence[Source], docs: Sequence[Any] | None = None) -> list[ArticleProfile]:
        return profile_articles(sources, embedder=self.embedder, model=self.model, spacy_model=self.spacy_model,
                                docs=docs)

    # -- reading ---------------------------------------------------------------------------------------------
    @property
    def labels(self) -> list[int]:
        """Story index of each article, in the order the articles were given."""
        return list(self._labels)

    @property
    def profiles(self) -> list[ArticleProfile]:
        """What grouping read from each article, in the order given."""
        return list(self._profiles)

    @property
    def sources(self) -> list[Source]:
        """Every article grouped so far, in the order given."""
        return list(self._sources)

    def story_of(self, name: str) -> list[Source]:
        """The story holding the article with this name."""
        for source, label in zip(self._sources, self._labels):
            if source.name == name:
                return self[label]
        raise KeyError(name)

    def multi(self) -> list[list[Source]]:
        """Stories with at least two articles (the ones that can be compared)."""
        return [story for story in self if len(story) >= 2]

    def singletons(self) -> list[Source]:
        """Articles alone in their story (set aside: nothing to compare them with)."""
        return [story[0] for story in self if len(story) == 1]

    def __getitem__(self, index: int) -> list[Source]:
        return [s for s, label in zip(self._sources, self._labels) if label == index]

    def __len__(self) -> int:
        return len(set(self._labels))

    def __iter__(self):
        return (self[k] for k in range(len(self)))

    def to_frame(self, reports: Sequence[Any] | None = None):
        """Stories × sources table (pandas DataFrame); see :func:`factalign.views.stories.stories_frame`."""
        from ..views.stories import stories_frame

        return stories_frame(self, reports)

    def __repr__(self) -> str:
        sizes = sorted((len(story) for story in self), reverse=True)
        return f"<Stories {len(self._sources)} articles in {len(self)} stories (sizes {sizes[:10]})>"


def stories(articles: Any, *, threshold: float = DEFAULT_THRESHOLD, max_days: int | None = DEFAULT_MAX_DAYS,
            model: str | None = None, spacy_model: str | None = None, embedder: Any = None) -> Stories:
    """Group articles into stories by what they report.

    Args:
        articles: what :func:`factalign.align` accepts: a dict name -> text, texts, paths or :class:`Source`.
        threshold: affinity at or above which articles are one story.
        max_days: articles published further apart (when both dates are known) never join; None ignores dates.
        model: sentence-transformers model name or path.
        spacy_model: spaCy pipeline name or path.
        embedder: replaces the embed stage (anything with ``embed(texts) -> ndarray``).

    Returns:
        A :class:`Stories`: iterate it for the stories (lists of sources), call ``.add(article)`` for new ones.

    Example:
        >>> found = stories({"a": quake_wire, "b": quake_local, "c": match_report})  # doctest: +SKIP
        >>> [[s.name for s in story] for story in found]                               # doctest: +SKIP
        [['a', 'b'], ['c']]
    """
    from ..read import to_sources

    sources = to_sources(articles)
    if not sources:
        raise InputError("no articles to group into stories")
    return Stories(threshold=threshold, max_days=max_days, model=model, spacy_model=spacy_model,
                   embedder=embedder).fit(sources)


#: Affinity below which :func:`main_story` sets an article aside when ``align()`` is given three or more articles.
#: Lower than the grouping threshold because the caller already chose these articles as one story: on BASIL dev
#: without dates, 0.32 is the highest cut (in steps of 0.02) that keeps all 50 three-outlet events whole beside five
#: articles of other events, and keeps 1 of 500 such articles in the story (docs/benchmarks.md, "Stories").
ALIGN_THRESHOLD = 0.32


def main_story(sources: Sequence[Source], reference: str | None = None, threshold: float = ALIGN_THRESHOLD,
               docs: Sequence[Any] | None = None, **grouping: Any) -> tuple[list[int], dict[str, str]]:
    """Which of the sources given to ``align()`` make up its story, and why each other one is set aside.

    The sources are grouped into stories; the story is the one holding ``reference`` when given, else the one with
    the most sources (the earliest on a tie). Every source outside it is set aside with a one-line reason.

    Args:
        sources: the articles given to ``align()``.
        reference: name of the reference source, if any.
        threshold: grouping threshold (default :data:`ALIGN_THRESHOLD`).
        docs: the run's parse of each source, whose entities are read (None: the openings are parsed).
        **grouping: ``model``, ``spacy_model``, ``embedder`` or ``max_days`` for :class:`Stories`.

    Returns:
        ``(indices of the sources in the story, {name: reason} for the sources set aside)``.
    """
    found = Stories(threshold=threshold, **grouping).fit(sources, docs)
    labels = np.array(found.labels)
    names = [s.name for s in sources]
    if reference is not None:
        chosen = int(labels[names.index(reference)])
    else:
        sizes = np.bincount(labels)
        chosen = int(np.flatnonzero(sizes == sizes.max())[0])
    keep = [i for i in range(len(sources)) if labels[i] == chosen]
    row_of = affinity(found.profiles, found.max_days)
    reasons = {}
    for i in range(len(sources)):
        if labels[i] != chosen:
            mean = float(row_of[i, keep].mean())
            reasons[names[i]] = (f"reports a different story: its affinity with the others (shared names, figures "
                                 f"and lead) is {mean:.2f}, below {threshold:g}")
    return keep, reasons

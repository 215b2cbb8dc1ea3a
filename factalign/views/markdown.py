"""Markdown view: pastes into a pull request or an issue."""

from __future__ import annotations

from .common import ORDER, TITLES, headline, shorten, sides, story_note


def _cell(text: str) -> str:
    return shorten(text, 160).replace("|", "\\|")


def render_markdown(report, limit: int | None = 50) -> str:
    """The Markdown report: a headline, then one table per kind with up to ``limit`` rows (None: all).

    Example:
        >>> render_markdown(report).splitlines()[0]  # doctest: +SKIP
        '## factalign report'
    """
    lines = ["## factalign report", "", headline(report) + "."]
    note = story_note(report)
    if note:
        lines += ["", f"> **{note}**"]
    for kind in ORDER:
        found = report.of_kind(kind)
        if not found:
            continue
        shown = found if limit is None else found[:limit]
        lines += ["", f"### {TITLES[kind]} ({len(found)})", ""]
        if kind == "artefact":
            lines += ["| source | span | suggestion | offsets | why |", "|---|---|---|---|---|"]
            lines += [f"| {f.source} | `{_cell(f.span or '')}` | `{_cell(f.suggestion or '')}` | {f.start}–{f.end} | "
                      f"{_cell(f.explanation)} |" for f in shown]
        else:
            lines += ["| score | type | explanation | claims |", "|---|---|---|---|"]
            for f in shown:
                claims = "<br>".join(f"**{n}**: {_cell(t)}" for n, t in sides(report, f))
                lines.append(f"| {f.score:.2f} | {f.subtype or f.kind} | {_cell(f.explanation)} | {claims} |")
        if len(shown) < len(found):
            lines += ["", f"_…and {len(found) - len(shown)} more._"]
    return "\n".join(lines) + "\n"

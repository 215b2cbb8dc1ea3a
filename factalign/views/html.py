"""HTML view: a findings table and the sources with every finding highlighted at its offsets."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from .common import ORDER, TITLES, headline, shorten, sides, story_note
from .templates import LEGEND, PAGE, STYLE

# Where marks overlap, the most important one gives the colour.
_PRIORITY = {"contradiction": 3, "artefact": 2, "omission": 1, "agreement": 0}


def render_html(report, standalone: bool = True, limit: int = 30) -> str:
    parts = [STYLE, '<div class="fa-report">', f"<p><b>factalign</b>: {escape(headline(report))}</p>"]
    note = story_note(report)
    if note:
        parts.append(f'<p class="fa-note">{escape(note)}</p>')
    for kind in ORDER:
        found = report.of_kind(kind)
        if found:
            parts.append(_table(report, kind, found[:limit], len(found)))
    parts += [LEGEND, '<div class="fa-sources">']
    parts += [_source(report, s) for s in report.sources]
    parts += ["</div></div>"]
    body = "\n".join(parts)
    return PAGE.format(body=body) if standalone else body


def _table(report, kind, found, total) -> str:
    rows = []
    for f in found:
        if kind == "artefact":
            what = f"<code>{escape(f.span or '')}</code> → <code>{escape(f.suggestion or '')}</code> ({escape(f.source or '')})"
        else:
            what = "<br>".join(f"<b>{escape(n)}</b>: {escape(shorten(t, 200))}" for n, t in sides(report, f))
        rows.append(f"<tr><td>{f.score:.2f}</td><td>{escape(f.subtype or kind)}</td>"
                    f"<td>{escape(f.explanation)}</td><td>{what}</td></tr>")
    more = f"<p>…and {total - len(found)} more.</p>" if total > len(found) else ""
    return (f"<h3>{TITLES[kind]} ({total})</h3><table><tr><th>score</th><th>type</th><th>why</th><th>evidence</th></tr>"
            + "".join(rows) + "</table>" + more)


def _marks(report, name):
    """(start, end, kind, title) for every finding touching source ``name``."""
    claim_of = {c.id: c for c in report.claims}
    marks = []
    for f in report.findings:
        if f.kind == "artefact":
            if f.source == name and f.start is not None:
                marks.append((f.start, f.end, "artefact", f"{f.explanation} → {f.suggestion}"))
            continue
        for cid in f.claims:
            c = claim_of[cid]
            if c.source == name:
                marks.append((c.start, c.end, f.kind, f.explanation))
    return marks


def _source(report, source) -> str:
    text = source.text
    marks = _marks(report, source.name)
    cuts = sorted({0, len(text), *[m[0] for m in marks], *[m[1] for m in marks]})
    covering = defaultdict(list)
    for start, end, kind, title in marks:
        for a, b in zip(cuts, cuts[1:]):
            if a >= start and b <= end:
                covering[a].append((kind, title))
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        if covering[a]:
            kind = max((k for k, _ in covering[a]), key=_PRIORITY.get)
            title = escape(" | ".join(dict.fromkeys(t for _, t in covering[a])))
            piece = f'<span class="fa-{kind}" title="{title}">{piece}</span>'
        out.append(piece)
    return f'<div class="fa-source"><h4>{escape(source.name)}</h4>{"".join(out)}</div>'

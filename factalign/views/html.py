"""HTML view: a summary, the key facts, a filterable list of findings and the sources side by side with every
claim highlighted at its offsets. One self-contained file (see ``templates.py``); all article text is escaped.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter
from html import escape

from .common import ORDER, SINGULAR, counted, headline, shorten, sides, story_note
from .highlight import PRIORITY, marks_of, segments
from .templates import LEGEND, PAGE, SCRIPT, STYLE

#: Positions sort by source first, then offset; no article is this long, so the two never mix.
_POSITION_STRIDE = 10**9
#: Characters of each side shown in a finding's row (the full text is in the highlighted source).
_SIDE_WIDTH = 180

_renders = itertools.count()


def render_html(report, standalone: bool = True) -> str:
    """Render a report as HTML.

    Args:
        report: a :class:`~factalign.report.Report`.
        standalone: a whole page (True) or a fragment for a notebook cell (False).

    Returns:
        The HTML text; it loads nothing from the network.

    Example:
        >>> from factalign import align
        >>> html = render_html(align({"a": "Ten people died.", "b": "Twelve people died."}))  # doctest: +SKIP
        >>> html.startswith("<!DOCTYPE html>")  # doctest: +SKIP
        True
    """
    root = _root_id(report)
    finding_ids = {i: f"f{i}" for i in range(len(report.findings))}
    parts = [STYLE, f'<div class="fa-report" id="{root}">', _summary(report), _key_facts(report),
             _controls(report), '<div class="fa-findings">', *_rows(report, finding_ids)]
    if not report.findings:
        parts.append('<div class="fa-empty">No findings.</div>')
    parts += ["</div>", '<div class="fa-detail" aria-live="polite"></div>', LEGEND, '<div class="fa-sources">']
    parts += [_source(report, i, finding_ids) for i in range(len(report.sources))]
    parts += ["</div>", "</div>", SCRIPT.replace("__ROOT__", root)]
    body = "\n".join(p for p in parts if p)
    return PAGE.format(title=escape("factalign: " + ", ".join(s.name for s in report.sources)), body=body) \
        if standalone else body


def _root_id(report) -> str:
    """Unique per render, so two reports in one notebook never drive each other's script."""
    digest = hashlib.sha1("\0".join(s.name + "\0" + s.text for s in report.sources).encode("utf-8")).hexdigest()
    return f"fa-{digest[:10]}-{next(_renders)}"


def _summary(report) -> str:
    counts = Counter(f.kind for f in report.findings)
    words = {k: counted(counts[k], k).split(" ", 1)[1] for k in ORDER}
    chips = "".join(f'<span class="fa-chip fa-c-{k}"><b>{counts[k]}</b>{escape(words[k])}</span>' for k in ORDER)
    note = story_note(report)
    out = ['<h2>factalign report</h2>', f'<p class="fa-sub">{escape(headline(report))}</p>']
    if note:
        out.append(f'<p class="fa-note">{escape(note)}</p>')
    out += ['<div class="fa-top">', f'<div><h3>Findings by kind</h3><div class="fa-chips">{chips}</div></div>',
            f"<div><h3>Per source</h3>{_per_source(report)}</div>", "</div>"]
    return "\n".join(out)


def _per_source(report) -> str:
    frame = report.summary()
    columns = ["claims", "facts_shared", "unique_facts", "omissions", "contradictions", "artefacts"]
    heads = "".join(f"<th>{escape(c.replace('_', ' '))}</th>" for c in columns)
    rows = []
    for name, row in frame.iterrows():
        flag = "" if row["related"] else ' <small>(other story)</small>'
        cells = "".join(f'<td class="fa-num">{int(row[c])}</td>' for c in columns)
        rows.append(f"<tr><th>{escape(str(name))}{flag}</th>{cells}</tr>")
    return f"<table><tr><th>source</th>{heads}</tr>{''.join(rows)}</table>"


def _key_facts(report) -> str:
    """The key-facts table (when the report has one), conflicting rows highlighted."""
    table = getattr(report, "key_facts", None)
    if callable(table):
        table = table()
    if table is None or len(table) == 0:
        return ""
    records = table.reset_index().to_dict("records") if hasattr(table, "to_dict") else [dict(r) for r in table]
    columns = list(dict.fromkeys(k for r in records for k in r if k != "index"))
    heads = "".join(f"<th>{escape(str(c))}</th>" for c in columns)
    rows = []
    for record in records:
        cls = ' class="fa-conflict"' if _is_conflict(record) else ""
        cells = "".join(f"<td>{escape(_cell(record.get(c)))}</td>" for c in columns)
        rows.append(f"<tr{cls}>{cells}</tr>")
    return f'<h3>Key facts</h3><table class="fa-kf"><tr>{heads}</tr>{"".join(rows)}</table>'


def _is_conflict(record: dict) -> bool:
    for key in ("conflict", "conflicting", "contradiction"):
        if key in record and record[key] is not None and bool(record[key]) and str(record[key]) != "nan":
            return True
    return "conflict" in str(record.get("status", "")).lower()


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple, set)):
        return ", ".join(map(str, value))
    return str(value)


def _controls(report) -> str:
    counts = Counter(f.kind for f in report.findings)
    kinds = "".join(f'<label><input type="checkbox" name="kind" value="{k}" checked> {escape(SINGULAR[k])} '
                    f"({counts[k]})</label>" for k in ORDER)
    sources = "".join(f'<label><input type="checkbox" name="source" value="s{i}" checked> {escape(s.name)}</label>'
                      for i, s in enumerate(report.sources))
    return (
        '<div class="fa-controls">'
        f"<fieldset><legend>Kind</legend>{kinds}</fieldset>"
        f"<fieldset><legend>Source</legend>{sources}</fieldset>"
        '<fieldset><legend>Min score</legend><input type="range" name="minscore" min="0" max="1" step="0.05" '
        'value="0" aria-label="minimum score"> <span class="fa-minscore-value">0.00</span></fieldset>'
        '<fieldset><legend>Sort</legend><select name="sort" aria-label="sort findings">'
        '<option value="report">as reported</option><option value="score">by score</option>'
        '<option value="position">by position</option></select></fieldset>'
        f'<span class="fa-shown">{len(report.findings)} findings</span></div>'
    )


def _rows(report, finding_ids: dict[int, str]) -> list[str]:
    index = {s.name: i for i, s in enumerate(report.sources)}
    claim_of = {c.id: c for c in report.claims}
    ranked = sorted(range(len(report.findings)), key=lambda i: ORDER.index(report.findings[i].kind))
    rows = []
    for rank, i in enumerate(ranked):
        f = report.findings[i]
        involved = [claim_of[c].source for c in f.claims if c in claim_of] + [f.source]
        src = " ".join(dict.fromkeys(f"s{index[n]}" for n in involved if n in index))
        rows.append(
            f'<div class="fa-finding fa-k-{f.kind}" data-id="{finding_ids[i]}" data-kind="{f.kind}" '
            f'data-score="{f.score:.4f}" data-pos="{_position(f, claim_of, index)}" data-rank="{rank}" '
            f'data-src="{src}" tabindex="0" title="click to pin; the claims are highlighted in every source">'
            f'<span class="fa-score">{f.score:.2f}</span>'
            f'<span class="fa-what">{escape(f.kind)}{" · " + escape(f.subtype) if f.subtype else ""}</span>'
            f'<span class="fa-why">{escape(f.explanation)}</span>'
            f'<div class="fa-sides">{_sides(report, f)}</div></div>'
        )
    return rows


def _position(finding, claim_of, index) -> int:
    spots = [(index[claim_of[c].source], claim_of[c].start) for c in finding.claims if c in claim_of]
    if finding.start is not None and finding.source in index:
        spots.append((index[finding.source], finding.start))
    where = min(spots, default=(len(index), 0))
    return where[0] * _POSITION_STRIDE + where[1]


def _sides(report, finding) -> str:
    if finding.kind == "artefact":
        return (f'<span class="fa-src">{escape(finding.source or "")}</span>: “{escape(finding.span or "")}” → '
                f'“{escape(finding.suggestion or "")}”')
    lines = [f'<span class="fa-src">{escape(name)}</span>: {escape(shorten(text, _SIDE_WIDTH))}'
             for name, text in sides(report, finding)]
    if finding.missing_from:
        lines.append(f"missing from {escape(', '.join(finding.missing_from))}")
    return "<br>".join(lines)


def _source(report, i: int, finding_ids: dict[int, str]) -> str:
    source = report.sources[i]
    text = source.text
    why = {finding_ids[j]: f.explanation for j, f in enumerate(report.findings)}
    out = []
    for seg in segments(len(text), marks_of(report, source.name, finding_ids)):
        piece = escape(text[seg.start:seg.end])
        if not seg.claim:
            out.append(piece)
            continue
        classes = "fa-seg fa-claim" + (f" fa-{seg.kind}" if seg.kind in PRIORITY else "")
        title = escape(" | ".join(dict.fromkeys(why[f] for f in seg.findings)) or "a claim with no finding")
        out.append(f'<span class="{classes}" data-f="{" ".join(seg.findings)}" title="{title}">{piece}</span>')
    n_claims = sum(1 for c in report.claims if c.source == source.name)
    meta = f" <small>{n_claims} claims{' · ' + escape(source.url) if source.url else ''}</small>"
    return (f'<div class="fa-source" data-source="s{i}"><h4>{escape(source.name)}{meta}</h4>'
            f'<div class="fa-text">{"".join(out)}</div></div>')

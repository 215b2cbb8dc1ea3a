"""GitHub Actions workflow annotations: one ``::error`` / ``::warning`` line per finding side, placed at the claim.

See https://docs.github.com/actions/reference/workflow-commands-for-github-actions. Contradictions are errors,
omissions and translation artefacts warnings; agreements are not annotated (nothing to fix).
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, NamedTuple

from .common import shorten

#: Annotation level per finding kind; kinds missing here are not annotated.
LEVELS = {"contradiction": "error", "artefact": "warning", "omission": "warning"}
#: GitHub truncates long annotation messages; a claim is quoted up to this many characters.
_QUOTE_WIDTH = 160


class Position(NamedTuple):
    """1-based line and column of a character offset."""

    line: int
    col: int


def position(text: str, offset: int) -> Position:
    """Line and column (both from 1) of character ``offset`` in ``text``.

    Example:
        >>> position("one\\ntwo three", 8)
        Position(line=2, col=5)
    """
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    return Position(line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def escape_data(value: str) -> str:
    """Escape an annotation message (``%``, CR and LF), as the runner expects.

    Example:
        >>> escape_data("50% less\\nthan")
        '50%25 less%0Athan'
    """
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape an annotation property (``file=``, ``title=``): also ``:`` and ``,``.

    Example:
        >>> escape_property("a,b: c")
        'a%2Cb%3A c'
    """
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(report, paths: Mapping[str, str] | None = None) -> str:
    """Workflow annotations for a report, one line per finding and source it touches.

    Args:
        report: a :class:`~factalign.report.Report`.
        paths: source name -> the file it was read from (defaults to the source name). When the file's text is
            not the source text (an HTML page), the claim's evidence is looked up in the file to place it.

    Returns:
        Lines such as ``::error file=a.txt,line=3,col=5,endLine=3,endColumn=40,title=...::...``.

    Example:
        >>> from factalign import align
        >>> print(render_github(align({"a": "Ten people died.", "b": "Twelve people died."}),
        ...                     {"a": "a.txt", "b": "b.txt"}))  # doctest: +SKIP
        ::error file=a.txt,line=1,col=1,endLine=1,endColumn=16,title=factalign contradiction (number)::...
    """
    paths = dict(paths or {})
    files = _FileTexts(report, paths)
    lines = []
    for f in report.findings:
        level = LEVELS.get(f.kind)
        if level is None:
            continue
        title = f"factalign {f.kind}" + (f" ({f.subtype})" if f.subtype else "")
        for name, start, end, quote in _spots(report, f):
            begin, stop = files.locate(name, start, end)
            props = {"file": paths.get(name, name), "line": begin.line, "col": begin.col,
                     "endLine": stop.line, "endColumn": stop.col, "title": title}
            head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
            message = f"{f.explanation} [{name}: “{shorten(quote, _QUOTE_WIDTH)}”] (score {f.score:.2f})"
            lines.append(f"::{level} {head}::{escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _spots(report, finding) -> list[tuple[str, int, int, str]]:
    """(source, start, end, text) for each place a finding is about."""
    if finding.kind == "artefact":
        if finding.source is None or finding.start is None or finding.end is None:
            return []
        return [(finding.source, finding.start, finding.end, finding.span or "")]
    # One place per sentence: an omission's several claims from one sentence make one annotation, not three.
    spans: dict[tuple[str, int], list[int]] = {}
    for cid in finding.claims:
        claim = report.claim(cid)
        span = spans.setdefault((claim.source, claim.sentence), [claim.start, claim.end])
        span[0], span[1] = min(span[0], claim.start), max(span[1], claim.end)
    return [(name, start, end, report.source(name).text[start:end]) for (name, _), (start, end) in spans.items()]


class _FileTexts:
    """Places source offsets in the files the sources came from."""

    def __init__(self, report, paths: Mapping[str, str]):
        self.sources = {s.name: s.text for s in report.sources}
        self.paths = paths
        self._files: dict[str, str | None] = {}

    def _file(self, name: str) -> str | None:
        if name not in self._files:
            path = self.paths.get(name)
            try:
                self._files[name] = Path(path).read_text(encoding="utf-8-sig") if path else None
            except (OSError, UnicodeDecodeError):
                self._files[name] = None
        return self._files[name]

    def locate(self, name: str, start: int, end: int) -> tuple[Position, Position]:
        """Start and end positions in the file (exact for text files; by search for extracted HTML text)."""
        text = self.sources.get(name, "")
        file_text = self._file(name)
        if file_text is not None and file_text != text:
            found = file_text.find(text[start:end])
            if found >= 0:
                return position(file_text, found), position(file_text, found + (end - start))
        return position(text, start), position(text, end)

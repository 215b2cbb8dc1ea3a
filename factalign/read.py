"""Reading inputs: files (.txt, .md, .html, .htm), ``NAME=PATH`` specs and the shapes ``align()`` accepts.

HTML goes through trafilatura first (favouring recall, one paragraph per block), so the text a
:class:`~factalign.models.Source` holds, and every offset into it, is the extracted article text.

    >>> to_sources({"wire": "Quake hits Peru.", "local": "An earthquake struck Peru."})[1].name
    'local'
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import InputError
from .models import Source

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")


def read_source(spec: str | Path, name: str | None = None) -> Source:
    """Read one article from disk.

    Args:
        spec: a path to a .txt, .md, .html or .htm file, or ``"NAME=PATH"``.
        name: the source's name; defaults to NAME from the spec, else the file's stem.

    Returns:
        A :class:`Source` whose text is the file's text (HTML: the article text trafilatura extracts).

    Raises:
        InputError: the file is missing, a directory, empty, not UTF-8, or of an unsupported type.
    """
    spec_name, path = _split_spec(spec)
    name = name or spec_name or path.stem
    if not path.exists():
        raise InputError(f"no such file: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a directory, not an article file")
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise InputError(
            f"unsupported file type {suffix or '(none)'!r} for {path}; "
            f"expected one of {', '.join(TEXT_SUFFIXES + HTML_SUFFIXES)}"
        )
    try:
        # utf-8-sig drops a leading BOM, which would otherwise shift every offset by one.
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    if suffix in HTML_SUFFIXES:
        return _html_source(raw, name, path)
    if not raw.strip():
        raise InputError(f"{path} is empty")
    return Source(name=name, text=raw)


def html_to_source(html: str, name: str, url: str | None = None) -> Source:
    """Extract the article from an HTML page with trafilatura and wrap it as a :class:`Source`.

    Raises:
        InputError: trafilatura finds no article text.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, favor_recall=True, include_comments=False, include_tables=True,
        with_metadata=True, as_dict=False,
    )
    body = (doc.text or "").strip() if doc is not None else ""
    if not body:
        raise InputError(f"no article text found in the HTML of {name!r}")
    # One blank line between blocks: paragraph boundaries are what furniture cleaning works on.
    text = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    return Source(
        name=name, text=text, url=getattr(doc, "url", None) or url,
        published=_parse_date(getattr(doc, "date", None)),
    )


def to_sources(obj) -> list[Source]:
    """Normalise what ``align()`` accepts into a list of sources with unique names.

    Accepts a dict name -> text (or -> Source), a single Source, or an iterable mixing strings, paths and
    sources. A string that names an existing file (or a ``NAME=PATH`` spec of one) is read from disk;
    any other string is article text, named ``source_1``, ``source_2``, ... by position.

    Raises:
        InputError: an empty text, an unreadable file, an unsupported item or duplicate names.
    """
    if isinstance(obj, Source):
        items: list = [obj]
    elif isinstance(obj, Mapping):
        items = [_named(str(k), v) for k, v in obj.items()]
    elif isinstance(obj, (str, Path)):
        items = [obj]
    elif isinstance(obj, Iterable):
        items = list(obj)
    else:
        raise InputError(f"cannot read sources from a {type(obj).__name__}; give texts, paths or Sources")
    sources = [_one(item, i) for i, item in enumerate(items, start=1)]
    seen: set[str] = set()
    for source in sources:
        if source.name in seen:
            raise InputError(f"two sources are named {source.name!r}; names must be unique")
        seen.add(source.name)
    return sources


def _named(name: str, value) -> Source:
    if isinstance(value, Source):
        return value if value.name == name else Source(
            name=name, text=value.text, url=value.url, language=value.language, published=value.published
        )
    if isinstance(value, Path):
        return read_source(value, name=name)
    if not isinstance(value, str):
        raise InputError(f"source {name!r} must be text, a path or a Source, not {type(value).__name__}")
    return _text_source(value, name)


def _one(item, position: int) -> Source:
    if isinstance(item, Source):
        if not item.text.strip():
            raise InputError(f"source {item.name!r} is empty")
        return item
    if isinstance(item, Path):
        return read_source(item)
    if isinstance(item, str):
        if _looks_like_file(item):
            return read_source(item)
        return _text_source(item, f"source_{position}")
    raise InputError(f"item {position} must be text, a path or a Source, not {type(item).__name__}")


def _text_source(text: str, name: str) -> Source:
    if not text.strip():
        raise InputError(f"source {name!r} is empty")
    return Source(name=name, text=text)


def _looks_like_file(item: str) -> bool:
    # Article texts are long and multi-line; only short one-line strings are worth a disk lookup.
    if "\n" in item or len(item) > 1024:
        return False
    _, path = _split_spec(item)
    try:
        return path.is_file()
    except OSError:
        return False


def _split_spec(spec: str | Path) -> tuple[str | None, Path]:
    if isinstance(spec, Path):
        return None, spec
    name, sep, rest = spec.partition("=")
    # "NAME=PATH" only when NAME looks like a name, so paths containing "=" still work.
    if sep and name and os.sep not in name and not Path(spec).exists():
        return name, Path(rest)
    return None, Path(spec)


def _html_source(raw: str, name: str, path: Path) -> Source:
    if not raw.strip():
        raise InputError(f"{path} is empty")
    return html_to_source(raw, name)


def _parse_date(value: str | None) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None

"""Reading inputs: files, folders, URLs, standard input, ``NAME=SPEC`` and the shapes ``align()`` accepts.

The input rules (docs/quickstart.md, "What factalign reads"):

- A :class:`~pathlib.Path`, or a string naming an existing file, is read from disk: ``.txt``, ``.md``, ``.text``,
  ``.markdown`` as text, ``.html``, ``.htm``, ``.xhtml`` through trafilatura, a file without an extension as text
  (or HTML when it starts like a page) when it decodes as text. A folder gives every such file in it.
- A string that *looks* like a path or URL (one line, no whitespace, a known extension or a scheme such as
  ``https://``) but names nothing raises :class:`~factalign.errors.InputError`: it is never compared as text.
- ``http(s)://`` addresses are fetched (:mod:`factalign.fetch`); ``-`` is standard input.
- Bytes are decoded by :mod:`factalign.decode` (UTF-8, UTF-16/32 with a mark, Windows-1252; binary refused).
- A source longer than ``max_chars`` characters (default :data:`MAX_CHARS`) is refused with a size error.
- Any other string is article text. Each source's language is detected when not given.

Offsets index ``Source.text``: the decoded text with line endings as given (HTML: the extracted article text).

    >>> to_sources({"wire": "Quake hits Peru.", "local": "An earthquake struck Peru."})[1].name
    'local'
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from .decode import decode_bytes
from .errors import DependencyError, InputError
from .fetch import fetch, is_url
from .language import with_language
from .models import Source
from .validate import check_max_chars

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Extensions of documents that are not read but make a string look like a file name rather than article text.
DOCUMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub")
#: Longest source read, in characters: about 150,000 words, ten times the longest long-form article; also the
#: longest text spaCy parses in one piece (nlp.max_length). Raise it with ``max_chars=`` / ``--max-chars``.
MAX_CHARS = 1_000_000
#: Longest paragraph the parser takes (spaCy's default ``nlp.max_length``); matters only above MAX_CHARS.
PARSER_MAX_CHARS = 1_000_000
#: Bytes per character at most (UTF-8 and UTF-32): a file above max_chars × this is refused before it is read.
MAX_BYTES_PER_CHAR = 4
#: A string this long or with a line break is article text, never a path or URL.
MAX_REFERENCE_CHARS = 2048
STDIN = "-"
_NAME = re.compile(r"^[^\s/\\:=]+$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
_HTML_START = re.compile(r"^\s*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HINT = "to compare a string that looks like a path or URL as article text, pass Source(name=..., text=...)"


def read_source(spec: str | Path, name: str | None = None, *, max_chars: int = MAX_CHARS) -> Source:
    """Read one article from a file, a URL or standard input.

    Args:
        spec: a path, an ``http(s)://`` URL, ``"-"`` for standard input, or ``"NAME=SPEC"``.
        name: the source's name; defaults to NAME from the spec, else the file's stem (``stdin``, the URL's host).
        max_chars: refuse an article longer than this many characters.

    Returns:
        A :class:`Source` whose text is the decoded text (HTML: the article text trafilatura extracts).

    Raises:
        InputError: missing, a folder, empty, binary, too large, of an unsupported type, or not fetched.
    """
    spec_name, target = _split_spec(spec)
    name = name or spec_name
    if isinstance(target, str) and target == STDIN:
        return _from_bytes(_read_stdin(max_chars), "standard input", name or "stdin", None, max_chars)
    if isinstance(target, str) and is_url(target):
        return _from_url(target, name, max_chars)
    path = Path(target)
    if path.is_dir():
        raise InputError(f"{path} is a folder, not an article file; compare or align() read every article in it")
    return _read_file(path, name or path.stem, max_chars)


def read_sources(specs: Iterable[str | Path], *, max_chars: int = MAX_CHARS) -> list[Source]:
    """Read several specs as :func:`read_source` does; a folder gives one source per article file in it."""
    specs = list(specs)
    if sum(1 for spec in specs if isinstance(spec, str) and _split_spec(spec)[1] == STDIN) > 1:
        raise InputError("standard input ('-') can be read only once")
    sources: list[Source] = []
    for spec in specs:
        spec_name, target = _split_spec(spec)
        if not (isinstance(target, str) and is_url(target)) and Path(target).is_dir():
            if spec_name:
                raise InputError(f"{spec_name}={target}: a folder gives several sources, so it cannot take a name")
            sources.extend(_read_folder(Path(target), max_chars))
        else:
            sources.append(read_source(spec, max_chars=max_chars))
    return sources


def html_to_source(html: str, name: str, url: str | None = None) -> Source:
    """Extract the article from an HTML page with trafilatura and wrap it as a :class:`Source`.

    Raises:
        InputError: trafilatura finds no article text.
        DependencyError: trafilatura cannot be imported.
    """
    try:
        import trafilatura
    except ImportError as exc:  # lxml without its HTML cleaner is the usual cause (pip skips lxml's extra)
        raise DependencyError(f"reading HTML needs trafilatura, which cannot be imported ({exc}); "
                              "install it with: pip install trafilatura lxml_html_clean") from exc

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


def to_sources(obj, *, max_chars: int = MAX_CHARS) -> list[Source]:
    """Normalise what ``align()`` accepts into a list of sources with unique names and detected languages.

    Accepts a dict name -> text, path or Source; a single Source, path or folder; or an iterable mixing
    texts, paths, URLs and sources. Strings follow the module's input rules; other strings are article
    text named ``source_1``, ``source_2``, ... by position.

    Raises:
        InputError: an empty or too long text, an unreadable file, a path-like string naming nothing, an
            unsupported item or duplicate names.
    """
    check_max_chars(max_chars)
    if isinstance(obj, Source):
        items: list = [obj]
    elif isinstance(obj, Mapping):
        items = [_named(str(k), v, max_chars) for k, v in obj.items()]
    elif isinstance(obj, (str, Path)):
        items = [obj]
    elif isinstance(obj, Iterable):
        items = list(obj)
    else:
        raise InputError(f"cannot read sources from a {type(obj).__name__}; give texts, paths or Sources")
    if sum(1 for item in items if isinstance(item, str) and _split_spec(item)[1] == STDIN) > 1:
        raise InputError("standard input ('-') can be read only once")
    sources = [s for i, item in enumerate(items, start=1) for s in _one(item, i, max_chars)]
    seen: set[str] = set()
    for source in sources:
        if source.name in seen:
            raise InputError(f"two sources are named {source.name!r}; names must be unique")
        seen.add(source.name)
    return [with_language(s) for s in sources]


def looks_like_reference(text: str) -> bool:
    """True when a string reads as a path or URL rather than article text: one short line without whitespace,
    with a scheme (``https://``) or a known file extension, or ``-``.

        >>> looks_like_reference("coverage/ap.txt"), looks_like_reference("Quake hits Peru.")
        (True, False)
    """
    if len(text) > MAX_REFERENCE_CHARS or not text or any(ch.isspace() for ch in text):
        return False
    _, target = _split_spec(text)
    target = str(target)
    return target == STDIN or is_url(target) or Path(target).suffix.lower() in _KNOWN_SUFFIXES


_KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + DOCUMENT_SUFFIXES


def check_size(text: str, label: str, max_chars: int) -> None:
    """Refuse a text longer than ``max_chars``, or with a paragraph longer than the parser takes.

    Raises:
        InputError: naming the input, its length and the limit.
    """
    if len(text) > max_chars:
        raise InputError(f"{label} is {len(text):,} characters long, over the limit of {max_chars:,} "
                         "(raise it with --max-chars or align(max_chars=...))")
    if len(text) > PARSER_MAX_CHARS:
        longest = max(len(p) for p in _PARAGRAPH_BREAK.split(text))
        if longest > PARSER_MAX_CHARS:
            raise InputError(f"{label} has a paragraph of {longest:,} characters; the parser takes at most "
                             f"{PARSER_MAX_CHARS:,} in one paragraph (separate paragraphs with blank lines)")


def _named(name: str, value, max_chars: int) -> Source:
    if isinstance(value, Source):
        renamed = value if value.name == name else Source(
            name=name, text=value.text, url=value.url, language=value.language, published=value.published
        )
        return _checked_source(renamed, max_chars)
    if isinstance(value, Path):
        return read_source(value, name=name, max_chars=max_chars)
    if not isinstance(value, str):
        raise InputError(f"source {name!r} must be text, a path or a Source, not {type(value).__name__}")
    if looks_like_reference(value) or _is_existing_file(value):
        return _reference(value, name, max_chars)
    return _checked_source(Source(name=name, text=value), max_chars)


def _one(item, position: int, max_chars: int) -> list[Source]:
    if isinstance(item, Source):
        return [_checked_source(item, max_chars)]
    if isinstance(item, Path):
        return read_sources([item], max_chars=max_chars)
    if isinstance(item, str):
        if _is_existing_dir(item):
            return read_sources([item], max_chars=max_chars)
        if looks_like_reference(item) or _is_existing_file(item):
            return [_reference(item, None, max_chars)]
        return [_checked_source(Source(name=f"source_{position}", text=item), max_chars)]
    raise InputError(f"item {position} must be text, a path or a Source, not {type(item).__name__}")


def _reference(spec: str, name: str | None, max_chars: int) -> Source:
    """Read a path-like or URL string; one that names nothing is an error with the hint, never article text."""
    _, target = _split_spec(spec)
    if isinstance(target, str) and (target == STDIN or is_url(target)):
        return read_source(spec, name=name, max_chars=max_chars)
    if not Path(target).exists():
        raise InputError(f"no such file: {str(target)!r}; {_HINT}")
    return read_source(spec, name=name, max_chars=max_chars)


def _checked_source(source: Source, max_chars: int) -> Source:
    if not source.text.strip():
        raise InputError(f"source {source.name!r} is empty")
    check_size(source.text, f"source {source.name!r}", max_chars)
    return source


def _read_file(path: Path, name: str, max_chars: int) -> Source:
    if not path.exists():
        raise InputError(f"no such file: {path}")
    suffix = path.suffix.lower()
    if suffix and suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise InputError(
            f"unsupported file type {suffix!r} for {path}; expected one of "
            f"{', '.join(TEXT_SUFFIXES + HTML_SUFFIXES)}, or a file without an extension holding text"
        )
    size = path.stat().st_size
    if size > max_chars * MAX_BYTES_PER_CHAR:
        raise InputError(f"{path} is {size:,} bytes, more than the limit of {max_chars:,} characters can hold "
                         "(raise it with --max-chars or align(max_chars=...))")
    html = True if suffix in HTML_SUFFIXES else False if suffix else None
    return _from_bytes(path.read_bytes(), str(path), name, None, max_chars, html=html)


def _read_folder(folder: Path, max_chars: int) -> list[Source]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES)
    if not files:
        raise InputError(f"folder {folder} holds no {', '.join(TEXT_SUFFIXES + HTML_SUFFIXES)} files")
    stems = [p.stem for p in files]
    # Two files with one stem ("ap.txt", "ap.html") keep their extensions so that names stay unique.
    return [_read_file(p, p.stem if stems.count(p.stem) == 1 else p.name, max_chars) for p in files]


def _read_stdin(max_chars: int) -> bytes:
    data = sys.stdin.buffer.read(max_chars * MAX_BYTES_PER_CHAR + 1)
    if len(data) > max_chars * MAX_BYTES_PER_CHAR:
        raise InputError(f"standard input holds more than the limit of {max_chars:,} characters "
                         "(raise it with --max-chars)")
    return data


def _from_url(url: str, name: str | None, max_chars: int) -> Source:
    page = fetch(url, max_bytes=max_chars * MAX_BYTES_PER_CHAR)
    data = page.data
    if page.charset:
        try:
            text = data.decode(page.charset)
            data = text.encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declared charset: the byte rules decide instead
    host = url.split("://", 1)[1].split("/", 1)[0].split(":")[0]
    return _from_bytes(data, url, name or host, page.url, max_chars, html=page.is_html)


def _from_bytes(data: bytes, label: str, name: str, url: str | None, max_chars: int,
                html: bool | None = None) -> Source:
    """Decode, extract HTML (``html=None``: when the text starts like a page) and check emptiness and size."""
    text = decode_bytes(data, label).text
    if not text.strip():
        raise InputError(f"{label} is empty")
    # Markup is not article text: a page's size limit is its byte cap, and its extracted text must fit max_chars.
    source = html_to_source(text, name, url) if html or (html is None and _HTML_START.match(text[:1000])) \
        else Source(name=name, text=text, url=url)
    check_size(source.text, label, max_chars)
    return source


def _is_existing_file(text: str) -> bool:
    return _exists(text, Path.is_file)


def _is_existing_dir(text: str) -> bool:
    return _exists(text, Path.is_dir)


def _exists(text: str, test) -> bool:
    # Article texts are long and multi-line; only short one-line strings are worth a disk lookup.
    if "\n" in text or len(text) > MAX_REFERENCE_CHARS or not text.strip():
        return False
    _, target = _split_spec(text)
    try:
        return not is_url(str(target)) and test(Path(target))
    except (OSError, ValueError):
        return False


def _split_spec(spec: str | Path) -> tuple[str | None, str | Path]:
    """``"NAME=SPEC"`` -> (NAME, SPEC) when NAME looks like a name; paths and URLs containing ``=`` stay whole."""
    if isinstance(spec, Path):
        return None, spec
    name, sep, rest = spec.partition("=")
    if sep and rest and _NAME.match(name) and not _exists_plain(spec):
        return name, rest
    return None, spec


def _exists_plain(spec: str) -> bool:
    try:
        return Path(spec).exists()
    except (OSError, ValueError):
        return False


def _parse_date(value: str | None) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None

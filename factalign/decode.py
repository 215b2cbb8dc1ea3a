"""Bytes to text: which encodings are read, and what is refused as binary.

The rules, in order (each one sentence):

1. A byte-order mark decides: UTF-8, UTF-16 (LE/BE) or UTF-32 (LE/BE); the mark itself is dropped.
2. Content that starts with the signature of a known binary format (PDF, ZIP/Office, images, ...) is refused.
3. Without a mark, any NUL byte means binary (text encodings without a mark never contain one).
4. Valid UTF-8 is read as UTF-8; otherwise Windows-1252 (which includes Latin-1's printable range) is tried.
5. Text with more than a few stray control characters (tab, newlines and form feed are text) is refused as binary.

Line endings are kept exactly as they are (``\\r\\n`` stays two characters), so the character offsets factalign
reports index the decoded text: ``decoded[start:end]``. Read a file the same way with
``open(path, encoding=..., newline="").read()`` (``encoding="utf-8-sig"`` for UTF-8 files, with or without mark).

    >>> decode_bytes("Caf\\xe9 au lait\\r\\n".encode("cp1252"), "menu.txt")
    Decoded(text='Café au lait\\r\\n', encoding='cp1252')
    >>> decode_bytes(b"\\xef\\xbb\\xbfHello", "a.txt").text
    'Hello'
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from .errors import InputError

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Leading bytes of common binary formats people save next to articles (file(1)'s magic numbers).
BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub, which are ZIP archives)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)

#: Control characters that do not belong in text (tab, line feed, vertical tab, form feed and carriage return do).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: Control characters tolerated: real text has none or a stray one (a pasted escape), while binary data decoded
#: as Windows-1252 has several per hundred bytes.
STRAY_CONTROLS = 2
#: ... plus this many per character, so a long text may carry a few more strays.
MAX_CONTROL_SHARE = 0.001


class Decoded(NamedTuple):
    """Decoded text and the encoding it was read with (a Python codec name)."""

    text: str
    encoding: str


def decode_bytes(data: bytes, label: str) -> Decoded:
    """Decode an article's bytes by the rules of this module.

    Args:
        data: the raw bytes of a file, a download or standard input.
        label: what to call the input in error messages (a path, a URL, "standard input").

    Returns:
        The text (byte-order mark dropped, line endings kept) and the encoding used.

    Raises:
        InputError: binary content, or bytes that are neither UTF-8 nor Windows-1252.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(encoding), encoding, label)
            except UnicodeDecodeError as exc:
                raise InputError(f"{label} starts with a {encoding.upper()} byte-order mark but is not valid "
                                 f"{encoding.upper()} ({exc.reason} at byte {exc.start + len(bom)})") from exc
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{label} is {kind}, not text; save the article as .txt or .html first")
    if b"\x00" in data:
        raise InputError(f"{label} is binary (it contains NUL bytes), not text; UTF-16 text needs a byte-order mark")
    try:
        return _checked(data.decode("utf-8"), "utf-8", label)
    except UnicodeDecodeError as utf8_error:
        try:
            return _checked(data.decode("cp1252"), "cp1252", label)
        except UnicodeDecodeError:
            raise InputError(
                f"{label} is neither UTF-8 nor Windows-1252 text ({utf8_error.reason} at byte {utf8_error.start}); "
                "save it as UTF-8"
            ) from utf8_error


def _checked(text: str, encoding: str, label: str) -> Decoded:
    controls = len(_CONTROLS.findall(text))
    if controls > STRAY_CONTROLS + MAX_CONTROL_SHARE * len(text):
        raise InputError(f"{label} is binary ({controls} control characters), not text")
    return Decoded(text, encoding)

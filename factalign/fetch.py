"""Fetching an article from an http(s) URL, with a timeout, a size cap and a content-type check.

Only ``http`` and ``https`` are fetched, with the standard library (proxies from the environment apply). The
page's bytes are decoded by the charset the server declares, else by :mod:`factalign.decode`'s rules, and HTML
goes through trafilatura like an HTML file.

    >>> is_url("https://example.org/news/quake.html"), is_url("quake.html")
    (True, False)
"""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.request
from typing import NamedTuple

from .errors import InputError

#: Seconds to wait for the server to connect or send data: news sites answer in one or two seconds, and a CI job
#: should fail rather than hang.
TIMEOUT = 20.0
#: Content types that hold an article; anything else (PDF, images, JSON APIs) is refused.
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown")
#: Identifies the client, as servers expect; some refuse requests without one.
USER_AGENT = "factalign (+https://pypi.org/project/factalign/)"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class Page(NamedTuple):
    """What a URL returned: its bytes, whether it is HTML, the charset the server declared and the final URL."""

    data: bytes
    is_html: bool
    charset: str | None
    url: str


def is_url(text: str) -> bool:
    """True for a single token that starts with a scheme (``https://``, ``ftp://``, ...)."""
    return bool(_SCHEME.match(text)) and not any(ch.isspace() for ch in text)


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT) -> Page:
    """Download ``url`` (http or https only).

    Args:
        url: the address.
        max_bytes: refuse pages larger than this.
        timeout: seconds allowed for connecting and for each read.

    Raises:
        InputError: another scheme, a network or HTTP error, a timeout, a content type that is not HTML or
            plain text, or a page larger than ``max_bytes``.
    """
    scheme = url.split("://", 1)[0].lower()
    if scheme not in ("http", "https"):
        raise InputError(f"cannot read {url!r}: only http:// and https:// addresses are fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            ctype = response.headers.get_content_type()
            if ctype not in HTML_TYPES + TEXT_TYPES:
                raise InputError(f"{url} is {ctype}, not an HTML page or plain text")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(_too_big(url, int(declared), max_bytes))
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputError(_too_big(url, None, max_bytes))
            return Page(data, ctype in HTML_TYPES, response.headers.get_content_charset(), response.geturl())
    except urllib.error.HTTPError as exc:
        raise InputError(f"cannot fetch {url}: HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise InputError(f"cannot fetch {url}: {exc.reason}") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise InputError(f"cannot fetch {url}: {exc}") from exc


def _too_big(url: str, size: int | None, max_bytes: int) -> str:
    got = f"{size:,} bytes" if size is not None else "more"
    return f"{url} is too large ({got}; at most {max_bytes:,} bytes are read, see --max-chars)"

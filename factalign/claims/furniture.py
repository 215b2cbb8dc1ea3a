"""Page furniture: the lines of a scraped page that are not the article's body.

Each rule is a small pure function ``rule(line) -> bool`` registered by name in :data:`FURNITURE`,
so a dropped line can always say which rule dropped it (:func:`explain_furniture`). Cleaning never
rewrites text: :func:`body_blocks` returns character ranges into the original, so every claim's
offsets still point into the text exactly as given.

Headlines are kept. A demanding fact-checker checks headlines too ("Japan negotiates to open ..." is
a claim a reader takes away), so the first line of an article is a claim like any other; what is
dropped is what no reader would cite: bylines, timestamps, share lines, captions with photo credits,
promotional headlines of *other* articles, section slugs and repeated titles.

    >>> [rule for rule, _ in explain_furniture("by time news\\n\\nThe office opens in May.")]
    ['byline']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

_TERMINAL = ".!?\"”’)…:;"
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")

# Page labels, by the kinds of block trafilatura's discard XPaths name as furniture (trafilatura 2.3.1,
# xpaths.py: related / -stories / most-popular / more-on, newsletter, share, comments, consent, teaser): the label
# words a news page prints over such a block. Matched against the whole line only.
_BOILERPLATE = {
    "you may also like", "you might also like", "leave a comment", "leave a reply", "related",
    "related news", "related content", "related articles", "related stories", "related posts",
    "read more", "read next", "see also", "also read", "advertisement", "sponsored", "video embed",
    "video", "watch", "listen", "recommended", "recommended for you", "most read", "most popular",
    "trending", "trending now", "comments", "share", "share this", "share this article", "tags",
    "most viewed", "most shared", "most commented", "most watched", "popular", "popular now", "more news",
    "more on this story",
    "more stories", "top stories", "latest news", "newsletter", "skip to content", "update", "updated",
    "editor's note",
}
_BOILERPLATE_PREFIX = re.compile(
    r"^(?:click here|read more\b|more from\b|also read\b|watch:|read also\b|sign up\b|subscribe\b|related:"
    r"|comments are (?:closed|open)\b|to the homepage\b|back to (?:top|home)\b"
    r"|republished with permission|reprinted with permission|this (?:article|story) (?:was|is) "
    r"(?:originally )?(?:published|republished)|originally published)",
    re.I,
)
_SHARE = re.compile(
    r"^(?:share(?: this)?(?: on| via)?|follow(?: us)?(?: on)?|tweet|e-?mail|print|pin it|like us on)\b"
    r"(?:\W+(?:facebook|twitter|x|whatsapp|linkedin|telegram|instagram|email|reddit|pinterest|on|us))*\W*$",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|written by|reporting by|story by|words by|text by|posted by)\s+\S.{0,70}$", re.I)
_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?(?:\s+\d{4})?"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b,?",
    re.I,
)
_TIMESTAMP_LABEL = re.compile(r"^(?:published|updated|last updated|posted|modified|date)\b:?", re.I)
_PHOTO_CREDIT = re.compile(
    r"\((?:[A-Z][\w.]*\s)?(?:Photo|Photograph|Image|Picture|File photo)s?\b[^)]*\)"
    r"|\b(?:Photo|Image|Picture)s?(?:\s+credit)?\s*:\s*\S"
    r"|\((?:Getty Images|Reuters|AFP|AP|EPA|Shutterstock)[^)]*\)\s*$"
    r"|\b[A-Z][\w.-]+(?:\s[A-Z][\w.-]+)*\s?/\s?(?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg)\s*$"
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|all rights reserved", re.I)
# A call to action: an imperative addressed to the reader about the outlet's own service ("Download the
# News 7 app for alerts", "Get the latest news sent to your inbox"). The services are trafilatura's newsletter
# and syndication blocks (xpaths.py) and their channels (app, inbox, alerts, notifications, podcast, updates);
# the rule needs both parts, so a sentence about an app or an alert without the imperative is kept.
_PROMOTION = re.compile(
    r"^(?:download|get|install|sign up|subscribe|follow|join|register|listen to|watch|turn on|enable)\b"
    r".*\b(?:app|apps|newsletters?|inbox|alerts?|notifications?|podcasts?|updates)\b",
    re.I,
)
# A consent banner (trafilatura's cookie/consent blocks): a sentence about the site's cookies, or its buttons
# ("Accept all", "Manage preferences").
_CONSENT = re.compile(r"\b(?:we|this site|this website|our site)\s+uses?\s+cookies\b|^(?:accept|reject)\s+all\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def is_empty(line: str) -> bool:
    """A line without a single letter or digit ("." or "* * *")."""
    return not any(ch.isalnum() for ch in line)


def is_byline(line: str) -> bool:
    """"By Jane Doe", "by time news", "Reporting by ...": a credit, not a statement."""
    return bool(_BYLINE.match(line)) and line.rstrip()[-1:] not in ".!?" and len(_words(line)) <= 12


def is_timestamp(line: str) -> bool:
    """A line that is only a date or time, possibly labelled ("Updated: May 10, 2023 4:36 PM")."""
    rest = _DATE.sub(" ", _TIMESTAMP_LABEL.sub(" ", line))
    leftover = [w for w in _words(rest) if not w.isdigit() and w.lower() not in ("at", "on", "et", "gmt", "utc")]
    return rest != line and not leftover


def is_hashtags(line: str) -> bool:
    """A tag line: at least half of its words are #hashtags."""
    tokens = line.split()
    tags = sum(t.startswith("#") and len(t) > 1 for t in tokens)
    return tags > 0 and tags * 2 >= len(tokens)


def is_share(line: str) -> bool:
    """"Share", "Follow us on Twitter", "Share on Facebook WhatsApp": social buttons rendered as text."""
    return bool(_SHARE.match(line.strip()))


def is_boilerplate(line: str) -> bool:
    """Fixed page labels ("You may also like", "Related Content", "Video Embed", "CLICK HERE ...")."""
    norm = " ".join(_words(line)).lower()
    return norm in _BOILERPLATE or bool(_BOILERPLATE_PREFIX.match(line.strip()))


def is_promotion(line: str) -> bool:
    """Every sentence of the line asks the reader to use the outlet's service ("Download our app for alerts.")."""
    sentences = _SENTENCE_END.split(line.strip())
    return len(_words(line)) <= 40 and all(
        _PROMOTION.match(s) or _BOILERPLATE_PREFIX.match(s) for s in sentences)


def is_consent(line: str) -> bool:
    """A cookie-consent banner: the line opens with "We use cookies ..." or is its buttons ("Accept all | ...")."""
    return bool(_CONSENT.search(line.strip().split(".")[0])) and len(_words(line)) <= 40


def is_copyright(line: str) -> bool:
    """"© 2023 Washington Examiner", "Copyright ... All rights reserved"."""
    return bool(_COPYRIGHT.search(line.strip())) and len(_words(line)) <= 20


def is_all_caps(line: str) -> bool:
    """A headline in capitals (promotion of another article), e.g. "LLOYD AUSTIN REAFFIRMS ..."."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(_words(line)) >= 3 and len(letters) >= 12 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


def is_photo_caption(line: str) -> bool:
    """A caption carrying a photo credit: "(AP Photo/Olivier Matthys)", "Photo: Reuters", "Name/AP"."""
    return bool(_PHOTO_CREDIT.search(line))


_NAV_SEPARATORS = re.compile(r"\s+[|•›»>/·]\s+")


def is_navigation(line: str) -> bool:
    """Menus, breadcrumbs and mastheads: "Home | World | Asia", "Daily Post | Monday 3 May 2021 | By Ann Lee".

    Each item is at most three words, or a date, or a byline.
    """
    items = [item.strip() for item in _NAV_SEPARATORS.split(line.strip())]
    return len(items) >= 2 and all(_nav_item(item) for item in items) and line.rstrip()[-1:] not in ".!?"


def _nav_item(item: str) -> bool:
    return 0 < len(_words(item)) <= 3 or is_timestamp(item) or is_byline(item)


FURNITURE: dict[str, Callable[[str], bool]] = {
    "empty": is_empty,
    "byline": is_byline,
    "timestamp": is_timestamp,
    "hashtags": is_hashtags,
    "share": is_share,
    "boilerplate": is_boilerplate,
    "copyright": is_copyright,
    "all_caps": is_all_caps,
    "photo_caption": is_photo_caption,
    "navigation": is_navigation,
    "promotion": is_promotion,
    "consent": is_consent,
}
"""Line rules, by name. Two more need the line's place in the article and live in :func:`body_blocks`:
``slug`` (a short line without final punctuation after the headline, such as a section title "new alliances"),
``duplicate`` (a title-like line repeating an earlier one, such as the headline printed twice) and ``listed``
(titles without final punctuation right under a page label such as "Most read" or "Read also", bulleted or not:
other articles' headlines)."""

# A dateline opens a paragraph: "LIMA, March 4 (Newswire) -", "WASHINGTON —", "(CNN) --".
_DATELINE = re.compile(
    r"^(?:"
    r"(?:[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3})"              # LIMA, NEW YORK
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?:\s\d{1,2})?(?:,\s*\d{4})?)?"  # , March 4 / , Peru
    r"(?:\s*\([^)\n]{1,40}\))?"                                   # (Reuters)
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:,\s*[A-Z][\w.]*(?:\s\d{1,2})?)?\s*\([^)\n]{1,40}\)"  # Lima (Reuters)
    r"|\((?:CNN|AP|AFP|Reuters|[A-Z][\w ]{1,30})\)"                # (CNN)
    r")\s*(?:-{1,2}|—|–)\s+"
)

SLUG_MAX_WORDS = 6


@dataclass(frozen=True)
class Block:
    """A kept stretch of the original text: ``text[start:end]``; ``headline`` for the article's title line."""

    start: int
    end: int
    headline: bool = False


def furniture_rule(line: str) -> str | None:
    """Name of the first :data:`FURNITURE` rule that drops ``line``, or None for body text."""
    stripped = line.strip()
    for name, rule in FURNITURE.items():
        if rule(stripped):
            return name
    return None


def dateline_length(paragraph: str) -> int:
    """Characters of dateline ("LIMA, March 4 (Newswire) - ") opening ``paragraph``; 0 when there is none."""
    m = _DATELINE.match(paragraph)
    # Something must follow: a line that is only "WASHINGTON —" is not a dateline of a body sentence.
    return m.end() if m and m.end() < len(paragraph.rstrip()) else 0


def body_blocks(text: str) -> list[Block]:
    """Split ``text`` into kept blocks (one per line, hard-wrapped lines joined), dropping furniture.

    Returns:
        Blocks in reading order, each ``text[start:end]`` with surrounding whitespace and any opening
        dateline removed. The first block is marked ``headline`` when it reads as a title.
    """
    return [b for b, rule in _classify(text) if rule is None]


def headline_span(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the article's headline (its first kept line, when it reads as a title), or None.

    Example:
        >>> headline_span("Nine hurt in crash\\n\\nNine people were hurt on Monday.")
        (0, 18)
    """
    blocks = body_blocks(text)
    return (blocks[0].start, blocks[0].end) if blocks and blocks[0].headline and len(blocks) > 1 else None


def explain_furniture(text: str) -> list[tuple[str, str]]:
    """The dropped lines of ``text`` as ``(rule, line)`` pairs, in reading order."""
    return [(rule, text[b.start:b.end]) for b, rule in _classify(text) if rule is not None]


def furniture_spans(text: str) -> list[tuple[str, int, int]]:
    """The dropped lines of ``text`` as ``(rule, start, end)``, offsets into ``text``."""
    return [(rule, b.start, b.end) for b, rule in _classify(text) if rule is not None]


@functools.lru_cache(maxsize=256)
def _classify(text: str) -> tuple[tuple[Block, str | None], ...]:
    """Every line of ``text`` with the rule that drops it (None: body). Splitting, headlines and the artefact
    stage each ask for the same text, so the answer is kept for the last texts read."""
    out: list[tuple[Block, str | None]] = []
    seen: set[str] = set()
    first = True
    label = False  # the previous line was a page label ("Most read", "Related") or an item listed under one
    for start, end in _lines(text):
        line = text[start:end]
        rule = furniture_rule(line)
        norm = " ".join(_words(line)).lower()
        titleish = line.rstrip()[-1:] not in _TERMINAL
        if rule is None and label and titleish:
            rule = "listed"  # a title under a page label ("Read also"): another article's headline
        elif rule is None and norm in seen and titleish:
            rule = "duplicate"  # a repeated title; a repeated sentence costs nothing and is kept
        elif rule is None and not first and titleish and len(_words(line)) <= SLUG_MAX_WORDS:
            rule = "slug"
        headline = first and rule is None and titleish and len(_words(line)) <= 30
        label = rule in ("boilerplate", "listed")
        if rule is None:
            seen.add(norm)
            first = False
            start += dateline_length(line)
        out.append((Block(start, end, headline), rule))
    return tuple(out)


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end), stripped; hard-wrapped continuation lines are joined."""
    spans: list[tuple[int, int]] = []
    prev_blank = True
    offset = 0
    for raw in text.splitlines(keepends=True):
        line_start, offset = offset, offset + len(raw)
        body = raw.rstrip("\r\n")
        if not body.strip():
            prev_blank = True
            continue
        start = line_start + len(body) - len(body.lstrip())
        end = line_start + len(body.rstrip())
        if spans and not prev_blank and _continues(text[spans[-1][0]:spans[-1][1]], text[start:end]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        prev_blank = False
    return spans


def _continues(prev: str, line: str) -> bool:
    # Hard-wrapped prose: the previous line stops mid-sentence and is long, or this one starts lower-case.
    if prev.rstrip()[-1:] in _TERMINAL:
        return False
    return line[:1].islower() or len(prev) >= 60


def _words(line: str) -> list[str]:
    return _WORD.findall(line)

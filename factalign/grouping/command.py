"""``factalign compare --stories DIR...``: read folders of articles, group them into stories, compare each story.

Every story with two or more articles gets its own report; articles alone in their story are listed as set aside.
Output: a summary of the stories (stories × sources with finding counts) and then one report per story (text and
Markdown: a heading per story; JSON: one object per story; HTML: one section per story; GitHub: the annotations
of every story).
"""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Sequence

from ..errors import InputError
from ..models import Source
from ..read import HTML_SUFFIXES, TEXT_SUFFIXES, read_source

SCHEMA = 1


def article_files(folders: Sequence[str | Path]) -> list[tuple[str, Path]]:
    """``(name, path)`` of every article file (.txt, .md, .html, .htm) directly inside the folders, in name order.

    Articles are named by file stem; when two files share a stem, both are named ``folder/stem``.

    Raises:
        InputError: a folder is missing or not a folder, no article file is found, or two names collide.
    """
    paths = []
    for folder in map(Path, folders):
        if not folder.is_dir():
            raise InputError(f"--stories takes folders of articles; {folder} is not a folder")
        paths += sorted(p for p in folder.iterdir()
                        if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES)
    if not paths:
        kinds = ", ".join(TEXT_SUFFIXES + HTML_SUFFIXES)
        raise InputError(f"no article files ({kinds}) in {', '.join(map(str, folders))}")
    stems = Counter(p.stem for p in paths)
    names = [p.stem if stems[p.stem] == 1 else f"{p.parent.name}/{p.stem}" for p in paths]
    if len(set(names)) < len(names):
        raise InputError("two article files have the same folder and file name; rename one of them")
    return list(zip(names, paths))


def read_folders(folders: Sequence[str | Path]) -> list[Source]:
    """Every article in the folders as a :class:`Source` (see :func:`article_files` for names)."""
    return [read_source(path, name=name) for name, path in article_files(folders)]


def compare_stories(folders: Sequence[str | Path], align_story: Callable[[list[Source]], Any], **grouping: Any):
    """Group the articles in ``folders`` into stories and compare each story of two or more articles.

    Args:
        folders: folders holding article files.
        align_story: compares one story's sources and returns its report (``factalign.align`` with options bound).
        **grouping: passed to :func:`factalign.stories`.

    Returns:
        ``(found, reports)``: the :class:`~factalign.grouping.Stories` and one report per story (None for a story
        of one article).
    """
    from .collection import stories

    found = stories(read_folders(folders), **grouping)
    reports = [align_story(story) if len(story) >= 2 else None for story in found]
    return found, reports


def render(found, reports: Sequence[Any], fmt: str, limit: int | None, paths: dict[str, str] | None = None) -> str:
    """The whole ``--stories`` output in one format: "text", "json", "markdown", "html" or "github".

    ``paths`` (source name -> file) places GitHub annotations on the files; the summary goes to no annotation.
    """
    from ..views.stories import render_summary, stories_rows

    compared = [(k, story, reports[k]) for k, story in enumerate(found) if reports[k] is not None]
    set_aside = [story[0].name for story in found if len(story) == 1]
    if fmt == "json":
        body = {
            "schema": SCHEMA, "summary": stories_rows(found, reports), "set_aside": set_aside,
            "stories": [{"story": k + 1, "sources": [s.name for s in story], "report": report.to_dict()}
                        for k, story, report in compared],
        }
        return json.dumps(body, indent=2, ensure_ascii=False, default=str) + "\n"
    if fmt == "github":
        return "".join(report.to_github(paths) for _, _, report in compared)
    summary = render_summary(found, reports)
    if fmt == "text":
        parts = [summary] + [f"\n=== Story {k + 1}: {', '.join(s.name for s in story)} ===\n"
                             + report.to_text(limit=limit) for k, story, report in compared]
        return "".join(parts)
    if fmt == "markdown":
        parts = ["# Stories\n\n```\n" + summary + "```\n"]
        parts += [f"\n## Story {k + 1}: {', '.join(s.name for s in story)}\n\n" + report.to_markdown(limit=limit)
                  for k, story, report in compared]
        return "".join(parts)
    from ..views.html import render_html

    sections = [f"<section><h2>Story {k + 1}: {html.escape(', '.join(s.name for s in story))}</h2>"
                + render_html(report, standalone=False) + "</section>" for k, story, report in compared]
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>factalign stories</title></head><body>"
            f"<h1>Stories</h1><pre>{html.escape(summary)}</pre>" + "".join(sections) + "</body></html>\n")

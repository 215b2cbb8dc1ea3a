"""align_many: one report per story, the same as align() story by story, with encoding batched across stories."""

import numpy as np
import pytest

from factalign import align, align_many
from factalign.embed import SentenceTransformerEmbedder
from factalign.errors import InputError
from factalign.many import iter_align_many

# Invented articles (not from any case or evaluation set).
FLOOD_A = ("Heavy rain flooded the river valley on Saturday. "
           "Two hundred homes were evacuated, the fire service said. "
           "The main road to the coast remains closed.")
FLOOD_B = ("Floods hit the river valley on Saturday after heavy rain. "
           "The fire service said 300 homes were evacuated. "
           "Volunteers handed out sandbags in the town square.")
STRIKE_A = ("Train drivers walked out on Thursday in a dispute over pay. "
            "The union said the strike would last 48 hours.")
STRIKE_B = ("Rail services stopped on Thursday as drivers went on strike over pay. "
            "The operator said the strike would last 24 hours.")
STORIES = {"flood": {"a": FLOOD_A, "b": FLOOD_B}, "strike": {"a": STRIKE_A, "b": STRIKE_B}}


class SpyEmbedder:
    """Records the texts of each call, then embeds them with the default embedder."""

    model = "all-MiniLM-L6-v2"

    def __init__(self):
        self.inner = SentenceTransformerEmbedder(cache=False)
        self.calls: list[list[str]] = []

    def embed(self, texts):
        self.calls.append(list(texts))
        return self.inner.embed(texts)


def findings(report):
    return [f.to_dict() for f in report.findings]


def test_each_report_is_what_align_gives_for_the_story_alone():
    reports = align_many(STORIES, cache=False)
    assert list(reports) == ["flood", "strike"]
    for name, sources in STORIES.items():
        alone = align(sources, cache=False)
        assert findings(reports[name]) == findings(alone)
        assert [c.text for c in reports[name].claims] == [c.text for c in alone.claims]
    assert any(f.kind == "contradiction" for f in reports["strike"].findings)


def test_encoding_is_batched_across_stories():
    spy = SpyEmbedder()
    reports = align_many(list(STORIES.items()), embedder=spy)
    every_claim = {c.text for r in reports.values() for c in r.claims}
    first = set(spy.calls[0])
    assert {c.text for c in reports["flood"].claims} & first and {c.text for c in reports["strike"].claims} & first
    assert len(every_claim - first) <= 2  # only texts rewritten by repairs come later
    # the later calls come from align() per story and are served from memory, never re-encoded
    assert len(spy.calls) == 1 + len(STORIES)


def test_small_chunks_give_the_same_reports():
    whole = align_many(STORIES, cache=False)
    pieces = dict(iter_align_many(STORIES, cache=False, chunk_claims=1))
    assert {k: findings(v) for k, v in pieces.items()} == {k: findings(v) for k, v in whole.items()}


def test_a_bad_story_is_named():
    with pytest.raises(InputError, match="'lonely'"):
        align_many({"flood": STORIES["flood"], "lonely": {"a": FLOOD_A}}, cache=False)
    with pytest.raises(InputError, match="unique"):
        align_many([("x", STORIES["flood"]), ("x", STORIES["strike"])], cache=False)
    with pytest.raises(InputError, match="map a name"):
        align_many(["not a pair"], cache=False)

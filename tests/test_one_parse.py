"""One spaCy parse per source per run: the splitter's Doc is what the artefact detectors and key facts read."""

import pytest

from factalign import align
from factalign.claims import ClaimSplitter

SOURCES = {
    "wire": "Nine people were hurt when a ferry hit the pier on Tuesday, the harbour office said.\n\n"
            "The pier was closed for three hours.",
    "local": "Eleven people were injured when the ferry struck the pier on Tuesday.\n\n"
             "The pier reopened after three hours, officials said.",
}


def test_each_source_is_parsed_once_through_align(monkeypatch):
    calls = []
    original = ClaimSplitter.parse_many

    def counted(self, sources):
        calls.append([s.name for s in sources])
        return original(self, sources)

    def forbidden(*args, **kwargs):
        raise AssertionError("a stage parsed a source text again instead of reading the run's one Doc")

    monkeypatch.setattr(ClaimSplitter, "parse_many", counted)
    monkeypatch.setattr("factalign.artefacts._doc._parse_text", forbidden)
    monkeypatch.setattr("factalign.keyfacts.syntax._parse", forbidden)
    report = align(SOURCES, cache=False)
    assert calls == [["wire", "local"]]
    assert report.contradictions  # the stages still ran on the shared parse: 9 vs 11 hurt
    assert any(k.type == "count" for k in report.keyfacts)


def test_a_splitter_without_a_parse_still_works(monkeypatch):
    class PlainSplitter:
        def __init__(self):
            self.inner = ClaimSplitter()

        def split_many(self, sources):
            return self.inner.split_many(sources)

    report = align(SOURCES, splitter=PlainSplitter(), cache=False)
    assert report.claims and report.keyfacts


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])

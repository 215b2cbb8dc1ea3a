"""One spaCy parse per source per run: the splitter's Doc is what the artefact detectors, the story filter, the
key facts and the judges read."""

import pytest
from spacy.language import Language

from factalign import align
from factalign.claims import ClaimSplitter
from factalign.judges import judge

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


SOURCES_3 = dict(SOURCES, radio="Ten people were hurt when a ferry hit the pier on Tuesday, the coast guard said.")


class LanguageCalls:
    """Counts every call into a spaCy ``Language`` (``__call__`` and ``pipe``) and the texts each one parsed."""

    def __init__(self, monkeypatch):
        self.calls: list[tuple[str, list[str]]] = []
        call, pipe = Language.__call__, Language.pipe
        calls = self.calls

        def counted_call(nlp, text, *args, **kwargs):
            calls.append(("__call__", [getattr(text, "text", text)]))
            return call(nlp, text, *args, **kwargs)

        def counted_pipe(nlp, texts, *args, **kwargs):
            texts = list(texts)
            calls.append(("pipe", [getattr(t, "text", t) for t in texts]))
            return pipe(nlp, texts, *args, **kwargs)

        monkeypatch.setattr(Language, "__call__", counted_call)
        monkeypatch.setattr(Language, "pipe", counted_pipe)


@pytest.mark.parametrize("sources", [SOURCES, SOURCES_3], ids=["two sources", "three sources: story filter"])
def test_align_calls_the_spacy_pipeline_once_for_all_sources(monkeypatch, sources):
    counter = LanguageCalls(monkeypatch)
    report = align(sources, cache=False)
    assert [kind for kind, _ in counter.calls] == ["pipe"]  # the splitter's one batch; nothing parses again
    parsed = counter.calls[0][1]
    # every text parsed is a piece of one source (its body blocks), and no source text is parsed twice
    assert sum(map(len, parsed)) <= sum(map(len, sources.values()))
    assert all(any(piece in text for text in sources.values()) for piece in parsed)
    assert report.contradictions  # the judges ran on the shared parse
    assert any(f.values and {"Nine", "Eleven"} <= set(f.values) for f in report.contradictions)


def test_align_many_parses_each_story_once(monkeypatch):
    from factalign import align_many

    stories = {"ferry": SOURCES, "ferry again": SOURCES_3}
    counter = LanguageCalls(monkeypatch)
    reports = dict(align_many(stories, cache=False))
    assert [kind for kind, _ in counter.calls] == ["pipe", "pipe"]  # one split batch per story, nothing else
    assert all(r.contradictions for r in reports.values())


def test_judging_bare_texts_parses_them(monkeypatch):
    """Outside align() there is no source parse (``factalign judge "a" "b"``): the two texts are parsed."""
    counter = LanguageCalls(monkeypatch)
    verdict = judge("Nine people were hurt in the crash.", "Eleven people were hurt in the crash.")
    assert verdict.kind == "contradiction"
    assert counter.calls  # parsed here, since nothing else could give the tokens


def test_a_splitter_with_its_own_pipeline_object_works(monkeypatch):
    """The judges' token views take the vocabulary of the splitter's parse, not the run's pipeline object."""
    from factalign.resources import spacy_pipeline

    own = spacy_pipeline.__wrapped__()  # the same package loaded a second time: its own vocabulary
    assert own.vocab is not spacy_pipeline().vocab
    report = align(SOURCES, splitter=ClaimSplitter(nlp=own), cache=False)
    assert any(f.values and {"Nine", "Eleven"} <= set(f.values) for f in report.contradictions)


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

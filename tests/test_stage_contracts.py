"""Contract tests: fake stages (no models) run through align(), and each broken contract names its stage."""

import numpy as np
import pytest

from factalign import InputError, StageError
from factalign.models import Claim, Verdict
from factalign.options import Options
from factalign.pipeline import align
from factalign.stages import Embedder, Judge, Splitter


class SentenceSplitter:
    """One claim per full stop: a trivial splitter that doubles as a test fake."""

    calls = 0

    def split_many(self, sources):
        SentenceSplitter.calls += 1
        out = []
        for s in sources:
            claims, start = [], 0
            for i, ch in enumerate(s.text):
                if ch == ".":
                    text = s.text[start:i].strip()
                    if text:
                        first = s.text.index(text, start)
                        claims.append(Claim(f"{s.name}#{len(claims)}", s.name, text, first, first + len(text)))
                    start = i + 1
            out.append(claims)
        return out


class BagOfWordsEmbedder:
    """Hashes words into a small vector: same words, same direction."""

    def embed(self, texts):
        vecs = np.zeros((len(texts), 64), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                vecs[i, sum(map(ord, w)) % 64] += 1.0
        return vecs


def digits_judge(a, b):
    """Contradiction when the two claims carry different digits, else agreement."""
    da, db = "".join(ch for ch in a.text if ch.isdigit()), "".join(ch for ch in b.text if ch.isdigit())
    if da and db and da != db:
        return Verdict("contradiction", "number", 0.9, f"count: {da} vs {db}", "digits", (da, db))
    return Verdict("agreement", None, 0.8, "same words")


SOURCES = {
    "a": "The ferry carried 40 people. The storm closed the harbour. Rescuers used two boats.",
    "b": "The ferry carried 45 people. The storm closed the harbour. Volunteers brought blankets.",
}
FAKES = dict(splitter=SentenceSplitter(), embedder=BagOfWordsEmbedder(), judge=digits_judge, artefacts=False)


def test_fakes_satisfy_the_stage_protocols():
    assert isinstance(SentenceSplitter(), Splitter)
    assert isinstance(BagOfWordsEmbedder(), Embedder)
    assert isinstance(digits_judge, Judge)


def test_fake_stages_run_through_align_without_models():
    report = align(SOURCES, threshold=0.75, **FAKES)  # the ferry claims share 4 of 5 words: 0.8
    kinds = sorted(f.kind for f in report.findings)
    assert kinds.count("agreement") == 1  # "The storm closed the harbour"
    contradiction = report.contradictions[0]
    assert contradiction.values == ("40", "45")
    assert {report.claim(i).source for i in contradiction.claims} == {"a", "b"}
    omitted = {report.claim(i).text for f in report.omissions for i in f.claims}
    assert omitted == {"Rescuers used two boats", "Volunteers brought blankets"}
    assert report.options.model == "BagOfWordsEmbedder"


def test_the_splitter_is_called_once_per_run():
    before = SentenceSplitter.calls
    align(SOURCES, **FAKES)
    assert SentenceSplitter.calls == before + 1


def test_one_judge_signature_for_the_stage_and_the_registry():
    """A registered judge (``(Side, Side) -> Verdict | None``) is a valid judge stage as it is: None is no opinion."""
    from factalign.judges import JUDGES

    assert isinstance(JUDGES["numbers"], Judge)
    report = align(SOURCES, threshold=0.75, **dict(FAKES, judge=JUDGES["numbers"]))
    assert [f.values for f in report.contradictions] == [("40", "45")]
    assert not any(f.kind == "agreement" and f.subtype is None and f.score == 0.0 for f in report.findings)


def test_a_judge_written_for_claims_still_reads_claim_fields():
    """Judges written when the stage passed Claims read ``id``, ``source`` and offsets: a Side reads them through."""
    seen = []

    def by_source(a, b):
        seen.append((a.id, a.source, a.start <= a.end, b.source))
        return None

    align(SOURCES, threshold=0.75, **dict(FAKES, judge=by_source))
    assert seen and all(ok and sa != sb for _, sa, ok, sb in seen)
    assert all(cid.startswith(src + "#") for cid, src, _, _ in seen)


@pytest.mark.parametrize("broken, stage", [
    (dict(splitter=type("S", (), {"split_many": lambda self, s: [[]]})()), "split stage"),
    (dict(splitter=type("S", (), {"split_many": lambda self, s: [["x"], ["y"]]})()), "split stage"),
    (dict(embedder=type("E", (), {"embed": lambda self, t: np.zeros((1, 3))})()), "embed stage"),
    (dict(embedder=type("E", (), {"embed": lambda self, t: np.full((len(t), 3), np.nan)})()), "embed stage"),
    (dict(judge=lambda a, b: "agree"), "judge stage"),
])
def test_a_broken_contract_names_its_stage(broken, stage):
    stages = dict(FAKES, **broken)
    with pytest.raises(StageError, match=stage):
        align(SOURCES, **stages)


def test_claim_offsets_outside_the_text_are_refused():
    class Outside:
        def split_many(self, sources):
            return [[Claim(f"{s.name}#0", s.name, "x", 0, len(s.text) + 5)] for s in sources]

    with pytest.raises(StageError, match="outside its source text"):
        align(SOURCES, **dict(FAKES, splitter=Outside()))


@pytest.mark.parametrize("settings, message", [
    (dict(judges=("numbrs",)), "unknown judge"),
    (dict(detectors=("fusde",)), "unknown artefact detector"),
    (dict(threshold=1.5), "threshold must be"),
    (dict(min_overlap=-0.1), "min_overlap must be"),
    (dict(reference="c"), "not one of the sources"),
])
def test_settings_are_checked_before_any_stage_runs(settings, message):
    class Exploding:
        def split_many(self, sources):
            raise AssertionError("the split stage ran before the settings were checked")

    with pytest.raises(InputError, match=message):
        align(SOURCES, **dict(FAKES, splitter=Exploding(), **settings))


def test_options_hold_the_defaults_in_one_place():
    opts = Options()
    assert opts.threshold == 0.6 and opts.judges is None and opts.repair
    assert Options(judges="numbers, dates").judges == ("numbers", "dates")


def test_a_contradiction_a_translation_artefact_explains_is_withdrawn():
    from factalign.models import Finding
    from factalign.pipeline import explained_by_artefact

    wolf = Finding("artefact", "entity", (), 0.8, "surname translated", source="mt", span="Wolf", start=3,
                   end=7, suggestion="Lobo")
    role = Finding("contradiction", "role", ("mt#1", "en#1"), 0.75, "minister", values=("Ana Wolf", "Ana Lobo"))
    assert explained_by_artefact(role, [wolf])
    # negatives: the artefact does not turn one value into the other, or there is no artefact
    other = Finding("contradiction", "role", ("mt#1", "en#1"), 0.75, "minister", values=("Ana Wolf", "Eva Ruiz"))
    assert not explained_by_artefact(other, [wolf])
    assert not explained_by_artefact(role, [])


def test_a_contradiction_a_fused_word_explains_is_withdrawn():
    from factalign.models import Finding
    from factalign.pipeline import explained_by_artefact

    fused = Finding("artefact", "fused", (), 0.8, "fused words", source="mt", span="Baraor", start=3, end=9,
                    suggestion="Bara or")
    role = Finding("contradiction", "role", ("mt#1", "en#1"), 0.75, "judge", values=("Lia Baraor", "Lia Bara"))
    assert explained_by_artefact(role, [fused])
    # the repair does not give the other name: another first name, or a word the repair did not bring
    assert not explained_by_artefact(
        Finding("contradiction", "role", ("mt#1", "en#1"), 0.75, "judge", values=("Lia Baraor", "Eva Bara")), [fused])
    assert not explained_by_artefact(
        Finding("contradiction", "role", ("mt#1", "en#1"), 0.75, "judge", values=("Lia Baraor Diaz", "Lia Bara")),
        [fused])

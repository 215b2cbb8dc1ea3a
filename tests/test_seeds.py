"""The seed articles end to end, with the real default models: what ../shared/seeds/EXPECTED.md says a good run finds."""

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from factalign import align

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ES, EN = "000_aaf7a6b0dd72b2f5", "001_09648ee2a51459a5"


@pytest.fixture(scope="module")
def report():
    return align(sorted(SEEDS.glob("*.txt")))


def claims_with(report, source, *words):
    """Claims of ``source`` whose text or evidence mentions every word."""
    out = set()
    for c in report.claims:
        if c.source != source:
            continue
        hay = (c.text + " " + report.evidence(c.id)).lower()
        if all(w.lower() in hay for w in words):
            out.add(c.id)
    return out


def agreed(report, ids_a, ids_b):
    return any(set(f.claims) & ids_a and set(f.claims) & ids_b for f in report.agreements)


def test_json_validates_against_the_contract(report):
    schema = json.loads((resources.files("factalign") / "data" / "report.schema.json").read_text())
    data = json.loads(report.to_json())
    jsonschema.validate(data, schema)
    assert data["schema"] == 2 and [s["name"] for s in data["sources"]] == [ES, EN]
    texts = {s.name: s.text for s in report.sources}
    for c in data["claims"]:
        assert texts[c["source"]][c["start"]:c["end"]] == c["evidence"]
        assert c["id"].startswith(c["source"] + "#")


@pytest.mark.parametrize("words_es, words_en", [
    (("more unstable",), ("more unstable",)),              # Hayashi's reason
    (("promising",), ("promising",)),                       # foreign ministry, quote 1
    (("eastward",), ("eastward",)),                         # foreign ministry, quote 2
])
def test_same_quotes_are_agreements(report, words_es, words_en):
    es, en = claims_with(report, ES, *words_es), claims_with(report, EN, *words_en)
    assert es and en
    assert agreed(report, es, en), f"no agreement between {es} and {en}"


@pytest.mark.parametrize("source, words", [
    (ES, ("brain dead",)), (ES, ("AUKUS",)), (ES, ("QUAD",)),
    (EN, ("Finland", "31st")), (EN, ("Taiwan",)),
])
def test_one_sided_facts_are_omissions(report, source, words):
    ids = claims_with(report, source, *words)
    assert ids
    other = EN if source == ES else ES
    hits = [f for f in report.omissions if set(f.claims) & ids]
    assert hits and all(f.missing_from == (other,) for f in hits)
    assert all(f.explanation and 0 <= f.score <= 1 for f in hits)


FURNITURE = [
    "by time news", "2023-05-10 16:36:13", "Related news", "#Japan #negotiates", "You may also like",
    "Leave a Comment", "Belgium NATO Summit", "AP Photo/Olivier Matthys", "Video Embed",
    "LLOYD AUSTIN REAFFIRMS", "CLICK HERE TO READ MORE", "© 2023 Washington Examiner", "Related Content",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_page_furniture_never_becomes_a_claim(report, line):
    for c in report.claims:
        assert line.lower() not in report.evidence(c.id).lower(), f"{c.id} covers furniture {line!r}"
        assert line.lower() not in c.text.lower()


def test_thirty_vs_thirty_one_members_is_not_a_contradiction(report):
    thirty = claims_with(report, EN, "30 members")
    thirtyone = claims_with(report, ES, "31 member")
    for f in report.contradictions:
        assert not (set(f.claims) & thirty and set(f.claims) & thirtyone), f.explanation


def test_views_render(report):
    text, md, html = report.to_text(), report.to_markdown(), report.to_html()
    assert "AGREEMENTS" in text and "### Agreements" in md and "fa-agreement" in html
    frame = report.to_frame()
    assert len(frame) == len(report.findings) and set(frame["kind"]) <= {"agreement", "contradiction", "omission",
                                                                          "artefact"}
    cov = report.coverage()
    assert list(cov.columns) == ["text", ES, EN] and len(cov) == len(report.facts)
    summary = report.summary()
    assert summary.loc[ES, "claims"] == sum(c.source == ES for c in report.claims)


def test_repaired_office_claim_agrees_and_its_certainty_conflict_is_reported(report):
    office_es = {c.id for c in report.claims if c.source == ES and "I’LL TAKE will open" in report.evidence(c.id)}
    office_en = claims_with(report, EN, "NATO office in Tokyo", "discussions")
    assert office_es and office_en
    assert all("NATO" in report.claim(c).text and "I’LL TAKE" not in report.claim(c).text for c in office_es)
    assert agreed(report, office_es, office_en)
    certainty = [f for f in report.contradictions if f.subtype == "certainty"]
    assert any(set(f.claims) & office_es and set(f.claims) & office_en for f in certainty)


def test_six_translation_artefacts_with_suggestions(report):
    found = {(f.span, f.suggestion) for f in report.artefacts}
    assert ("I’LL TAKE", "NATO") in found and ("y", "and") in found and ("kyiv", "Kyiv") in found
    assert ("Stoltenbergand", "Stoltenberg and") in found
    assert any(span == "russianjapanese" for span, _ in found)
    assert any(span.startswith("GangChinese") or span == "Qin GangChinese" for span, _ in found)
    texts = {s.name: s.text for s in report.sources}
    assert all(texts[f.source][f.start:f.end] == f.span and f.source == ES for f in report.artefacts)

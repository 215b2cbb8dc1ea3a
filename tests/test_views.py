"""The report's views on hand-built reports (no model): HTML, highlighting, GitHub annotations, baselines,
progress and plots. Article texts are invented."""

from __future__ import annotations

import json
import sys
from collections import Counter
from html import unescape
from html.parser import HTMLParser

import numpy as np
import pytest

from factalign.baseline import (
    finding_key, load_baseline, new_findings, normalise, only_new, report_keys, select, write_baseline,
)
from factalign.errors import FactalignError, InputError
from factalign.models import Claim, Fact, Finding, Source
from factalign.progress import quiet_loading, stage, track, wanted
from factalign.report import Report
from factalign.views.common import counted, headline
from factalign.views.github import escape_data, escape_property, position, render_github
from factalign.views.highlight import Mark, marks_of, segments
from factalign.views.html import render_html
from factalign.views.templates import SCRIPT

WIRE = ("Storm Ada flooded 40 homes in Ferrow on Sunday.\nThe mayor <b>Lina Ost</b> said <script>alert(1)</script> "
        "repairs start soon.\nThe bridge stays closed.")
LOCAL = "Storm Ada flooded 55 homes in Ferrow on Sunday.\nVolunteers <img src=x onerror=alert(2)> filled sandbags."


def _claim(cid: str, source: str, text: str, evidence: str, sentence: int = 0) -> Claim:
    whole = WIRE if source == "wire" else LOCAL
    start = whole.index(evidence)
    return Claim(cid, source, text, start, start + len(evidence), sentence)


def make_report(wire: str = WIRE, local: str = LOCAL, cls=Report) -> Report:
    claims = (
        _claim("wire#0", "wire", "Storm Ada flooded 40 homes in Ferrow on Sunday.", "Storm Ada flooded 40 homes"),
        _claim("wire#1", "wire", "The mayor said repairs start soon.", "The mayor <b>Lina Ost</b> said", 1),
        _claim("wire#2", "wire", "The bridge stays closed.", "The bridge stays closed.", 2),
        _claim("local#0", "local", "Storm Ada flooded 55 homes in Ferrow on Sunday.", "Storm Ada flooded 55 homes"),
        _claim("local#1", "local", "Volunteers filled sandbags.", "Volunteers <img src=x onerror=alert(2)> filled"),
    )
    findings = (
        Finding("contradiction", "number", ("wire#0", "local#0"), 0.9, "homes flooded: 40 vs 55 <i>(wire vs local)</i>",
                values=("40", "55"), fact=0),
        Finding("omission", None, ("wire#1",), 0.6, "reported by wire, missing from local", ("local",), "wire"),
        Finding("omission", None, ("local#1",), 0.2, "reported by local, missing from wire", ("wire",), "local"),
        Finding("artefact", "casing", (), 0.8, "'Ost' <script>", source="wire", span="Ost",
                start=WIRE.index("Ost"), end=WIRE.index("Ost") + 3, suggestion="OST"),
    )
    facts = (Fact(0, ("wire#0", "local#0"), ("wire", "local"), 0.8), Fact(1, ("wire#1",), ("wire",)),
             Fact(2, ("wire#2",), ("wire",)), Fact(3, ("local#1",), ("local",)))
    return cls(sources=(Source("wire", wire), Source("local", local)), claims=claims, facts=facts,
               findings=findings, overlap=np.eye(2))


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each source's text box."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self.texts, self._depth = [], [], [], None
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._depth is not None:
            self._depth += 1
        elif ("class", "fa-text") in attrs:
            self._depth, _ = 0, self.texts.append("")

    def handle_endtag(self, tag):
        self._in_script = False
        if self._depth is not None:
            self._depth -= 1
            if self._depth < 0:
                self._depth = None

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        if self._depth is not None:
            self.texts[-1] += data


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


# -- HTML --------------------------------------------------------------------------------------------------------
def test_html_escapes_article_text_and_explanations():
    html = render_html(make_report())
    tags = parse(html)
    ours = SCRIPT[len("<script>"):-len("</script>")]
    assert [t for t, _ in tags.tags].count("script") == 1 and len(tags.scripts) == 1
    root = next(a["id"] for t, a in tags.tags if a.get("class") == "fa-report")
    assert tags.scripts[0].replace(root, "__ROOT__") == ours
    assert not any(k.startswith("on") for _, attrs in tags.tags for k in attrs)  # no event handler anywhere
    assert not any(t in ("img", "i") for t, _ in tags.tags)  # article and explanation markup is text
    assert tags.texts == [WIRE, LOCAL]  # every character of each source, in order, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;i&gt;(wire vs local)&lt;/i&gt;" in html


def test_html_is_self_contained():
    html = render_html(make_report())
    assert html.startswith("<!DOCTYPE html>")
    assert not any({"src", "href"} & set(attrs) for _, attrs in parse(html).tags)  # nothing loaded or linked
    assert "@import" not in html and "url(" not in html
    fragment = render_html(make_report(), standalone=False)
    assert "<html" not in fragment and "<style>" in fragment and "<script>" in fragment


def test_html_marks_every_claim_by_its_findings():
    tags = parse(render_html(make_report()))
    rows = {a["data-id"]: a for t, a in tags.tags if "fa-finding" in a.get("class", "").split()}
    assert [rows[f"f{i}"]["data-kind"] for i in range(4)] == ["contradiction", "omission", "omission", "artefact"]
    segs = [a for t, a in tags.tags if "fa-seg" in a.get("class", "") and "data-f" in a]
    by_finding = Counter(f for a in segs for f in a["data-f"].split())
    assert set(by_finding) == {"f0", "f1", "f2", "f3"}
    # the artefact's span sits inside the omitted claim: the artefact colours it, both findings are listed
    inner = [a for a in segs if a["data-f"].split() == ["f1", "f3"]]
    assert inner and "fa-artefact" in inner[0]["class"].split() and "f3 " not in inner[0]["data-f"]
    # a claim with no finding is underlined as a claim, not coloured
    bare = [a for a in segs if a["data-f"] == ""]
    assert len(bare) == 1 and bare[0]["class"] == "fa-seg fa-claim"


def test_html_summary_filters_and_sort_controls():
    html = render_html(make_report())
    tags = parse(html)
    boxes = [(a["name"], a["value"]) for t, a in tags.tags if t == "input" and a.get("type") == "checkbox"]
    assert boxes == [("kind", k) for k in ("contradiction", "artefact", "omission", "agreement")] + \
        [("source", "s0"), ("source", "s1")]
    assert [a["value"] for t, a in tags.tags if t == "option"] == ["report", "score", "position"]
    assert "1 contradiction" in headline(make_report()) and "2 omissions" in headline(make_report())
    rows = {a["data-id"]: a for t, a in tags.tags if "fa-finding" in a.get("class", "").split()}
    assert rows["f1"]["data-src"] == "s0" and rows["f0"]["data-src"] == "s0 s1"  # omissions: where the claim is
    assert int(rows["f2"]["data-pos"]) > int(rows["f0"]["data-pos"])  # local's claims come after wire's


class WithKeyFacts(Report):
    def key_facts(self):
        import pandas as pd

        return pd.DataFrame([{"type": "count", "anchor": "homes", "wire": "40", "local": "55", "conflict": True},
                             {"type": "date", "anchor": "storm", "wire": "Sunday", "local": "Sunday",
                              "conflict": False}])


def test_key_facts_table_comes_first_with_conflicts_marked():
    html = render_html(make_report(cls=WithKeyFacts))
    assert html.index("Key facts") < html.index('class="fa-controls"')
    tags = parse(html)
    marked = [a for t, a in tags.tags if t == "tr" and a.get("class") == "fa-conflict"]
    assert len(marked) == 1
    assert "Key facts" not in render_html(make_report())  # none without the table


def test_segments_and_marks():
    cut = segments(10, [Mark(2, 6, "f0", "agreement"), Mark(4, 8, "f1", "contradiction"), Mark(9, 30, "x", None)])
    assert [(s.start, s.end) for s in cut] == [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10)]
    assert cut[2].kind == "contradiction" and cut[2].findings == ("f0", "f1") and not cut[0].claim
    assert segments(0, []) == []
    report = make_report()
    marks = marks_of(report, "local", {i: f"f{i}" for i in range(4)})
    assert {(m.finding, m.kind) for m in marks} == {("f0", "contradiction"), ("f2", "omission")}


def test_counted_words():
    assert counted(0, "agreement") == "0 agreements" and counted(1, "artefact") == "1 translation artefact"


# -- GitHub annotations ------------------------------------------------------------------------------------------
def test_position_and_escapes():
    assert position("ab\ncd\n", 0) == (1, 1) and position("ab\ncd\n", 4) == (2, 2) and position("ab", 99) == (1, 3)
    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac" and escape_property("x.txt,y:z") == "x.txt%2Cy%3Az"


def test_github_annotations_point_at_claims(tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    page = tmp_path / "local.html"  # an HTML page: the text is found in the file to place the annotation
    page.write_text("<html><body><p>Intro</p>\n<p>" + LOCAL + "</p></body></html>", encoding="utf-8")
    out = render_github(make_report(), {"wire": str(tmp_path / "wire.txt"), "local": str(page)}).splitlines()
    assert [line.split(" ", 1)[0] for line in out] == ["::error", "::error", "::warning", "::warning", "::warning"]
    wire_line = next(line for line in out if line.startswith("::error") and "wire.txt" in line)
    assert ",line=1,col=1,endLine=1,endColumn=27," in wire_line and "homes flooded: 40 vs 55" in wire_line
    local_line = next(line for line in out if line.startswith("::error") and "local.html" in line)
    assert ",line=2,col=4," in local_line
    artefact = next(line for line in out if "casing" in line)
    assert f",line=2,col={WIRE.split(chr(10))[1].index('Ost') + 1}," in artefact
    assert all(line.count("::") == 2 for line in out)  # no unescaped newline or '::' breaks a command
    agreement_only = make_report()
    assert render_github(type(agreement_only)(**{**agreement_only.__dict__, "findings": (
        Finding("agreement", None, ("wire#0", "local#0"), 0.9, "same"),)})) == ""


# -- baselines -----------------------------------------------------------------------------------------------------
def test_normalise_and_keys_ignore_ids_offsets_and_punctuation():
    assert normalise("“The  Mayor”, said:\nYES!") == "the mayor said yes"
    a = finding_key({"kind": "omission", "claims": ["x#1"]}, {"x#1": "The bridge stays closed."})
    b = finding_key({"kind": "omission", "claims": ["y#7"]}, {"y#7": "the bridge stays closed"})
    assert a == b
    assert a != finding_key({"kind": "contradiction", "claims": ["x#1"]}, {"x#1": "The bridge stays closed."})
    assert a != finding_key({"kind": "omission", "claims": ["x#1"]}, {"x#1": "The bridge stays open."})


def test_baseline_round_trip_and_new_findings(tmp_path):
    report = make_report()
    write_baseline(report, tmp_path / "base.json")
    assert load_baseline(tmp_path / "base.json") == Counter(report_keys(report))
    (tmp_path / "report.json").write_text(report.to_json(), encoding="utf-8")
    assert load_baseline(tmp_path / "report.json") == Counter(report_keys(report))
    assert new_findings(report, load_baseline(tmp_path / "base.json")) == ()
    # an edit elsewhere in the text moves every offset but makes nothing new
    moved = make_report(wire="Breaking. " + WIRE)
    assert only_new(moved, load_baseline(tmp_path / "base.json")).findings == ()
    # one copy in the baseline lets one copy through
    doubled = type(report)(**{**report.__dict__, "findings": report.findings + report.findings[:1]})
    assert new_findings(doubled, Counter(report_keys(report))) == report.findings[:1]


def test_select_reads_before_writing_and_filters_scores(tmp_path):
    report = make_report()
    write_baseline(type(report)(**{**report.__dict__, "findings": report.findings[:1]}), tmp_path / "b.json")
    kept = select(report, min_score=0.5, baseline=tmp_path / "b.json", write=tmp_path / "b.json")
    assert [f.kind for f in kept.findings] == ["omission", "artefact"]  # new, and scored 0.5 or more
    assert len(json.loads((tmp_path / "b.json").read_text())["findings"]) == 4


@pytest.mark.parametrize("content, message", [(None, "not found"), ("{", "not a readable JSON"),
                                              ('{"findings": 3}', "neither")])
def test_bad_baselines_are_input_errors(tmp_path, content, message):
    path = tmp_path / "old.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_baseline(path)


# -- progress ------------------------------------------------------------------------------------------------------
class Terminal:
    def isatty(self):
        return True


def test_progress_is_silent_in_tests_and_off_terminals(monkeypatch, capsys):
    assert not wanted(None, Terminal())  # pytest is running
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    assert wanted(None, Terminal()) and wanted(True, Terminal())
    assert not wanted(False, Terminal()) and not wanted(None, object())
    assert list(track(iter(range(5)), "counting", total=5, enabled=True)) == [0, 1, 2, 3, 4]
    with stage("waiting", enabled=True):
        pass
    assert capsys.readouterr().err == ""  # stderr is captured, not a terminal: nothing drawn


def test_quiet_loading_restores_library_state():
    from transformers.utils import logging as hf_logging

    before = (hf_logging.is_progress_bar_enabled(), hf_logging.get_verbosity())
    with quiet_loading():
        assert not hf_logging.is_progress_bar_enabled()
    assert (hf_logging.is_progress_bar_enabled(), hf_logging.get_verbosity()) == before


# -- plot ----------------------------------------------------------------------------------------------------------
def test_plot_returns_a_figure_with_coverage_and_kinds():
    pytest.importorskip("matplotlib", reason="matplotlib is the optional 'plot' extra")
    fig = make_report().plot()
    coverage, kinds = fig.axes
    assert [t.get_text() for t in coverage.get_yticklabels()] == ["local", "wire"]
    widths = [round(p.get_width(), 2) for p in coverage.patches]
    assert widths == [0.25, 0.25, 0.25, 0.5]  # shared local, shared wire, unique local, unique wire (of 4 facts)
    assert [p.get_width() for p in kinds.patches] == [0, 2, 1, 1]  # agreement, omission, artefact, contradiction


def test_plot_without_matplotlib_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(FactalignError, match=r"factalign\[plot\]"):
        make_report().plot()

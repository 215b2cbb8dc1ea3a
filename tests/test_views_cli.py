"""CI mode end to end through the command line, with the real models, on invented articles:
``--format github``, ``--baseline``/``--write-baseline``, ``--fail-on`` with ``--min-score``."""

from __future__ import annotations

import json
import re

import pytest

from factalign.cli import main

WIRE = ("The city council approved the housing budget on Monday.\n"
        "It sets aside 5 million dollars for road repairs.\n"
        "The mayor thanked the volunteers.\n")
LOCAL = ("The city council rejected the housing budget on Monday.\n"
         "It sets aside 7 million dollars for road repairs.\n"
         "Residents crowded the hall.\n")
ALL_KINDS = "contradiction,omission,artefact"
ANNOTATION = re.compile(
    r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),endLine=\d+,endColumn=\d+,title=[^:]+::.+$")


@pytest.fixture
def articles(tmp_path):
    wire, local = tmp_path / "wire.txt", tmp_path / "local.txt"
    wire.write_text(WIRE, encoding="utf-8")
    local.write_text(LOCAL, encoding="utf-8")
    return wire, local


def run(capsys, *argv):
    code = main(["compare", *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out, out.err


def line_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def test_github_annotations_sit_on_the_claims(articles, tmp_path, capsys):
    wire, local = articles
    code, out, err = run(capsys, wire, local, "--format", "github", "--fail-on", "contradiction")
    assert code == 1 and "contradiction" in err
    lines = out.splitlines()
    assert lines and all(ANNOTATION.match(line) for line in lines), out
    code, report, _ = run(capsys, wire, local, "--format", "json")
    data = json.loads(report)
    claims = {c["id"]: c for c in data["claims"]}
    contradictions = [f for f in data["findings"] if f["kind"] == "contradiction"]
    assert len(contradictions) == 2  # approved/rejected and 5/7 million
    texts = {"wire": WIRE, "local": LOCAL}
    paths = {"wire": str(wire), "local": str(local)}
    for finding in contradictions:
        for cid in finding["claims"]:
            claim = claims[cid]
            row, col = line_col(texts[claim["source"]], claim["start"])
            head = f"::error file={paths[claim['source']]},line={row},col={col},"
            assert any(line.startswith(head) for line in lines), (head, out)
    assert sum(line.startswith("::error") for line in lines) == 4  # one per side, only for contradictions


def test_baseline_of_unchanged_input_passes(articles, tmp_path, capsys):
    wire, local = articles
    base, old = tmp_path / "base.json", tmp_path / "old.json"
    code, _, _ = run(capsys, wire, local, "--format", "json", "-o", old, "--write-baseline", base,
                     "--fail-on", ALL_KINDS)
    assert code == 1  # without a baseline, the run fails on what it finds
    assert json.loads(base.read_text())["format"] == "factalign-baseline/1"
    for baseline in (base, old):  # a --write-baseline file or a --format json report
        code, out, err = run(capsys, wire, local, "--baseline", baseline, "--fail-on", ALL_KINDS,
                             "--format", "github")
        assert code == 0, err
        assert out == "" and "0 of" in err


def test_baseline_reports_only_what_is_new(articles, tmp_path, capsys):
    wire, local = articles
    base = tmp_path / "base.json"
    run(capsys, wire, local, "--write-baseline", base)
    # edits elsewhere (blank lines, indentation) move every offset; one new sentence each side disagrees on a date
    wire.write_text(WIRE.replace("\nIt sets", "\n\n   It sets") + "Work on the roads begins in May.\n",
                    encoding="utf-8")
    local.write_text("\n" + LOCAL + "Work on the roads begins in June.\n", encoding="utf-8")
    code, out, err = run(capsys, wire, local, "--baseline", base, "--fail-on", "contradiction", "--format", "github")
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("::error")]
    assert len(errors) == 2 and all("May vs June" in line for line in errors), out
    new_wire = wire.read_text(encoding="utf-8")
    assert f"file={wire},line={line_col(new_wire, new_wire.index('Work on'))[0]}," in out
    code, _, _ = run(capsys, wire, local, "--baseline", base, "--fail-on", "agreement,artefact")
    assert code == 0


def test_fail_on_with_min_score(articles, capsys):
    wire, local = articles
    code, _, err = run(capsys, wire, local, "--fail-on", "omission")
    assert code == 1 and "omission" in err
    code, out, _ = run(capsys, wire, local, "--fail-on", "omission", "--min-score", "0.99")
    assert code == 0 and "0 omissions" in out  # every omission here scores lower, so none is reported
    code, _, _ = run(capsys, wire, local, "--fail-on", "contradiction", "--min-score", "0.5", "--no-progress")
    assert code == 1  # the contradictions score above 0.5


@pytest.mark.parametrize("content", [None, "not json", '{"schema": 1}'])
def test_bad_baseline_is_a_usage_error(articles, tmp_path, capsys, content):
    wire, local = articles
    path = tmp_path / "missing.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, wire, local, "--baseline", path)
    assert code == 2 and err.startswith("factalign: error: baseline") and len(err.splitlines()) == 1

"""Hostile inputs, each through the command line (in-process ``main()``) and through ``align()``.

Every case ends in a valid report or in one clear error (exit 2 / InputError), never a traceback, and the same
input gives byte-identical JSON twice (once from the CLI, once from ``align()``; one subprocess run too).
The articles are invented. Models load once per process and are shared by every case.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from factalign import InputError, Source, align
from factalign.cli import main
from factalign.views.common import story_note

ARTICLE = (
    "Flood waters rose across the Danube valley on Sunday, forcing 3,400 people from their homes.\n\n"
    "The regional governor, Marta Lindqvist, said the river crested at 8.2 metres in the town of Orsova.\n\n"
    "Engineers reinforced the levees near the old bridge overnight. "
    "The café owners on the main square stayed open to serve rescue workers.\n"
)
OTHER = (
    "More than 3,000 residents left their homes as the Danube flooded on Sunday.\n\n"
    "Governor Marta Lindqvist said the river peaked at 8.2 metres in Orsova.\n\n"
    "Schools in the district will stay closed until Wednesday.\n"
)
HTML = """<!DOCTYPE html><html><head><title>Floods | Valley News</title>
<script>var tracker = "should never be read"; window.dataLayer = [];</script>
<style>body { color: red; }</style></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Floods force thousands from homes</h1>
<p>Flood waters rose across the Danube valley on Sunday, forcing 3,400 people from their homes.</p>
<p>The regional governor, Marta Lindqvist, said the river crested at 8.2 metres in the town of Orsova.</p>
<script>document.write("advert");</script>
</article><footer>Contact us | Privacy</footer></body></html>"""
SUBSET = ARTICLE.split("\n\n")[0] + "\n\n" + ARTICLE.split("\n\n")[1] + "\n"
MIXED = ("The summit in Tokyo 東京 opened on Monday with 40 delegations. Москва направила делегацию из пяти человек. "
         "وصل الوفد المصري صباح الاثنين. The talks will last three days.\n")
LONG_SENTENCE_WORDS = 5_000


def long_sentence() -> str:
    """One sentence of 5,000 words: varied clauses joined by commas and 'and', one full stop."""
    subjects = ["the council", "a spokesperson", "residents of the valley", "the regional bank", "two engineers"]
    verbs = ["approved", "questioned", "delayed", "funded", "inspected", "praised", "rejected"]
    objects = ["the new bridge", "a water plan", "the school budget", "three permits", "the harbour project"]
    clauses, words, i = [], 0, 0
    while words < LONG_SENTENCE_WORDS:
        clause = f"{subjects[i % 5]} {verbs[(i * 3) % 7]} {objects[(i * 2) % 5]} in {1990 + i % 30}"
        clauses.append(clause)
        words += len(clause.split()) + 1
        i += 1
    return "In a statement on Sunday, " + ", and ".join(clauses) + ".\n"


#: Inputs that must be refused: file content and a word the one-line error must contain.
REFUSED = {
    "empty": (b"", "empty"),
    "whitespace": (b"  \r\n\t \n\n", "empty"),
    "binary": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    "nul_bytes": (b"Flood waters rose\x00\x00 on Sunday.", "NUL"),
    "invalid_utf8": (b"Flood \xc3\x28 waters \x81\x8d rose.", "neither UTF-8 nor Windows-1252"),
}

#: Inputs that must give a report: file bytes, compared with OTHER (or with the given text).
ACCEPTED = {
    "utf16_bom": (ARTICLE.encode("utf-16"), OTHER),
    "windows_1252": (ARTICLE.replace("café", "café’s").encode("cp1252"), OTHER),
    "crlf": (ARTICLE.replace("\n", "\r\n").encode("utf-8"), OTHER),
    "only_numbers": (b"3,400 8.2 2024\n\n17 42 1,000,000\n", OTHER),
    "only_emoji": ("🌊🌊 🏠➡️🚶\n\n🌉🔧\n".encode("utf-8"), OTHER),
    "mixed_scripts": (MIXED.encode("utf-8"), OTHER),
    "html_scripts_nav": (HTML.encode("utf-8"), OTHER),
    "identical": (ARTICLE.encode("utf-8"), ARTICLE),
    "strict_subset": (SUBSET.encode("utf-8"), ARTICLE),
}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("hostile")


@pytest.fixture(scope="module")
def other_file(workdir):
    path = workdir / "other.txt"
    path.write_text(OTHER, encoding="utf-8")
    return path


def write_case(workdir: Path, name: str, data: bytes, suffix: str = ".txt") -> Path:
    path = workdir / f"{name}{'.html' if name.startswith('html') else suffix}"
    path.write_bytes(data)
    return path


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def assert_one_line_error(err: str, *words: str) -> None:
    assert err.startswith("factalign: error:") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_inputs_give_one_clear_error(case, workdir, other_file, capsys):
    data, word = REFUSED[case]
    bad = write_case(workdir, case, data)
    code, out, err = cli(capsys, "compare", str(other_file), str(bad), "--format", "json")
    assert code == 2 and out == ""
    assert_one_line_error(err, word, bad.name)
    with pytest.raises(InputError, match=word):
        align([other_file, bad])


def test_ten_megabyte_file_is_refused_at_once_with_the_size_error(workdir, other_file, capsys):
    big = workdir / "big.txt"
    big.write_bytes(b"Flood waters rose again. " * 420_000)  # 10.5 MB
    started = time.perf_counter()
    code, _, err = cli(capsys, "compare", str(other_file), str(big))
    assert code == 2
    assert_one_line_error(err, "big.txt", "--max-chars")
    with pytest.raises(InputError, match="max_chars"):
        align({"a": OTHER, "big": big.read_text(encoding="utf-8")})
    assert time.perf_counter() - started < 5.0  # refused before any parsing or model


def test_max_chars_is_configurable_and_documented_in_the_error(workdir, other_file, capsys):
    code, _, err = cli(capsys, "compare", str(other_file), str(other_file), "--max-chars", "50")
    assert code == 2
    assert_one_line_error(err, "other.txt", "limit of 50 characters", "--max-chars")


def run_both(capsys, workdir: Path, case: str, path: Path, other: Path):
    """The case through the CLI and through align(); both JSON texts must be byte-identical."""
    out = workdir / f"{case}.json"
    code, _, err = cli(capsys, "compare", str(path), str(other), "--format", "json", "-o", str(out))
    assert code == 0 and "Traceback" not in err, err
    report = align([path, other])
    from_cli = out.read_text(encoding="utf-8")
    assert from_cli == report.to_json() + "\n"
    return report, json.loads(from_cli)


def assert_valid(report, data) -> None:
    import jsonschema

    schema = json.loads((resources.files("factalign") / "data" / "report.schema.json").read_text())
    jsonschema.validate(data, schema)
    texts = {s.name: s.text for s in report.sources}
    for claim in data["claims"]:
        assert claim["evidence"] == texts[claim["source"]][claim["start"]:claim["end"]]
    for finding in data["findings"]:
        if finding["start"] is not None:
            assert finding["span"] == texts[finding["source"]][finding["start"]:finding["end"]]


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_accepted_inputs_give_a_valid_report_twice_alike(case, workdir, capsys):
    data, other_text = ACCEPTED[case]
    path = write_case(workdir, case, data)
    other = workdir / f"{case}_other.txt"
    other.write_text(other_text, encoding="utf-8")
    report, parsed = run_both(capsys, workdir, case, path, other)
    assert_valid(report, parsed)
    CHECKS.get(case, lambda r, p: None)(report, path)


def check_utf16(report, path):
    assert report.sources[0].text == ARTICLE


def check_1252(report, path):
    assert "café’s" in report.sources[0].text and report.sources[0].text == path.read_bytes().decode("cp1252")


def check_crlf(report, path):
    # Offsets index the text as given, line endings included: a user slices the file read with newline="".
    with open(path, encoding="utf-8-sig", newline="") as handle:
        given = handle.read()
    assert report.sources[0].text == given and "\r\n" in given
    crlf = [c for c in report.claims if c.source == "crlf"]
    assert crlf and all(given[c.start:c.end] == report.evidence(c.id) for c in crlf)
    plain = align({"crlf": ARTICLE, "crlf_other": OTHER})
    assert [c.text for c in crlf] == [c.text for c in plain.claims if c.source == "crlf"]
    assert [given[c.start:c.end].replace("\r\n", "\n") for c in crlf] == \
        [ARTICLE[c.start:c.end] for c in plain.claims if c.source == "crlf"]


def check_html(report, path):
    text = report.sources[0].text
    assert "Lindqvist" in text
    assert not any(noise in text for noise in ("tracker", "dataLayer", "advert", "Home", "Privacy", "color"))


def check_identical(report, path):
    assert report.agreements and not report.omissions and not report.contradictions
    assert all(set(f.sources) == {"identical", "identical_other"} for f in report.facts)


def check_subset(report, path):
    assert report.omissions
    assert all(f.missing_from == ("strict_subset",) for f in report.omissions)


CHECKS = {"utf16_bom": check_utf16, "windows_1252": check_1252, "crlf": check_crlf, "html_scripts_nav": check_html,
          "identical": check_identical, "strict_subset": check_subset}


@pytest.mark.slow
def test_a_five_thousand_word_sentence_completes(workdir, other_file, capsys):
    path = workdir / "long.txt"
    path.write_text(long_sentence(), encoding="utf-8")
    assert len(path.read_text(encoding="utf-8").split()) >= LONG_SENTENCE_WORDS
    report, parsed = run_both(capsys, workdir, "long", path, other_file)
    assert_valid(report, parsed)
    assert [c for c in report.claims if c.source == "long"]


def test_a_subprocess_run_gives_the_same_bytes(workdir, capsys):
    path = write_case(workdir, "crlf", ACCEPTED["crlf"][0])
    other = workdir / "crlf_other.txt"
    other.write_text(OTHER, encoding="utf-8")
    code, out, _ = cli(capsys, "compare", str(path), str(other), "--format", "json")
    proc = subprocess.run([sys.executable, "-m", "factalign.cli", "compare", str(path), str(other), "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8")
    assert code == 0 and proc.returncode == 0, proc.stderr
    assert proc.stdout == out
    assert "Traceback" not in proc.stderr and "Loading weights" not in proc.stderr


def test_subprocess_refuses_binary_with_exit_2(workdir, other_file):
    bad = write_case(workdir, "binary", REFUSED["binary"][0])
    proc = subprocess.run([sys.executable, "-m", "factalign.cli", "compare", str(other_file), str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stdout == ""
    assert_one_line_error(proc.stderr, "binary.txt", "PNG")


# -- languages and the story note ----------------------------------------------------------------------------------

GERMAN = ("Das Hochwasser der Donau hat am Sonntag mehr als 3.000 Menschen aus ihren Häusern vertrieben. "
          "Die Gouverneurin Marta Lindqvist sagte, der Fluss habe in Orsova einen Pegel von 8,2 Metern erreicht.\n")


def test_sources_in_different_languages_are_named_in_the_report(capsys, workdir):
    report = align({"de": GERMAN, "en": OTHER})
    assert [s.language for s in report.sources] == ["de", "en"]
    note = story_note(report)
    assert "different languages: de is in German; en is in English" in note
    german = workdir / "german.txt"
    german.write_text(GERMAN, encoding="utf-8")
    english = workdir / "english.txt"
    english.write_text(OTHER, encoding="utf-8")
    code, out, _ = cli(capsys, "compare", str(german), str(english))
    assert code == 0 and "german is in German; english is in English" in out


def test_same_language_sources_get_no_language_note():
    report = align({"a": ARTICLE, "b": OTHER})
    assert {s.language for s in report.sources} == {"en"}
    assert story_note(report) is None
    given = align([Source("a", ARTICLE, language="en-GB"), Source("b", OTHER)])
    assert given.sources[0].language == "en-GB"


def fake_report(names, unrelated, overlap, min_overlap=0.05):
    return SimpleNamespace(sources=[Source(n, "text", language="en") for n in names], unrelated=tuple(unrelated),
                           overlap=np.array(overlap, dtype=float), options=SimpleNamespace(min_overlap=min_overlap))


def test_story_note_for_one_source_off_the_story():
    report = fake_report("abc", "c", [[1, .4, .02], [.4, 1, .01], [.02, .01, 1]])
    assert story_note(report) == ("Not the same story: c overlaps the main story (a, b) by at most 2%, below the 5% "
                                  "threshold, so no agreements or omissions are reported for it.")


def test_story_note_for_several_sources_that_overlap_each_other_but_not_the_story():
    # g and h share 78% with each other, but not with the main story: the note must not make that read as "below 5%".
    names = list("abcdefgh")
    overlap = np.full((8, 8), 0.5)
    overlap[6:, :6] = overlap[:6, 6:] = 0.01
    overlap[6, 7] = overlap[7, 6] = 0.78
    note = story_note(fake_report(names, "gh", overlap))
    assert note == ("Not the same story: 2 sources overlap the main story (a, b, c, d, e, f) too little (g 1%, h 1%), "
                    "below the 5% threshold, so no agreements or omissions are reported for them.")


def test_story_note_when_no_two_sources_match():
    assert story_note(fake_report("ab", "ab", [[1, .03], [.03, 1]])) == (
        "Not the same story: a and b overlap by only 3%, below the 5% threshold, so no agreements or omissions are "
        "reported.")
    three = story_note(fake_report("abc", "abc", [[1, .03, .01], [.03, 1, .02], [.01, .02, 1]]))
    assert three.startswith("Not the same story: no two of the 3 sources overlap enough (the most is 3%, between a "
                            "and b), below the 5% threshold")

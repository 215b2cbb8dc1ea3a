"""Reading inputs: files, NAME=PATH specs, HTML through trafilatura, and the shapes align() accepts."""

from pathlib import Path

import pytest

from factalign.errors import InputError
from factalign.models import Source
from factalign.read import read_source, to_sources

ARTICLE = "A magnitude 6.4 earthquake struck southern Peru on Tuesday, killing at least 12 people."
HTML = """<html><head><title>Quake | News</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Quake kills 12 in Peru</h1>
<p>A magnitude 6.4 earthquake struck southern Peru on Tuesday, killing at least 12 people and injuring more
than 80, the country's civil defense agency said.</p>
<p>Rescue teams searched for survivors in the rubble of collapsed homes in the town of Arequipa on Wednesday.</p>
</article><footer>Contact us</footer></body></html>"""


def write(tmp_path: Path, name: str, content, encoding="utf-8") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    return path


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_reads_text_files_named_after_the_stem(tmp_path, suffix):
    source = read_source(write(tmp_path, f"wire{suffix}", ARTICLE))
    assert source == Source(name="wire", text=ARTICLE)


def test_bom_is_dropped_so_offsets_match_the_text(tmp_path):
    source = read_source(write(tmp_path, "a.txt", "\ufeff" + ARTICLE))
    assert source.text == ARTICLE


def test_name_spec_and_explicit_name(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    assert read_source(f"local={path}").name == "local"
    assert read_source(path, name="other").name == "other"


def test_html_goes_through_trafilatura(tmp_path):
    source = read_source(write(tmp_path, "page.html", HTML))
    assert "earthquake struck southern Peru" in source.text
    assert "Rescue teams searched" in source.text
    assert "Home" not in source.text and "Contact us" not in source.text
    # Paragraphs stay apart: furniture cleaning and sentence splitting work on them.
    assert "\n\n" in source.text


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "directory"),
    (lambda d: write(d, "blank.txt", "  \n\t\n"), "empty"),
    (lambda d: write(d, "latin.txt", "Espa\xf1a gan\xf3".encode("latin-1")), "not UTF-8"),
    (lambda d: write(d, "doc.pdf", "%PDF-1.4"), "unsupported file type"),
    (lambda d: write(d, "empty.html", "<html><head><script>var a = 1;</script></head><body></body></html>"), "no article text"),
])
def test_bad_files_raise_input_error(tmp_path, make, message):
    with pytest.raises(InputError, match=message):
        read_source(make(tmp_path))


def test_to_sources_accepts_dict_list_sources_paths_and_mixes(tmp_path):
    path = write(tmp_path, "wire.txt", ARTICLE)
    assert [s.name for s in to_sources({"a": "Text one.", "b": "Text two."})] == ["a", "b"]
    assert [s.name for s in to_sources(["Text one.", "Text two."])] == ["source_1", "source_2"]
    mixed = to_sources([Source("x", "Text."), str(path), "Plain text."])
    assert [s.name for s in mixed] == ["x", "wire", "source_3"]
    assert mixed[1].text == ARTICLE
    assert to_sources({"renamed": Source("old", "Text.")})[0].name == "renamed"
    assert to_sources({"p": path})[0].text == ARTICLE


@pytest.mark.parametrize("bad, message", [
    ({"a": "Text.", "b": "   "}, "empty"),
    (["Text.", ""], "empty"),
    ([Source("a", "One."), Source("a", "Two.")], "two sources are named 'a'"),
    ([42], "must be text"),
    (3.5, "cannot read sources"),
])
def test_to_sources_errors(bad, message):
    with pytest.raises(InputError, match=message):
        to_sources(bad)


def test_text_that_is_not_a_path_stays_text():
    sources = to_sources(["no/such/file.txt is what this sentence mentions."])
    assert sources[0].name == "source_1" and sources[0].text.startswith("no/such/file.txt")

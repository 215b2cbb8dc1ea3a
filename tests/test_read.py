"""Reading inputs: files, NAME=PATH specs, HTML through trafilatura, and the shapes align() accepts."""

import http.server
import io
import sys
import threading
import time
from pathlib import Path

import pytest

from factalign.errors import InputError
from factalign.models import Source
from factalign.read import read_source, read_sources, to_sources

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
    assert source == Source(name="wire", text=ARTICLE)  # language is detected by to_sources, not on reading


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
    (lambda d: d, "folder"),
    (lambda d: write(d, "blank.txt", "  \n\t\n"), "empty"),
    (lambda d: write(d, "mixed.txt", "Espa\xf1a gan\xf3 \x81".encode("latin-1")), "neither UTF-8 nor Windows-1252"),
    (lambda d: write(d, "utf16.txt", "Quake".encode("utf-16-le")), "NUL bytes"),
    (lambda d: write(d, "report.txt", b"%PDF-1.4 binary"), "PDF document"),
    (lambda d: write(d, "noext", b"\x01\x02\x03\x04 binary \x05\x06\x07"), "control characters"),
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


# -- encodings: offsets index the decoded text, line endings as given --------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1252"])
def test_encodings_decode_to_the_same_text(tmp_path, encoding):
    text = "Mañana, the “café” reopened. It’s 20 °C.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert read_source(write(tmp_path, "a.txt", data)).text == text


def test_line_endings_are_kept_as_given(tmp_path):
    text = "Quake hits Peru.\r\n\r\nAt least 12 people died.\r\nRescuers searched the rubble.\r\n"
    assert read_source(write(tmp_path, "crlf.txt", text.encode())).text == text


def test_a_stray_control_character_is_text_many_are_binary(tmp_path):
    assert read_source(write(tmp_path, "a.txt", ARTICLE + "\x1b")).text.endswith("\x1b")
    with pytest.raises(InputError, match="binary"):
        read_source(write(tmp_path, "b.txt", ARTICLE + "\x1b\x02\x03\x04"))


def test_files_without_extension_are_read_as_text_or_html(tmp_path):
    assert read_source(write(tmp_path, "README", ARTICLE)).text == ARTICLE
    page = read_source(write(tmp_path, "page", HTML))
    assert "Rescue teams searched" in page.text and "Home" not in page.text


# -- paths, strings that look like paths, folders and standard input ------------------------------------------------

@pytest.mark.parametrize("spec", ["coverage/ap.txt", "coverage/bbc.html", "story.pdf", "ap=coverage/ap.txt",
                                  "notes.MD"])
def test_path_like_strings_that_name_nothing_are_errors_not_text(spec):
    with pytest.raises(InputError, match=r"no such file: .*pass Source\(name=\.\.\., text=\.\.\.\)"):
        to_sources(["An article about a quake in Peru.", spec])


def test_other_schemes_are_refused():
    with pytest.raises(InputError, match="only http:// and https://"):
        to_sources(["An article.", "ftp://example.org/story.txt"])


def test_one_word_or_spaced_strings_stay_text():
    texts = ["Quake.", "notes.txt is where the reporter kept the list", "Peru"]
    assert [s.text for s in to_sources(texts)] == texts


def test_paths_and_path_strings_are_read(tmp_path):
    path = write(tmp_path, "wire.txt", ARTICLE)
    from_path, from_str = to_sources([path, f"copy={path}"])
    assert from_path.text == from_str.text == ARTICLE and from_str.name == "copy"


def test_a_folder_gives_every_article_in_it(tmp_path):
    write(tmp_path, "b.txt", ARTICLE)
    write(tmp_path, "a.html", HTML)
    write(tmp_path, "a.md", ARTICLE)
    write(tmp_path, "notes.csv", "x,y")
    sources = to_sources(str(tmp_path))
    assert [s.name for s in sources] == ["a.html", "a.md", "b"]
    assert [s.name for s in read_sources([tmp_path])] == ["a.html", "a.md", "b"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="holds no"):
        read_sources([empty])
    with pytest.raises(InputError, match="cannot take a name"):
        read_sources([f"all={tmp_path}"])


def test_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-16"))))
    source = read_source("-")
    assert source == Source(name="stdin", text=ARTICLE, language=None)
    with pytest.raises(InputError, match="only once"):
        read_sources(["-", "-"])


def test_max_chars(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    assert read_source(path, max_chars=len(ARTICLE)).text == ARTICLE
    with pytest.raises(InputError, match=f"{len(ARTICLE)} characters long, over the limit of {len(ARTICLE) - 1}"):
        read_source(path, max_chars=len(ARTICLE) - 1)
    with pytest.raises(InputError, match="more than the limit of 10 characters"):
        read_source(path, max_chars=10)  # refused from its size on disk, before reading
    with pytest.raises(InputError, match="limit of 10"):
        to_sources(["A text longer than ten characters.", "Another one."], max_chars=10)


def test_language_is_detected_when_not_given():
    german = "Die Regierung hat am Dienstag in Berlin ein neues Gesetz zur Rente beschlossen."
    given = Source("fr", ARTICLE, language="fr")
    sources = to_sources({"de": german, "en": ARTICLE, "nums": "2024 3.5 17", "fr": given})
    assert [s.language for s in sources] == ["de", "en", None, "fr"]


# -- URLs, against a local server only ------------------------------------------------------------------------------

PAGES = {
    "/article.html": ("text/html; charset=utf-8", HTML.encode()),
    "/plain.txt": ("text/plain; charset=windows-1252", "Señor Pérez said the quake was strong.".encode("cp1252")),
    "/photo.png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "/slow.html": ("text/html", HTML.encode()),
}


@pytest.fixture(scope="module")
def server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path not in PAGES:
                self.send_error(404, "Not Found")
                return
            if self.path == "/slow.html":
                time.sleep(1.5)
            ctype, body = PAGES[self.path]
            try:
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout and size-cap tests): nothing to send it

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def test_urls_are_fetched_and_extracted(server):
    page, plain = to_sources([f"{server}/article.html", f"wire={server}/plain.txt"])
    assert page.name == "127.0.0.1" and "Rescue teams searched" in page.text and "Home" not in page.text
    assert page.url == f"{server}/article.html"
    assert plain.name == "wire" and plain.text == "Señor Pérez said the quake was strong."


@pytest.mark.parametrize("path, message", [
    ("/photo.png", "image/png, not an HTML page"),
    ("/missing.html", "HTTP 404"),
])
def test_url_errors(server, path, message):
    with pytest.raises(InputError, match=message):
        read_source(server + path)


def test_url_size_cap_and_timeout(server, monkeypatch):
    with pytest.raises(InputError, match="too large"):
        read_source(f"{server}/article.html", max_chars=10)
    from factalign import fetch

    with pytest.raises(InputError, match="timed out"):
        fetch.fetch(f"{server}/slow.html", max_bytes=10_000, timeout=0.3)


def test_unreachable_url_names_it():
    with pytest.raises(InputError, match=r"cannot fetch http://127\.0\.0\.1:9/story\.html"):
        read_source("http://127.0.0.1:9/story.html")

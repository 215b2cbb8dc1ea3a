"""Bad input on the command line: one clear line on stderr, exit code 2, no traceback. No model is loaded."""

import subprocess
import sys

import pytest

from factalign import resources
from factalign.cli import main


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "wire.txt"
    p.write_text("An earthquake struck southern Peru on Tuesday. At least 12 people died.", encoding="utf-8")
    return p


def run(capsys, *args):
    code = main(list(args))
    err = capsys.readouterr().err
    return code, err


def test_missing_file(capsys, article):
    code, err = run(capsys, "compare", str(article), "nope/missing.txt")
    assert code == 2
    assert err.startswith("factalign: error:") and "missing.txt" in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_empty_file(capsys, article, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    code, err = run(capsys, "compare", str(article), str(empty))
    assert code == 2 and "empty" in err


def test_folder_without_articles(capsys, article, tmp_path):
    empty = tmp_path / "drafts"
    empty.mkdir()
    code, err = run(capsys, "compare", str(article), str(empty))
    assert code == 2 and "folder" in err and "drafts holds no .txt" in err


def test_fewer_than_two_sources(capsys, article):
    code, err = run(capsys, "compare", str(article))
    assert code == 2 and "at least two sources" in err


def test_unsupported_extension(capsys, article, tmp_path):
    pdf = tmp_path / "story.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    code, err = run(capsys, "compare", str(article), str(pdf))
    assert code == 2 and ".pdf" in err


def test_binary_file_named_txt(capsys, article, tmp_path):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\xff\xd8\xff\xe0 JFIF" + bytes(range(256)))
    code, err = run(capsys, "compare", str(article), str(bad))
    assert code == 2 and "photo.txt is a JPEG image, not text" in err


def test_unknown_reference(capsys, article, tmp_path):
    other = tmp_path / "local.txt"
    other.write_text("A quake hit Peru.", encoding="utf-8")
    code, err = run(capsys, "compare", str(article), str(other), "--reference", "nobody")
    assert code == 2 and "nobody" in err


def test_bad_fail_on_kind_is_a_usage_error(capsys, article):
    with pytest.raises(SystemExit) as exc:
        main(["compare", str(article), str(article), "--fail-on", "contradictions"])
    assert exc.value.code == 2
    assert "unknown kind" in capsys.readouterr().err


def test_console_script_exit_code_without_traceback(article):
    proc = subprocess.run([sys.executable, "-m", "factalign.cli", "compare", str(article), "missing.html"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "missing.html" in proc.stderr


@pytest.fixture
def no_models(monkeypatch):
    """Any model load fails the test: options must be checked before."""
    def refuse(*args, **kwargs):
        raise AssertionError("a model was loaded before the options were checked")

    monkeypatch.setattr(resources, "sentence_transformer", refuse)
    monkeypatch.setattr(resources, "spacy_pipeline", refuse)


@pytest.mark.parametrize("args, message", [
    (["--judges", "numbrs"], "unknown judge(s) 'numbrs'; known: attribution, certainty, dates"),
    (["--judges", "numbers,datez"], "unknown judge(s) 'datez'"),
    (["-o", "/nonexistent/dir/out.txt"], "no such folder /nonexistent/dir"),
    (["--model", "no-such-model-here"], "'no-such-model-here' is not installed"),
    (["--nli", "no-such-nli-model"], "'no-such-nli-model' is not installed"),
    (["--reference", "nobody"], "reference 'nobody' is not one of the sources"),
    (["--max-chars", "10"], "limit of 10 characters"),
])
def test_options_fail_before_any_model_loads(capsys, article, no_models, monkeypatch, args, message):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    code, err = run(capsys, "compare", f"a={article}", f"b={article}", *args)
    assert code == 2 and message in err and err.count("\n") == 1, err


def test_output_that_is_a_folder(capsys, article, tmp_path, no_models):
    code, err = run(capsys, "compare", str(article), str(article), "-o", str(tmp_path))
    assert code == 2 and "it is a folder" in err


@pytest.mark.parametrize("args, message", [
    (["--limit", "-1"], "--limit: must be a whole number of at least 0"),
    (["--limit", "ten"], "--limit: must be a whole number"),
    (["--max-chars", "0"], "--max-chars: must be a whole number of at least 1"),
    (["--threshold", "nan"], "--threshold: must be a number between 0 and 1"),
    (["--min-overlap", "2"], "--min-overlap: must be a number between 0 and 1"),
])
def test_bad_numbers_are_usage_errors(capsys, article, args, message):
    with pytest.raises(SystemExit) as exc:
        main(["compare", str(article), str(article), *args])
    assert exc.value.code == 2 and message in capsys.readouterr().err


@pytest.mark.parametrize("a, b", [("", ""), ("Rain fell.", "   "), ("\n", "Rain fell.")])
def test_judge_refuses_empty_statements(capsys, a, b):
    code, err = run(capsys, "judge", a, b)
    assert code == 2 and "is empty; give two statements to judge" in err


def test_url_is_kept_whole_in_the_error(capsys, article):
    code, err = run(capsys, "compare", str(article), "http://127.0.0.1:9/world/story.html")
    assert code == 2 and "cannot fetch http://127.0.0.1:9/world/story.html" in err


def test_missing_model_fails_at_once_offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    from factalign.errors import ModelError

    with pytest.raises(ModelError, match="HF_HUB_OFFLINE is set"):
        resources.check_model_available("all-mpnet-base-v2", "sentence-transformers model")
    resources.check_model_available(resources.resolve_embedder_path(None))  # the installed default passes


def test_missing_model_fails_at_once_when_the_hub_is_unreachable(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # a closed port: refused at once
    from factalign.errors import ModelError

    with pytest.raises(ModelError, match=r"hub \(127.0.0.1:9\) cannot be reached"):
        resources.check_model_available("all-mpnet-base-v2", "sentence-transformers model")


def test_align_checks_options_before_reading_or_loading(no_models, tmp_path):
    from factalign import InputError, align

    with pytest.raises(InputError, match=r"unknown artefact detector\(s\) 'fussed'"):
        align(["One text.", "Another text."], detectors=("fussed",))
    with pytest.raises(InputError, match="threshold must be a number between 0 and 1"):
        align(["One text.", "Another text."], threshold=7)
    with pytest.raises(InputError, match="max_chars must be a whole number"):
        align(["One text.", "Another text."], max_chars=0)


def test_a_bug_exits_3_not_1(capsys, article, monkeypatch):
    import factalign.pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in a stage")

    monkeypatch.setattr(factalign.pipeline, "align", broken)
    code = main(["compare", str(article), str(article), "--fail-on", "contradiction"])
    err = capsys.readouterr().err
    assert code == 3 and "RuntimeError: a bug in a stage" in err and "internal error (exit 3)" in err


def test_html_without_trafilatura_is_a_clear_error(monkeypatch, tmp_path):
    from factalign.errors import DependencyError
    from factalign.read import read_source

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # what a failed import looks like
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Quake hits Peru.</p></body></html>", encoding="utf-8")
    with pytest.raises(DependencyError, match="pip install trafilatura lxml_html_clean"):
        read_source(page)

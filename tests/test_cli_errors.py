"""Bad input on the command line: one clear line on stderr, exit code 2, no traceback. No model is loaded."""

import subprocess
import sys

import pytest

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


def test_directory(capsys, article, tmp_path):
    code, err = run(capsys, "compare", str(article), str(tmp_path))
    assert code == 2 and "directory" in err


def test_fewer_than_two_sources(capsys, article):
    code, err = run(capsys, "compare", str(article))
    assert code == 2 and "at least two sources" in err


def test_unsupported_extension(capsys, article, tmp_path):
    pdf = tmp_path / "story.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    code, err = run(capsys, "compare", str(article), str(pdf))
    assert code == 2 and ".pdf" in err


def test_not_utf8(capsys, article, tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Se inauguró la oficina en Tokio.".encode("latin-1"))
    code, err = run(capsys, "compare", str(article), str(bad))
    assert code == 2 and "UTF-8" in err


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

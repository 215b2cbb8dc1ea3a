"""The command line on the seeds, as a CI job runs it: offline, exit codes, every output format."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factalign.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]


def test_import_is_light_and_side_effect_free():
    code = ("import sys, factalign; heavy = [m for m in ('torch', 'spacy', 'sentence_transformers', 'pandas', "
            "'transformers', 'wordfreq') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_compare_offline_json_and_fail_on(tmp_path):
    out = tmp_path / "report.json"
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    proc = subprocess.run(
        [sys.executable, "-m", "factalign.cli", "compare", f"es={SEEDS[0]}", f"en={SEEDS[1]}",
         "--format", "json", "-o", str(out), "--fail-on", "contradiction"],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr  # the seeds hold a certainty contradiction
    assert "contradiction" in proc.stderr and "Traceback" not in proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [s["name"] for s in data["sources"]] == ["es", "en"]
    assert any(f["kind"] == "contradiction" for f in data["findings"])


@pytest.mark.parametrize("fmt, marker", [("text", "AGREEMENTS"), ("markdown", "### Agreements"),
                                         ("html", "<!DOCTYPE html>")])
def test_compare_formats_and_exit_zero(capsys, fmt, marker):
    code = main(["compare", *SEEDS, "--format", fmt, "--fail-on", "artefact,omission", "--no-artefacts",
                 "--min-salience", "0.99"])
    captured = capsys.readouterr()
    assert code == 0, captured.err  # no artefacts searched, no omission that salient
    assert marker in captured.out


def test_claims_command_json(capsys):
    assert main(["claims", SEEDS[1], "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = Path(SEEDS[1]).read_text(encoding="utf-8")
    assert data["claims"] and all(text[c["start"]:c["end"]] == c["evidence"] for c in data["claims"])


def test_judge_command(capsys):
    assert main(["judge", "At least 12 people died.", "21 people died."]) == 0
    assert capsys.readouterr().out.startswith("contradiction")

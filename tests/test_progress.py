"""Progress of a long run, end to end: ``align(progress=...)`` and ``factalign compare --progress`` name the stage
the run is in on a terminal, and draw nothing when switched off or off a terminal. Article texts are invented."""

from __future__ import annotations

import io
import time

import pytest

import factalign.pipeline as pipeline
import factalign.progress as progress
from factalign import align
from factalign.cli import main
from factalign.progress import Steps

WIRE = "The council approved the new bridge on Monday. Work will start in May and cost 40 million euros."
LOCAL = "Councillors voted for the new bridge on Monday. The mayor said work would start in June."
#: Long enough for the display thread (ticking every millisecond below) to draw a stage several times.
SLOW_STAGE_S = 0.3


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def slow_stages(monkeypatch):
    """A display that starts at once and ticks fast, and the split and embed stages slowed down so that the
    display meets them."""
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "_TICK", 0.001)
    for name in ("split_stage", "embed_stage"):
        monkeypatch.setattr(pipeline, name, _slowed(getattr(pipeline, name)))


def on_terminal(monkeypatch) -> Terminal:
    """Standard error as a terminal, outside pytest. Called in the test itself: pytest sets its own standard error
    and PYTEST_CURRENT_TEST again after the fixtures have run."""
    stream = Terminal()
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    monkeypatch.setattr("sys.stderr", stream)
    return stream


def _slowed(stage):
    def slow(*args, **kwargs):
        time.sleep(SLOW_STAGE_S)
        return stage(*args, **kwargs)
    return slow


def test_steps_count_and_name_the_step_on_a_terminal(monkeypatch):
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "_TICK", 0.001)
    stream = Terminal()
    with Steps(2, stream=stream) as steps:
        steps.step("reading the wire")
        time.sleep(0.1)
        steps.step("reading the local paper")
        time.sleep(0.1)
    shown = stream.getvalue()
    assert "reading the wire (0/2)" in shown and "reading the local paper (1/2)" in shown


def test_steps_draw_nothing_when_off_or_off_a_terminal(monkeypatch):
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    monkeypatch.setattr(progress, "DELAY", 0.0)
    off, piped = Terminal(), io.StringIO()
    for stream, enabled in ((off, False), (piped, None)):
        with Steps(1, enabled=enabled, stream=stream) as steps:
            steps.step("working")
            time.sleep(0.05)
    assert off.getvalue() == "" and piped.getvalue() == ""


def test_align_names_its_stages_on_a_terminal(slow_stages, monkeypatch):
    terminal = on_terminal(monkeypatch)
    report = align({"wire": WIRE, "local": LOCAL}, cache=False, progress=True)
    shown = terminal.getvalue()
    assert "splitting 2 sources into claims (0/" in shown
    assert f"embedding {len(report.claims)} claims (" in shown
    assert shown.index("splitting") < shown.index("embedding")


def test_align_without_progress_draws_nothing(slow_stages, monkeypatch):
    terminal = on_terminal(monkeypatch)
    align({"wire": WIRE, "local": LOCAL}, cache=False, progress=False)
    assert terminal.getvalue() == ""


def test_cli_compare_shows_stages_and_no_progress_hides_them(slow_stages, tmp_path, monkeypatch):
    terminal = on_terminal(monkeypatch)
    wire, local, out = tmp_path / "wire.txt", tmp_path / "local.txt", tmp_path / "report.txt"
    wire.write_text(WIRE, encoding="utf-8")
    local.write_text(LOCAL, encoding="utf-8")
    assert main(["compare", str(wire), str(local), "--no-cache", "--progress", "-o", str(out)]) == 0
    assert "splitting 2 sources into claims" in terminal.getvalue()
    assert "wire" in out.read_text(encoding="utf-8")
    terminal.seek(0)
    terminal.truncate()
    assert main(["compare", str(wire), str(local), "--no-cache", "--no-progress", "-o", str(out)]) == 0
    assert terminal.getvalue() == ""

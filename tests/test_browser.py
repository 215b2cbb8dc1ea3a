"""The HTML view in a real headless browser (Debian's chromium), driven over the DevTools protocol.

The protocol runs over ``--remote-debugging-pipe`` (NUL-separated JSON on file descriptors 3 and 4), so no
websocket library and no network port are needed. Without chromium the tests skip and say why.

Run as a script to refresh the committed screenshot of the seeds::

    python tests/test_browser.py docs/img/seeds_html.png
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and os.path.exists(p)), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
         "--hide-scrollbars", "--remote-debugging-pipe"]
#: Seconds to wait for one protocol answer; chromium starts in about a second, slower on a loaded machine.
TIMEOUT = 60

# Invented articles; the second carries markup that must show as text and never run.
WIRE = ("The city council approved the housing budget on Monday. It sets aside 5 million dollars for repairs. "
        "Mayor Ines Varga said the vote was a relief. <script>window.pwned = 1</script>")
LOCAL = ("The city council rejected the housing budget on Monday. It sets aside 7 million dollars for repairs. "
         "Residents crowded the hall. <img src=x onerror=\"window.pwned = 2\"> Tiles & \"quotes\" stay text.")


class Browser:
    """A headless chromium with one page, spoken to over the DevTools pipe."""

    def __init__(self, width: int = 1400, height: int = 900):
        self.profile = tempfile.mkdtemp(prefix="fa-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire_fds():  # the child reads commands on fd 3 and writes answers on fd 4
            high_r, high_w = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_fds, pass_fds=(3, 4), close_fds=True,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._answers: dict[int, dict] = {}
        self.events: queue.Queue = queue.Queue()
        self._ids = 0
        self._cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        target = next(t for t in self._wait_targets() if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=target["targetId"], flatten=True,
                                 session=None)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=False)

    def _wait_targets(self) -> list[dict]:
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            targets = self.call("Target.getTargets", session=None)["targetInfos"]
            if any(t["type"] == "page" for t in targets):
                return targets
            time.sleep(0.1)
        raise TimeoutError("chromium opened no page")

    def _read(self) -> None:
        buffer = b""
        while True:
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                message = json.loads(raw)
                if "id" in message:
                    with self._cond:
                        self._answers[message["id"]] = message
                        self._cond.notify_all()
                else:
                    self.events.put(message)

    def call(self, method: str, session: str | None = "", **params):
        """Send one command and wait for its answer (``session=None`` talks to the browser itself)."""
        self._ids += 1
        message = {"id": self._ids, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session or self.session
        os.write(self._to_child, json.dumps(message).encode("utf-8") + b"\0")
        with self._cond:
            if not self._cond.wait_for(lambda: self._ids in self._answers, timeout=TIMEOUT):
                raise TimeoutError(f"no answer to {method}")
            answer = self._answers.pop(self._ids)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer["result"]

    def open(self, path: Path) -> None:
        """Load a file and wait for its load event."""
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for_event("Page.loadEventFired")

    def wait_for_event(self, method: str) -> dict:
        deadline = time.time() + TIMEOUT
        seen = []
        while time.time() < deadline:
            try:
                event = self.events.get(timeout=0.5)
            except queue.Empty:
                continue
            seen.append(event)
            if event["method"] == method:
                for other in seen[:-1]:
                    self.events.put(other)
                return event
        raise TimeoutError(f"no {method} event")

    def js(self, expression: str):
        """Evaluate an expression in the page and return its value."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and dialogs seen so far."""
        out = []
        while not self.events.empty():
            event = self.events.get()
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                out.append(json.dumps(params["exceptionDetails"])[:300])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                out.append(json.dumps(params.get("args"))[:300])
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                out.append(params["entry"]["text"])
            elif method == "Page.javascriptDialogOpening":
                out.append("dialog: " + params.get("message", ""))
        return out

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        """Write a PNG of the viewport (or of the whole page)."""
        params = {"format": "png"}
        if full_page:
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1})
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", **params)["data"]))

    def close(self) -> None:
        try:
            self.call("Browser.close", session=None)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_child)
        shutil.rmtree(self.profile, ignore_errors=True)


needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium found (apt-get install chromium; "
                                                              ".ci/run installs it)")


@pytest.fixture(scope="module")
def report():
    from factalign import align

    return align({"wire": WIRE, "local": LOCAL})


@pytest.fixture(scope="module")
def page(report, tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(report.to_html(), encoding="utf-8")
    browser = Browser()
    try:
        browser.open(path)
        yield browser, path
    finally:
        browser.close()


@needs_chromium
def test_page_loads_without_errors_and_markup_stays_text(page):
    browser, _ = page
    assert browser.errors() == []
    assert browser.js("window.pwned === undefined")
    assert browser.js("document.querySelectorAll('.fa-text img, .fa-text script').length") == 0
    text = browser.js("Array.from(document.querySelectorAll('.fa-text')).map(e => e.textContent).join('\\n')")
    assert "<script>window.pwned = 1</script>" in text and 'onerror="window.pwned = 2"' in text
    assert 'Tiles & "quotes" stay text.' in text


@needs_chromium
def test_every_finding_is_in_the_dom(page, report):
    browser, _ = page
    rows = browser.js("Array.from(document.querySelectorAll('.fa-finding')).map(r => "
                      "[r.dataset.kind, r.querySelector('.fa-why').textContent])")
    assert sorted(map(tuple, rows)) == sorted((f.kind, f.explanation) for f in report.findings)
    assert {f.kind for f in report.findings} >= {"contradiction", "omission"}
    # every claim of every finding is highlighted in its source
    marked = browser.js("Array.from(document.querySelectorAll('.fa-seg[data-f]')).map(s => s.dataset.f).join(' ')")
    assert set(marked.split()) == {f"f{i}" for i in range(len(report.findings))}


@needs_chromium
def test_filters_hide_the_right_rows(page, report):
    browser, _ = page
    shown = "Array.from(document.querySelectorAll('.fa-finding')).filter(r => !r.hidden).map(r => r.dataset.kind)"
    browser.js("document.querySelector('input[name=kind][value=omission]').click()")
    kinds = browser.js(shown)
    assert "omission" not in kinds and len(kinds) == len(report.findings) - len(report.omissions)
    browser.js("document.querySelector('input[name=kind][value=omission]').click()")
    assert len(browser.js(shown)) == len(report.findings)

    # a source filter keeps the findings located in a checked source (omissions: the source that has the claim)
    browser.js("document.querySelector('input[name=source][value=s0]').click()")
    only_local = [f for f in report.findings if "local" in {report.claim(c).source for c in f.claims} | {f.source}]
    assert len(browser.js(shown)) == len(only_local) < len(report.findings)
    browser.js("document.querySelector('input[name=source][value=s0]').click()")

    browser.js("(() => { const r = document.querySelector('input[name=minscore]'); r.value = 0.5; "
               "r.dispatchEvent(new Event('input')); })()")
    assert len(browser.js(shown)) == sum(f.score >= 0.5 for f in report.findings)
    # a hidden finding no longer colours the text
    colours = browser.js("document.querySelectorAll('.fa-text .fa-omission').length")
    assert colours == 0 or any(f.kind == "omission" and f.score >= 0.5 for f in report.findings)
    browser.js("(() => { const r = document.querySelector('input[name=minscore]'); r.value = 0; "
               "r.dispatchEvent(new Event('input')); })()")
    assert browser.errors() == []


@needs_chromium
def test_sort_and_click_link_both_sides(page):
    browser, _ = page
    browser.js("(() => { const s = document.querySelector('select[name=sort]'); s.value = 'score'; "
               "s.dispatchEvent(new Event('change')); })()")
    scores = browser.js("Array.from(document.querySelectorAll('.fa-finding')).map(r => +r.dataset.score)")
    assert scores == sorted(scores, reverse=True)
    browser.js("document.querySelector('.fa-finding[data-kind=contradiction]').click()")
    lit = browser.js("Array.from(document.querySelectorAll('.fa-source')).map(s => "
                     "s.querySelectorAll('.fa-hl').length)")
    assert len(lit) == 2 and all(n > 0 for n in lit)  # the contradiction's claims light up on both sides
    assert "contradiction" in browser.js("document.querySelector('.fa-detail').textContent")
    assert browser.errors() == []


@needs_chromium
def test_screenshot_and_narrow_screens(page, tmp_path):
    browser, _ = page
    shot = tmp_path / "report.png"
    browser.screenshot(shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    assert browser.js("getComputedStyle(document.querySelector('.fa-sources')).flexDirection") == "row"
    browser.call("Emulation.setDeviceMetricsOverride", width=600, height=900, deviceScaleFactor=1, mobile=False)
    assert browser.js("getComputedStyle(document.querySelector('.fa-sources')).flexDirection") == "column"


def main(out: str) -> None:
    """Render the seeds and write a screenshot of the HTML view (for docs/img)."""
    from factalign import align

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    report = align({"time_news": seeds[0], "examiner": seeds[1]})
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "seeds.html"
        page_path.write_text(report.to_html(), encoding="utf-8")
        browser = Browser(width=1400, height=1250)
        try:
            browser.open(page_path)
            browser.js("document.querySelector('.fa-finding[data-kind=contradiction]').click()")
            browser.screenshot(Path(out))
            errors = browser.errors()
        finally:
            browser.close()
    if errors:
        raise SystemExit(f"console errors: {errors}")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "seeds_html.png")

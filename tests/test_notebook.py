"""examples/quickstart.ipynb runs from top to bottom in a fresh kernel (nbclient), so it never rots, and its
output stays free of third-party noise ("Loading weights" bars, warnings).

Run as a script to execute the notebook and commit its outputs::

    python tests/test_notebook.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"
#: Seconds one cell may take: the first loads the models and compares the seeds (about 20 s alone, more when
#: the machine is busy).
CELL_TIMEOUT = 300
NOISE = ("Loading weights", "TqdmWarning", "Warning:", "it/s]")


def execute(path: Path = NOTEBOOK):
    """Run a notebook in a fresh kernel from its own folder; returns the executed notebook."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(path, as_version=4)
    # the kernel imports this checkout's factalign, offline
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    env.pop("PYTEST_CURRENT_TEST", None)  # the kernel is a user's session, not a test
    client = nbclient.NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute(env=env)
    return notebook


def outputs_text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(f"[{out['name']}] {out['text']}")
        for mime, data in out.get("data", {}).items():
            if mime.startswith("text/"):
                parts.append(data if isinstance(data, str) else "".join(data))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def executed():
    return execute()


def test_notebook_runs_and_shows_every_view(executed):
    cells = [c for c in executed.cells if c.cell_type == "code"]
    assert cells and all(c.get("outputs") for c in cells)  # every code cell shows something
    html = [o for c in cells for o in c.outputs if "text/html" in o.get("data", {})]
    assert any('class="fa-report"' in o["data"]["text/html"] for o in html)  # the report renders itself
    assert any("image/png" in o.get("data", {}) for c in cells for o in c.outputs)  # report.plot()
    assert any("::error file=" in outputs_text(c) for c in cells)  # the CI annotations


def test_notebook_output_is_free_of_noise(executed):
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        streams = [o for o in cell.outputs if o.get("output_type") == "stream" and o["name"] == "stderr"]
        assert not streams, f"stderr in cell {cell.source[:60]!r}: {streams}"
        text = outputs_text(cell)
        assert not any(word in text for word in NOISE), f"noise in cell {cell.source[:60]!r}"


def test_committed_notebook_has_outputs():
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code and all(c.get("outputs") for c in code), "run `python tests/test_notebook.py` and commit"


if __name__ == "__main__":
    import nbformat

    done = execute()
    nbformat.write(done, NOTEBOOK)
    print(f"executed and wrote {NOTEBOOK}", file=sys.stderr)

"""matplotlib view: coverage per source and findings by kind, side by side in one figure.

matplotlib is an optional extra (``pip install "factalign[plot]"``); without it :func:`plot_report` raises a
:class:`~factalign.errors.FactalignError` that names the extra.
"""

from __future__ import annotations

from collections import Counter

from ..errors import FactalignError
from .common import ORDER, SINGULAR

#: Bar colours per kind, the same hues as the HTML view's highlights (darker, to read on white).
COLOURS = {"contradiction": "#cf222e", "artefact": "#8250df", "omission": "#bf8700", "agreement": "#1a7f37"}
#: Coverage bars: facts the source shares with another source, and facts only it reports.
SHARED, UNIQUE = "#0969da", "#9ecbff"


def coverage_shares(report) -> dict[str, tuple[float, float]]:
    """Per source: (share of all facts it carries that another source also has, share only it has).

    Example:
        >>> coverage_shares(report)  # doctest: +SKIP
        {'wire': (0.15, 0.57), 'local': (0.15, 0.27)}
    """
    total = max(len(report.facts), 1)
    shared, unique = Counter(), Counter()
    for fact in report.facts:
        for name in set(fact.sources):
            (shared if len(set(fact.sources)) > 1 else unique)[name] += 1
    return {s.name: (shared[s.name] / total, unique[s.name] / total) for s in report.sources}


def plot_report(report, figsize: tuple[float, float] = (10.0, 3.5)):
    """Draw coverage per source (left) and findings by kind (right).

    Args:
        report: a :class:`~factalign.report.Report`.
        figsize: figure size in inches.

    Returns:
        The matplotlib ``Figure`` (in a notebook it shows itself; elsewhere call ``fig.savefig(path)``).

    Raises:
        FactalignError: matplotlib is not installed.

    Example:
        >>> fig = plot_report(report)  # doctest: +SKIP
        >>> fig.savefig("coverage.png")  # doctest: +SKIP
    """
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise FactalignError('report.plot() needs matplotlib: pip install "factalign[plot]"') from None
    fig, (left, right) = plt.subplots(1, 2, figsize=figsize, width_ratios=(3, 2), layout="constrained")
    # Closed for pyplot: a notebook shows the returned figure once, and scripts keep no global reference to it.
    plt.close(fig)
    _coverage(left, report)
    _kinds(right, report)
    fig.suptitle("factalign: " + ", ".join(s.name for s in report.sources), fontsize=11)
    return fig


def _coverage(ax, report) -> None:
    shares = coverage_shares(report)
    names = list(shares)[::-1]  # first source on top
    shared = [shares[n][0] for n in names]
    unique = [shares[n][1] for n in names]
    ax.barh(names, shared, color=SHARED, label="shared with another source")
    ax.barh(names, unique, left=shared, color=UNIQUE, label="only in this source")
    for y, (a, b) in enumerate(zip(shared, unique)):
        ax.text(a + b + 0.01, y, f"{a + b:.0%}", va="center", fontsize=9)
    ax.set_xlim(0, 1.12)
    ax.set_xlabel(f"share of the {len(report.facts)} facts in the report")
    ax.set_title("Coverage per source", fontsize=10)
    ax.legend(loc="lower right", fontsize=8, frameon=False)


def _kinds(ax, report) -> None:
    counts = Counter(f.kind for f in report.findings)
    kinds = list(ORDER)[::-1]
    values = [counts[k] for k in kinds]
    ax.barh([SINGULAR[k] for k in kinds], values, color=[COLOURS[k] for k in kinds])
    for y, value in enumerate(values):
        ax.text(value, y, f" {value}", va="center", fontsize=9)
    ax.set_xlim(0, max(values + [1]) * 1.2)
    ax.set_xlabel("findings")
    ax.set_title("Findings by kind", fontsize=10)

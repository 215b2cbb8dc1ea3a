"""The report: data only. Tables, JSON, text, Markdown and HTML are views derived from it (see ``views/``)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from .models import KINDS, Claim, Fact, Finding, Source

SCHEMA = 2


@dataclass(frozen=True, eq=False)
class Report:
    """What :func:`factalign.align` found.

    Attributes:
        sources: the articles compared.
        claims: every claim of every source, in source order.
        facts: groups of aligned claims (a fact carried by several sources is one group).
        findings: agreements, contradictions, omissions (most salient first) and artefacts.
        overlap: (n_sources, n_sources) share of the shorter source's claims that align with the other source.
        unrelated: names of sources that share too little with the rest to be about the same story.
        options: the settings the report was made with.
        keyfacts: typed key facts of every source (:class:`~factalign.keyfacts.KeyFact`); those of several sources
            about one thing share a ``group`` (see :meth:`key_facts`).
        set_aside: why sources were set aside as reporting a different story (name -> reason), when the story
            grouping of :func:`factalign.grouping.main_story` set them aside.
    """

    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    findings: tuple[Finding, ...]
    overlap: np.ndarray
    unrelated: tuple[str, ...] = ()
    options: Any = None
    keyfacts: tuple[Any, ...] = ()
    set_aside: dict[str, str] = field(default_factory=dict)

    # -- access -------------------------------------------------------------------------------------------------
    def of_kind(self, kind: str) -> list[Finding]:
        """Findings of one kind ("agreement", "contradiction", "omission", "artefact")."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        return [f for f in self.findings if f.kind == kind]

    @property
    def agreements(self) -> list[Finding]:
        return self.of_kind("agreement")

    @property
    def contradictions(self) -> list[Finding]:
        return self.of_kind("contradiction")

    @property
    def omissions(self) -> list[Finding]:
        return self.of_kind("omission")

    @property
    def artefacts(self) -> list[Finding]:
        return self.of_kind("artefact")

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id."""
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise KeyError(claim_id)

    def source(self, name: str) -> Source:
        """The source with this name."""
        for s in self.sources:
            if s.name == name:
                return s
        raise KeyError(name)

    def evidence(self, claim_id: str) -> str:
        """The original text a claim stands on: ``source.text[start:end]``."""
        c = self.claim(claim_id)
        return self.source(c.source).text[c.start:c.end]

    # -- views --------------------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (schema 2) as Python data; see docs/contract.md."""
        from . import __version__

        names = [s.name for s in self.sources]
        counts = {n: 0 for n in names}
        for c in self.claims:
            counts[c.source] += 1
        return {
            "schema": SCHEMA,
            "version": __version__,
            "sources": [
                {
                    "name": s.name, "n_claims": counts[s.name], "url": s.url, "language": s.language,
                    "published": s.published.isoformat() if s.published else None, "n_chars": len(s.text),
                    "related": s.name not in self.unrelated,
                    "overlap": {o: round(float(self.overlap[i, j]), 4) for j, o in enumerate(names) if j != i},
                }
                for i, s in enumerate(self.sources)
            ],
            "claims": [dict(c.to_dict(), evidence=self.evidence(c.id)) for c in self.claims],
            "facts": [dict(asdict(f), claims=list(f.claims), sources=list(f.sources)) for f in self.facts],
            "findings": [f.to_dict() for f in self.findings],
            "key_facts": [k.to_dict() for k in self.keyfacts],
            "unrelated": list(self.unrelated),
            "set_aside": dict(self.set_aside),
            "options": asdict(self.options) if self.options is not None else None,
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The JSON contract (schema 2) as a string."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, default=str)

    def to_frame(self):
        """One row per finding (pandas DataFrame).

        Example:
            >>> report.to_frame()[["kind", "subtype", "score", "explanation"]].head(3)  # doctest: +SKIP
        """
        from .views.tables import findings_frame

        return findings_frame(self)

    def key_facts(self):
        """One row per key fact stated by several sources (type, anchor), one column per source, and ``conflict``."""
        from .views.tables import key_facts_frame

        return key_facts_frame(self)

    def claims_frame(self):
        """One row per claim (pandas DataFrame).

        Example:
            >>> report.claims_frame().loc["wire#0", "evidence"]  # doctest: +SKIP
            'Storm Ada flooded 40 homes'
        """
        from .views.tables import claims_frame

        return claims_frame(self)

    def coverage(self):
        """Facts × sources DataFrame: the id of the claim carrying each fact in each source, or "" where absent.

        Example:
            >>> report.coverage().query('wire != "" and local == ""')  # facts only the wire has  # doctest: +SKIP
        """
        from .views.tables import coverage_frame

        return coverage_frame(self)

    def summary(self):
        """One row per source: claims, facts shared, unique facts, omissions, contradictions, artefacts.

        Example:
            >>> report.summary().loc["wire", "contradictions"]  # doctest: +SKIP
            1
        """
        from .views.tables import summary_frame

        return summary_frame(self)

    def to_text(self, limit: int | None = 20) -> str:
        """A plain-text report for terminals; ``limit`` caps the rows per section (None: all).

        Example:
            >>> print(report.to_text(limit=3))  # doctest: +SKIP
            factalign: 2 sources (wire, local), 5 claims, 4 facts: 1 contradiction, ...
        """
        from .views.text import render_text

        return render_text(self, limit=limit)

    def to_markdown(self, limit: int | None = 50) -> str:
        """A Markdown report that pastes into a pull request or issue.

        Example:
            >>> Path("factalign.md").write_text(report.to_markdown(limit=20), encoding="utf-8")  # doctest: +SKIP
        """
        from .views.markdown import render_markdown

        return render_markdown(self, limit=limit)

    def to_html(self) -> str:
        """A standalone HTML page: summary, filterable findings, the sources side by side with claims highlighted.

        Example:
            >>> Path("report.html").write_text(report.to_html(), encoding="utf-8")  # doctest: +SKIP
        """
        from .views.html import render_html

        return render_html(self)

    def _repr_html_(self) -> str:
        """The HTML view as a notebook cell shows it (a fragment of :meth:`to_html`)."""
        from .views.html import render_html

        return render_html(self, standalone=False)

    def to_github(self, paths: dict[str, str] | None = None) -> str:
        """GitHub Actions annotations (``::error``/``::warning`` lines) placed at each finding's claims.

        Args:
            paths: source name -> file path, for the ``file=`` of each annotation (default: the source name).

        Example:
            >>> print(report.to_github({"wire": "coverage/wire.txt"}))  # doctest: +SKIP
            ::error file=coverage/wire.txt,line=3,col=1,endLine=3,endColumn=48,title=factalign contradiction ...
        """
        from .views.github import render_github

        return render_github(self, paths)

    def plot(self, figsize: tuple[float, float] = (10.0, 3.5)):
        """Coverage per source and findings by kind, as a matplotlib figure (needs ``factalign[plot]``).

        Example:
            >>> report.plot().savefig("factalign.png")  # doctest: +SKIP
        """
        from .views.plot import plot_report

        return plot_report(self, figsize=figsize)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {k}{'' if n == 1 else 's'}" for k in KINDS for n in [len(self.of_kind(k))])
        return f"<Report {len(self.sources)} sources, {len(self.claims)} claims: {counts}>"

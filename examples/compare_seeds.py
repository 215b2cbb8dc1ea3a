"""Compare the two seed articles and print what factalign finds.

    python examples/compare_seeds.py
"""

from pathlib import Path

from factalign import align

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def main() -> None:
    report = align(sorted(SEEDS.glob("*.txt")))
    print(report)
    print()
    print(report.summary().to_string())
    print()
    frame = report.to_frame()
    print(frame[["kind", "subtype", "score", "explanation"]].head(15).to_string(max_colwidth=90))
    print()
    for f in report.contradictions:
        print("CONTRADICTION:", f.explanation)
        for cid in f.claims:
            print(f"   {cid}: {report.evidence(cid)!r}")
    for f in report.artefacts:
        print(f"ARTEFACT in {f.source} at {f.start}-{f.end}: {f.span!r} -> {f.suggestion!r}")
    out = Path("factalign_seeds.html")
    out.write_text(report.to_html(), encoding="utf-8")
    print(f"\nHTML view written to {out.resolve()}")


if __name__ == "__main__":
    main()

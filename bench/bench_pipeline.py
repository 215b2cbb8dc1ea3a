"""Whole pipeline vs. its parts, measured in one run on the seeds (ratios, since absolute times here are noisy).

    python bench/bench_pipeline.py [--repeat 3]

Prints the time of `align()` on the two seed articles (models already loaded), of each stage alone, and the
ratio of the whole pipeline to the sentence encoder alone on the same claims.
"""

from __future__ import annotations

import argparse
import sys
from _timing import best_of
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factalign import align  # noqa: E402
from factalign.artefacts import detect_artefacts  # noqa: E402
from factalign.claims import ClaimSplitter  # noqa: E402
from factalign.embed import SentenceTransformerEmbedder  # noqa: E402
from factalign.read import to_sources  # noqa: E402

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sources = to_sources(SEEDS)
    report = align(sources)  # loads every model once
    texts = [c.text for c in report.claims]
    embedder = SentenceTransformerEmbedder()
    splitter = ClaimSplitter()
    claims = [c for group in splitter.split_many(sources) for c in group]

    whole = best_of(args.repeat, lambda: align(sources))
    parts = {
        "split (spaCy + decomposition)": best_of(args.repeat, lambda: splitter.split_many(sources)),
        "artefact detection": best_of(args.repeat, lambda: detect_artefacts(sources, claims)),
        "embedding (encoder alone)": best_of(args.repeat, lambda: embedder.embed(texts)),
    }
    encoder = parts["embedding (encoder alone)"]
    print(f"seeds: {len(sources)} sources, {len(report.claims)} claims, {len(report.findings)} findings")
    print(f"{'whole pipeline':<32} {whole:7.3f} s   {whole / encoder:5.2f} x encoder")
    for name, t in parts.items():
        print(f"{name:<32} {t:7.3f} s   {t / encoder:5.2f} x encoder")
    rest = whole - sum(parts.values())
    print(f"{'align + judge + report (rest)':<32} {rest:7.3f} s   {rest / encoder:5.2f} x encoder")


if __name__ == "__main__":
    main()

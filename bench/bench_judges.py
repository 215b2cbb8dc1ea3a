"""Judging cost against embedding cost, measured in one run on the seed articles.

Usage (from the repository root):
    PYTHONPATH=. python bench/bench_judges.py [--pairs 400] [seeds/000_*.txt seeds/001_*.txt]

Sentences of the two articles stand in for claims. Reports the embedding time per claim (default embedder,
batch encode), the judging time per pair, cold (first sight of each text: spaCy parse included) and warm
(parse cached, as for the many pairs of a many-source comparison), and their ratios.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factalign.judges import _base, judge  # noqa: E402
from factalign.resources import sentence_transformer, spacy_pipeline  # noqa: E402


def _sentences(path: Path) -> list[str]:
    doc = spacy_pipeline()(path.read_text(encoding="utf-8"))
    return [s.text.strip() for s in doc.sents if len(s.text.split()) >= 5]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--pairs", type=int, default=400, help="how many cross-article pairs to judge")
    args = ap.parse_args(argv)
    files = args.files or sorted((REPO / "seeds").glob("*.txt"))[:2]
    if len(files) < 2:
        sys.exit("need two article files (the seeds/ folder is empty)")
    a, b = _sentences(files[0]), _sentences(files[1])
    claims = a + b
    model = sentence_transformer()
    model.encode(claims[:4])  # warm-up: first call pays for lazy initialisation
    t0 = time.perf_counter()
    model.encode(claims, batch_size=32)
    embed = (time.perf_counter() - t0) / len(claims)

    pairs = list(itertools.islice(itertools.product(a, b), args.pairs))
    _base.parse.cache_clear()
    _base.diff.cache_clear()
    judge("warm up the spaCy pipeline.", "warm up the pipeline.")
    t0 = time.perf_counter()
    for x, y in pairs:
        judge(x, y)
    cold = (time.perf_counter() - t0) / len(pairs)
    t0 = time.perf_counter()
    for x, y in pairs:
        judge(x, y)
    warm_diff = (time.perf_counter() - t0) / len(pairs)
    _base.diff.cache_clear()
    t0 = time.perf_counter()
    for x, y in pairs:
        judge(x, y)
    warm = (time.perf_counter() - t0) / len(pairs)
    print(f"claims {len(claims)}, pairs judged {len(pairs)}")
    print(f"embedding per claim      {embed * 1e3:8.2f} ms")
    print(f"judging per pair, cold   {cold * 1e3:8.2f} ms   ratio {cold / embed:6.2f}x")
    print(f"judging per pair, warm   {warm * 1e3:8.2f} ms   ratio {warm / embed:6.2f}x  (parses cached)")
    print(f"judging per pair, cached {warm_diff * 1e3:8.2f} ms   (parses and diffs cached)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

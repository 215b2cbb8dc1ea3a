"""How the align stage scales with the number of sources, against the embedding it follows.

Each of N sources gets 40 claims drawn from a shared pool of real news sentences (heavy overlap: the worst case
for grouping, since most claims have partners in every source). Prints, for N = 2, 8, 32, 128, the time of the
align stage (grouping + story overlap, after embedding) and its ratio to the time of embedding the same claims,
both measured in this run.

    python bench/bench_scaling.py [--basil ../shared/eval/multisource/basil_event_triplets.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factalign.matching import DEFAULT_THRESHOLD, group, pair_overlap  # noqa: E402
from factalign.resources import sentence_transformer  # noqa: E402


def pool_of_sentences(basil: Path | None) -> list[str]:
    texts = []
    if basil and basil.exists():
        for line in basil.read_text(encoding="utf-8").splitlines()[:40]:
            event = json.loads(line)
            for article in event["articles"]:
                paragraphs = article["paragraphs"]
                texts += [p if isinstance(p, str) else p.get("text", "") for p in paragraphs]
    if not texts:
        root = Path(__file__).resolve().parents[1] / "seeds"
        texts = [p for f in sorted(root.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n")]
    sentences = [s.strip() + "." for t in texts for s in t.split(". ") if len(s.split()) > 5]
    return list(dict.fromkeys(sentences))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--basil", type=Path, default=Path("../shared/eval/multisource/basil_event_triplets.jsonl"))
    parser.add_argument("--claims", type=int, default=40)
    args = parser.parse_args()
    pool = pool_of_sentences(args.basil)
    model = sentence_transformer()
    model.encode(pool[:32], normalize_embeddings=True)  # warm-up
    t0 = time.perf_counter()
    emb_pool = model.encode(pool, batch_size=64, normalize_embeddings=True)
    per_text = (time.perf_counter() - t0) / len(pool)
    print(f"pool: {len(pool)} sentences; embedding {per_text * 1000:.2f} ms per claim")
    print(f"{'story':>12} {'N':>5} {'claims':>7} {'align s':>9} {'embed s':>9} {'align/embed':>12}")
    rng = np.random.default_rng(0)
    # "mixed": claims drawn from thousands of sentences (few shared facts); "one story": from 60 sentences,
    # so most claims have a partner in every other source, the worst case for grouping.
    for story, size in (("mixed", len(pool)), ("one story", 60)):
      for n in (2, 8, 32, 128):
        idx = np.concatenate([rng.choice(size, size=args.claims, replace=False) for _ in range(n)])
        # small noise so that repeated sentences are near-duplicates, as paraphrases are, not identical
        emb = emb_pool[idx] + rng.normal(0, 0.01, size=(len(idx), emb_pool.shape[1])).astype(np.float32)
        emb /= np.linalg.norm(emb, axis=1, keepdims=True)
        owners = np.repeat(np.arange(n), args.claims)
        t0 = time.perf_counter()
        labels = group(emb, owners, DEFAULT_THRESHOLD)
        pair_overlap(labels, owners, n)
        align_s = time.perf_counter() - t0
        embed_s = per_text * len(idx)
        print(f"{story:>12} {n:>5} {len(idx):>7} {align_s:>9.3f} {embed_s:>9.3f} {align_s / embed_s:>12.3f}")


if __name__ == "__main__":
    main()

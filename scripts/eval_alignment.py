"""Calibrate and measure the alignment threshold on public paraphrase sets.

A pair of sentences "states the same fact" when STS-B gives it >= 3.0 ("roughly equivalent") or MRPC calls it a
paraphrase. The script picks the F1-best cosine threshold on STS-B dev (news genre) and reports precision, recall and
F1 at the shipped threshold (factalign.matching.DEFAULT_THRESHOLD) on STS-B test (news) and MRPC test.

    python scripts/eval_alignment.py [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factalign.matching import DEFAULT_THRESHOLD  # noqa: E402
from factalign.resources import sentence_transformer  # noqa: E402


def sts(path: Path, genre: str | None = "main-news"):
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 7 or (genre and cols[0] != genre):
            continue
        pairs.append((cols[5], cols[6], float(cols[4]) >= 3.0))
    return pairs


def mrpc(path: Path):
    with path.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [(r[3], r[4], r[0] == "1") for r in rows if len(r) == 5]


def scores(pairs, model):
    a = model.encode([p[0] for p in pairs], batch_size=64, normalize_embeddings=True)
    b = model.encode([p[1] for p in pairs], batch_size=64, normalize_embeddings=True)
    return (a * b).sum(axis=1), np.array([p[2] for p in pairs])


def prf(sim, gold, t):
    pred = sim >= t
    tp = float((pred & gold).sum())
    p = tp / max(pred.sum(), 1)
    r = tp / max(gold.sum(), 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    args = parser.parse_args()
    root = args.eval / "paraphrase"
    if not root.exists():
        sys.exit(f"evaluation data not found at {root}; pass --eval PATH")
    model = sentence_transformer()
    dev_sim, dev_gold = scores(sts(root / "stsbenchmark_original" / "sts-dev.csv"), model)
    grid = np.round(np.arange(0.40, 0.86, 0.01), 2)
    best = max(grid, key=lambda t: prf(dev_sim, dev_gold, t)[2])
    print(f"STS-B dev (news, {len(dev_gold)} pairs): F1-best threshold {best:.2f} "
          f"(P {prf(dev_sim, dev_gold, best)[0]:.3f} R {prf(dev_sim, dev_gold, best)[1]:.3f} "
          f"F1 {prf(dev_sim, dev_gold, best)[2]:.3f})")
    for name, pairs in [("STS-B test (news)", sts(root / "stsbenchmark_original" / "sts-test.csv")),
                        ("MRPC test", mrpc(root / "mrpc" / "msr_paraphrase_test.tsv"))]:
        sim, gold = scores(pairs, model)
        for t in sorted({DEFAULT_THRESHOLD, float(best)}):
            p, r, f = prf(sim, gold, t)
            print(f"{name:<18} n={len(gold):<5} threshold {t:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()

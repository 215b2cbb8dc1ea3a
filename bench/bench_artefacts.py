"""Time the artefact detectors against spaCy parsing of the same texts (one run).

The detectors need a parse (tokens, tags, sentences), which is cached per text; the question this answers is
what detection adds on top of it. Texts: the seed articles, plus BASIL articles when the data is present.

With ``--words N ...`` it measures scaling in text length instead: two sources of N words each (BASIL
paragraphs laid end to end, as one long story), parsed first, then the detectors timed alone; it prints the
time per size and the exponent of a log-log fit (1.0 = linear).

Usage (from the repository root):
    PYTHONPATH=. python bench/bench_artefacts.py [--eval-dir ../shared/eval] [--events 20]
    PYTHONPATH=. python bench/bench_artefacts.py --words 1000 10000 50000
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factalign import Source  # noqa: E402
from factalign.artefacts import DETECTORS, detect_artefacts  # noqa: E402
from factalign.artefacts._doc import Corpus, parse  # noqa: E402
from factalign.resources import spacy_pipeline  # noqa: E402


def _groups(eval_dir: Path, events: int) -> list[list[Source]]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    groups = [[Source(p.stem[:3], p.read_text(encoding="utf-8")) for p in seeds]]
    basil = eval_dir / "multisource" / "basil_event_triplets.jsonl"
    if not basil.exists():
        print(f"(BASIL not found at {basil}: timing the seeds only)")
        return groups
    with basil.open(encoding="utf-8") as fh:
        for line, _ in zip(fh, range(events)):
            event = json.loads(line)
            groups.append([Source(a["source"], "\n\n".join([a.get("title") or ""] + a["paragraphs"]).strip())
                           for a in event["articles"]])
    return groups


def _long_pair(eval_dir: Path, words: int) -> list[Source]:
    """Two sources of about ``words`` words each, BASIL paragraphs alternating between them."""
    halves: list[list[str]] = [[], []]
    count = 0
    with (eval_dir / "multisource" / "basil_event_triplets.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            for article in json.loads(line)["articles"]:
                for paragraph in article["paragraphs"]:
                    halves[len(halves[0]) > len(halves[1])].append(paragraph)
                    count += len(paragraph.split())
                    if count >= 2 * words:
                        return [Source("a", "\n\n".join(halves[0])), Source("b", "\n\n".join(halves[1]))]
    return [Source("a", "\n\n".join(halves[0])), Source("b", "\n\n".join(halves[1]))]


def scaling(eval_dir: Path, sizes: list[int]) -> None:
    import math

    detect_artefacts([Source("warm", "Warm up kyiv y Stoltenbergand the OTAN."), Source("w2", "NATO warms.")])
    rows = []
    for words in sizes:
        pair = _long_pair(eval_dir, words)
        t0 = time.perf_counter()
        for s in pair:
            parse(s)
        parsed = time.perf_counter() - t0
        t0 = time.perf_counter()
        found = detect_artefacts(pair)
        detected = time.perf_counter() - t0
        rows.append((words, parsed, detected, len(found)))
        print(f"{words:>7,} words per source: spaCy parse {parsed:7.1f} s; detection {detected:6.2f} s "
              f"({len(found)} findings)", flush=True)
    if len(rows) > 1:
        xs = [math.log(r[0]) for r in rows]
        ys = [math.log(max(r[2], 1e-3)) for r in rows]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        print(f"detection time ~ words^{slope:.2f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--events", type=int, default=20, help="BASIL events to time (3 articles each)")
    parser.add_argument("--words", type=int, nargs="+", default=None,
                        help="measure scaling instead: words per source for each size")
    args = parser.parse_args(argv)
    if args.words:
        scaling(args.eval_dir, args.words)
        return
    groups = _groups(args.eval_dir, args.events)
    sources = [s for g in groups for s in g]
    chars = sum(len(s.text) for s in sources)
    spacy_pipeline()
    # Warm the word lists once (wordfreq, dictionary, gazetteer, language identifier): a per-process cost.
    t0 = time.perf_counter()
    detect_artefacts([Source("warm", "Warm up the word lists for kyiv y Stoltenbergand.")])
    warm = time.perf_counter() - t0

    t0 = time.perf_counter()
    for s in sources:
        parse(s)
    parse_time = time.perf_counter() - t0

    per_detector = {name: 0.0 for name in DETECTORS}
    t0 = time.perf_counter()
    for group in groups:
        corpus = Corpus.build(group)  # parses are cached: this is bookkeeping only
        for doc in corpus.docs:
            for name, detector in DETECTORS.items():
                t1 = time.perf_counter()
                list(detector(doc, corpus))
                per_detector[name] += time.perf_counter() - t1
    detect_time = time.perf_counter() - t0

    print(f"texts: {len(sources)} ({chars:,} characters) in {len(groups)} comparisons")
    print(f"spaCy parsing: {parse_time:.2f} s; detection (all detectors, parse cached): {detect_time:.2f} s; "
          f"ratio detection/parsing = {detect_time / parse_time:.2f}")
    print("per detector: " + ", ".join(f"{k} {v:.2f} s" for k, v in per_detector.items()))
    print(f"one-time word-list loading: {warm:.2f} s")


if __name__ == "__main__":
    main()

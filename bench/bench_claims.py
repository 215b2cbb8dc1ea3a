"""How much claim extraction adds to spaCy's own time on the same texts.

Prints the ratio (furniture cleaning + sentence splitting + attribution + decomposition, i.e. the whole
``ClaimSplitter.split_many``) / (bare ``nlp.pipe`` over the same body blocks with the same components).
The target is a ratio of at most 1.5. The ratio against the full default pipeline (with the lemmatizer,
which the splitter does not run) is printed too.

Usage (from the repository root)::

    PYTHONPATH=. python bench/bench_claims.py                      # seeds + 40 BASIL articles
    PYTHONPATH=. python bench/bench_claims.py --basil '' --repeat 5  # seeds only
"""

from __future__ import annotations

import argparse
import json
from _timing import best_of
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "eval" / "multisource" / "basil_event_triplets.jsonl"


def load_texts(basil: str, articles: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8-sig") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if basil:
        path = Path(basil)
        if not path.exists():
            print(f"BASIL not found at {path}; timing the seeds only")
            return texts
        for line in path.open(encoding="utf-8"):
            for article in json.loads(line)["articles"]:
                if len(texts) < articles + 2:
                    texts.append("\n\n".join(p for p in article["paragraphs"] if p.strip()))
    return texts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--basil", default=str(BASIL), help="BASIL jsonl ('' for seeds only)")
    parser.add_argument("--articles", type=int, default=40, help="BASIL articles to add to the seeds")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs; the best is kept")
    args = parser.parse_args(argv)

    from factalign.claims.furniture import body_blocks
    from factalign.claims.splitter import NEEDED_COMPONENTS, ClaimSplitter
    from factalign.models import Source
    from factalign.resources import spacy_pipeline

    texts = load_texts(args.basil, args.articles)
    sources = [Source(name=f"s{i}", text=t) for i, t in enumerate(texts)]
    nlp = spacy_pipeline()
    blocks = [t[b.start:b.end] for t in texts for b in body_blocks(t)]
    disable = [p for p in nlp.pipe_names if p not in NEEDED_COMPONENTS]
    splitter = ClaimSplitter(nlp=nlp)
    list(nlp.pipe(blocks[:5]))  # warm-up

    # Interleaved runs, best of each: the machine is shared, so a slow spell must not hit one side only.
    runs = {"bare": [], "full": [], "ours": []}
    for _ in range(args.repeat):
        runs["bare"].append(best_of(1, lambda: list(nlp.pipe(blocks, disable=disable, batch_size=64))))
        runs["ours"].append(best_of(1, lambda: splitter.split_many(sources)))
        runs["full"].append(best_of(1, lambda: list(nlp.pipe(blocks, batch_size=64))))
    bare, full, ours = (min(runs[k]) for k in ("bare", "full", "ours"))
    n_claims = sum(len(c) for c in splitter.split_many(sources))
    # The same work on docs parsed beforehand: what the claims code itself costs, without parse-time noise.
    docs = splitter.parse_many(sources)
    own = best_of(args.repeat, lambda: splitter.split_docs(sources, docs))
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {len(blocks)} body blocks, {words} words, {n_claims} claims")
    print(f"bare nlp.pipe (same components {', '.join(NEEDED_COMPONENTS)}): {bare:.2f} s")
    print(f"full default pipeline nlp.pipe:                              {full:.2f} s")
    print(f"ClaimSplitter.split_many:                                    {ours:.2f} s")
    print(f"ratio vs same components: {ours / bare:.2f}  (target <= 1.50; decomposition adds "
          f"{(ours - bare) / bare:.0%})")
    print(f"ratio vs full default pipeline: {ours / full:.2f}")
    print(f"claims code alone on pre-parsed docs: {own:.2f} s = {own / bare:.0%} of the bare parse time")


if __name__ == "__main__":
    main()

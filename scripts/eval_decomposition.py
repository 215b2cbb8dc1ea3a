"""Measure factalign's claims against human decompositions and check page-furniture cleaning.

Four measurements, each optional:

- ``propsegment``: PropSegmEnt sentences (``decomposition/{dev,test}_sentence_propositions.jsonl``), scored as
  ``../shared/eval/README.md`` describes: per sentence, predicted claims are matched one-to-one to the
  reference propositions, greedily by content-word token F1 (lower-cased alphanumeric tokens minus
  :data:`STOPWORDS`), a match counting at F1 >= 0.6; precision, recall and F1 are pooled over all sentences.
  Sentences without reference propositions (the raters found them non-informational) are kept: any claim
  made there counts against precision, as the README's "over all sentences" says.
  Two baselines are scored alongside: one claim per sentence, and splitting at commas and "and".
- ``pyramid``: Lite-Pyramid (realsumm) reference summaries: the share of human atomic facts (SCUs) that
  some claim of the summary matches (token F1 >= 0.6, one-to-one), and claims per SCU.
- ``basil``: BASIL articles, one paragraph per line: how many paragraphs lose text to furniture cleaning,
  and (``--show N``) the first N paragraphs that lose text, for checking by eye.
- ``seeds``: the seed articles: furniture claims and body sentences without a claim.

Usage (from the repository root)::

    PYTHONPATH=. python scripts/eval_decomposition.py propsegment --split test
    PYTHONPATH=. python scripts/eval_decomposition.py pyramid
    PYTHONPATH=. python scripts/eval_decomposition.py basil --show 20
    PYTHONPATH=. python scripts/eval_decomposition.py seeds
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
STOPWORDS = frozenset(
    "a an the of in on at to for by with from and or but is are was were be been being as that this these "
    "those it its which who whom whose has have had".split()
)
MATCH_F1 = 0.6


def content_tokens(text: str) -> list[str]:
    """Lower-cased alphanumeric tokens (letters of any script, digits) minus :data:`STOPWORDS`."""
    # "alphanumeric" in the README's sense: "Café" is one token, not "caf" + "".
    return [t for t in re.findall(r"[^\W_]+", text.lower()) if t not in STOPWORDS]


def token_f1(a: str, b: str) -> float:
    ca, cb = Counter(content_tokens(a)), Counter(content_tokens(b))
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / sum(ca.values()), common / sum(cb.values())
    return 2 * p * r / (p + r)


def greedy_matches(pred: list[str], gold: list[str], threshold: float = MATCH_F1) -> int:
    """Number of one-to-one matches, taking the best-scoring pairs first (ties: earlier claim, earlier gold)."""
    pairs = sorted(((-token_f1(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for neg_score, i, j in pairs:
        if -neg_score < threshold:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _require(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"evaluation data not found: {path} (pass its path with --data)")
    return path


def _claim_texts(texts: list[str], decompose: bool = True) -> list[list[str]]:
    from factalign.claims import ClaimSplitter
    from factalign.models import Source

    splitter = ClaimSplitter(decompose=decompose)
    sources = [Source(name=f"s{i}", text=t) for i, t in enumerate(texts)]
    return [[c.text for c in claims] for claims in splitter.split_many(sources)]


def run_propsegment(args) -> None:
    path = _require(Path(args.data or EVAL / "decomposition" / f"{args.split}_sentence_propositions.jsonl"))
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    if args.limit:
        rows = rows[: args.limit]
    sentences = [r["sentence"] for r in rows]
    gold = [r.get("reference_propositions") or [] for r in rows]
    systems = {
        "one claim per sentence": [[s] for s in sentences],
        "commas and 'and'": [[x for x in re.split(r",|\band\b", s) if x.strip()] for s in sentences],
    }
    from factalign.resources import spacy_pipeline

    spacy_pipeline()
    t0 = time.perf_counter()
    systems["factalign"] = _claim_texts(sentences)
    elapsed = time.perf_counter() - t0
    empty = sum(not g for g in gold)
    print(f"PropSegmEnt {args.split}: {len(rows)} sentences, {empty} without reference propositions ({path.name})")
    for name, preds in systems.items():
        m = sum(greedy_matches(p, g) for p, g in zip(preds, gold))
        n_pred, n_gold = sum(map(len, preds)), sum(map(len, gold))
        p, r, f = prf(m, n_pred, n_gold)
        print(f"  {name:24s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({n_pred} claims, {n_gold} propositions)")
    print(f"  factalign time: {elapsed:.1f} s")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for s, p, g in zip(sentences, systems["factalign"], gold):
                out.write(json.dumps({"sentence": s, "pred": p, "gold": g, "matched": greedy_matches(p, g)}) + "\n")
    if args.show:
        for s, p, g in list(zip(sentences, systems["factalign"], gold))[: args.show]:
            print("\n" + s)
            print("  pred:", p)
            print("  gold:", g)


def run_pyramid(args) -> None:
    path = _require(Path(args.data or EVAL / "decomposition" / "realsumm_scu_presence.jsonl"))
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    if args.limit:
        rows = rows[: args.limit]
    refs = [re.sub(r"\s*</?t>\s*", " ", r["reference"]).strip() for r in rows]
    scus = [r["scus"] if isinstance(r["scus"], list) else ast.literal_eval(r["scus"]) for r in rows]
    preds = _claim_texts(refs)
    m = sum(greedy_matches(p, g) for p, g in zip(preds, scus))
    n_pred, n_gold = sum(map(len, preds)), sum(map(len, scus))
    p, r, f = prf(m, n_pred, n_gold)
    base = [[s.strip() for s in re.split(r"(?<=[.!?])\s+", ref) if s.strip()] for ref in refs]
    mb = sum(greedy_matches(b, g) for b, g in zip(base, scus))
    print(f"Lite-Pyramid (realsumm): {len(rows)} reference summaries, {n_gold} human SCUs")
    print(f"  factalign claims: SCU recall {r:.3f}, precision {p:.3f}, F1 {f:.3f} ({n_pred} claims)")
    print(f"  one claim per sentence: SCU recall {mb / n_gold:.3f} ({sum(map(len, base))} sentences)")


def run_basil(args) -> None:
    from factalign.claims.furniture import body_blocks, furniture_spans

    path = _require(Path(args.data or EVAL / "multisource" / "basil_event_triplets.jsonl"))
    n_articles = n_paragraphs = 0
    losses: list[tuple[str, str, str]] = []
    for line in path.open(encoding="utf-8"):
        for article in json.loads(line)["articles"]:
            n_articles += 1
            paragraphs = [p for p in article["paragraphs"] if p.strip()]
            n_paragraphs += len(paragraphs)
            text = "\n\n".join(paragraphs)
            kept = body_blocks(text)
            dropped = furniture_spans(text)
            offset = 0
            for para in paragraphs:
                start, end = offset, offset + len(para)
                offset = end + 2
                lost = "".join(ch for i, ch in enumerate(para, start)
                               if not ch.isspace() and not any(b.start <= i < b.end for b in kept))
                if lost:
                    rule = next((r for r, s, e in dropped if s < end and start < e), "dateline")
                    losses.append((article["source"].lower(), rule, para if rule != "dateline" else lost))
    by_rule = Counter(rule for _, rule, _ in losses)
    print(f"BASIL: {n_articles} articles, {n_paragraphs} paragraphs")
    print(f"  paragraphs losing text: {len(losses)} ({len(losses) / n_paragraphs:.2%}); by rule: {dict(by_rule)}")
    shown = [x for x in losses if x[1] != "dateline"] + [x for x in losses if x[1] == "dateline"]
    for source, rule, text in shown[: args.show]:
        print(f"  [{source}/{rule}] {text[:160]!r}")


def run_seeds(args) -> None:
    from factalign.claims import ClaimSplitter
    from factalign.claims.furniture import body_blocks, furniture_spans
    from factalign.models import Source
    from factalign.resources import spacy_pipeline

    nlp = spacy_pipeline()
    folder = Path(args.data or ROOT / "seeds")
    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"no seed articles (*.txt) in {folder}")
    sources = [Source(name=f.stem, text=f.read_text(encoding="utf-8-sig")) for f in files]
    t0 = time.perf_counter()
    ClaimSplitter().split_many(sources)  # loads the model
    t1 = time.perf_counter()
    all_claims = ClaimSplitter().split_many(sources)
    t2 = time.perf_counter()
    print(f"seeds: {len(sources)} articles; split+decompose {t2 - t1:.2f} s after loading ({t1 - t0:.1f} s cold)")
    for source, claims in zip(sources, all_claims):
        text = source.text
        furniture = furniture_spans(text)
        bad = [c for c in claims for _, start, end in furniture if start < c.end and c.start < end]
        sentences = lost = 0
        for block in body_blocks(text):
            for sent in nlp(text[block.start:block.end]).sents:
                s, e = block.start + sent.start_char, block.start + sent.end_char
                sentences += 1
                lost += not any(c.start < e and s < c.end for c in claims)
        print(f"  {source.name}: {len(claims)} claims, {len(furniture)} furniture lines dropped "
              f"({', '.join(r for r, _, _ in furniture)}); claims on furniture: {len(bad)}; "
              f"body sentences without a claim: {lost} of {sentences}")
        if args.show:
            for c in claims[: args.show]:
                extra = f"  [{c.attribution}{', quote' if c.quote else ''}]" if c.attribution else ""
                print(f"    {c.id}: {c.text}{extra}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("task", choices=("propsegment", "pyramid", "basil", "seeds"))
    parser.add_argument("--data", help="path to the data file (folder for seeds); default under ../shared/eval")
    parser.add_argument("--split", default="test", choices=("dev", "test"), help="PropSegmEnt split")
    parser.add_argument("--limit", type=int, default=0, help="only the first N items")
    parser.add_argument("--show", type=int, default=0, help="print N examples")
    parser.add_argument("--dump", help="propsegment: write each sentence's claims and references as JSON lines here")
    args = parser.parse_args(argv)
    {"propsegment": run_propsegment, "pyramid": run_pyramid, "basil": run_basil, "seeds": run_seeds}[args.task](args)


if __name__ == "__main__":
    main()

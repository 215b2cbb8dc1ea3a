"""Many sources: BASIL event triplets, story-overlap calibration and Lite-Pyramid omissions.

    python scripts/eval_multisource.py basil   [--eval ../shared/eval] [--events 100]
    python scripts/eval_multisource.py overlap [--eval ../shared/eval] [--events 100]
    python scripts/eval_multisource.py pyramid [--eval ../shared/eval] [--docs 100] [--systems 25]

basil:   aligns the three outlets (Fox, NYT, HuffPost) of each event; reports agreement, omission and contradiction
         counts, and how many informational-bias spans (bias == "inf") fall in claims reported as omissions from at
         least one other outlet, against the share of all claim text that is omitted (the base rate).
pyramid: the reference summary's human atomic facts (SCUs, one claim each) and one system summary are two sources;
         an SCU reported as an omission from the summary is predicted "missing"; scored against scu_present == 0.
overlap: story overlap of same-event pairs vs. pairs of articles from different events: how well
         ``min_overlap`` separates "same story" from "different story".
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factalign import align  # noqa: E402
from factalign.claims import ClaimSplitter  # noqa: E402
from factalign.models import Claim, Source  # noqa: E402
from factalign.options import DEFAULT_MIN_OVERLAP  # noqa: E402


def load(path: Path) -> list[dict]:
    if not path.exists():
        sys.exit(f"evaluation data not found at {path}; pass --eval PATH")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def article_source(article: dict, name: str) -> Source:
    return Source(name=name, text="\n\n".join(p.strip() for p in article["paragraphs"] if p.strip()))


def basil(args) -> None:
    events = load(args.eval / "multisource" / "basil_event_triplets.jsonl")[: args.events]
    totals = {"agreement": 0, "omission": 0, "contradiction": 0, "artefact": 0}
    inf_total = inf_omitted = inf_located = 0
    omitted_chars = all_chars = 0
    unrelated_events = 0
    t0 = time.perf_counter()
    for event in events:
        sources = [article_source(a, a["source"]) for a in event["articles"]]
        report = align(sources)
        unrelated_events += bool(report.unrelated)
        for f in report.findings:
            totals[f.kind] += 1
        omitted = {c for f in report.omissions for c in f.claims}
        for article, source in zip(event["articles"], sources):
            claims = [c for c in report.claims if c.source == source.name]
            spans = [(c.start, c.end, c.id in omitted) for c in claims]
            all_chars += sum(e - s for s, e, _ in spans)
            omitted_chars += sum(e - s for s, e, o in spans if o)
            for bias in article.get("bias_spans", []):
                if bias.get("bias") != "inf":
                    continue
                inf_total += 1
                at = source.text.find(bias["txt"])
                if at < 0:
                    continue
                inf_located += 1
                end = at + len(bias["txt"])
                if any(o and s < end and at < e for s, e, o in spans):
                    inf_omitted += 1
    n = len(events)
    print(f"BASIL: {n} events, {3 * n} articles, {time.perf_counter() - t0:.0f} s")
    print("findings per event: " + ", ".join(f"{k} {v / n:.1f}" for k, v in totals.items()))
    print(f"events with a source reported as a different story: {unrelated_events}")
    print(f"informational-bias spans: {inf_total} ({inf_located} located in the text); "
          f"in a claim reported as an omission: {inf_omitted} ({inf_omitted / max(inf_located, 1):.1%})")
    print(f"base rate: share of claim text reported as omitted: {omitted_chars / max(all_chars, 1):.1%}")


def overlap(args) -> None:
    events = load(args.eval / "multisource" / "basil_event_triplets.jsonl")[: args.events]
    same, different = [], []
    for i, event in enumerate(events):
        a, b = event["articles"][0], event["articles"][1]
        other = events[(i + 1) % len(events)]["articles"][2]
        for pair, bucket in (((a, b), same), ((a, other), different)):
            report = align([article_source(pair[0], "x"), article_source(pair[1], "y")], artefacts=False)
            bucket.append(float(report.overlap[0, 1]))
    same, different = np.array(same), np.array(different)
    print(f"story overlap, same event ({len(same)} pairs): median {np.median(same):.3f}, "
          f"5th percentile {np.percentile(same, 5):.3f}, min {same.min():.3f}")
    print(f"story overlap, different events ({len(different)} pairs): median {np.median(different):.3f}, "
          f"95th percentile {np.percentile(different, 95):.3f}, max {different.max():.3f}")
    for t in sorted({0.05, DEFAULT_MIN_OVERLAP, 0.15, 0.2}):
        print(f"min_overlap {t:.2f}: same-event pairs called different stories {np.mean(same < t):.1%}; "
              f"different-event pairs called the same story {np.mean(different >= t):.1%}")


class SCUSplitter:
    """One claim per SCU for the reference source, the default splitter for the summary."""

    def __init__(self):
        self.default = ClaimSplitter()

    def split_many(self, sources):
        out = []
        for source in sources:
            if source.name != "scus":
                out.append(self.default.split(source))
                continue
            claims, at = [], 0
            for i, line in enumerate(source.text.split("\n")):
                claims.append(Claim(id=f"scus#{i}", source="scus", text=line, start=at, end=at + len(line),
                                    sentence=i))
                at += len(line) + 1
            out.append(claims)
        return out


def pyramid(args) -> None:
    docs = load(args.eval / "decomposition" / "realsumm_scu_presence.jsonl")
    if args.split != "all":  # dev: even documents (coverage levels were set there), test: odd ones
        docs = docs[args.split == "test"::2]
    docs = docs[: args.docs]
    splitter = SCUSplitter()
    tp = fp = fn = tn = 0
    t0 = time.perf_counter()
    for doc in docs:
        scus = [s.strip() for s in doc["scus"]]
        for name in list(doc["systems"])[: args.systems]:
            system = doc["systems"][name]
            report = align({"scus": "\n".join(scus), "summary": system["summary"]}, splitter=splitter,
                           artefacts=False, min_overlap=0.0)
            missing = {int(c.split("#")[1]) for f in report.omissions if "summary" in f.missing_from
                       for c in f.claims if c.startswith("scus#")}
            for i, present in enumerate(system["scu_present"]):
                predicted, gold = i in missing, not present
                tp += predicted and gold
                fp += predicted and not gold
                fn += gold and not predicted
                tn += not predicted and not gold
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"Lite-Pyramid: {len(docs)} documents x {args.systems} systems, {tp + fp + fn + tn} SCU judgements, "
          f"{time.perf_counter() - t0:.0f} s")
    print(f"'fact missing from summary': precision {p:.3f}, recall {r:.3f}, F1 {2 * p * r / max(p + r, 1e-9):.3f}; "
          f"accuracy {(tp + tn) / max(tp + fp + fn + tn, 1):.3f}; gold missing rate {(tp + fn) / max(tp + fp + fn + tn, 1):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=("basil", "overlap", "pyramid"))
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--systems", type=int, default=25)
    parser.add_argument("--split", choices=("all", "dev", "test"), default="all",
                        help="pyramid: dev = even documents, test = odd documents")
    args = parser.parse_args()
    {"basil": basil, "overlap": overlap, "pyramid": pyramid}[args.task](args)


if __name__ == "__main__":
    main()

"""Stories on fresh multi-outlet coverage: AllSides headline roundups (events covered by a left, a centre and a right
outlet), never used to build the grouping rules.

    python scripts/eval_stories_allsides.py --data /work/data_stories/allsides_headline_11_2021-10-19.jsonl \
        [--split dev|test] [--dates] [--pile 50] [--no-bonds] [--group-threshold G]

**Data** (not in the repository; pass its path): ``data/raw_crawled/headline_11_2021-10-19_crawled_all.jsonl`` of
github.com/HLTCHKUST/framing-bias-metric (commit 1586f55; MIT licence; Lee et al., "NeuS: Neutral Multi-News
Summarization for Mitigating Framing Bias", NAACL 2022), crawled from allsides.com: 506 roundups of 22 April to
18 October 2021, each an event with the title and opening paragraphs (about 570 characters, AllSides' excerpt) of
the articles of two or three outlets, a topic ("Coronavirus", "Immigration") and a date. An article is its title
and excerpt paragraphs; an article whose link already appeared in an earlier roundup is left out (2 of 1,479).

**Split.** Events are split once by a seeded permutation of their ids (seed 20, as for BASIL), before any result
was seen: half **dev**, half **test** (run once with the final settings). **Piles.** A newsroom groups the coverage
of a few days or weeks, not of half a year: the events of a split are put in date order and cut into piles of
``--pile`` events (default 50, about three weeks of roundups, the last pile taking the remainder); each pile's
articles are shuffled and grouped with the rules of :func:`factalign.stories`. Figures are summed over the piles
(ARI is of all piles' labels together, stories of different piles never meeting). *Hard*: in each pile, only the
events whose AllSides topic another event of the pile shares.

**Dates.** Without ``--dates`` none is given (a folder of .txt files). With it, an article's date is the one in
its link (``/2021/10/18/``) when there is one, else the roundup's date.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import random
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_stories import SEED, line, score  # noqa: E402
from factalign.grouping import GROUP_THRESHOLD, DEFAULT_MAX_DAYS, DEFAULT_THRESHOLD  # noqa: E402
from factalign.grouping import affinity, cluster, profile_articles, quote_bonds  # noqa: E402
from factalign.models import Source  # noqa: E402

_LINK_DATE = re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/")


def load_events(path: Path) -> list[dict]:
    """Roundups with at least two articles, each article once (the first roundup that links it keeps it)."""
    if not path.exists():
        sys.exit(f"AllSides roundups not found at {path}; pass --data PATH")
    seen: set[str] = set()
    events = []
    for row in (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()):
        articles = [a for a in row["news"].values() if a["newsLink"] not in seen]
        seen |= {a["newsLink"] for a in articles}
        if len(articles) >= 2:
            events.append({"id": row["id"], "topic": row["topic"], "date": row["date"][:10], "articles": articles})
    return events


def split_events(events: list[dict], split: str) -> list[dict]:
    order = sorted(events, key=lambda e: e["id"])
    random.Random(SEED).shuffle(order)
    half = len(order) // 2
    return order[:half] if split == "dev" else order[half:]


def piles(events: list[dict], size: int) -> list[list[dict]]:
    """The events in date order, cut into piles of ``size`` (the last one takes a remainder under ``size``)."""
    ordered = sorted(events, key=lambda e: (e["date"], e["id"]))
    cuts = list(range(0, len(ordered), size))
    if len(cuts) > 1 and len(ordered) - cuts[-1] < size:
        cuts.pop()
    return [ordered[c: cuts[k + 1] if k + 1 < len(cuts) else len(ordered)] for k, c in enumerate(cuts)]


def article_date(article: dict, event: dict) -> _dt.date:
    match = _LINK_DATE.search(article["newsLink"])
    if match:
        return _dt.date(*(int(g) for g in match.groups()))
    return _dt.date.fromisoformat(event["date"])


def sources_of(events: list[dict], dates: bool) -> tuple[list[Source], list[int]]:
    sources, truth = [], []
    for k, event in enumerate(events):
        for article in event["articles"]:
            text = "\n\n".join([article["newsTitle"].strip()] + [p.strip() for p in article["newBody"] if p.strip()])
            sources.append(Source(name=f"a{event['id']}-{article['stance']}", text=text,
                                  published=article_date(article, event) if dates else None))
            truth.append(k)
    order = list(range(len(sources)))
    random.Random(SEED).shuffle(order)
    return [sources[i] for i in order], [truth[i] for i in order]


def shared_topic(events: list[dict]) -> set[int]:
    """Indices of the events whose topic another event of the list shares."""
    counts: dict[str, int] = {}
    for event in events:
        counts[event["topic"]] = counts.get(event["topic"], 0) + 1
    return {k for k, event in enumerate(events) if counts[event["topic"]] > 1}


def group(profiles, args) -> np.ndarray:
    max_days = DEFAULT_MAX_DAYS if args.dates else None
    bonds = None if args.no_bonds else quote_bonds([p.keys for p in profiles])
    return cluster(affinity(profiles, max_days=max_days), args.threshold, args.group_threshold, bonds)


def read_piles(args) -> list[tuple[list[dict], list[Source], list[int], list]]:
    """Each pile's events, shuffled articles, their event indices and their profiles (read once)."""
    out = []
    for pile in piles(split_events(load_events(args.data), args.split), args.pile):
        sources, truth = sources_of(pile, args.dates)
        out.append((pile, sources, truth, profile_articles(sources)))
    return out


def evaluate(args, read=None) -> None:
    read = read if read is not None else read_piles(args)
    events = [e for pile in read for e in pile[0]]
    rows = {"all events": ([], []), "hard (shared topic)": ([], [])}
    offset = 0
    for pile, sources, truth, profiles in read:
        hard = shared_topic(pile)
        for name, keep in (("all events", range(len(sources))),
                           ("hard (shared topic)", [i for i, k in enumerate(truth) if k in hard])):
            keep = list(keep)
            labels = group([profiles[i] for i in keep], args)
            rows[name][0].extend((labels + offset).tolist())
            rows[name][1].extend(t + offset for t in (truth[i] for i in keep))
            if args.verbose and name == "all events":
                show_errors([sources[i] for i in keep], labels, [truth[i] for i in keep], pile)
        offset += 10_000
    print(f"AllSides {args.split}: {len(events)} events in {len(read)} piles of ~{args.pile}; "
          f"dates {'yes' if args.dates else 'no'}; threshold {args.threshold}, groups {args.group_threshold}"
          f"{', no quote bonds' if args.no_bonds else ''}")
    for name, (labels, truth) in rows.items():
        s = score(labels, truth)
        labels_a, truth_a = np.asarray(labels), np.asarray(truth)
        split = sum(len(set(labels_a[truth_a == k])) > 1 for k in set(truth))
        print(line(name, s) + f"  events split {split} of {len(set(truth))}")


def show_errors(sources, labels, truth, pile) -> None:
    """Print the predicted stories that mix events (for reading dev errors)."""
    labels, truth = np.asarray(labels), np.asarray(truth)
    for c in np.unique(labels):
        members = np.flatnonzero(labels == c)
        if len(set(truth[members].tolist())) > 1:
            print("  MIXED:", " | ".join(f"[{pile[truth[i]]['id']}] {sources[i].text.splitlines()[0][:70]}"
                                         for i in members))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--dates", action="store_true", help="give publication dates (link date, else roundup's)")
    parser.add_argument("--pile", type=int, default=50, help="events per pile, in date order")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--group-threshold", type=float, default=GROUP_THRESHOLD,
                        help="affinity two groups need to join without a quote bond (0: plain average linkage)")
    parser.add_argument("--no-bonds", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="print the stories that mix events")
    parser.add_argument("--sweep", action="store_true", help="every threshold from 0.30 to 0.50")
    args = parser.parse_args()
    read = read_piles(args)
    for threshold in (np.round(np.arange(0.30, 0.501, 0.025), 3) if args.sweep else [args.threshold]):
        args.threshold = float(threshold)
        evaluate(args, read)


if __name__ == "__main__":
    main()

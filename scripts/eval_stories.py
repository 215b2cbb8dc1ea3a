"""Stories: recover BASIL's events from a shuffled pile of their articles.

    python scripts/eval_stories.py [--eval ../shared/eval] [--split dev|test] [--sweep] [--no-dates] [--incremental]
                                   [--mixed N] [--group-threshold G] [--no-bonds] [--variants]
    python scripts/eval_stories.py --time N [--compare K]

BASIL has 100 events, each covered by Fox News, the New York Times and HuffPost. The events are split once, by a
seeded permutation of their ids, into dev (50 events: calibration) and test (50 events: reported once). All
articles of a split are shuffled and grouped with :func:`factalign.stories`; scored against the events by the
adjusted Rand index (ARI), the articles joined to a wrong story (in each predicted story, the articles not of its
majority event) and the articles split off their story (per event, the articles outside its largest part).

The hard variant keeps only the events that share a topic with another event of the split: topic is defined from
the data's ``main_entities`` field (two events share a topic when any article of one lists a main entity that
an article of the other lists too: "Michael Steele", "Supreme Court").

``--group-threshold G`` sets the bar two groups need in :func:`factalign.grouping.cluster` (default
``GROUP_THRESHOLD``; 0 gives plain average linkage, to measure what the bar adds); ``--no-bonds`` applies it alone
(two groups that quote the same words are not kept together).

``--variants`` also groups each event with shortened copies of its articles (``VARIANTS``: one article cut to its
lead paragraph or to its body without the lead, or such copies added to make events of 4 and 6 articles), to see
whether the group threshold splits events of varied length and size.

``--incremental`` also adds the articles one at a time in the shuffled order (the rule of ``Stories.add``).
``--mixed N`` measures the story filter of ``align()``: N sets of the three articles of one event plus five
articles of other events; how many of the five are kept in the story, how many of the three are set aside.

``--time N --scale M`` times reading N articles (lead embedding and entity parse, linear in the number of articles)
and the affinity and clustering of M articles (their profiles repeated under new names; the quadratic part,
timed at full size), and ``align()`` on K events of three (``--compare K``, default 5), then extrapolates both to M
articles. Times are CPU seconds of this process (the machine is shared), models loaded beforehand.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factalign.models import Source  # noqa: E402
from factalign.grouping import (  # noqa: E402
    ALIGN_THRESHOLD, GROUP_THRESHOLD, DEFAULT_MAX_DAYS, DEFAULT_THRESHOLD, ArticleProfile, Stories, affinity,
    cluster, profile_articles, quote_bonds,
)

SEED = 20


def load(path: Path) -> list[dict]:
    if not path.exists():
        sys.exit(f"evaluation data not found at {path}; pass --eval PATH")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def split_events(events: list[dict], split: str) -> list[dict]:
    order = sorted(events, key=lambda e: e["triplet_uuid"])
    random.Random(SEED).shuffle(order)
    half = len(order) // 2
    return order[:half] if split == "dev" else order[half:]


def topic_sharing(events: list[dict]) -> list[dict]:
    entities = [{m.lower() for a in e["articles"] for m in a.get("main_entities", [])} for e in events]
    return [e for i, e in enumerate(events) if any(entities[i] & entities[j] for j in range(len(events)) if j != i)]


def articles_of(events: list[dict], dates: bool) -> tuple[list[Source], list[int]]:
    sources, truth = [], []
    for k, event in enumerate(events):
        for article in event["articles"]:
            text = "\n\n".join(p.strip() for p in article["paragraphs"] if p.strip())
            date = _dt.date.fromisoformat(article["date"]) if dates and article.get("date") else None
            sources.append(Source(name=f"e{k}-{article['source']}", text=text, published=date))
            truth.append(k)
    order = list(range(len(sources)))
    random.Random(SEED).shuffle(order)
    return [sources[i] for i in order], [truth[i] for i in order]


#: Paragraphs dropped from an article to make its "body" variant: a rewrite that opens with other paragraphs.
BODY_SKIP = 3
#: Characters of opening paragraphs kept in the "lead" variant (BASIL's first paragraphs run 200-400 characters).
LEAD_MIN_CHARS = 200
#: Variants of each event (``--variants``): which of its three articles are replaced by or joined with a shortened
#: copy. "lead": the lead paragraph only; "body": the article without its first paragraphs. Which outlet is
#: chosen rotates with the event.
VARIANTS = {
    "3: one article lead only": ("replace", ("lead",)),
    "3: one article without its lead": ("replace", ("body",)),
    "4: + lead-only copy of one": ("add", ("lead",)),
    "4: + copy without lead of one": ("add", ("body",)),
    "6: + lead-only copy of each": ("add", ("lead", "lead", "lead")),
    "6: + one lead-only, two without lead": ("add", ("lead", "body", "body")),
}


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def shortened(text: str, kind: str) -> str:
    """The lead paragraph(s) of an article (at least ``LEAD_MIN_CHARS``), or the article without its first
    ``BODY_SKIP`` paragraphs."""
    parts = paragraphs(text)
    if kind == "body":
        return "\n\n".join(parts[BODY_SKIP:]) if len(parts) > BODY_SKIP + 1 else text
    kept: list[str] = []
    for part in parts:
        kept.append(part)
        if sum(len(k) for k in kept) >= LEAD_MIN_CHARS:
            break
    return "\n\n".join(kept)


def variant_articles(sources, truth, mode: str, kinds: tuple[str, ...]):
    """Each event's articles with shortened copies replacing (``mode`` "replace") or joining ("add") some of them."""
    by_event: dict[int, list[int]] = {}
    for i, k in enumerate(truth):
        by_event.setdefault(k, []).append(i)
    out_sources, out_truth = [], []
    for k, members in sorted(by_event.items()):
        members = sorted(members, key=lambda i: sources[i].name)
        chosen = [members[(k + j) % len(members)] for j in range(len(kinds))]
        copies = [Source(name=f"{sources[i].name}~{kind}", text=shortened(sources[i].text, kind),
                         published=sources[i].published) for i, kind in zip(chosen, kinds)]
        kept = [sources[i] for i in members if mode == "add" or i not in chosen]
        out_sources += kept + copies
        out_truth += [k] * (len(kept) + len(copies))
    order = list(range(len(out_sources)))
    random.Random(SEED).shuffle(order)
    return [out_sources[i] for i in order], [out_truth[i] for i in order]


def run_variants(args, sources, truth, profiles, max_days) -> None:
    """Grouping when events are covered by shortened and repeated copies: split-off events and wrong joins."""
    known = {p.name: p for p in profiles}
    extra = {}
    for mode, kinds in VARIANTS.values():
        for source in variant_articles(sources, truth, mode, kinds)[0]:
            if source.name not in known and source.name not in extra:
                extra[source.name] = source
    known |= {p.name: p for p in profile_articles(list(extra.values()))}
    for name, (mode, kinds) in VARIANTS.items():
        chosen, chosen_truth = variant_articles(sources, truth, mode, kinds)
        aff = affinity([known[s.name] for s in chosen], max_days=max_days)
        labels = cluster(aff, args.threshold, args.group_threshold, bonds_of([known[s.name] for s in chosen], args))
        s = score(labels, chosen_truth)
        labels, chosen_truth = np.asarray(labels), np.asarray(chosen_truth)
        split = sum(len(set(labels[chosen_truth == k])) > 1 for k in set(chosen_truth.tolist()))
        print(line(f"{name}", s) + f"  events split {split} of {len(set(chosen_truth.tolist()))}")


def score(labels, truth) -> dict:
    from sklearn.metrics import adjusted_rand_score

    labels, truth = np.asarray(labels), np.asarray(truth)
    wrong = sum(int((labels == c).sum() - np.bincount(truth[labels == c]).max()) for c in np.unique(labels))
    split_off = sum(int((truth == e).sum() - np.bincount(labels[truth == e]).max()) for e in np.unique(truth))
    return {"ari": adjusted_rand_score(truth, labels), "wrong": wrong, "split": split_off, "n": len(labels),
            "stories": len(np.unique(labels))}


def line(name: str, s: dict) -> str:
    return (f"{name:<34} articles {s['n']:>3}  stories {s['stories']:>3}  ARI {s['ari']:.3f}  "
            f"joined to a wrong story {s['wrong']:>2}  split off {s['split']:>2}")


def evaluate(args, events: list[dict]) -> None:
    max_days = None if args.no_dates else DEFAULT_MAX_DAYS
    sources, truth = articles_of(events, dates=not args.no_dates)
    profiles = profile_articles(sources)
    hard_events = {id(e) for e in topic_sharing(events)}
    variants = {"all events": list(range(len(sources))),
                "hard (shared topic)": [i for i, k in enumerate(truth) if id(events[k]) in hard_events]}
    for name, chosen in variants.items():
        chosen_profiles, chosen_truth = [profiles[i] for i in chosen], [truth[i] for i in chosen]
        aff = affinity(chosen_profiles, max_days=max_days)
        thresholds = np.round(np.arange(0.20, 0.451, 0.025), 3) if args.sweep else [args.threshold]
        for t in thresholds:
            labels = cluster(aff, t, args.group_threshold, bonds_of(chosen_profiles, args))
            print(line(f"{name} @ {t:.3f}", score(labels, chosen_truth)))
        if args.incremental:
            labels = incremental([sources[i] for i in chosen], chosen_profiles, args.threshold, max_days)
            print(line(f"{name}, incremental", score(labels, chosen_truth)))
    if args.variants:
        run_variants(args, sources, truth, profiles, max_days)
    mixed_sets(profiles, truth, max_days, args.mixed, args)


def incremental(sources, profiles, threshold: float, max_days) -> list[int]:
    """Story labels when the articles arrive one at a time, through ``Stories.add`` (on precomputed profiles)."""
    found = Stories(threshold=threshold, max_days=max_days)
    return [found.add_profiled(source, profile) for source, profile in zip(sources, profiles)]


def bonds_of(profiles, args):
    """Quote bonds for the group bar, or None with ``--no-bonds`` (the bar alone)."""
    return None if args.no_bonds else quote_bonds([p.keys for p in profiles])


def mixed_sets(profiles, truth, max_days, trials: int, args, others: int = 5) -> None:
    """``align()`` on a mixed set: the three articles of one event plus ``others`` articles of other events, grouped
    at ALIGN_THRESHOLD; the main story is the largest (the rule of ``main_story``)."""
    rng = random.Random(SEED)
    truth = np.asarray(truth)
    events = sorted(set(truth.tolist()))
    joined = lost = split_events = 0
    for _ in range(trials):
        chosen = rng.sample(events, others + 1)
        idx = list(np.flatnonzero(truth == chosen[0]))
        idx += [int(rng.choice(np.flatnonzero(truth == e))) for e in chosen[1:]]
        members = [profiles[i] for i in idx]
        labels = cluster(affinity(members, max_days), ALIGN_THRESHOLD, args.group_threshold, bonds_of(members, args))
        sizes = np.bincount(labels)
        main = int(np.flatnonzero(sizes == sizes.max())[0])
        joined += sum(1 for k, i in enumerate(idx) if labels[k] == main and truth[i] != chosen[0])
        lost += sum(1 for k, i in enumerate(idx) if labels[k] != main and truth[i] == chosen[0])
    for e in events:
        idx = np.flatnonzero(truth == e)
        members = [profiles[i] for i in idx]
        labels = cluster(affinity(members, max_days), ALIGN_THRESHOLD, args.group_threshold, bonds_of(members, args))
        split_events += len(set(labels)) > 1
    print(f"align() story filter @ {ALIGN_THRESHOLD}: {trials} mixed sets (3 articles of one event + {others} of "
          f"others): unrelated articles kept {joined} of {trials * others}, event articles set aside {lost} of "
          f"{trials * 3}; single events with an outlet set aside: {split_events} of {len(events)}")


def timing(args, events: list[dict]) -> None:
    from factalign import align

    sources = articles_of(events, dates=True)[0][: args.time]
    profile_articles(sources[:2])  # load the models before timing
    cpu = time.process_time()
    profiles = profile_articles(sources)
    per_article = (time.process_time() - cpu) / len(sources)
    many = [ArticleProfile(f"{p.name}-{k}", p.vector, p.keys, p.published)
            for k in range(args.scale // len(profiles) + 1) for p in profiles][: args.scale]
    cpu = time.process_time()
    cluster(affinity(many), DEFAULT_THRESHOLD)
    clustering = time.process_time() - cpu
    grouping = per_article * args.scale + clustering
    print(f"reading articles (lead embedding + entities): {per_article:.3f} s CPU per article ({len(sources)} timed); "
          f"affinity + clustering of {args.scale} articles: {clustering:.1f} s CPU; "
          f"grouping {args.scale} articles ≈ {grouping:.0f} s CPU")
    align(articles_of([events[-1]], dates=True)[0])  # load the claim models before timing
    cpu = time.process_time()
    for event in events[: args.compare]:
        align(articles_of([event], dates=True)[0])
    compare = (time.process_time() - cpu) / (3 * args.compare)
    print(f"comparing (align() per event of 3): {compare:.2f} s CPU per article ({args.compare} events); "
          f"{args.scale} articles ≈ {compare * args.scale:.0f} s CPU; "
          f"grouping is {grouping / (compare * args.scale):.1%} of comparing")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--sweep", action="store_true", help="print every threshold from 0.20 to 0.45")
    parser.add_argument("--group-threshold", type=float, default=GROUP_THRESHOLD,
                        help="affinity two groups need to join without a quote bond (0: plain average linkage)")
    parser.add_argument("--no-dates", action="store_true", help="withhold publication dates")
    parser.add_argument("--no-bonds", action="store_true",
                        help="the group bar alone (shared quotations do not keep groups together)")
    parser.add_argument("--incremental", action="store_true", help="also add the articles one by one")
    parser.add_argument("--variants", action="store_true",
                        help="also group events with shortened copies of their articles (3, 4 and 6 per event)")
    parser.add_argument("--mixed", type=int, default=100, metavar="N", help="mixed sets for the align() filter")
    parser.add_argument("--time", type=int, default=0, metavar="N", help="time reading N articles")
    parser.add_argument("--scale", type=int, default=1000, metavar="M", help="articles to extrapolate to")
    parser.add_argument("--compare", type=int, default=5, metavar="K", help="events aligned to time comparing")
    args = parser.parse_args()
    if args.threshold is None:
        args.threshold = DEFAULT_THRESHOLD
    events = load(args.eval / "multisource" / "basil_event_triplets.jsonl")
    if args.time:
        timing(args, events)
        return
    evaluate(args, split_events(events, args.split))


if __name__ == "__main__":
    main()

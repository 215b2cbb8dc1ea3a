"""Measure the contradiction judges on public sets (kept outside the repository).

Usage (from the repository root):
    PYTHONPATH=. python scripts/eval_judges.py demetr   [--eval ../shared/eval] [--limit N]
    PYTHONPATH=. python scripts/eval_judges.py breaking [--eval ../shared/eval] [--limit N]
    PYTHONPATH=. python scripts/eval_judges.py mrpc     [--eval ../shared/eval] [--limit N]
    PYTHONPATH=. python scripts/eval_judges.py summedits [--eval ../shared/eval] [--limit N]
    PYTHONPATH=. python scripts/eval_judges.py summedits-align [--limit N]   (same, through align())
    PYTHONPATH=. python scripts/eval_judges.py summedits-support [--eval ../shared/eval] [--limit N]
        (word-level support.support(); word threshold chosen on the first half of the documents)

Each prints one line per category and can dump the misjudged pairs with ``--errors FILE``.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from factalign.judges import judge  # noqa: E402

DEMETR_CONTRADICTIONS = ("critical_id10_numbers_replaced", "critical_id9_ne_replaced", "critical_id8_negation",
                         "critical_id7_antonym")
DEMETR_TARGETS = {"critical_id10_numbers_replaced": 0.95, "critical_id9_ne_replaced": 0.85,
                  "critical_id8_negation": 0.90, "critical_id7_antonym": 0.70}
MAX_FALSE = 0.03


def _need(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"evaluation data not found: {path} (pass --eval DIR pointing at shared/eval)")
    return path


def _jsonl(path: Path) -> list[dict]:
    with open(_need(path), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def eval_demetr(root: Path, limit: int | None, errors: list) -> bool:
    """judge(mt_sent, perturbed): recall on critical categories, false contradictions on the rest."""
    rows = _jsonl(root / "translation" / "demetr_critical_major.jsonl")
    minor = {r["id"]: r for r in _jsonl(root / "translation" / "demetr_minor_base.jsonl")}
    if limit:
        rows = rows[:limit]
    cats = list(DEMETR_CONTRADICTIONS) + ["base_id35_reference"]
    minor_cats = sorted({k for r in minor.values() for k in r["perturbations"] if k.startswith("minor_")})
    hits: dict[str, list[int]] = collections.defaultdict(list)
    subtypes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in rows:
        pairs = [(c, r["perturbations"].get(c)) for c in cats]
        m = minor.get(r["id"])
        if m:
            pairs += [(c, m["perturbations"].get(c)) for c in minor_cats]
        for cat, text in pairs:
            if not text:
                continue
            v = judge(r["mt_sent"], text)
            flagged = v.kind == "contradiction"
            hits[cat].append(int(flagged))
            subtypes[cat][v.subtype if flagged else "-"] += 1
            wanted = cat in DEMETR_CONTRADICTIONS
            if flagged != wanted:
                errors.append({"set": "demetr", "category": cat, "a": r["mt_sent"], "b": text,
                               "verdict": v.kind, "explanation": v.explanation})
    ok = True
    print(f"{'category':34} {'n':>5} {'flagged':>8}  target  subtypes")
    for cat in cats + minor_cats:
        h = hits.get(cat, [])
        if not h:
            continue
        rate = sum(h) / len(h)
        if cat in DEMETR_TARGETS:
            target, good = f">={DEMETR_TARGETS[cat]:.2f}", rate >= DEMETR_TARGETS[cat]
        else:
            target, good = f"<={MAX_FALSE:.2f}", rate <= MAX_FALSE
        ok &= good
        top = ", ".join(f"{k}:{n}" for k, n in subtypes[cat].most_common(4) if k != "-")
        print(f"{cat:34} {len(h):5d} {rate:8.3f}  {target:6} {'ok' if good else 'MISS'}  {top}")
    return ok


def eval_breaking(root: Path, limit: int | None, errors: list) -> bool:
    """Breaking NLI: recall on contradiction pairs per category, false alarms on entailment pairs."""
    rows = _jsonl(root / "contradiction" / "breaking_nli.jsonl")
    if limit:
        random.Random(0).shuffle(rows)
        rows = rows[:limit]
    stats: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    for r in rows:
        v = judge(r["sentence1"], r["sentence2"])
        flagged = v.kind == "contradiction"
        stats[(r["category"], r["gold_label"])].append(int(flagged))
        if flagged != (r["gold_label"] == "contradiction"):
            errors.append({"set": "breaking", "category": r["category"], "gold": r["gold_label"],
                           "a": r["sentence1"], "b": r["sentence2"], "explanation": v.explanation})
    print(f"{'category':18} {'gold':14} {'n':>5} {'flagged':>8}")
    for (cat, gold), h in sorted(stats.items()):
        print(f"{cat:18} {gold:14} {len(h):5d} {sum(h) / len(h):8.3f}")
    con = [x for (c, g), h in stats.items() if g == "contradiction" for x in h]
    syn = stats.get(("synonyms", "entailment"), [])
    print(f"all contradictions recall {sum(con) / max(len(con), 1):.3f} (n={len(con)}); "
          f"synonym false alarms {sum(syn) / max(len(syn), 1):.3f} (n={len(syn)})")
    return True


def eval_mrpc(root: Path, limit: int | None, errors: list) -> bool:
    """MRPC test: share of paraphrase pairs called contradictions (false alarms)."""
    path = _need(root / "paraphrase" / "mrpc" / "msr_paraphrase_test.tsv")
    with open(path, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    if limit:
        rows = rows[:limit]
    by_label: dict[str, list[int]] = collections.defaultdict(list)
    subtypes: collections.Counter = collections.Counter()
    for row in rows:
        label, a, b = row[0], row[3], row[4]
        v = judge(a, b)
        flagged = v.kind == "contradiction"
        by_label[label].append(int(flagged))
        if flagged and label == "1":
            subtypes[v.subtype] += 1
            errors.append({"set": "mrpc", "a": a, "b": b, "explanation": v.explanation})
    para, non = by_label.get("1", []), by_label.get("0", [])
    print(f"paraphrases called contradictions: {sum(para) / max(len(para), 1):.3f} ({sum(para)}/{len(para)})"
          f"  by subtype {dict(subtypes)}")
    print(f"non-paraphrases called contradictions: {sum(non) / max(len(non), 1):.3f} ({sum(non)}/{len(non)})")
    return True


def eval_summedits(root: Path, limit: int | None, errors: list, threshold: float = 0.55) -> bool:
    """SummEdits news: a summary is inconsistent when one of its sentences is contradicted by, or finds no
    support in, the document. Support = best-matching document sentence with cosine >= ``threshold``
    (default embedder), every named entity and number of the sentence mentioned somewhere in the document,
    and no contradiction from judge() against the best few matches."""
    import numpy as np

    from factalign.judges import parse
    from factalign.judges.entities import _mentions

    from factalign.judges.quantities import number_words

    checked = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "CARDINAL", "MONEY",
               "PERCENT", "QUANTITY", "DATE"}
    doc_numbers: dict[str, set[str]] = {}
    from factalign.resources import sentence_transformer

    with open(_need(root / "factual_consistency" / "summedits_news.json"), encoding="utf-8") as fh:
        rows = json.load(fh)
    if limit:
        random.Random(0).shuffle(rows)
        rows = rows[:limit]
    model = sentence_transformer()
    doc_cache: dict[str, tuple[list[str], np.ndarray]] = {}
    preds, golds = [], []
    for r in rows:
        if r["doc"] not in doc_cache:
            sents = [s.text.strip() for s in parse(r["doc"]).sents if len(s.text.strip()) > 10]
            doc_cache[r["doc"]] = (sents, model.encode(sents, normalize_embeddings=True))
        sents, emb = doc_cache[r["doc"]]
        summ = [s.text.strip() for s in parse(r["summary"]).sents if s.text.strip()]
        semb = model.encode(summ, normalize_embeddings=True)
        inconsistent, why = False, ""
        for text, e in zip(summ, semb):
            if r["doc"] not in doc_numbers:
                doc_numbers[r["doc"]] = set(number_words(r["doc"]))
            missing = [ent.text for ent in parse(text).ents if ent.label_ in checked
                       and not _mentions(ent.text, r["doc"])]
            missing += [n for n in number_words(text) if n not in doc_numbers[r["doc"]]]
            if missing:
                inconsistent, why = True, f"not in the document: {missing[0]}"
                break
            sims = emb @ e
            order = np.argsort(-sims)[:3]
            if sims[order[0]] < threshold:
                inconsistent, why = True, f"unsupported: {text}"
                break
            for k in order:
                if sims[k] < threshold:
                    break
                v = judge(sents[k], text)
                if v.kind == "contradiction":
                    inconsistent, why = True, v.explanation
                    break
            if inconsistent:
                break
        preds.append(int(inconsistent))
        golds.append(int(r["label"] == 0))
        if preds[-1] != golds[-1]:
            errors.append({"set": "summedits", "summary": r["summary"], "gold_inconsistent": golds[-1],
                           "edit_types": r.get("edit_types"), "why": why})
    ba, tpr, tnr = _balanced(preds, golds)
    print(f"SummEdits news n={len(rows)}: balanced accuracy {ba:.3f} "
          f"(inconsistent recall {tpr:.3f}, consistent kept {tnr:.3f}, threshold {threshold})")
    return True


def eval_summedits_pipeline(root: Path, limit: int | None, errors: list, threshold: float = 0.55) -> bool:
    """SummEdits news through the full pipeline: ``align({"doc": doc, "summary": summary}, reference="doc")``;
    the summary is inconsistent when the report has a contradiction or an "unsupported" omission."""
    from factalign.pipeline import align

    with open(_need(root / "factual_consistency" / "summedits_news.json"), encoding="utf-8") as fh:
        rows = json.load(fh)
    if limit:
        random.Random(0).shuffle(rows)
        rows = rows[:limit]
    preds, golds = [], []
    for r in rows:
        report = align({"doc": r["doc"], "summary": r["summary"]}, reference="doc", threshold=threshold,
                       artefacts=False)
        bad = [f for f in report.findings if f.kind == "contradiction"
               or (f.kind == "omission" and f.subtype == "unsupported")]
        preds.append(int(bool(bad)))
        golds.append(int(r["label"] == 0))
        if preds[-1] != golds[-1]:
            errors.append({"set": "summedits", "summary": r["summary"], "gold_inconsistent": golds[-1],
                           "edit_types": r.get("edit_types"), "why": bad[0].explanation if bad else ""})
    ba, tpr, tnr = _balanced(preds, golds)
    print(f"SummEdits news via align() n={len(rows)}: balanced accuracy {ba:.3f} "
          f"(inconsistent recall {tpr:.3f}, consistent kept {tnr:.3f}, threshold {threshold})")
    return True


def _balanced(preds: list[int], golds: list[int]) -> tuple[float, float, float]:
    """(balanced accuracy, recall on inconsistent, share of consistent kept); gold/pred 1 = inconsistent."""
    pos = [p for p, g in zip(preds, golds) if g == 1]
    neg = [p for p, g in zip(preds, golds) if g == 0]
    tpr = sum(pos) / len(pos) if pos else 0.0
    tnr = (len(neg) - sum(neg)) / len(neg) if neg else 0.0
    return (tpr + tnr) / 2, tpr, tnr


def eval_summedits_support(root: Path, limit: int | None, errors: list, threshold: float | None = None,
                           with_judges: bool = True) -> bool:
    """SummEdits news through :func:`factalign.judges.support.word_support`: a summary's score is the support
    of its weakest word (0 for an unknown name or number, an antonym or a flipped polarity); it is called
    inconsistent below the word threshold. Documents are taken in file order; the threshold is the one that
    maximises balanced accuracy on the summaries of the first half of the documents ("tune"), and is reported
    on the other half ("test") and on all. ``--threshold`` fixes it instead. With ``with_judges`` a second
    variant also calls a summary inconsistent when ``judge()`` finds a contradiction between one of its
    sentences and one of that sentence's three best-matching document sentences."""
    import numpy as np

    from factalign.judges import parse
    from word_support import word_support
    from factalign.resources import sentence_transformer

    with open(_need(root / "factual_consistency" / "summedits_news.json"), encoding="utf-8") as fh:
        rows = json.load(fh)
    docs = list(dict.fromkeys(r["doc"] for r in rows))
    tune_docs = set(docs[: len(docs) // 2])
    if limit:
        random.Random(0).shuffle(rows)
        rows = rows[:limit]
    model = sentence_transformer()
    doc_sents: dict[str, tuple[list[str], np.ndarray]] = {}
    scored = []
    for r in rows:
        if r["doc"] not in doc_sents:
            sents = [s.text.strip() for s in parse(r["doc"]).sents if len(s.text.strip()) > 10]
            doc_sents[r["doc"]] = (sents, model.encode(sents, normalize_embeddings=True))
        sents, emb = doc_sents[r["doc"]]
        words, clash = [], None
        for s in parse(r["summary"]).sents:
            text = s.text.strip()
            if not text:
                continue
            words += word_support(text, sents)
            if with_judges and clash is None:
                sims = emb @ model.encode([text], normalize_embeddings=True)[0]
                for k in np.argsort(-sims)[:3]:
                    v = judge(sents[k], text)
                    if v.kind == "contradiction":
                        clash = v.explanation
                        break
        weakest = min(words, key=lambda w: w.score, default=None)
        scored.append((r, weakest.score if weakest else 1.0, weakest, clash))
    tune = [(x[1], int(x[0]["label"] == 0)) for x in scored if x[0]["doc"] in tune_docs]
    if threshold is None:
        candidates = sorted({round(s, 3) for s, _ in tune} | {1.0})
        threshold = max(candidates, key=lambda t: _balanced([int(s < t) for s, _ in tune],
                                                            [g for _, g in tune])[0])
    print(f"word threshold {threshold} (chosen on the first {len(tune_docs)} documents unless given)")
    variants = {"support": lambda x: int(x[1] < threshold)}
    if with_judges:
        variants["support+judge"] = lambda x: int(x[1] < threshold or x[3] is not None)
    for variant, predict in variants.items():
        for name, part in (("tune", [x for x in scored if x[0]["doc"] in tune_docs]),
                           ("test", [x for x in scored if x[0]["doc"] not in tune_docs]), ("all", scored)):
            ba, tpr, tnr = _balanced([predict(x) for x in part], [int(x[0]["label"] == 0) for x in part])
            print(f"SummEdits news {variant:13} {name:4} n={len(part):4d}: balanced accuracy {ba:.3f} "
                  f"(inconsistent recall {tpr:.3f}, consistent kept {tnr:.3f})")
    by_rule: collections.Counter = collections.Counter()
    for x in scored:
        r, s, w, clash = x
        if s < threshold:
            by_rule[(w.rule, "inconsistent" if r["label"] == 0 else "consistent")] += 1
        if int(s < threshold) != int(r["label"] == 0):
            errors.append({"set": "summedits", "summary": r["summary"], "gold_inconsistent": int(r["label"] == 0),
                           "edit_types": r.get("edit_types"), "judge": clash,
                           "why": f"{w.rule}: {w.word} ~ {w.evidence} {w.score:.2f}" if w else ""})
    print("support flags by weakest word's rule:", dict(sorted(by_rule.items())))
    # Where the misses are, by the data set's edit labels (read after prediction, for the report only).
    final = variants["support+judge" if with_judges else "support"]
    for name, part in (("test", [x for x in scored if x[0]["doc"] not in tune_docs]), ("all", scored)):
        missed: collections.Counter = collections.Counter()
        edits: collections.Counter = collections.Counter()
        for x in part:
            if x[0]["label"] == 0:
                kinds = "+".join(sorted(x[0].get("edit_types") or [])) or "(none given)"
                edits[kinds] += 1
                missed[kinds] += 1 - final(x)
        print(f"inconsistent summaries missed by edit types ({name}):",
              ", ".join(f"{k} {missed[k]}/{n}" for k, n in edits.most_common()))
    return True

SETS = {"demetr": eval_demetr, "breaking": eval_breaking, "mrpc": eval_mrpc, "summedits": eval_summedits,
        "summedits-align": eval_summedits_pipeline, "summedits-support": eval_summedits_support}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", choices=sorted(SETS))
    ap.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval", help="shared/eval folder")
    ap.add_argument("--limit", type=int, default=None, help="only the first N items (quick runs)")
    ap.add_argument("--errors", type=Path, default=None, help="write misjudged pairs here (JSON lines)")
    ap.add_argument("--threshold", type=float, default=None,
                    help="SummEdits: cosine for a supported sentence (default 0.55); summedits-support: word "
                         "threshold (default: chosen on the first half of the documents)")
    args = ap.parse_args(argv)
    errors: list[dict] = []
    t0 = time.perf_counter()
    extra = {}
    if args.set.startswith("summedits"):
        default = None if args.set == "summedits-support" else 0.55
        extra = {"threshold": args.threshold if args.threshold is not None else default}
    ok = SETS[args.set](args.eval, args.limit, errors, **extra)
    print(f"({time.perf_counter() - t0:.0f} s)")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

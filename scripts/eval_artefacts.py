"""Measure the machine-translation artefact detectors.

Sections (all by default):
  seeds   every artefact found in the two seed articles (they are compared together, as align() does);
  demetr  DEMETR shared half: recall on ``critical_id4_codemix`` (a word left in the source language) and the
          false-alarm rate (sentences with any artefact) on ``mt_sent`` and ``base_id35_reference``;
  basil   BASIL, 100 events x 3 outlets of clean English news: artefacts per 1,000 sentences;
  mrpc    MRPC test (3,450 English news sentences, each alone): share of sentences flagged.
  injected  texts written by scripts/make_mt_artefacts.py (--injected FILE...): precision and recall per
          artefact type and source language; findings in the clean English side count as false.

Usage (from the repository root):
    PYTHONPATH=. python scripts/eval_artefacts.py [--eval-dir ../shared/eval] [--sections seeds demetr basil]
        [--show] [--limit N] [--injected FILE ...] [--json OUT]
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factalign import Source  # noqa: E402
from factalign.artefacts import detect_artefacts  # noqa: E402
from factalign.artefacts._doc import parse  # noqa: E402

NON_LATIN = {"chinese_simple", "japanese", "russian", "hindi"}


def _require(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"evaluation data not found: {path} (pass --eval-dir pointing at shared/eval)")
    return path


def _show(f, text: str) -> str:
    left = text[max(0, f.start - 50):f.start].replace("\n", " ")
    right = text[f.end:f.end + 50].replace("\n", " ")
    return f"  [{f.subtype}] ...{left}[[{f.span}]]{right}...  -> {f.suggestion!r}\n      {f.explanation}"


def eval_seeds(seeds_dir: Path) -> None:
    paths = sorted(_require(seeds_dir).glob("*.txt"))
    sources = [Source(p.stem[:3], p.read_text(encoding="utf-8")) for p in paths]
    findings = detect_artefacts(sources)
    print(f"## seeds ({', '.join(p.name for p in paths)}): {len(findings)} artefacts")
    for f in findings:
        print(f"  {f.source} {f.subtype:12s} {f.span!r} -> {f.suggestion!r}  (score {f.score:.2f})")


def _changed_span(mt: str, perturbed: str) -> tuple[int, int]:
    """Character span in ``perturbed`` that differs from ``mt``."""
    sm = difflib.SequenceMatcher(None, mt, perturbed, autojunk=False)
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    if not ops:
        return 0, 0
    return ops[0][3], ops[-1][4]


def eval_demetr(path: Path, show: bool) -> None:
    rows = [json.loads(line) for line in _require(path).open(encoding="utf-8")]
    hit, located, total = Counter(), Counter(), Counter()
    false_alarm, seen = Counter(), Counter()
    alarms: dict[str, list[str]] = defaultdict(list)
    t0 = time.perf_counter()
    for row in rows:
        lang = row["lang"]
        group = "non-Latin" if lang in NON_LATIN else "Latin"
        for field in ("mt_sent", "base_id35_reference"):
            text = (row["mt_sent"] if field == "mt_sent" else row["perturbations"].get(field)) or ""
            if not text.strip():
                continue
            findings = detect_artefacts([Source("s", text.strip())])
            seen[field] += 1
            if findings:
                false_alarm[field] += 1
                alarms[field] += [f"{lang}: " + _show(f, text.strip()).strip() for f in findings]
        codemix = row["perturbations"].get("critical_id4_codemix")
        if not codemix:
            continue
        codemix = codemix.strip()
        lo, hi = _changed_span(row["mt_sent"].strip(), codemix)
        findings = [f for f in detect_artefacts([Source("s", codemix)], detectors=["untranslated"])]
        for key in (lang, group, "all"):
            total[key] += 1
            hit[key] += bool(findings)
            located[key] += any(f.start < hi and lo < f.end for f in findings)
    elapsed = time.perf_counter() - t0
    print(f"## DEMETR shared half ({path.name}, {len(rows)} rows, {elapsed:.0f} s)")
    print("critical_id4_codemix recall (untranslated detector; 'located' = the finding overlaps the changed word)")
    for key in sorted(total, key=lambda k: (k not in ("all", "Latin", "non-Latin"), k)):
        print(f"  {key:15s} n={total[key]:4d}  recall {hit[key] / total[key]:6.1%}  "
              f"located {located[key] / total[key]:6.1%}")
    for field in seen:
        print(f"false alarms on {field}: {false_alarm[field]}/{seen[field]} sentences = "
              f"{false_alarm[field] / seen[field]:.2%}")
        if show:
            print("\n".join("    " + a for a in alarms[field]))


def eval_basil(path: Path, show: bool, limit: int | None) -> None:
    events = [json.loads(line) for line in _require(path).open(encoding="utf-8")]
    if limit:
        events = events[:limit]
    n_sent = n_art = n_articles = 0
    by_type: Counter = Counter()
    lines = []
    t0 = time.perf_counter()
    for event in events:
        sources = []
        for art in event["articles"]:
            text = "\n\n".join([art.get("title") or ""] + list(art["paragraphs"])).strip()
            sources.append(Source(f"{art['source']}", text))
        findings = detect_artefacts(sources)
        n_articles += len(sources)
        n_sent += sum(len(parse(s).sentences) for s in sources)
        n_art += len(findings)
        texts = {s.name: s.text for s in sources}
        for f in findings:
            by_type[f.subtype] += 1
            lines.append(f"{event['triplet_uuid'][:8]} {f.source}: " + _show(f, texts[f.source]).strip())
    elapsed = time.perf_counter() - t0
    print(f"## BASIL ({path.name}: {len(events)} events, {n_articles} articles, {n_sent} sentences, "
          f"{elapsed:.0f} s)")
    print(f"artefacts: {n_art} = {1000 * n_art / max(n_sent, 1):.2f} per 1,000 sentences; by detector "
          f"{dict(by_type)}")
    if show:
        print("\n".join("    " + line for line in lines))


def eval_mrpc(path: Path, show: bool) -> None:
    import csv

    with _require(path).open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    sentences = [s for row in rows for s in (row[3], row[4])]
    flagged, lines = 0, []
    for text in sentences:
        findings = detect_artefacts([Source("s", text)])
        flagged += bool(findings)
        lines += [_show(f, text).strip() for f in findings]
    print(f"## MRPC ({path.name}: {len(sentences)} sentences, each alone)")
    print(f"sentences with an artefact: {flagged}/{len(sentences)} = {flagged / len(sentences):.2%} "
          f"({1000 * flagged / len(sentences):.2f} per 1,000)")
    if show:
        print("\n".join("    " + line for line in lines))

EXPECTED_SUBTYPE = {"untranslated": "untranslated", "fused": "fused", "names": "entity", "acronyms": "entity",
                    "numbers": "numbers"}


def eval_injected(paths: list[Path], show: bool, out: Path | None) -> None:
    rows = [json.loads(line) for p in paths for line in _require(p).open(encoding="utf-8")]
    gold_n, found_n, false_n, findings_n = Counter(), Counter(), Counter(), Counter()
    misses, false_lines = [], []
    t0 = time.perf_counter()
    for row in rows:
        sources = [Source(name, text) for name, text in row["sources"].items()]
        findings = detect_artefacts(sources)
        key = (row["type"], row["lang"])
        gold = row["gold"]
        for g in gold:
            gold_n[key] += 1
            hit = any(f.source == "mt" and f.start < g["end"] and g["start"] < f.end
                      and f.subtype == EXPECTED_SUBTYPE[row["type"]] for f in findings)
            found_n[key] += hit
            if not hit:
                misses.append(f"{row['id']}: missed {g['span']!r} ... "
                              + row["sources"]["mt"][max(0, g["start"] - 60):g["end"] + 40].replace("\n", " "))
        for f in findings:
            findings_n[key] += 1
            if f.source != "mt" or not any(f.start < g["end"] and g["start"] < f.end for g in gold):
                false_n[key] += 1
                false_lines.append(f"{row['id']} {f.source}: " + _show(f, row["sources"][f.source]).strip())
    elapsed = time.perf_counter() - t0
    langs = sorted({lang for _, lang in gold_n})
    print(f"## injected ({', '.join(p.name for p in paths)}: {len(rows)} texts, {elapsed:.0f} s)")
    print("recall per type and language (gold spans found by the expected detector); P = precision of all "
          "findings in those texts")
    table = {}
    for kind in EXPECTED_SUBTYPE:
        cells, recalls = [], []
        for lang in langs:
            n = gold_n[(kind, lang)]
            if n:
                recalls.append(found_n[(kind, lang)] / n)
                cells.append(f"{lang} {found_n[(kind, lang)] / n:5.2f} (n={n})")
            else:
                cells.append(f"{lang}   -  (n=0)")
        total_f = sum(findings_n[(kind, lang)] for lang in langs)
        total_false = sum(false_n[(kind, lang)] for lang in langs)
        precision = 1 - total_false / total_f if total_f else float("nan")
        mean = sum(recalls) / len(recalls) if recalls else float("nan")
        table[kind] = {"recall_mean": mean, "precision": precision, "findings": total_f, "false": total_false,
                       "per_language": {lang: [found_n[(kind, lang)], gold_n[(kind, lang)]] for lang in langs}}
        print(f"  {kind:12s} recall (mean over languages) {mean:.3f}  P {precision:.3f}  | " + "  ".join(cells))
    all_f, all_false = sum(findings_n.values()), sum(false_n.values())
    print(f"  overall precision {1 - all_false / max(all_f, 1):.3f} ({all_false} false of {all_f} findings); "
          f"recall {sum(found_n.values()) / max(sum(gold_n.values()), 1):.3f}")
    if show:
        print("  misses:\n" + "\n".join("    " + m for m in misses))
        print("  false:\n" + "\n".join("    " + m for m in false_lines))
    if out:
        out.write_text(json.dumps({"types": table, "misses": misses, "false": false_lines}, indent=1))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--seeds-dir", type=Path, default=ROOT / "seeds")
    parser.add_argument("--sections", nargs="+", default=["seeds", "demetr", "basil", "mrpc"],
                        choices=["seeds", "demetr", "basil", "mrpc", "injected"])
    parser.add_argument("--injected", type=Path, nargs="+", default=[],
                        help="injected-artefact files from scripts/make_mt_artefacts.py")
    parser.add_argument("--json", type=Path, default=None, help="injected: write figures, misses, false ones")
    parser.add_argument("--show", action="store_true", help="print every flagged false alarm / BASIL finding")
    parser.add_argument("--limit", type=int, default=None, help="BASIL: only the first N events")
    args = parser.parse_args(argv)
    if "seeds" in args.sections:
        eval_seeds(args.seeds_dir)
    if "demetr" in args.sections:
        eval_demetr(args.eval_dir / "translation" / "demetr_critical_major.jsonl", args.show)
    if "basil" in args.sections:
        eval_basil(args.eval_dir / "multisource" / "basil_event_triplets.jsonl", args.show, args.limit)
    if "injected" in args.sections or args.injected:
        eval_injected(args.injected, args.show, args.json)
    if "mrpc" in args.sections:
        eval_mrpc(args.eval_dir / "paraphrase" / "mrpc" / "msr_paraphrase_test.tsv", args.show)


if __name__ == "__main__":
    main()

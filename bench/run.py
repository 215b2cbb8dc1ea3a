"""The speed benchmark: every figure measured in one run, so that ratios hold on a busy machine.

    python bench/run.py [--data ../shared/eval/multisource/basil_event_triplets.jsonl] [--full] [--json out.json]

Measures, on BASIL stories (three outlets per event):
  * the encoder alone over exactly the claims the pipeline produced (the practical limit), spaCy alone over the
    same article text, and the whole pipeline with its time per stage and its throughput against the limit;
  * a cold run (empty embedding cache) against a warm re-run of the same stories;
  * scaling in the number of sources (2, 8, 32, 128 of ~40 claims each) and in text length (a pair of articles
    of 1k, 10k, 50k and 200k words in all), with the peak resident memory of each, and the fitted exponent of
    time against claims (1.0 is linear).

By default 6 stories, 2, 8 and 32 sources and 1k, 10k and 25k words (the 1k pair is the two-source point of
the sources sweep, measured once): under 10 minutes on a busy 2-core machine. ``--full`` runs the issue's sizes
(20 stories, up to 128 sources and 200k words), which take far longer. Not a test: it prints a table and writes
JSON (``--json``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import factalign.pipeline as pipeline  # noqa: E402
from factalign import align  # noqa: E402
from factalign.claims import ClaimSplitter  # noqa: E402
from factalign.claims.parse import NEEDED_COMPONENTS  # noqa: E402
from factalign.embed import clear_memory  # noqa: E402
from factalign.resources import sentence_transformer, spacy_pipeline  # noqa: E402

DEFAULT_DATA = Path("../shared/eval/multisource/basil_event_triplets.jsonl")
#: Words per source in the sources sweep: BASIL articles cut to about this many words give ~40 claims.
WORDS_PER_SOURCE = 520
WARMUP = {"a": "The council approved the bridge on Monday. It will cost 40 million euros.",
          "b": "Councillors voted for the bridge on Monday. The mayor said it would cost 55 million euros."}


# ---------------------------------------------------------------- data

def load_articles(path: Path) -> list[list[tuple[str, str]]]:
    """Per event, its (outlet, text) articles, in file order."""
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        events.append([(a["source"].lower(), "\n\n".join(p if isinstance(p, str) else p.get("text", "")
                                                          for p in a["paragraphs"])) for a in event["articles"]])
    return events


def stories_of(events, count: int) -> list[dict[str, str]]:
    return [dict(event) for event in events[:count]]


def cut(text: str, words: int) -> str:
    """The leading paragraphs of ``text`` holding about ``words`` words."""
    out, n = [], 0
    for para in text.split("\n\n"):
        if n >= words:
            break
        out.append(para)
        n += len(para.split())
    return "\n\n".join(out)


def many_sources(events, n: int) -> dict[str, str]:
    """``n`` sources: articles in event order, each cut to about :data:`WORDS_PER_SOURCE` words."""
    flat = [(f"{outlet}{i}", text) for i, event in enumerate(events) for outlet, text in event]
    return {name: cut(text, WORDS_PER_SOURCE) for name, text in flat[:n]}


def long_pair(events, words: int) -> dict[str, str]:
    """Two sources of ``words`` words in all: for each event, one outlet's article in A and another's in B.

    Past the end of the data the events repeat (as a live blog repeats itself), which the pipeline must survive.
    """
    sides: list[list[str]] = [[], []]
    counts = [0, 0]
    i = 0
    while min(counts) < words // 2:
        event = events[i % len(events)]
        for side in (0, 1):
            if counts[side] < words // 2:
                text = event[(i + side) % len(event)][1]
                text = cut(text, words // 2 - counts[side])
                sides[side].append(text)
                counts[side] += len(text.split())
        i += 1
    return {"a": "\n\n".join(sides[0]), "b": "\n\n".join(sides[1])}


# ---------------------------------------------------------------- measuring

class PeakRSS:
    """Peak resident memory (MB) of this process while the block runs, sampled every 20 ms."""

    def __init__(self):
        import psutil

        self.proc = psutil.Process()
        self.peak = 0.0

    def __enter__(self):
        self.peak = self.proc.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()
        return self

    def _poll(self):
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self.proc.memory_info().rss)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.proc.memory_info().rss)

    @property
    def mb(self) -> float:
        return self.peak / 2**20


class StageTimer:
    """Wall time spent inside each stage of ``align()``, found by wrapping the stage functions it calls.

    The top-level stages add up, with ``rest`` (reading, the report), to the whole run; ``split.spacy`` (the
    one spaCy parse of each source) is the part of ``split`` spent in spaCy.
    """

    STAGES = ("split_stage", "artefact_stage", "story_stage", "embed_stage", "align_stage", "judge_stage",
              "keyfact_stage", "omission_stage")
    NESTED = {"split.spacy": (ClaimSplitter, "parse_many")}

    def __init__(self):
        self.targets = {name.strip("_").removesuffix("_stage"): (pipeline, name) for name in self.STAGES}
        self.targets.update(self.NESTED)
        self.times = {name: 0.0 for name in self.targets}

    @contextmanager
    def active(self):
        originals = {name: getattr(owner, attr) for name, (owner, attr) in self.targets.items()}
        for name, (owner, attr) in self.targets.items():
            setattr(owner, attr, self._wrap(name, originals[name]))
        try:
            yield self
        finally:
            for name, (owner, attr) in self.targets.items():
                setattr(owner, attr, originals[name])

    def _wrap(self, name, fn):
        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.times[name] += time.perf_counter() - t0
        return timed

    def summary(self, total: float) -> dict[str, float]:
        """Seconds per stage, and ``rest``: the run's time outside every top-level stage."""
        out = {k: round(v, 3) for k, v in self.times.items()}
        out["rest"] = round(total - sum(v for k, v in self.times.items() if k not in self.NESTED), 3)
        return out


def clear_caches() -> None:
    """Forget what this process keeps per text (embeddings, parses, artefact readings), so that a measurement is
    cold for its texts as a new process would be; loaded models and word lists stay (``maxsize`` 1 or unbounded)."""
    from factalign.judges import _base

    clear_memory()
    with _base._PARSES_LOCK:
        _base._PARSES.clear()
    for name, module in list(sys.modules.items()):
        if not name.startswith("factalign.") or name == "factalign.resources":
            continue
        for obj in list(vars(module).values()):
            size = getattr(obj, "cache_parameters", lambda: {"maxsize": None})()["maxsize"]
            if size is not None and size > 1:
                obj.cache_clear()


def run_stories(stories, cache) -> tuple[float, list]:
    t0 = time.perf_counter()
    reports = [align(s, cache=cache) for s in stories]
    return time.perf_counter() - t0, reports


class Clock:
    """Wall and CPU seconds (this process, all threads) spent inside ``with clock:`` blocks, added up."""

    def __init__(self):
        self.wall = self.cpu = 0.0

    def __enter__(self):
        self._t = (time.perf_counter(), time.process_time())
        return self

    def __exit__(self, *exc):
        self.wall += time.perf_counter() - self._t[0]
        self.cpu += time.process_time() - self._t[1]


def cold_run(stories, cache_dir: Path, timer: "StageTimer") -> tuple[dict[str, Clock], list]:
    """Each story through the whole pipeline (cold), then its claims through the encoder alone and its text
    through spaCy alone, one story after the other, so that a change of load on the machine falls on all three."""
    encoder, nlp = sentence_transformer(), spacy_pipeline()
    disable = [p for p in nlp.pipe_names if p not in NEEDED_COMPONENTS]
    clocks = {"pipeline": Clock(), "encoder": Clock(), "spacy": Clock()}
    reports = []
    for story in stories:
        with clocks["pipeline"], timer.active():
            reports.append(align(story, cache=cache_dir))
        with clocks["encoder"]:
            encoder.encode([c.text for c in reports[-1].claims], batch_size=64, normalize_embeddings=True,
                           show_progress_bar=False)
        with clocks["spacy"]:
            for _ in nlp.pipe([s.text for s in reports[-1].sources], disable=disable, batch_size=64):
                pass
    return clocks, reports


def exponent(sizes, times) -> float:
    """Slope of log(time) against log(size): 1.0 is linear, 2.0 quadratic."""
    return float(np.polyfit(np.log(sizes), np.log(times), 1)[0])


# ---------------------------------------------------------------- sections

def stories_section(stories, cache_dir: Path) -> dict:
    clear_caches()
    timer = StageTimer()
    with PeakRSS() as rss:
        clocks, reports = cold_run(stories, cache_dir, timer)
    clear_memory()  # the warm re-run reads the persistent cache, as a second process would
    warm, _ = run_stories(stories, cache_dir)
    n_claims = sum(len(r.claims) for r in reports)
    cold, encoder, spacy = clocks["pipeline"], clocks["encoder"], clocks["spacy"]
    return {
        "stories": len(stories), "sources": sum(len(r.sources) for r in reports), "claims": n_claims,
        "words": sum(len(s.text.split()) for r in reports for s in r.sources),
        "encoder_s": round(encoder.wall, 3), "spacy_s": round(spacy.wall, 3), "pipeline_cold_s": round(cold.wall, 3),
        "encoder_cpu_s": round(encoder.cpu, 3), "spacy_cpu_s": round(spacy.cpu, 3),
        "pipeline_cold_cpu_s": round(cold.cpu, 3),
        "pipeline_warm_s": round(warm, 3), "warm_over_cold": round(warm / cold.wall, 4),
        "encoder_claims_per_s": round(n_claims / encoder.wall, 1),
        "pipeline_claims_per_s": round(n_claims / cold.wall, 1),
        "pipeline_over_encoder": round(encoder.wall / cold.wall, 3),
        "pipeline_over_encoder_cpu": round(encoder.cpu / cold.cpu, 3),
        "stages_s": timer.summary(cold.wall), "peak_rss_mb": round(rss.mb, 1),
    }


def sweep(inputs: dict[str, dict[str, str]], **options) -> list[dict]:
    rows = []
    for label, sources in inputs.items():
        clear_caches()
        timer = StageTimer()
        with PeakRSS() as rss, timer.active(), Clock() as clock:
            report = align(sources, cache=False, **options)
        seconds = clock.wall
        stages = timer.summary(seconds)
        rows.append({"size": label, "sources": len(sources), "words": sum(len(t.split()) for t in sources.values()),
                     "chars": sum(len(t) for t in sources.values()), "claims": len(report.claims),
                     "findings": len(report.findings), "seconds": round(seconds, 3), "cpu_s": round(clock.cpu, 3),
                     "claims_per_s": round(len(report.claims) / seconds, 1), "peak_rss_mb": round(rss.mb, 1),
                     "stages_s": stages})
        print(f"  {label:>8}: {rows[-1]}", flush=True)
    return rows


def machine() -> dict:
    import psutil

    return {"python": platform.python_version(), "cpu": platform.processor() or platform.machine(),
            "cores_visible": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "threads": os.environ.get("OMP_NUM_THREADS", "unset")}


#: Sizes of a default run, chosen so that the whole benchmark takes under 10 minutes on a busy 2-core machine.
DEFAULT_SIZES = {"stories": 6, "sources": (2, 8, 32), "words": (1_000, 10_000, 25_000)}
#: Sizes of ``--full``: those the issue names (20 stories, up to 128 sources and 200k words), which take far longer.
FULL_SIZES = {"stories": 20, "sources": (2, 8, 32, 128), "words": (1_000, 10_000, 50_000, 200_000)}


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--full", action="store_true", help="the issue's sizes: 20 stories, 128 sources, 200k words")
    parser.add_argument("--stories", type=int, default=None, help="BASIL stories in the throughput run")
    parser.add_argument("--sources", type=int, nargs="*", default=None, help="source counts of the sources sweep")
    parser.add_argument("--words", type=int, nargs="*", default=None, help="words (in all) of the length sweep")
    parser.add_argument("--no-artefacts", action="store_true", help="sweeps without the artefact stage")
    parser.add_argument("--json", type=Path, default=Path("bench_results.json"))
    args = parser.parse_args()
    sizes = FULL_SIZES if args.full else DEFAULT_SIZES
    for key in sizes:
        if getattr(args, key) is None:
            setattr(args, key, sizes[key])
    return args


def main() -> None:
    args = arguments()
    events = load_articles(args.data)
    t_start = time.perf_counter()
    with PeakRSS() as load_rss:
        t0 = time.perf_counter()
        align(WARMUP, cache=False)
        load_s = time.perf_counter() - t0
        # Word lists and lexicons load on first use; a story outside the measured ones loads them all here.
        align(dict(events[-1]), cache=False)
    result = {"machine": machine(), "command": " ".join(sys.argv), "model_load_s": round(load_s, 2),
              "rss_after_load_mb": round(load_rss.mb, 1)}
    if args.stories:
        with tempfile.TemporaryDirectory() as cache_dir:
            print(f"stories: {args.stories} BASIL events", flush=True)
            result["stories"] = stories_section(stories_of(events, args.stories), Path(cache_dir))
    options = {"artefacts": False} if args.no_artefacts else {}
    result["sweep_options"] = options
    print("sources sweep", flush=True)
    result["sources_sweep"] = sweep({str(n): many_sources(events, n) for n in args.sources}, **options)
    print("length sweep", flush=True)
    result["length_sweep"] = length_sweep(events, args.words, result["sources_sweep"], **options)
    for name in ("sources_sweep", "length_sweep"):
        result.update(fits(name, result[name]))
    result["total_s"] = round(time.perf_counter() - t_start, 1)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_table(result)
    print(f"\nwritten to {args.json}")


def length_sweep(events, words, sources_rows: list[dict], **options) -> list[dict]:
    """The length sweep; its smallest pair is the sources sweep's two sources when that was measured (two
    articles of about 1k words in all: measuring it twice would only spend time)."""
    reused = next((dict(row, reused="sources_sweep") for row in sources_rows if row["sources"] == 2), None)
    small = min(words, default=None)
    if reused is not None and small is not None and abs(reused["words"] - small) <= small * SAME_SIZE:
        words = [w for w in words if w != small]
        rows = sweep({f"{w / 1000:g}k": long_pair(events, w) for w in words}, **options)
        return [dict(reused, size=f"{small / 1000:g}k")] + rows
    return sweep({f"{w / 1000:g}k": long_pair(events, w) for w in words}, **options)


#: Word counts within this share of each other count as one size (the two-source pair is ~1,040 words).
SAME_SIZE = 0.25


def fits(name: str, rows: list[dict]) -> dict:
    """The fitted exponent of time against claims over a sweep, overall and per stage."""
    if len(rows) < 2:
        return {}
    claims = [r["claims"] for r in rows]
    return {f"{name}_exponent": round(exponent(claims, [r["seconds"] for r in rows]), 3),
            f"{name}_cpu_exponent": round(exponent(claims, [r["cpu_s"] for r in rows]), 3) if all(
                "cpu_s" in r for r in rows) else None,
            f"{name}_stage_exponents": {
                stage: round(exponent(claims, [max(r["stages_s"][stage], 1e-3) for r in rows]), 3)
                for stage in rows[0]["stages_s"]}}


def print_table(r: dict) -> None:
    print(f"\nmachine: {r['machine']}")
    print(f"models loaded in {r['model_load_s']} s; RSS after loading {r['rss_after_load_mb']} MB")
    if "stories" in r:
        print_stories(r["stories"])
    print_sweeps(r)
    print(f"\nbenchmark took {r['total_s']} s")


def print_stories(s: dict) -> None:
    print(f"\n{s['stories']} stories, {s['sources']} sources, {s['words']} words, {s['claims']} claims")
    print(f"{'encoder alone (the limit)':<34}{s['encoder_s']:>9.2f} s {s['encoder_claims_per_s']:>8.1f} claims/s")
    print(f"{'spaCy alone (same text)':<34}{s['spacy_s']:>9.2f} s")
    print(f"{'whole pipeline, cold cache':<34}{s['pipeline_cold_s']:>9.2f} s {s['pipeline_claims_per_s']:>8.1f} claims/s"
          f"  = {s['pipeline_over_encoder']:.2f} x the encoder's throughput")
    print(f"{'  in CPU seconds':<34}{s['pipeline_cold_cpu_s']:>9.2f} s  (encoder {s['encoder_cpu_s']:.2f} s, spaCy "
          f"{s['spacy_cpu_s']:.2f} s) = {s['pipeline_over_encoder_cpu']:.2f} x")
    print(f"{'whole pipeline, warm re-run':<34}{s['pipeline_warm_s']:>9.2f} s  = {s['warm_over_cold']:.2f} x cold")
    for stage, t in s["stages_s"].items():
        print(f"  {stage:<32}{t:>9.2f} s  {t / s['pipeline_cold_s']:>6.1%}")


def print_sweeps(r: dict) -> None:
    for name, label in (("sources_sweep", "sources"), ("length_sweep", "words")):
        print(f"\n{label:>8} {'claims':>7} {'seconds':>9} {'claims/s':>9} {'peak MB':>8}")
        for row in r[name]:
            print(f"{row['size']:>8} {row['claims']:>7} {row['seconds']:>9.2f} {row['claims_per_s']:>9.1f}"
                  f" {row['peak_rss_mb']:>8.0f}")
        if f"{name}_exponent" in r:
            print(f"time ~ claims^{r[f'{name}_exponent']} (CPU time ~ claims^{r.get(f'{name}_cpu_exponent')}); by stage: "
                  + ", ".join(f"{k} {v}" for k, v in r[f"{name}_stage_exponents"].items()))


if __name__ == "__main__":
    main()

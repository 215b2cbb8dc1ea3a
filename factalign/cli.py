"""Command line: a thin layer over :func:`factalign.align` and the report's views.

Exit codes: 0 done; 1 a finding of a ``--fail-on`` kind exists; 2 usage or input error (one line on stderr);
3 an unexpected internal error (a bug; the traceback is printed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from .errors import FactalignError
from .models import KINDS

FORMATS = ("text", "json", "markdown", "html", "github")
#: Exit code of an unexpected error (a bug): distinct from 1, which means "a --fail-on finding exists".
EXIT_BUG = 3


def _kinds(value: str) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    bad = [k for k in kinds if k not in KINDS]
    if bad or not kinds:
        raise argparse.ArgumentTypeError(f"unknown kind {', '.join(bad) or value!r}; choose from {', '.join(KINDS)}")
    return kinds


def _names(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _unit(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        x = float("nan")
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a number between 0 and 1, got {value!r}")
    return x


def _count(value: str, minimum: int = 0) -> int:
    try:
        n = int(value.replace(",", "").replace("_", ""))
    except ValueError:
        n = minimum - 1
    if n < minimum:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least {minimum}, got {value!r}")
    return n


def _positive(value: str) -> int:
    return _count(value, minimum=1)


SOURCE_HELP = ("a .txt, .md or .html file, a folder (every such file in it), an http(s) URL, - for standard input, "
               "or NAME=SOURCE")
MAX_CHARS_HELP = "refuse a source longer than N characters (default 1,000,000)"


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="factalign", description="Compare news articles claim by claim.")
    parser.add_argument("--version", action="version", version=f"factalign {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    compare = sub.add_parser("compare", help="compare two or more articles",
                             description="Compare two or more articles about one event, claim by claim.")
    compare.add_argument("sources", nargs="+", metavar="SOURCE",
                         help=SOURCE_HELP + " (the name defaults to the file's stem)")
    _output_options(compare)
    compare.add_argument("--fail-on", type=_kinds, default=(), metavar="KIND[,KIND]",
                         help=f"exit 1 when a finding of these kinds exists ({', '.join(KINDS)})")
    compare.add_argument("--min-score", type=_unit, default=0.0, metavar="X",
                         help="report (and fail on) only findings scored X or more (0..1)")
    compare.add_argument("--baseline", metavar="FILE",
                         help="report and fail only on findings new since this earlier run (a --format json report "
                              "or a --write-baseline file)")
    compare.add_argument("--write-baseline", metavar="FILE", help="save every finding of this run as a baseline")
    compare.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="progress display on a terminal (default: only on a terminal, after 2 s)")
    compare.add_argument("--reference", metavar="NAME", help="compare every source against this one")
    compare.add_argument("--min-salience", type=_unit, default=0.0, metavar="X",
                         help="leave out omissions scored below X (0..1)")
    compare.add_argument("--limit", type=_count, default=20, metavar="N",
                         help="rows per section in text and Markdown output (0: all; default 20)")
    compare.add_argument("--model", default=None, help="sentence-transformers model name or path")
    compare.add_argument("--threshold", type=_unit, default=None, help="similarity at which claims align")
    compare.add_argument("--min-overlap", type=_unit, default=None, help="story overlap below which sources differ")
    compare.add_argument("--judges", type=_names, default=None, metavar="NAME[,NAME]", help="contradiction judges to run")
    compare.add_argument("--nli", default=None, metavar="MODEL", help="CrossEncoder NLI model name or path (optional)")
    compare.add_argument("--no-repair", action="store_true", help="do not repair translation artefacts before comparing")
    compare.add_argument("--no-artefacts", action="store_true", help="do not look for translation artefacts")
    compare.add_argument("--sentences", action="store_true", help="one claim per sentence (no decomposition)")
    compare.add_argument("--no-cache", action="store_true",
                         help="do not read or write the persistent embedding cache (in the user cache directory)")
    compare.add_argument("--max-chars", type=_positive, default=None, metavar="N", help=MAX_CHARS_HELP)
    compare.add_argument("--stories", action="store_true",
                         help="SOURCE arguments are folders of articles: group them into stories, compare each")

    claims = sub.add_parser("claims", help="list the claims of one article",
                            description="Split one article into atomic claims.")
    claims.add_argument("source", metavar="SOURCE",
                        help="a .txt, .md or .html file, an http(s) URL, - for standard input, or NAME=SOURCE")
    claims.add_argument("--format", choices=("text", "json"), default="text")
    claims.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    claims.add_argument("--sentences", action="store_true", help="one claim per sentence (no decomposition)")
    claims.add_argument("--max-chars", type=_positive, default=None, metavar="N", help=MAX_CHARS_HELP)

    judge = sub.add_parser("judge", help="judge two statements", description="Judge whether two claims contradict.")
    judge.add_argument("a")
    judge.add_argument("b")
    judge.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="output format (default text; github: workflow annotations)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        _quiet_libraries()
        return {"compare": _compare, "claims": _claims, "judge": _judge}[args.command](args)
    except FactalignError as exc:
        print(f"factalign: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"factalign: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factalign: interrupted", file=sys.stderr)
        return 130
    except Exception:  # a bug, not bad input: show it, but never as exit 1, which --fail-on gives to findings
        import traceback

        traceback.print_exc()
        print(f"factalign: internal error (exit {EXIT_BUG}); please report it with the traceback above",
              file=sys.stderr)
        return EXIT_BUG


def _compare(args) -> int:
    from dataclasses import replace

    from .baseline import select
    from .pipeline import align
    from .read import MAX_CHARS, read_sources
    from .validate import check_cli

    check_cli(args)
    options = {k: v for k, v in {
        "model": args.model, "threshold": args.threshold, "min_overlap": args.min_overlap,
        "judges": args.judges, "nli": args.nli, "reference": args.reference,
    }.items() if v is not None}
    max_chars = args.max_chars or MAX_CHARS
    flags = {"repair": not args.no_repair, "artefacts": not args.no_artefacts, "decompose": not args.sentences,
             "cache": not args.no_cache, "max_chars": max_chars}
    if args.stories:
        # One display for the whole command (see _compare_stories), none per story.
        return _compare_stories(args, lambda story: select(align(story, **flags, **options, progress=False),
                                                           min_score=args.min_score))
    sources = read_sources(args.sources, max_chars=max_chars)
    report = align(sources, **flags, **options, progress=args.progress)  # names each stage as it runs
    found = len(report.findings)
    report = select(report, min_score=args.min_score, baseline=args.baseline, write=args.write_baseline)
    if args.baseline:
        print(f"factalign: {len(report.findings)} of {found} findings are new since {args.baseline}"
              f"{' and scored ' + str(args.min_score) + ' or more' if args.min_score else ''}", file=sys.stderr)
    if args.min_salience:
        kept = tuple(f for f in report.findings if f.kind != "omission" or f.score >= args.min_salience)
        report = replace(report, findings=kept)
    limit = None if args.limit <= 0 else args.limit
    text = {
        "text": lambda: report.to_text(limit=limit),
        "json": lambda: report.to_json() + "\n",
        "markdown": lambda: report.to_markdown(limit=limit),
        "html": report.to_html,
        "github": lambda: report.to_github(_paths(sources, args.sources)),
    }[args.format]()
    _write(text, args.output)
    failing = [f for f in report.findings if f.kind in args.fail_on]
    if failing:
        kinds = sorted({f.kind for f in failing})
        print(f"factalign: {len(failing)} finding(s) of kind {', '.join(kinds)} (--fail-on)", file=sys.stderr)
        return 1
    return 0


def _compare_stories(args, align_story) -> int:
    """``compare --stories DIR...``: one report per story of two or more articles, plus a summary table."""
    from .errors import InputError
    from .grouping.command import article_files, compare_stories, render
    from .progress import stage

    if args.reference or args.baseline or args.write_baseline:
        raise InputError("--reference and baselines name one comparison; they cannot be combined with --stories")
    with stage("grouping articles into stories and comparing each", enabled=args.progress):
        found, reports = compare_stories(args.sources, align_story, model=args.model)
    if args.min_salience:
        from dataclasses import replace

        reports = [r and replace(r, findings=tuple(f for f in r.findings
                                                   if f.kind != "omission" or f.score >= args.min_salience))
                   for r in reports]
    paths = {name: str(path) for name, path in article_files(args.sources)}
    _write(render(found, reports, args.format, None if args.limit <= 0 else args.limit, paths), args.output)
    failing = [f for r in reports if r is not None for f in r.findings if f.kind in args.fail_on]
    if failing:
        kinds = sorted({f.kind for f in failing})
        print(f"factalign: {len(failing)} finding(s) of kind {', '.join(kinds)} (--fail-on)", file=sys.stderr)
        return 1
    return 0


def _paths(sources, specs) -> dict[str, str]:
    """Source name -> the file named by its NAME=PATH (or PATH) spec, for annotations (names stand in otherwise)."""
    if len(sources) != len(specs):
        return {}
    return {s.name: spec if Path(spec).exists() or "=" not in spec else spec.split("=", 1)[1]
            for s, spec in zip(sources, specs)}


def _claims(args) -> int:
    import json

    from .claims import extract_claims
    from .read import MAX_CHARS, read_source
    from .validate import check_cli

    check_cli(args)
    source = read_source(args.source, max_chars=args.max_chars or MAX_CHARS)
    claims = extract_claims(source, decompose=not args.sentences)
    if args.format == "json":
        rows = [dict(c.to_dict(), evidence=source.text[c.start:c.end]) for c in claims]
        text = json.dumps({"schema": 1, "source": source.name, "claims": rows}, indent=2, ensure_ascii=False) + "\n"
    else:
        lines = []
        for c in claims:
            who = f"  [{'quote, ' if c.quote else ''}{c.attribution}]" if c.attribution else ("  [quote]" if c.quote else "")
            lines.append(f"{c.id:>14} {c.start:>6}-{c.end:<6} {c.text}{who}")
        text = "\n".join(lines) + "\n"
    _write(text, args.output)
    return 0


def _judge(args) -> int:
    import json
    from dataclasses import asdict

    from .judges import judge
    from .validate import check_statements

    check_statements(args.a, args.b)
    verdict = judge(args.a, args.b)
    if args.format == "json":
        _write(json.dumps(asdict(verdict), indent=2, ensure_ascii=False) + "\n", None)
    else:
        _write(f"{verdict.kind} ({verdict.subtype or '-'}, {verdict.score:.2f}): {verdict.explanation}\n", None)
    return 0


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _quiet_libraries() -> None:
    """Progress bars and advisory warnings from model loading are noise on a command line (only the CLI does this,
    never the library). Set through the environment, read when transformers loads, so that a usage error does not
    wait for transformers to import."""
    import os

    for variable, value in (("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1"), ("TRANSFORMERS_VERBOSITY", "error"),
                            ("HF_HUB_DISABLE_PROGRESS_BARS", "1")):
        os.environ.setdefault(variable, value)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

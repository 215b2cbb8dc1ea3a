"""List the functions of a package that are long or branchy, and the modules that are long.

Lines are counted without the docstring. A branch is an ``if``/``elif``, a loop, a ``try`` handler, a ``with``, each extra operand of a boolean operator,
each ``if`` of a comprehension and each ``match`` case. A function over the limits is reported unless its
docstring states why it stays whole (see ``REASON_MARKS``).

Usage: python scripts/function_sizes.py factalign [--lines 60] [--branches 15] [--module-lines 400]
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

#: Limits from the project's style guide (docs: "functions < ~60 lines", "~15 branches", "modules < ~400 lines").
MAX_FUNCTION_LINES = 60
MAX_BRANCHES = 15
MAX_MODULE_LINES = 400
#: Words of a docstring that gives the reason a function over the limits stays whole ("Stays whole: ...", or a
#: sentence that counts its branches or conditions and says why they belong together).
REASON_MARKS = ("Stays whole:", "branches", "conditions")

_BRANCH_NODES = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.ExceptHandler,
                 ast.IfExp, ast.match_case)


def branches(func: ast.AST) -> int:
    """Branch points in ``func``, not counting nested functions (they are counted on their own).

    >>> branches(ast.parse("def f(x):\\n    if x and x > 1:\\n        return [y for y in x if y]").body[0])
    3
    """
    count = 0
    stack = list(ast.iter_child_nodes(func))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, _BRANCH_NODES):
            count += 1
        elif isinstance(node, ast.BoolOp):
            count += len(node.values) - 1
        elif isinstance(node, ast.comprehension):
            count += len(node.ifs)
        stack.extend(ast.iter_child_nodes(node))
    return count


def code_lines(func: ast.AST) -> int:
    """Lines of ``func`` without its docstring (an example in a docstring is documentation, not code).

    >>> code_lines(ast.parse("def f():\\n    'Doc.'\\n    return 1").body[0])
    2
    """
    lines = func.end_lineno - func.lineno + 1
    body = func.body
    if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
            and isinstance(body[0].value.value, str):
        lines -= body[0].end_lineno - body[0].lineno + 1
    return lines


def offenders(root: Path, max_lines: int, max_branches: int):
    """(path, name, lines, branches, has_reason) for every function over a limit under ``root``."""
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = code_lines(node)
                n = branches(node)
                if lines > max_lines or n > max_branches:
                    doc = ast.get_docstring(node) or ""
                    yield path, node.name, lines, n, any(mark in doc for mark in REASON_MARKS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--lines", type=int, default=MAX_FUNCTION_LINES)
    parser.add_argument("--branches", type=int, default=MAX_BRANCHES)
    parser.add_argument("--module-lines", type=int, default=MAX_MODULE_LINES)
    args = parser.parse_args()
    found = sorted(offenders(args.root, args.lines, args.branches), key=lambda o: -(o[3] + o[2] / 4))
    for path, name, lines, n, reason in found:
        print(f"{path}:{name}: {lines} lines, {n} branches{' (reason given)' if reason else ''}")
    for path in sorted(args.root.rglob("*.py")):
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > args.module_lines:
            print(f"{path}: module of {count} lines")
    print(f"{sum(1 for o in found if not o[4])} functions over the limits without a reason, {len(found)} in all")


if __name__ == "__main__":
    main()

"""Solved forms of formulas, cached on disk so that a run with known formulas never imports sympy.

The cache maps a formula's text to its solved forms (as JSON trees), under a key that changes
with the solver's version. A cache that cannot be read or written is simply not used. The
solved forms of the built-in rules ship with the package (solved.json, made by
``python -m verify.loaders --write-solved-forms`` and checked by tests/test_solved_forms.py), so
a fresh install, or one whose cache folder cannot be written, imports sympy only for a new
formula of a user's rule pack.
"""

from __future__ import annotations

import json
import keyword
from fractions import Fraction
from pathlib import Path

from verify import regexes
from verify.user_cache import cache_file, read_entries, write_quietly
from verify.rules.budget import SOLVE_SECONDS, OverBudget, time_budget
from verify.rules.formula.parse import (
    ARITHMETIC, COMPARISONS, FUNCTIONS, BinOp, Call, FormulaError, Neg, Node, Num, Relation, Var,
)
from verify.rules.formula.solve import solve_for

CACHE_VERSION = "solved-1"
SHIPPED = Path(__file__).with_name("solved.json")  # package data: the built-in rules' formulas, solved
_memory: dict[str, dict] = {}
_loaded = False
_dirty = False


def cache_path() -> Path:
    """Where the cache lives (see verify.user_cache)."""
    return cache_file(CACHE_VERSION)


def _load() -> None:
    global _loaded
    _loaded = True
    for path in (SHIPPED, cache_path()):
        _memory.update({k: v for k, v in read_entries(path).items() if isinstance(v, dict)})


def solved_forms(formula_text: str, relation: Relation) -> dict:
    """{variable: expression} for the formula, from the cache or solved now with sympy."""
    global _dirty
    if not _loaded:
        _load()
    cached = _memory.get(formula_text)
    if cached is not None:
        try:
            return {var: from_json(tree) for var, tree in cached.items()}
        except (ValueError, TypeError, KeyError):
            pass
    try:
        with time_budget(SOLVE_SECONDS):
            solved = solve_for(relation)
    except OverBudget:
        raise FormulaError(f"sympy could not solve it within {SOLVE_SECONDS:.0f} s: simplify the formula", 1) from None
    _memory[formula_text] = {var: to_json(node) for var, node in solved.items()}
    _dirty = True
    return solved


def save() -> None:
    """Write the cache if this run solved anything new; silently skip if it cannot."""
    global _dirty
    if not _dirty:
        return
    if write_quietly(cache_path(), json.dumps(_memory, ensure_ascii=False)):
        _dirty = False


def shipped_text(forms: dict[str, dict]) -> str:
    """solved.json's text for {formula text: {variable: solved tree}}: sorted, one formula a line."""
    lines = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps({v: to_json(n) for v, n in sorted(solved.items())}, ensure_ascii=False)}"
             for k, solved in sorted(forms.items())]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def write_shipped(forms: dict[str, dict]) -> None:
    """Rewrite solved.json (a maintainer's command, run when a built-in formula changes)."""
    SHIPPED.write_text(shipped_text(forms), encoding="utf-8")


def to_json(node) -> list:
    """Plain lists/strings for an on-disk cache; Fractions as exact 'p/q' strings."""
    if isinstance(node, Num):
        return ["num", f"{node.value.numerator}/{node.value.denominator}"]
    if isinstance(node, Var):
        return ["var", node.name]
    if isinstance(node, Neg):
        return ["neg", to_json(node.x)]
    if isinstance(node, BinOp):
        return ["op", node.op, to_json(node.left), to_json(node.right)]
    if isinstance(node, Call):
        return ["call", node.func, [to_json(a) for a in node.args]]
    if isinstance(node, Relation):
        return ["rel", node.op, to_json(node.left), to_json(node.right)]
    raise TypeError(f"not a formula node: {node!r}")


_NAME = regexes.lazy(r"[A-Za-z][A-Za-z0-9_]*\Z")
_FRACTION_TEXT = regexes.lazy(r"-?[0-9]+/[1-9][0-9]*\Z")


def from_json(obj) -> Node | Relation:
    """Rebuild a tree from the cache, validating it as strictly as the parser (a cache is input too)."""
    if isinstance(obj, list) and len(obj) == 4 and obj[0] == "rel" and obj[1] in COMPARISONS:
        return Relation(obj[1], _node_from_json(obj[2]), _node_from_json(obj[3]))
    return _node_from_json(obj)


def _node_from_json(obj) -> Node:
    if not isinstance(obj, list) or not obj:
        raise ValueError(f"bad cached formula node: {obj!r}")
    tag, rest = obj[0], obj[1:]
    if tag == "num" and len(rest) == 1 and isinstance(rest[0], str) and _FRACTION_TEXT.match(rest[0]):
        return Num(Fraction(rest[0]))
    if tag == "var" and len(rest) == 1 and _is_name(rest[0]):
        return Var(rest[0])
    if tag == "neg" and len(rest) == 1:
        return Neg(_node_from_json(rest[0]))
    if tag == "op" and len(rest) == 3 and rest[0] in ARITHMETIC:
        return BinOp(rest[0], _node_from_json(rest[1]), _node_from_json(rest[2]))
    if tag == "call" and len(rest) == 2 and rest[0] in FUNCTIONS and isinstance(rest[1], list):
        args = tuple(_node_from_json(a) for a in rest[1])
        if _call_arity_ok(rest[0], args):
            return Call(rest[0], args)
    raise ValueError(f"bad cached formula node: {obj!r}")


def _is_name(word) -> bool:
    return isinstance(word, str) and bool(_NAME.match(word)) and word not in FUNCTIONS + tuple(keyword.kwlist)


def _call_arity_ok(func: str, args: tuple) -> bool:
    if func in ("sum", "first_end", "last_end"):
        return len(args) == 1 and isinstance(args[0], Var)
    return len(args) == 1 if func == "abs" else len(args) >= 2

"""Solved forms of formulas, cached on disk so that a run with known formulas never imports sympy.

The cache maps a formula's text to its solved forms (as JSON trees), under a key that changes
with the solver's version. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from verify.budget import SOLVE_SECONDS, OverBudget, time_budget
from verify.expr import FormulaError, Relation, from_json, to_json

CACHE_VERSION = "solved-1"
_memory: dict[str, dict] = {}
_loaded = False
_dirty = False


def cache_path() -> Path:
    """Where the cache lives: $VERIFY_CACHE_DIR, else $XDG_CACHE_HOME/verify, else ~/.cache/verify."""
    base = os.environ.get("VERIFY_CACHE_DIR")
    if base:
        return Path(base) / f"{CACHE_VERSION}.json"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "verify" / f"{CACHE_VERSION}.json"


def _load() -> None:
    global _loaded
    _loaded = True
    try:
        stored = json.loads(cache_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(stored, dict):
        _memory.update({k: v for k, v in stored.items() if isinstance(v, dict)})


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
    from verify.solve import solve_for

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
    path = cache_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_memory, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
        _dirty = False
    except OSError:
        pass

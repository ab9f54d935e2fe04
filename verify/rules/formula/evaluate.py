"""Formulas evaluated on intervals: exact Fractions, an outer enclosure, so a relation is
reported broken only when no values inside the stated intervals can satisfy it.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from functools import reduce

from verify.rules.formula.parse import OPERATIONS, RANGE_ENDS, BinOp, Call, Neg, Num, Relation, Var, end_key
from verify.reading.interval import Interval

Env = Mapping[str, "Interval | list[Interval]"]


def evaluate(node, env: Env) -> Interval:
    """Enclose every value the expression can take over the env's intervals (never too narrow)."""
    if isinstance(node, Num):
        return Interval.point(node.value)
    if isinstance(node, Var):
        value = env[node.name]
        if not isinstance(value, Interval):
            raise TypeError(f"{node.name!r} must be a single interval here, got {type(value).__name__}")
        return value
    if isinstance(node, Neg):
        return -evaluate(node.x, env)
    if isinstance(node, BinOp):
        return OPERATIONS[node.op](evaluate(node.left, env), evaluate(node.right, env))
    if isinstance(node, Call):
        return _evaluate_call(node, env)
    raise TypeError(f"cannot evaluate {node!r}; use relation_may_hold for a relation")


def _evaluate_call(node: Call, env: Env) -> Interval:
    if node.func == "sum":
        name = node.args[0].name
        items = env[name]
        if not isinstance(items, (list, tuple)) or not all(isinstance(i, Interval) for i in items):
            raise TypeError(f"{name!r} must be a list of intervals for sum()")
        return reduce(Interval.__add__, items, Interval.point(0))
    if node.func in RANGE_ENDS:  # an end of a range: the env holds it beside the range (else the figure itself)
        name = node.args[0].name
        end = env.get(end_key(node.func, name))
        return end if end is not None else evaluate(node.args[0], env)
    values = [evaluate(a, env) for a in node.args]
    if node.func == "abs":
        return _abs(values[0])
    return _min(values) if node.func == "min" else -_min([-v for v in values])


def _abs(iv: Interval) -> Interval:
    if iv.low is not None and iv.low >= 0:
        return iv
    if iv.high is not None and iv.high <= 0:
        return -iv
    high = None if iv.low is None or iv.high is None else max(-iv.low, iv.high)
    return Interval(Fraction(0), high)


def _min(values: list[Interval]) -> Interval:
    lows = [v.low for v in values]
    highs = [v.high for v in values if v.high is not None]
    return Interval(None if any(low is None for low in lows) else min(lows), min(highs) if highs else None)


def relation_may_hold(relation: Relation, env: Env) -> bool:
    """False only when no values inside the intervals satisfy the relation: never a false alarm."""
    left, right = evaluate(relation.left, env), evaluate(relation.right, env)
    op = relation.op
    if op == "==":
        return left.intersects(right)
    if op in (">=", ">"):
        left, right, op = right, left, op.replace(">", "<")
    if left.low is None or right.high is None:
        return True
    return left.low <= right.high if op == "<=" else left.low < right.high

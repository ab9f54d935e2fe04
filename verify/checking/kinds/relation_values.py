"""The intervals a relation's figures take in its formula: as stated, or lenient (each figure maybe cut
rather than rounded), with a restatement's figures compared by the step each is printed to."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from verify.checking.kinds.common import value_interval, with_range_ends
from verify.reading.interval import Interval
from verify.reading.quantity import Quantity, printed_apart as apart


def relation_env(figures, lenient: bool, sizes: Mapping[str, Interval] | None = None, restatement: bool = False):
    """Each figure's interval; with `sizes`, a figure of a unit among them in its family's smallest unit.
    Lenient in a restatement, only the figures written to a coarser step than the finest of them are
    taken as maybe cut (a title's 16万亿元 of the body's 168713亿元)."""
    def value(q: Quantity, lenient: bool) -> Interval:
        found = value_interval(q, lenient)
        return found * sizes[q.unit] if sizes and q.unit in sizes else found
    if lenient and restatement:
        steps = steps_of(flat_figures(figures))
        finest = min(steps.values(), default=None)
        cut = lambda q: finest is not None and steps.get(id(q), finest) > finest   # noqa: E731
    else:
        cut = lambda q: lenient   # noqa: E731
    env = {k: ([value(q, cut(q)) for q in v] if isinstance(v, list) else value(v, cut(v))) for k, v in figures.items()}
    return with_range_ends(env, figures, lenient)


def steps_of(flat: list[Quantity]) -> dict[int, Fraction]:
    """The step each unqualified figure is written to, as the width of what it may stand for when
    rounded or cut (4200人 may be 4187 rounded: a step of a hundred; 4187人 one of one)."""
    steps = {}
    for q in flat:
        iv = value_interval(q, True)
        if q.qualifier is None and q.ends is None and iv.low is not None and iv.high is not None:
            steps[id(q)] = iv.high - iv.low
    return steps


def printed_apart(figures) -> bool:
    """A restatement's two figures printed to the same place with other digits (reading.quantity.printed_apart)."""
    flat = flat_figures(figures)
    return len(flat) == 2 and apart(flat[0], flat[1])


def flat_figures(figures) -> list[Quantity]:
    """The figures bound to a formula's variables, a list's one by one."""
    return [q for v in figures.values() for q in (v if isinstance(v, list) else [v])]

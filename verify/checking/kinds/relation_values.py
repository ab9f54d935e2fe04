"""The intervals a relation's figures take in its formula: as stated, or lenient (each figure maybe cut
rather than rounded), with a restatement's figures compared by the step each is printed to."""

from __future__ import annotations

from collections.abc import Mapping

from verify.checking.kinds.common import value_interval, with_range_ends
from verify.reading.interval import Interval
from verify.reading.quantity import Quantity, print_step, printed_apart as apart


def relation_env(figures, lenient: bool, sizes: Mapping[str, Interval] | None = None, restatement: bool = False):
    """Each figure's interval; with `sizes`, a figure of a unit among them in its family's smallest unit.
    Lenient in a restatement, only the figures printed to a coarser place than the finest of them
    (reading.quantity.print_step) are taken as maybe cut (a title's 16万亿元 of the body's 168713亿元)."""
    def value(q: Quantity, lenient: bool) -> Interval:
        found = value_interval(q, lenient)
        return found * sizes[q.unit] if sizes and q.unit in sizes else found
    if lenient and restatement:
        steps = {id(q): step for q in flat_figures(figures) if (step := print_step(q)) is not None}
        finest = min(steps.values(), default=None)
        cut = lambda q: finest is not None and steps.get(id(q), finest) > finest   # noqa: E731
    else:
        cut = lambda q: lenient   # noqa: E731
    env = {k: ([value(q, cut(q)) for q in v] if isinstance(v, list) else value(v, cut(v))) for k, v in figures.items()}
    return with_range_ends(env, figures, lenient)


def printed_apart(figures) -> bool:
    """A restatement's two figures printed to the same place with other digits (reading.quantity.printed_apart)."""
    flat = flat_figures(figures)
    return len(flat) == 2 and apart(flat[0], flat[1])


def flat_figures(figures) -> list[Quantity]:
    """The figures bound to a formula's variables, a list's one by one."""
    return [q for v in figures.values() for q in (v if isinstance(v, list) else [v])]

"""A relation's lookups: a figure the sentence leaves out but its article states elsewhere (全年计划35万人),
found by a pattern of its own (`find:`), with a condition on what it finds (`where:`)."""

from __future__ import annotations

import bisect
import functools
import re

from verify import regexes
from verify.rules.formula.evaluate import relation_may_hold
from verify.rules.formula.parse import variables
from verify.rules.patterns import compile_pattern
from verify.checking.kinds.relation_values import relation_env

INTERPOLATED = regexes.lazy(r"\{=([A-Za-z_][A-Za-z0-9_]*)\}")   # {=name}: the text the main pattern bound to a group


def looked_up_figure(lookup, var: str, match, figures, context) -> int | None:
    """A figure the sentence leaves out but its article states elsewhere (全年计划35万人);
    {=name} in the lookup stands for the text the main pattern bound to group `name`, and
    `where` must hold between what the lookup finds and the main match (last_year == year - 1)."""
    source, where = lookup
    text = INTERPOLATED.sub(lambda m: re.escape(match.texts.get(m.group(1), "")), source)
    block = _block(match.start, context)
    candidates = _in_block(_candidates(text, var, context), block)
    if where is None:
        return candidates[0][0] if candidates else None
    needed = variables(where)
    # Matches that state the same figures get the same answer: each lookup is judged once per
    # article, not once per match (4,000 比上年 sentences took 57 s when every match rescanned).
    key = ("lookup", block, text, var, where, tuple((k, _same_reading(figures[k])) for k in sorted(needed & figures.keys())))
    if key not in context.memo:
        context.memo[key] = next((index for index, found in candidates
                                  if _where_holds(where, needed, {**figures, **found})), None)
    return context.memo[key]


_BLANK_LINE = regexes.lazy(r"\n[ \t\u3000]*\n")


def _block(offset: int, context) -> tuple[int, int]:
    """The article holding an offset: the text between the blank lines around it. A lookup finds
    figures of the match's own article only; a page holds many, of other periods and places (a
    first quarter's 非国有投资完成7.8亿元 in one, a half year's 全市固定资产投资247.4亿元 in the next)."""
    if "article starts" not in context.memo:
        context.memo["article starts"] = [0] + [m.end() for m in _BLANK_LINE.finditer(context.masked.text)]
    starts = context.memo["article starts"]
    k = bisect.bisect_right(starts, offset) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(context.masked.text)


def _in_block(candidates: tuple[list[tuple[int, dict]], list[int]], block: tuple[int, int]) -> list[tuple[int, dict]]:
    """The candidates whose figure lies in the article (found by bisection: candidates are in text order)."""
    found, starts = candidates
    return found[bisect.bisect_left(starts, block[0]):bisect.bisect_left(starts, block[1])]


def _candidates(text: str, var: str, context) -> tuple[list[tuple[int, dict]], list[int]]:
    """Every match of a lookup pattern in the document, in text order, as (index of `var`, the
    figures it binds), and where each figure starts: scanned once per document and pattern."""
    key = ("lookup-candidates", text, var)
    if key not in context.memo:
        pattern = _compiled_lookup(text)
        found = []
        for m in pattern.regex.finditer(context.masked.text):
            index = context.masked.quantity_at(m.start(var))
            if index is not None:
                found.append((index, {name: context.quantities[i] for name in pattern.slots
                                      if m.start(name) >= 0 and (i := context.masked.quantity_at(m.start(name))) is not None}))
        context.memo[key] = found, [context.quantities[index].start for index, _ in found]
    return context.memo[key]


def _where_holds(where, needed: frozenset, figures) -> bool:
    env = relation_env({k: v for k, v in figures.items() if k in needed}, False)
    return not (needed - set(env)) and relation_may_hold(where, env)


def _same_reading(figure):
    """What decides a figure's interval: equal for two figures stated alike."""
    if isinstance(figure, list):
        return tuple(_same_reading(q) for q in figure)
    return (figure.kind, figure.text, figure.unit, figure.qualifier, figure.scale, str(figure.value), repr(figure.interval))


@functools.lru_cache(maxsize=1024)
def _compiled_lookup(text: str):
    return compile_pattern(text)

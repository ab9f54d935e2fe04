"""Rates of a total and of its parts: a complete breakdown whose total and parts each state a rate
against one comparison (进出口增长8.6%，其中出口增长10%，进口增长7%). The total's rate is the parts'
rates weighted by what each part was before, so it lies between theirs (rates_of_parts); and what each
was before, its level over (1 + its rate), adds up to what the total was before (bases_of_parts).
"""

from __future__ import annotations

from verify.reading.quantity import Quantity
from verify.statements.facts import Fact
from verify.statements.records import LEVEL, Statement
from verify.statements.vocabulary import Vocabulary, word_pattern


def rates_by_level(found: list) -> dict[int, tuple[str, int]]:
    """The one rate (or fall) read of each level: ("rate" or "fall", its index). A level read with both
    (进口下降0.6%；贸易顺差…扩大45.9%: both read for the 进口) or from a start (由A…到B) has none."""
    rate_of: dict[int, tuple[str, int]] = {}
    for fact in found:
        named = dict(fact.figures)
        if ("rate" in named) == ("fall" in named) or "before" in named:
            continue
        name = "rate" if "rate" in named else "fall"
        rate_of.setdefault(fact.level, (name, named[name]))
    return rate_of


def rates_of_parts(quantities: list[Quantity], statements: dict[int, Statement], parts_lists, found: list) -> list:
    """进出口同比增长8.6%，其中出口增长10%，进口增长7%: the growth rate of a total whose parts are all of
    it (a complete breakdown) is their rates weighted by what each part was before, so it lies
    between the slowest and the fastest of them. Only rates against one comparison (同比 with
    同比, or none named by the part), each the one rate (or fall) read of its level, no balance
    (顺差) among the parts. When every part goes the total's way,
    the total is no slower than the slowest and no faster than the fastest (Fact: level the total's
    rate, `slowest`, `fastest`); when some go the other way, it is no faster than the fastest of
    those going its way (`fastest` only)."""
    rate_of = rates_by_level(found)
    out = []
    for pl in parts_lists:
        if pl.complete != "complete" or len(pl.parts) < 2 or pl.total not in rate_of \
                or any(part not in rate_of or statements[part].role is not LEVEL for part in pl.parts):
            continue   # (a balance, 顺差, may sit in the list: its rate is none of the members')
        way, total = rate_of[pl.total]
        rates = [rate_of[part] for part in pl.parts]
        compare = statements[total].compare
        if not compare or any(statements[r].compare not in (compare, None) for _, r in rates):
            continue
        same = [r for w, r in rates if w == way and quantities[r].interval.low is not None]
        if not same:
            continue
        fastest = max(same, key=lambda r: (quantities[r].interval.high is None, quantities[r].interval.high or 0))
        figures = [("fastest", fastest)]
        if len(same) == len(rates):
            figures.append(("slowest", min(same, key=lambda r: quantities[r].interval.low)))
        out.append(Fact(total, tuple(figures)))
    return out


def bases_of_parts(quantities: list[Quantity], statements: dict[int, Statement], parts_lists, found: list,
                   vocab: Vocabulary, view: str) -> list[Fact]:
    """出口1.14万亿元，同比增长5.6%；进口0.95万亿元，同比增长7.6% of 进出口2.09万亿元，同比增长6.5%: what
    each part was a period before, its level over (1 + its rate) or (1 − its fall), adds up to what
    the total was. Only two parts, all of the total (a complete breakdown), each rate against the
    total's stated comparison (or none named by a part), and a measure whose rates are of current
    prices: no `real_growth_measures` (增加值 and 生产总值 grow at constant prices while their levels
    are current), no `real_growth_marks` (实际, 可比) in the clauses. Fact: level the total with its `rate` or `fall`,
    `first` and `second` the parts with `first_rate`/`first_fall` and `second_rate`/`second_fall`,
    a rising part first when one rises and the other falls."""
    rate_of = rates_by_level(found)
    real = word_pattern(vocab.words("real_growth_measures"))
    marks = word_pattern(vocab.words("real_growth_marks"))   # 实际增长, 按可比价格计算
    out = []
    for pl in parts_lists:
        if pl.complete != "complete" or len(pl.parts) != 2 or pl.total not in rate_of \
                or any(part not in rate_of or statements[part].role is not LEVEL for part in pl.parts):
            continue
        way, rate = rate_of[pl.total]
        parts = sorted(pl.parts, key=lambda part: rate_of[part][0] == "fall")   # a rising part first
        rates = [rate_of[part][1] for part in parts]
        compare = statements[rate].compare
        if not compare or any(statements[r].compare not in (compare, None) for r in rates):
            continue
        if any(real.search(statements[i].measure) or real.search(view, statements[i].clause[0], quantities[i].start)
               or marks.search(view, statements[i].clause[0], quantities[i].end + 4)
               for i in (pl.total, rate, *parts, *rates)):
            continue
        figures = [(way, rate)]
        for name, part in zip(("first", "second"), parts):
            figures += [(name, part), (f"{name}_{rate_of[part][0]}", rate_of[part][1])]
        out.append(Fact(pl.total, tuple(figures)))
    return out

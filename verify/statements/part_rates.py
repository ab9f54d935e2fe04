"""Rates of a total and of its parts: a complete breakdown whose total and parts each state a rate
against one comparison (进出口增长8.6%，其中出口增长10%，进口增长7%). The total's rate is the parts'
rates weighted by what each part was before, so it lies between theirs (rates_of_parts, and
rates_of_named_parts where only the rates are stated); and what each was before, its level over
(1 + its rate), adds up to what the total was before (bases_of_parts).
"""

from __future__ import annotations

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.names import split_items
from verify.statements.partitions import partition_of
from verify.statements.records import LEVEL, RATE, Statement, with_role
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
        fact = _between_parts(quantities, total, way, rates)
        if fact is not None:
            out.append(fact)
    return out


def _between_parts(quantities: list[Quantity], total: int, way: str, rates: list[tuple[str, int]]) -> Fact | None:
    """The total's rate against its parts' (each "rate" or "fall", and its figure): no faster than the
    fastest going its way, and no slower than the slowest when all go its way."""
    same = [r for w, r in rates if w == way and quantities[r].interval.low is not None]
    if not same:
        return None
    fastest = max(same, key=lambda r: (quantities[r].interval.high is None, quantities[r].interval.high or 0))
    figures = [("fastest", fastest)]
    if len(same) == len(rates):
        figures.append(("slowest", min(same, key=lambda r: quantities[r].interval.low)))
    return Fact(total, tuple(figures))


_OPENS_PARTS = regexes.lazy(r"其中(?![的有])")
_BETWEEN = ("", ",", "，", ";", "；", "。")
_OWN_CLAUSE = regexes.lazy(r"[,，;；。]?其中[,，:：]")
_VERB_END = regexes.lazy(r"(?:同比|比上年)?(?:增长|增加|提高|上升|上涨|下降|减少|回落|下跌)了?$")


def rates_of_named_parts(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                         vocab: Vocabulary) -> list[Fact]:
    """全年地区生产总值增长5.2%，其中第一产业增加值增长3.5%，第二产业增加值增长6%，第三产业增加值增长5%:
    a rate, 其中 right after it, then only rates to the sentence's end, one for each member of a
    partition of the vocabulary (三次产业, 出口与进口, 城镇与乡村…), each against the total's comparison
    or none: the total's rate lies between its parts' (Facts as rates_of_parts). Not for averages
    (人均可支配收入: the total's growth also moves with how many each part counts, so it may
    leave its parts' range), nor rates in percentage points."""
    view = layout.text
    averages = word_pattern(vocab.words("average_words"))
    out = []
    for index, st in with_role(statements, RATE):
        nxt = next((i for i in range(index + 1, len(quantities)) if i in statements), None)
        if st.sign == 0 or quantities[index].kind != "percent" or nxt is None \
                or not _opens_parts(view, quantities[index].end, statements[nxt]):
            continue
        parts = _rates_to_sentence_end(quantities, statements, nxt)
        labels = _labels(parts, statements, vocab)
        if len(parts) < 2 or partition_of(labels, st, vocab) != "complete" \
                or any(statements[i].compare not in (st.compare, None) for i in parts) \
                or any(averages.search(statements[i].measure) for i in (index, *parts)):
            continue
        way = "rate" if st.sign > 0 else "fall"
        fact = _between_parts(quantities, index, way, [("rate" if statements[i].sign > 0 else "fall", i) for i in parts])
        if fact is not None:
            out.append(fact)
    return out


def _labels(parts: list[int], statements: dict[int, Statement], vocab: Vocabulary) -> list[str]:
    """The name of each part: its measure; for values after one 分别, the names listed before it
    (其中出口、进口分别增长…) or the members a name packs (一二三产增加值分别增长…: packed_partitions)."""
    measures = [_VERB_END.sub("", statements[i].measure) for i in parts]
    if len(parts) < 2 or "分别" not in measures[0] or any(measures[1:]):
        return measures
    lead = measures[0].partition("分别")[0]
    names = split_items(lead)
    if names.fewest == names.most == len(parts):
        return list(names.items)
    for packed, *members in vocab.words("packed_partitions"):
        if len(members) == len(parts) and any(word in lead for word in packed.split("|")):
            return members
    return measures


def _opens_parts(view: str, end: int, part: Statement) -> bool:
    """Whether 其中 stands right after the total's rate, at the start of the next rate's clause or as a
    clause of its own before it: 增长5.2%，其中第一产业增加值增长3.5% / 增长7.1%。其中，第一产业…"""
    start = part.clause[0]
    return start >= end and (_OWN_CLAUSE.fullmatch(view, end, start) is not None
                             or view[end:start] in _BETWEEN and _OPENS_PARTS.match(view, start) is not None)


def _rates_to_sentence_end(quantities: list[Quantity], statements: dict[int, Statement], first: int) -> list[int]:
    """The figures from `first` to its sentence's end when every one is a percentage rate with a change
    word ([] else: a level among them makes it a breakdown of levels, read by scopes.py)."""
    sentence_end = statements[first].sentence[1]
    parts = []
    for i in range(first, len(quantities)):
        if quantities[i].start >= sentence_end:
            break
        st = statements.get(i)
        if st is None:
            continue   # 第一产业: an ordinal states nothing
        if st.role is not RATE or st.sign == 0 or quantities[i].kind != "percent":
            return []
        parts.append(i)
    return parts


def bases_of_parts(quantities: list[Quantity], statements: dict[int, Statement], parts_lists, found: list,
                   vocab: Vocabulary, view: str) -> list[Fact]:
    """出口1.14万亿元，同比增长5.6%；进口0.95万亿元，同比增长7.6% of 进出口2.09万亿元，同比增长6.5%: what
    each part was a period before, its level over (1 + its rate) or (1 − its fall), adds up to what
    the total was. Only two parts, all of the total (a complete breakdown), each rate against the
    total's stated comparison (or none named by a part), and a measure whose rates are of current
    prices: no `constant_price_measures` or `often_real_measures` (增加值 and 生产总值 grow at constant prices while their levels
    are current), no `real_growth_marks` (实际, 可比) in the clauses. Fact: level the total with its `rate` or `fall`,
    `first` and `second` the parts with `first_rate`/`first_fall` and `second_rate`/`second_fall`,
    a rising part first when one rises and the other falls."""
    rate_of = rates_by_level(found)
    real = word_pattern(vocab.words("constant_price_measures") + vocab.words("often_real_measures"))
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

"""Count partitions: 在N个Y中，A等a个Y…，B等b个Y…: the parts of a counted set.

The total is a count of Y followed by 中 (13个实现收入的税种中，; 70个大中城市中，); its parts are the
counts of the same classifier, in its sentence, whose noun holds Y's head (6个税种, 31个二线城市).
Parts that may overlap (20个省份增速超过6%，25个省份…) say nothing; the parts are shown disjoint
by words, never by arithmetic: each says one member of a partition of the vocabulary
(`count_partitions`: 增长/负增长, 上涨/持平/下降) or the parts are tiers numbered from one (一线、
二线、三线城市). Disjoint parts may not add up beyond their total; numbered tiers and a
partition's every member must add up to it.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from verify import regexes
from verify.statements.partitions import named_partition
from verify.statements.clauses import Layout
from verify.statements.lists import number
from verify.statements.names import NUM
from verify.statements.records import Tally
from verify.statements.vocabulary import vocabulary

_TOTAL = regexes.lazy(rf"(?<![0-9.])(?P<num>[0-9]{{1,4}}|[一二两三四五六七八九十]{{1,3}})(?P<cls>个|家|项|种|类|所|座|条|名)"
                    rf"(?P<noun>[^,;:。；！？!?\n()“”、]{{1,12}}?)(?:当中|之中|中),")
_TOTAL_ENDS = regexes.lazy("中,")   # where every match of _TOTAL ends: searched only before each (regexes.ending_at)
_TOTAL_REACH = 20   # 1234个…（12 characters）当中,: the longest match
_TIER = regexes.lazy(r"^[^一二三四五六七八九十]*([一二三四五六七八九十])")
_PART = regexes.lazy(rf"(?<![0-9.])({NUM})([个家项种类所座条名])")   # a part's count and classifier
_PART_REACH = 8   # characters of a part's noun before the total's head: [\u4e00-\u9fff]{0,8}?


class _Part(NamedTuple):
    """A part: its count, where it starts and ends, and its noun up to the total's head (6个税种)."""

    numeral: str
    start: int
    end: int
    noun: str


@functools.cache
def _partitions() -> tuple:
    return tuple(tuple(tuple(m.split("|")) for m in group) for group in vocabulary().lists["count_partitions"])


def count_partitions(layout: Layout, quantities=()) -> list[Tally]:
    """Every 在N个Y中 with two or more disjoint parts; the figures it rests on are the quantities
    written where its total and its parts are (so that they count as checked)."""
    view = layout.text
    at = {q.start: i for i, q in enumerate(quantities)}
    found = []
    ends = [m.end() for m in _TOTAL_ENDS.finditer(view)]
    for m in regexes.ending_at(_TOTAL, view, ends, _TOTAL_REACH):
        total = number(m.group("num"))
        noun = m.group("noun").strip("的")
        if total is None or len(noun) < 1:
            continue
        head = noun[-2:]
        sentence_end = layout.sentence(m.start())[1]
        parts = _parts(view, m.group("cls"), head, m.end(), sentence_end)
        if len(parts) < 2:
            continue
        kind = _disjoint(view, parts, sentence_end)
        if kind is None:
            continue
        values = [number(p.numeral) for p in parts]
        if any(v is None for v in values):
            continue
        items = tuple(p.noun for p in parts)
        total_sum = sum(values)
        figures = tuple(at[pos] for pos in (m.start("num"), *(p.start for p in parts)) if pos in at)
        found.append(Tally("count-partition", total, (m.start("num"), m.end("cls")), items, total_sum, total_sum,
                           kind == "complete", m.start(), parts[-1].end, certain=True, figures=figures))
    return found


def _parts(view: str, cls: str, head: str, start: int, end: int) -> list[_Part]:
    """The matches of (?<![0-9.])(NUM)(cls)([\u4e00-\u9fff]{0,8}?head) in view[start:end]: one pattern
    of every classifier, and the words after it tested here (that pattern compiled for each total,
    whose head is the text's, cost 11 M instructions: 30 totals on 1 M transcript characters)."""
    parts, pos = [], start
    while (m := _PART.search(view, pos, end)) is not None:
        noun_end = _noun_end(view, m.end(), head, end) if m.group(2) == cls else None
        if noun_end is None:
            pos = m.start() + 1
            continue
        parts.append(_Part(m.group(1), m.start(), noun_end, view[m.end():noun_end]))
        pos = noun_end
    return parts


def _noun_end(view: str, after: int, head: str, end: int) -> int | None:
    """Where [\u4e00-\u9fff]{0,8}?head matched at `after` ends (the fewest characters before the head
    first), or None."""
    for stop in range(after, after + _PART_REACH + 1):
        if view.startswith(head, stop, end):
            return stop + len(head)
        if stop >= end or not "\u4e00" <= view[stop] <= "\u9fff":
            return None
    return None


_CLAUSE_MARK = regexes.lazy(r"[,;；]")


def _disjoint(view: str, parts, end: int) -> str | None:
    """"complete" (numbered tiers, every member of a partition), "disjoint" (members of one
    partition, not all), or None (the parts may overlap)."""
    tiers = [_TIER.match(p.noun) for p in parts]
    if all(tiers):
        numbers = [number(t.group(1)) for t in tiers]
        rest = {p.noun[:t.start(1)] + p.noun[t.end(1):] for p, t in zip(parts, tiers)}
        if numbers == list(range(1, len(parts) + 1)) and len(rest) == 1:
            return "complete"
    said = []
    for k, p in enumerate(parts):
        stop = parts[k + 1].start if k + 1 < len(parts) else end
        clause = _CLAUSE_MARK.split(view[p.end:stop], maxsplit=1)[0]
        said.append(clause)
    return named_partition(said, _partitions())

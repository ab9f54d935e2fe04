"""Whether the parts of a breakdown are all of its total — decided by words, never by arithmetic.

Complete: the parts name distinct members of one partition of the vocabulary, all of them
(境外输入/本土, 城镇/乡村), or of one that holds only for a whole the total names (党政一把手: 书记/县长); two parts that are a word and its complement (从事农业/从事非农业,
限额以上/限额以下); a breakdown along a dimension (分地域看); a stated number of kinds equal to the
parts named (五种主要农业机械 … five parts). Disjoint (their sum may not exceed the total, but
need not reach it): distinct members of a partition, not all of them.
"""

from __future__ import annotations

import functools
import re

from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.records import Statement
from verify.statements.vocabulary import Vocabulary

_COMPLEMENTS = (("非", ""), ("以下", "以上"), ("外", "内"))


def completeness(total: int, parts: list[int], quantities: list[Quantity], statements: dict[int, Statement],
                 layout: Layout, vocab: Vocabulary, shared: frozenset[int] | None) -> str:
    """"complete", "disjoint" or "open" (parts that may overlap or leave some out). `shared`, for a
    breakdown along a dimension only (else None): the figures of the page that a share speaks of."""
    labels = [statements[i].measure for i in parts]
    by_partition = partition_of(labels, statements[total], vocab)
    if by_partition:
        return by_partition
    if len(parts) == 2 and _complementary(*labels):
        return "complete"
    if shared is not None and len(parts) >= 2:
        return "disjoint" if any(i in shared for i in parts) else "complete"   # each with its share: some only
    if len(parts) >= 2 and _kinds_counted(total, len(parts), quantities, layout, vocab):
        return "complete"
    return "open"


def partition_of(labels: list[str], total: Statement, vocab: Vocabulary) -> str | None:
    """How the labels split the total by words alone: "complete", "disjoint" or None, from the
    vocabulary's partitions, except one that leaves a part out of this total (partitions_left_short:
    全社会用电量 is the three sectors' and the households' own, 城乡居民生活用电), then from the
    partitions that hold only for a whole the total names (whole_partitions)."""
    found = named_partition(labels, vocab.partitions)
    if found == "complete" and _left_short(labels, total, vocab):
        found = "disjoint"
    return _of_named_whole(labels, total, vocab) or found


def _left_short(labels: list[str], total: Statement, vocab: Vocabulary) -> bool:
    """Whether the total names a whole of partitions_left_short whose partition the labels name."""
    words = total.measure + total.head
    for whole, member in vocab.words("partitions_left_short"):
        if any(word in words for word in whole.split("|")) and any(m in labels[0] for m in member.split("|")):
            return True
    return False


def names_all(labels: list[str], vocab: Vocabulary) -> bool:
    """The labels name all of one partition by their words alone: every member of one of the
    vocabulary's partitions, or a word and its complement (油经济 / 非油经济)."""
    return named_partition(labels, vocab.partitions) == "complete" or len(labels) == 2 and _complementary(*labels)


def sub_parts(labels: list[str], vocab: Vocabulary) -> bool:
    """境外输入确诊病例16例，甘肃11例，北京4例，上海1例: after a first part named as a member of a partition,
    two or more bare names (four characters at most) that name no member of it break that first part
    down, not the total (the other members would be named: 境外输入…，本土…)."""
    first, rest = labels[0], labels[1:]
    partitions = [members for members in vocab.partitions if _member_in(first, members) is not None]
    return bool(partitions) and len(rest) >= 2 and all(0 < len(label) <= 4 for label in rest) \
        and not any(_member_in(label, members) is not None for label in rest for members in partitions)


def named_partition(labels: list[str], partitions) -> str | None:
    """"complete" when the labels name every member of one partition, each once; "disjoint" when
    they name distinct members of one, not all; None when they name no partition."""
    found = None
    for members in partitions:   # 东部、中部、西部 are all of one partition though only some of another
        hits = []
        for label in labels:
            hit = _member_in(label, members)
            if hit is None:
                break   # a label that names none of this partition's members: no need to read the rest
            hits.append(hit)
        if len(hits) != len(labels) or len(set(hits)) != len(hits):
            continue
        if len(hits) == len(members):
            return "complete"
        found = "disjoint"
    return found


def _of_named_whole(labels: list[str], total: Statement, vocab: Vocabulary) -> str | None:
    """8名党政一把手，其中县委书记3名，县长5名: members that make a partition only of a whole the total
    names (vocabulary `whole_partitions`: the whole's words, then the members), as named_partition reads them."""
    words = total.measure + total.head
    for whole, *members in vocab.words("whole_partitions"):
        if any(word in words for word in whole.split("|")):
            found = named_partition(labels, (tuple(tuple(m.split("|")) for m in members),))
            if found:
                return found
    return None


@functools.lru_cache(maxsize=1 << 14)
def _member_in(label: str, members) -> int | None:
    """The one member a label names (the longest word wins: 非公有 over 公有), else None. Kept: a
    page asks it of the same measures for every level that may open a breakdown (scopes.py)."""
    found = [(len(word), n) for n, synonyms in enumerate(members) for word in synonyms if word in label]
    if not found:
        return None
    best = max(found)
    named = {n for length, n in found if length == best[0]}
    return best[1] if len(named) == 1 else None


def _complementary(a: str, b: str) -> bool:
    """从事农业人员 / 从事非农业人员, 限额以上单位 / 限额以下单位."""
    for one, other in _COMPLEMENTS:
        for x, y in ((a, b), (b, a)):
            if one in x and (x.replace(one, other, 1) == y if other else x.replace(one, "", 1) == y):
                return True
    return False


def _kinds_counted(total: int, count: int, quantities: list[Quantity], layout: Layout, vocab: Vocabulary) -> bool:
    """五种主要农业机械（…）总量2469.61万台: a number of kinds in the total's sentence equal to the parts."""
    sentence = layout.sentence(quantities[total].start)
    counters = vocab.words("kind_counters")
    for q in quantities[max(0, total - 6):total]:
        if q.start >= sentence[0] and q.kind == "count" and q.unit in counters and q.value == count:
            return True
    text = layout.text[sentence[0]:quantities[total].start]
    return bool(re.search(rf"(?:{'|'.join('一二三四五六七八九十'[count - 1:count])}|{count})(?:{'|'.join(counters)})", text)) \
        if 1 <= count <= 10 else False

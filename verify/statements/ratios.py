"""Ratios of shares against the values of their parts: 第一产业实现增加值47.5亿元…第二产业…730.5亿元…第三产业…
450亿元。三次产业比为3.9：59.5：36.6 — the reader reads the ratio's parts as percentages of one whole
(Quantity.ratio_part); the values its members were given before, in its paragraph, stand in the same
proportion: part_i : part_j = share_i : share_j.

The members are named by the words before the ratio: a partition's whole (三次产业: vocabulary
partition_wholes, its members those of the partition) or names joined by 与/和/、 (公有与非公有制经济 ->
公有, 非公有制经济). A member's value is the last level of the paragraph before the ratio whose clause
starts with the member's name; all of one unit, their clauses ending alike (实现增加值: one indicator) and
holding the words the ratio adds after its whole (三次产业投资比重: 投资). Found by name, so rules on it warn.
"""

from __future__ import annotations

from verify import regexes

from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.records import LEVEL, Statement
from verify.statements.vocabulary import Vocabulary

_SHARE_END = regexes.lazy(r"(?:之比|比例|比重|结构|构成|占比|比)(?:分别)?(?:为|是|达到|达|调整为|变为)?\s*$")
_JOIN = regexes.lazy(r"[与和、及]")
_LEAD = regexes.lazy(r"^.*[：:]|^[\s,，;；]*(?:其中|全市|全省|全区|全县)?[\s,，]*")
_LEVEL_KINDS = ("amount", "count")


def ratio_groups(quantities: list[Quantity]) -> list[tuple[int, ...]]:
    """The parts of each ratio the reader read as shares, as quantity indexes in text order."""
    groups: list[list[int]] = []
    for index, q in enumerate(quantities):
        if not q.ratio_part:
            continue
        if groups and quantities[groups[-1][-1]].end + 1 >= q.start:
            groups[-1].append(index)   # one separator (：) from the part before: the same ratio
        else:
            groups.append([index])
    return [tuple(g) for g in groups if len(g) >= 2]


def ratio_facts(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                vocab: Vocabulary) -> list[Fact]:
    """For each ratio whose members' values are found, one Fact per member: its value (level), its
    share (ratio_share), and the next member's value and share (next_part, next_share)."""
    found = []
    text = layout.text
    for group in ratio_groups(quantities):
        first = quantities[group[0]]
        words = text[layout.clause(first.start)[0]:first.start]
        end = _SHARE_END.search(words)
        if end is None:
            continue
        members, residue = _members(_LEAD.sub("", words[:end.start()]), vocab)
        if len(members) != len(group):
            continue
        values = _values(members, residue, group[0], quantities, statements, layout)
        if values is None:
            continue
        for n, (value, share) in enumerate(zip(values, group)):
            after = (n + 1) % len(group)
            if len(group) == 2 and n == 1:
                break   # two members: one proportion
            found.append(Fact(value, (("ratio_share", share), ("next_part", values[after]),
                                      ("next_share", group[after]))))
    return found


def _members(words: str, vocab: Vocabulary) -> tuple[list[tuple[str, ...]], str]:
    """The members a ratio's words name, each as its names, and the words after a partition's whole."""
    for whole, first in vocab.words("partition_wholes"):
        at = words.find(whole)
        if at < 0:
            continue
        for partition in vocab.partitions:
            if first in partition[0]:
                return list(partition), words[at + len(whole):]
    names = [name for name in _JOIN.split(words) if name]
    return ([(name,) for name in names] if len(names) >= 2 else []), ""


def _values(members, residue: str, before: int, quantities: list[Quantity], statements: dict[int, Statement],
            layout: Layout) -> list[int] | None:
    """Each member's value: the last level of the paragraph before the ratio whose clause starts
    with one of its names; None unless all are found, distinct, of one unit and one indicator."""
    text = layout.text
    paragraph = text.rfind("\n", 0, quantities[before].start) + 1
    found: list[int | None] = [None] * len(members)
    tails = [None] * len(members)
    for index in range(before - 1, -1, -1):
        q = quantities[index]
        if q.start < paragraph:
            break
        st = statements.get(index)
        if st is None or st.role is not LEVEL or q.kind not in _LEVEL_KINDS or q.ratio_part:
            continue
        label = _LEAD.sub("", text[layout.clause(q.start)[0]:q.start])
        for n, names in enumerate(members):
            if found[n] is None and any(label.startswith(name) for name in names) \
                    and not _longer_name_of_other(label, n, members):
                found[n], tails[n] = index, label
                break
        if all(i is not None for i in found):
            break
    if any(i is None for i in found):
        return None
    units = {quantities[i].unit for i in found}
    if len(units) != 1 or None in units or len(set(found)) != len(found):
        return None
    if len({t[-2:] for t in tails}) != 1 or any(residue not in t for t in tails):
        return None   # not one indicator (增加值 of one, 投资 of another), or not the ratio's (三次产业投资比重)
    return found


def _longer_name_of_other(label: str, n: int, members) -> bool:
    """公有 starts 公有制经济 but 非公有制经济 is another member's: a label a longer name of another starts."""
    own = max(len(name) for name in members[n] if label.startswith(name))
    return any(len(name) > own and label.startswith(name)
               for m, names in enumerate(members) if m != n for name in names)

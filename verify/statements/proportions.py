"""Proportions: a percentage stated of a rate that is a part of a whole (森林覆盖率62.5%, 城镇登记失业率
控制在4.5%左右, 按期结案率100%), which no value above 100% can be.

The rate is the last word of the vocabulary's proportion_rates in the figure's measure, with
nothing after it but how the figure is stated (达到, 稳定在, 分别提升至, 从2020年): not another rate
or a share, whose figure it would then be. Growth and completion rates may pass 100%, and a change
of a rate is in 百分点: only a figure standing for the rate itself (a level, where it started, what
another is compared with, a target) is bound, as `proportion`; so is the level a rate reached from
one (森林覆盖率从2000年的8.8%提高到现在的20.5%: the figure after 提高到 names no measure of its own).

A percentage of a group is bound as `group_share`: one right before 的 and a group of the
vocabulary's group_nouns (２６％的人失业, ７４．０９％的企业), or right after 其中 (其中４７％来自中国内地),
is the part of that group, or of the total before, that it describes. A figure read as a change or
rate (增长120%的企业) is neither.
"""

from __future__ import annotations

import functools
import re

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.facts import Fact
from verify.statements.records import BASE, FROM, LEVEL, PLAN, Statement
from verify.statements.vocabulary import Vocabulary, word_pattern

_STATED = frozenset({LEVEL, FROM, BASE, PLAN})   # the rate's own value
_AFTER = 10                                       # characters of how it is stated, at most


def proportions(quantities: list[Quantity], statements: dict[int, Statement], vocab: Vocabulary,
                facts: list[Fact], view: str) -> list[Fact]:
    """Every percentage stated of a proportion rate, as a fact binding `proportion`, and of a group,
    binding `group_share`; `facts` give the levels reached from a rate (`before`)."""
    rates = word_pattern(vocab.words("proportion_rates"))
    groups = _group_after(vocab.words("group_nouns"))
    found, of_groups = [], []
    for index, st in statements.items():
        q = quantities[index]
        if st.role not in _STATED or q.unit != "%":
            continue
        if groups.match(view, q.end) or _AFTER_QIZHONG.search(view, max(0, q.start - 4), q.start):
            of_groups.append(Fact(index, (("group_share", index),)))
        if "率" not in st.measure:
            continue
        last = None
        for last in rates.finditer(st.measure):
            pass
        if last is None or st.measure.endswith(vocab.words("open_rates"), 0, last.end()):
            continue   # 毛入学率 may pass 100%
        after = st.measure[last.end():]
        if len(after) <= _AFTER and not word_pattern(vocab.words("other_measures_after_rate")).search(after):
            found.append(Fact(index, (("proportion", index),)))
    stated = {fact.level for fact in found}
    reached = {fact.level for fact in facts if dict(fact.figures).get("before") in stated}
    return found + [Fact(index, (("proportion", index),)) for index in sorted(reached - stated)] + of_groups


_AFTER_QIZHONG = regexes.lazy(r"其中[，,：:有]?$")


@functools.cache
def _group_after(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """的 and a group noun, right after a figure."""
    return regexes.lazy(f"的(?:{word_pattern(nouns).pattern})")

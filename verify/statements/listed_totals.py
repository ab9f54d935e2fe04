"""New ones of several things and their running totals, each given 分别: 跨国公司地区总部、外资研发中心分别新认定
60家和30家，累计分别达到1016家和591家; 新增各类总部机构、大企业开放创新中心80家、16家，累计分别达到1522家、103家.

The totals are the values joined by 、/和 right after a ，and a word of `cumulative_words` with 分别 (and a
word of `reached_words`, 达到); the new ones are the values joined the same way right before that ，,
as many as the totals, the clause before the first of them holding a word of `new_counts` and none of
`cumulative_words`. Item by item, each pair of one unit (11个和27项 with 52个和204项), the new ones are
within their total (fact of the total with `new`, rule new-within-total).
"""

from __future__ import annotations

import bisect
import functools

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.members import stated_level
from verify.statements.records import Statement
from verify.statements.sides import first_of_side, side
from verify.statements.vocabulary import Vocabulary, word_pattern


def listed_totals(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                  vocab: Vocabulary) -> list[Fact]:
    """Every list of new ones followed by ，累计分别达到 and as many totals, paired item by item."""
    view = layout.text
    if "分别" not in view:
        return []
    opener = _opener(vocab.words("cumulative_words"), vocab.words("reached_words"))
    new_word = word_pattern(vocab.words("new_counts"))
    total_word = word_pattern(vocab.words("cumulative_words"))
    starts = None
    found = []
    for m in _openers(view, opener, vocab.words("cumulative_words"), vocab.words("reached_words")):
        starts = starts if starts is not None else [q.start for q in quantities]
        first_total = bisect.bisect_left(starts, m.end())
        last_new = first_total - 1
        if first_total >= len(quantities) or last_new < 0 or quantities[first_total].start != m.end() \
                or quantities[last_new].end != m.start() or first_total not in statements or last_new not in statements:
            continue
        totals = side(quantities, statements, view, first_total)
        news = side(quantities, statements, view, first_of_side(quantities, statements, view, last_new))
        if len(totals) < 2 or len(news) != len(totals) or news[-1] != last_new:
            continue
        clause = statements[news[0]].clause
        before = view[clause[0]:quantities[news[0]].start]
        if not new_word.search(before) or total_word.search(before):
            continue
        if all(stated_level(quantities[i], statements[i]) for i in news + totals) \
                and all(quantities[n].unit == quantities[t].unit for n, t in zip(news, totals)):
            found += [Fact(t, (("new", n),)) for n, t in zip(news, totals)]
    return found


def _openers(view: str, opener, cumulative: tuple[str, ...], reached: tuple[str, ...]) -> list:
    """The matches of opener.finditer(view), found from each 分别 of the page: a search of the whole
    page tries the pattern at every comma. A match is a ，, spaces, a cumulative word, 分别 and maybe a
    word of reaching, so (with no comma, 分 nor 别 in those words: else the page is searched) it starts
    at the comma before the spaces before a cumulative word that ends at its 分别, and no two matches
    share a character."""
    if any(ch in word for word in cumulative + reached for ch in "，,分别"):
        return list(opener.finditer(view))
    found = []
    at = view.find("分别")
    while at >= 0:
        starts = []
        for word in cumulative:
            if view.endswith(word, 0, at):
                comma = at - len(word) - 1
                while comma >= 0 and view[comma].isspace():   # (str.isspace: the characters of re's \s)
                    comma -= 1
                if comma >= 0 and view[comma] in "，,":
                    starts.append(comma)
        m = next(filter(None, (opener.match(view, start) for start in sorted(starts))), None)
        if m is not None:
            found.append(m)
        at = view.find("分别", at + 2)
    return found


@functools.cache
def _opener(cumulative: tuple[str, ...], reached: tuple[str, ...]):
    """，累计分别达到: a ，, a cumulative word, 分别 and what may follow it before the first total."""
    return regexes.lazy(rf"[，,]\s*(?:{word_pattern(cumulative).pattern})分别(?:{word_pattern(reached).pattern}|达|为)?")

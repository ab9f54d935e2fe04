"""Running totals further on: new ones (新增) and the running total they are counted in (累计), named
alike, in one sentence but not side by side — 英国新增确诊病例48161例，单日新增连续五天超过4万例，累计确诊
病例超543万例; 韩国单日新增确诊病例286294例，累计确诊达到14553644例 — the new ones cannot exceed the
total (fact of the total with `new`, rule new-within-total).

A new figure is a level whose piece (since the last separator) holds a word of `new_counts` and none
of `cumulative_words`; its total is the first later figure of its sentence, at most _REACH figures on
and before any ；, whose piece holds a word of `cumulative_words` and none of `new_counts`, of the same
unit, the name after the total's word opening with two characters of the new ones' name once fillers
are cut (确诊病例, 确诊达到; not 死亡病例 for 确诊病例);
no 分别 in either piece. Pairs that members.new_in_totals already reads are left to it.

The total may open the next sentence of the paragraph (英国6日新增确诊病例62322例，再达新高。英国累计确诊病例已
达到2836801例) when both name the same subject (subjects.py: 英国 and 英国, not 韩国 and 日本) and the total
names no time of its own other than the new ones' time.
"""

from __future__ import annotations

import bisect

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.members import WORDS_REACH, end_of_last, piece_before, stated_level
from verify.statements.reader import NUMERIC
from verify.statements.records import LEVEL, Statement
from verify.statements.vocabulary import Vocabulary, word_pattern

_REACH = 6            # figures between a new one and its total
_FILLERS = regexes.lazy(r"^(?:报告|了|为|是|已|共)+|(?:达到|达|为|是|超过|超|近|约|了|增至|升至)+$")


def later_totals(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout, vocab: Vocabulary,
                 known: list) -> list[Fact]:
    """Every new figure and the running total after it in its sentence, as facts of the total."""
    view = layout.text
    new_word = word_pattern(vocab.words("new_counts"))
    total_word = word_pattern(vocab.words("cumulative_words"))
    timed = word_pattern(vocab.words("total_time_words"))
    read = {(f.level, dict(f.figures).get("new")) for f in known if "new" in dict(f.figures)}
    found = []
    candidates = set()
    starts = None
    for m in new_word.finditer(view):   # the figures at most WORDS_REACH after a 新增: the only ones asked
        starts = starts if starts is not None else [q.start for q in quantities]
        first = bisect.bisect_left(starts, m.end())
        last = bisect.bisect_right(starts, m.end() + WORDS_REACH)
        candidates.update(range(first, last))
    for index in sorted(candidates):
        st = statements.get(index)
        q = quantities[index]
        if not stated_level(q, st):
            continue
        piece = piece_before(view, q.start)
        new = end_of_last(new_word, piece)
        if new is None or total_word.search(piece) or "分别" in piece:
            continue
        total = _total_after(index, quantities, statements, view, new_word, total_word, piece[new:], timed)
        if total is not None and (total, index) not in read:
            found.append(Fact(total, (("new", index),)))
    return found


def _total_after(index: int, quantities: list[Quantity], statements: dict[int, Statement], view: str,
                 new_word, total_word, new_name: str, timed) -> int | None:
    q, st = quantities[index], statements[index]
    for j in range(index + 1, min(len(quantities), index + 1 + _REACH)):
        other = statements.get(j)
        if other is None:
            continue
        if other.sentence != st.sentence and not _next_sentence(view, st, other, quantities, index, j, timed) \
                or "；" in view[q.end:quantities[j].start] or ";" in view[q.end:quantities[j].start]:
            return None
        piece = piece_before(view, quantities[j].start)
        at = end_of_last(total_word, piece)
        if at is None:
            continue
        w = quantities[j]
        if other.role is not LEVEL or w.unit != q.unit or w.value is None or w.label \
                or new_word.search(piece) or "分别" in piece or not _agree(piece[at:], new_name):
            return None   # the first running total after the new ones is theirs, or none is
        return j
    return None


def _next_sentence(view: str, new: Statement, total: Statement, quantities: list[Quantity], index: int, at: int,
                   timed) -> bool:
    """Whether a total's sentence follows the new ones' in one paragraph, about the same subject and
    at no other time: none read for it, no word of total_time_words and no date before it in its sentence."""
    gap = view[new.sentence[1]:total.sentence[0]]
    return total.sentence[0] >= new.sentence[1] and "\n" not in gap and not gap.strip("。！？!? ") \
        and new.subject is not None and total.subject == new.subject and total.time in (None, new.time) \
        and not timed.search(view, total.sentence[0], quantities[at].start) \
        and not any(quantities[k].kind not in NUMERIC and quantities[k].start >= total.sentence[0]
                    for k in range(index + 1, at))


def _agree(total: str, new: str) -> bool:
    """确诊病例 / 确诊达到: the name after 累计, fillers cut, opens with two characters of the name after
    新增 (not 累计死亡病例 for 新增确诊病例: 病例 alone is the kind, not the measure)."""
    total, new = _FILLERS.sub("", total), _FILLERS.sub("", new)
    return len(total) >= 2 and total[:2] in new

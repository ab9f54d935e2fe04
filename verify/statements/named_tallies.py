"""Named tallies: counts each named by one member of a whole, then the whole's count — 4金5银6铜15块奖牌,
获得了214枚金牌、167枚银牌、140枚铜牌，共计521枚奖牌 — a complete breakdown written before its total.

The vocabulary's `named_tallies` gives each whole and its members (奖牌: 金, 银, 铜; synonyms joined
by |). Every member follows its own figure, in the vocabulary's order, with at most a separator
(、，和及) between one member and the next figure; the total is the next figure, after at most a
separator and a word of sum (共, 共计: sum_words) or a verb of getting, and the whole's word follows
it. The layout leaves no doubt which figures are parts of which total and the members are all of
the whole, so this is a complete count partition (a Tally of that family: count-partition-sum asks
that the parts add up to the total). Only whole numbers stated without 约/多 are read. Reading
starts only at a figure followed by the first member's word: no work per figure beyond that test.
"""

from __future__ import annotations

import functools
import re

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout, figures_before
from verify.statements.records import Statement, Tally
from verify.statements.vocabulary import Vocabulary, word_pattern

_TALLY_REACH = 40   # characters from a tally's first figure to its whole's word (201金111银71铜，共383枚奖牌)
_BETWEEN_PARTS = regexes.lazy(r"[、，,和及与]?\s*")
_BEFORE_TOTAL_REACH = 8


@functools.cache
def _tallies(groups: tuple) -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    """Each whole's word and a pattern per member (its synonyms, longest first)."""
    return tuple((str(group[0]), tuple(word_pattern(tuple(str(member).split("|"))) for member in group[1:]))
                 for group in groups)


@functools.cache
def _before_total(sum_words: tuple[str, ...]) -> re.Pattern[str]:
    """What may stand between the last member and the total: a separator, a word of sum, a verb."""
    return regexes.lazy(rf"[，,、]?\s*(?:{word_pattern(sum_words).pattern})?(?:获得|夺得|收获|获)?\s*")


def named_tallies(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                  vocab: Vocabulary) -> list[Tally]:
    """Every tally of all members of a whole of the vocabulary, followed by the whole's count."""
    view = layout.text
    found = []
    tallies = tuple((whole, members) for whole, members in _tallies(vocab.words("named_tallies")) if whole in view)
    if not tallies:
        return found   # (most pages name no such whole at all)
    before_total = _before_total(vocab.words("sum_words"))
    near = figures_before(view, [q.start for q in quantities], [whole for whole, _ in tallies], _TALLY_REACH)
    for index in near:   # the figures just before a whole's word: the only ones asked
        q = quantities[index]
        if index not in statements or not _whole(q):
            continue
        for whole, members in tallies:
            if not members[0].match(view, q.end):
                continue
            parts = _members(index, quantities, statements, view, members)
            if parts is None:
                continue
            last = quantities[parts[-1]]
            total = parts[-1] + 1
            if total >= len(quantities) or total not in statements:
                continue
            gap = view[members[-1].match(view, last.end).end():quantities[total].start]   # after the last member's word
            if len(gap) > _BEFORE_TOTAL_REACH or not before_total.fullmatch(gap) \
                    or not view.startswith(whole, quantities[total].end) or not _whole(quantities[total]):
                continue
            parts_sum = sum(int(quantities[i].value) for i in parts)
            items = tuple(members[n].match(view, quantities[i].end).group() for n, i in enumerate(parts))
            found.append(Tally("count-partition", int(quantities[total].value),
                               (quantities[total].start, quantities[total].end), items, parts_sum, parts_sum, True,
                               q.start, quantities[total].end + len(whole), certain=True, figures=(*parts, total)))
    return found


def _members(first: int, quantities: list[Quantity], statements: dict[int, Statement], view: str,
             members: tuple[re.Pattern[str], ...]) -> list[int] | None:
    """The figures of the members in order from `first`, each followed by its member's word, or None."""
    parts = [first]
    for n, member in enumerate(members):
        q = quantities[parts[-1]]
        word = member.match(view, q.end)
        if word is None:
            return None
        if n == len(members) - 1:
            return parts
        following = parts[-1] + 1
        if following >= len(quantities) or following not in statements or not _whole(quantities[following]) \
                or not _BETWEEN_PARTS.fullmatch(view, word.end(), quantities[following].start):
            return None
        parts.append(following)
    return None


def _whole(q: Quantity) -> bool:
    """A whole number stated exactly (4, 214枚; not 约10, 10多)."""
    return q.value is not None and q.value.denominator == 1 and q.qualifier is None and q.kind in ("amount", "count")

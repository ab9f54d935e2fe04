"""Who or where a figure is about: the nearest subject named before it in its paragraph.

A scope (全国, 全市, 中央), a province, a city, a country or a group of countries (vocabulary lists
subject_scopes, places, group_names). The page is searched once; each figure then takes the last
mention before it by bisection, so the cost stays linear in the page. A change, rate or share that
speaks of a level takes that level's subject (statements/reader.py).
"""

from __future__ import annotations

import bisect
import functools
import re

from verify.frozen import record
from verify import regexes
from verify.statements.vocabulary import Vocabulary, word_pattern

SUBJECT_LISTS = ("subject_scopes", "places", "group_names")


@record
class SubjectMentions:
    """Every subject named on a page, in text order."""

    starts: tuple[int, ...]
    names: tuple[str, ...]

    def subject_at(self, pos: int, paragraph_start: int) -> str | None:
        """The last subject named before `pos` and not before `paragraph_start`."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.names[i] if i >= 0 and self.starts[i] >= paragraph_start else None


def subject_mentions(view: str, vocab: Vocabulary) -> SubjectMentions:
    """The page's subjects, found in one pass."""
    found = [(m.start(), m.group()) for m in _pattern(vocab).finditer(view)]
    return SubjectMentions(tuple(s for s, _ in found), tuple(n for _, n in found))


def _pattern(vocab: Vocabulary) -> re.Pattern[str]:
    return _subject_pattern(tuple(w for name in SUBJECT_LISTS for w in vocab.words(name)),
                            vocab.words("subject_not_before"))


@functools.cache
def _subject_pattern(words: tuple[str, ...], not_before: tuple[str, ...]) -> re.Pattern[str]:
    """The subject words, each not followed by a word of comparison (全省第一, 全国平均)."""
    return regexes.compile(f"(?:{word_pattern(words).pattern})(?!{word_pattern(not_before).pattern})")

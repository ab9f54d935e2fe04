"""Who or where a figure is about: the nearest subject named before it in its paragraph.

A scope (全国, 全市, 中央), a province, a city, a country or a group of countries (vocabulary lists
subject_scopes, places, group_names). The paragraphs with figures are searched once, in one walk
with the figures, so the cost stays linear in the page. A change, rate or share that
speaks of a level takes that level's subject (statements/reader.py).
"""

from __future__ import annotations

import functools
import re

from verify import regexes
from verify.statements.vocabulary import Vocabulary, word_pattern

SUBJECT_LISTS = ("subject_scopes", "places", "group_names")


def subjects_at(view: str, vocab: Vocabulary, positions) -> list[str | None]:
    """For each of `positions`, in text order: the last subject named at or before it and not
    before the start of its paragraph (its line). Only the paragraphs that hold a position are
    searched, each up to its last position (a third of a news page holds no figure, and the words
    after a paragraph's last figure name no subject of one): a subject holds no line break, so a
    search from a paragraph's start meets the mentions a search of the whole page meets there, and
    one that ends `reach` characters after a position (the longest subject and the longest word it
    may not stand before) reads every mention that starts at or before it as the whole page's would."""
    search, reach = _search(vocab)
    found, last, at, subject = [], None, 0, None
    for pos in positions:
        if last is None or pos < last or view.find("\n", last, pos) >= 0:   # another paragraph
            at, subject = view.rfind("\n", 0, pos) + 1, None
        last = pos
        while True:
            m = search(view, at, pos + reach)
            if m is None or m.start() > pos:
                at = max(at, pos + 1)   # no subject starts in [at, pos]: the next position searches on after it
                break
            subject, at = m.group(), m.end()
        found.append(subject)
    return found


def _search(vocab: Vocabulary):
    words = tuple(w for name in SUBJECT_LISTS for w in vocab.words(name))
    not_before = vocab.words("subject_not_before")
    return _subject_pattern(words, not_before).search, max(map(len, words)) + max(map(len, not_before), default=0)


@functools.cache
def _subject_pattern(words: tuple[str, ...], not_before: tuple[str, ...]) -> re.Pattern[str]:
    """The subject words, each not followed by a word of comparison (全省第一, 全国平均)."""
    return regexes.compile(f"(?:{word_pattern(words).pattern})(?!{word_pattern(not_before).pattern})")

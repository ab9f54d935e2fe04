"""Packed names: one name before 分别 that packs a known number of items (汽车产销分别完成756.1万辆和747万辆:
产销 = 生产, 销售; 一二三产增加值分别增长…: three; 城乡居民人均可支配收入分别增长10%和12.7%: two).

The vocabulary's `packed_counts` gives each such word with the number of items it packs, as "word n".
A name holds exactly one of them and no other word that packs (packed_names) and no numeral outside
that word: then its 分别 splits that word, and there are as many values as it packs (respectively.py
asks this only of a single name whose context shows no list of names elsewhere).
"""

from __future__ import annotations

import functools

from verify.statements.vocabulary import Vocabulary

_NUMERALS = frozenset("0123456789０１２３４５６７８９一二两三四五六七八九十百千双")


@functools.cache
def _counts(entries: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """(word, items) for every entry "word n", longest word first."""
    pairs = [(word, int(n)) for word, n in (entry.split() for entry in entries)]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def packed_count(name: str, vocab: Vocabulary) -> int | None:
    """How many items the one packing word of a name packs, or None (no such word, several, or a numeral
    besides it)."""
    found = [(word, n) for word, n in _counts(vocab.words("packed_counts")) if word in name]
    if not found:
        return None
    word, n = found[0]
    rest = name.replace(word, "_")
    for average in vocab.words("average_words"):
        if len(average) > 1:
            rest = rest.replace(average, "_")   # 人均 is no 均 pointing back (二者均)
    if any(other in rest for other, _ in found[1:]) or any(w in rest for w in vocab.words("packed_names")) \
            or any(c in _NUMERALS for c in rest) or any(w in rest for w in vocab.words("back_references")):
        return None
    return n

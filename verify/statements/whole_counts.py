"""Counts of whole things: 出席186人, 4条高速公路, 缺席3人 are whole numbers, so each can only be the
number it prints — 186 is no 185.6 — while an amount (186元) or a mean (日均186人) is any value that
rounds to it. A sum of such counts must be exact: 186人 + 3人 is 189人, never 190人.

A count of whole things is a figure of a classifier (a count, not an amount), written to the one
(no 万 or 亿, no decimals: 33.88万人 is any value printing so), with no qualifier (约, 多, 近) and
no range, read as no mean: its statement's role is no average and the words of its clause before it
have none of the vocabulary's average_words (人均, 日均, 平均, 每…).
"""

from __future__ import annotations

from fractions import Fraction

from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.records import AVERAGE, Statement
from verify.statements.vocabulary import Vocabulary, word_pattern


def whole_counts(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                 vocab: Vocabulary) -> frozenset[int]:
    """The indexes of the figures that count whole things (see the module's docstring)."""
    means = word_pattern(vocab.words("average_words"))
    found = []
    for index, st in statements.items():
        q = quantities[index]
        if q.kind != "count" or q.scale is not None or q.qualifier is not None or q.ends is not None or q.label \
                or not isinstance(q.value, Fraction) or q.value.denominator != 1 or st.role is AVERAGE:
            continue
        iv = q.fraction_interval()
        if iv.low is None or iv.high is None or not _one_apart(iv.low, iv.high):
            continue   # 百名 (to the hundred), 两万: stated to a coarser step than one
        if means.search(layout.text, st.clause[0], q.start):
            continue   # 日均新增23人, 平均每户3人: a mean, rounded
        found.append(index)
    return frozenset(found)


def _one_apart(low: Fraction, high: Fraction) -> bool:
    """high - low == 1, in integers: a Fraction's arithmetic is Python code, and this is asked of
    every count of a page."""
    return high.numerator * low.denominator - low.numerator * high.denominator == high.denominator * low.denominator

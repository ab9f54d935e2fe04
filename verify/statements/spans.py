"""The length a sentence states for the span of dates it opens with: 2月2日（农历除夕）至8日放假调休，
共7天 — the days from the first date to the last, both counted, as the calendar gives them
(days.days_spanned, which the daily averages use too)."""

from __future__ import annotations

import re

from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.days import days_spanned
from verify.statements.facts import Fact
from verify.statements.records import LEVEL, Statement, with_role

_BEFORE_SPAN = 10   # the dates of the span lie among the figures just before the length (as days_spanned looks)


def span_lengths(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout, vocab) -> list[Fact]:
    """A day count that makes a clause of its own after a span of dates (，共7天。 ，为期62天，
    vocabulary: span_length_words), bound as `length`, with the span's calendar days as `days`.
    A span bounded by times of day (3月21日8时—24日8时，连续3天) counts hours, not dates, and a
    sentence with more dates than the span's two may state the length of another: both left alone."""
    words = vocab.words("span_length_words")
    units = vocab.words("day_units")
    found = []
    for index, st in with_role(statements, LEVEL):
        q = quantities[index]
        if q.unit not in units or q.ends is not None or not _own_clause(q, layout, words):
            continue
        before = [quantities[i] for i in range(max(0, index - _BEFORE_SPAN), index) if quantities[i].start >= st.sentence[0]]
        if any(b.kind == "time" for b in before) or sum(b.kind == "date" for b in before) != 2:
            continue   # hours, or more dates than one span's two: which span the length is of is unsure
        days = days_spanned(index, quantities, st, layout)
        if days is not None:
            found.append(Fact(index, (("length", index),), (("days", days),)))
    return found


def _own_clause(q: Quantity, layout: Layout, words: tuple[str, ...]) -> bool:
    """共7天 standing alone between clause marks: not 共3天出现霾 (days within the span)."""
    before = layout.text[max(0, q.start - 8):q.start]
    after = layout.text[q.end:q.end + 1]
    return (after in ("", "\n") or after in "，,。；;）)！!") and re.search(
        rf"(?:^|[，,（(：:])\s*(?:{'|'.join(map(re.escape, words))})\s*$", before) is not None

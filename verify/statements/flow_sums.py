"""A total of two flows and the flows, each stated apart in one paragraph: １９９７年我国以３２５０亿美元
的进出口总值…。１９９７年，我国外贸出口１８２７亿美元，…进口１４２３亿美元 — trade is exports plus imports
(vocabulary flow_sums). A complete breakdown, probable only (a warning at most): the words say it, not a 其中.

The total is a level named by the total's word, before its figure or right after it (以3250亿美元的进出口总值);
each flow is the first level after it in its paragraph named by its own word (出口, not 进出口), of the
total's unit, subject and time (a flow of a month is no part of the months to date), before the total's
word names another level. A total whose flows a breakdown already lists (其中出口…，进口…) is that one's.
"""

from __future__ import annotations

import re

from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.records import LEVEL, PartsList, Statement, with_role
from verify.statements.vocabulary import Vocabulary

_REACH = 40   # figures after the total that may hold its flows


def flow_sums(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout, vocab: Vocabulary,
              taken: frozenset[int]) -> list[PartsList]:
    """Every total of flows with each of its flows named apart in its paragraph."""
    text = layout.text
    found = []
    levels = with_role(statements, LEVEL)
    for total_word, flow_words in vocab.flow_sums:
        after = re.compile(rf"的?{re.escape(total_word)}")
        endings = (total_word, *_total_names(total_word))   # (one endswith for every level)
        for index, st in levels:
            q = quantities[index]
            if st.note or q.kind != "amount" or index in taken:
                continue
            if not (st.measure.endswith(endings) or after.match(text, q.end)):
                continue
            paragraph_end = text.find("\n", q.end)
            paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
            flows: dict[str, int] = {}
            for i in range(index + 1, min(len(quantities), index + _REACH)):
                other = statements.get(i)
                if quantities[i].start >= paragraph_end:
                    break
                if other is None or other.role is not LEVEL or other.note or quantities[i].unit != q.unit:
                    continue
                if total_word in other.measure or after.match(text, quantities[i].end):
                    break   # the total's word names another level: its flows follow it
                named = [w for w in flow_words if other.measure.endswith(w)]
                if not named or named[0] in flows:
                    continue
                if i in taken or other.subject != st.subject or not (st.time and other.time == st.time
                                                                     or not st.time and not other.time):
                    break   # another list's, place's or period's flow: no sum of this total
                flows[named[0]] = i
                if len(flows) == len(flow_words):
                    break
            if len(flows) == len(flow_words):
                parts = tuple(sorted(flows.values()))
                found.append(PartsList(q.end, index, parts, True, quantities[parts[-1]].end, "complete", True))
    return found


def _total_names(word: str) -> tuple[str, ...]:
    """进出口总值, 进出口总额: the total's word with a total's ending."""
    return tuple(word + tail for tail in ("总值", "总额", "额", "总量"))

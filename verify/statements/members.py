"""Parts no larger than their whole, read from the words that join them (Facts for rules/facts).

- A counted set and counts of its members: 美国50个州中有40个州, 首批40条授权事项中，22条已经正式
  落地, 船上454人中12人生还. The set is a count followed by its noun and 中 (当中, 之中); a member
  count stands right after it (中有, 中的, 中，已有…: vocabulary member_openers), of the same
  classifier, and names the set's thing again (40个州), or no thing of its own: the words after it
  start with a predicate of the vocabulary's member_predicates (22条已经正式落地), or it counts people;
  counts of the classifier listed after it with 、 (13人获救、47人失踪) are members too. A member is
  never more than its set (Fact: level the set, `member`).
Read from words, so rules on them are probable (warnings). Local: each reading looks only at a
figure, the next one and the words between.
"""

from __future__ import annotations

import functools
import re

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.records import Role, Statement
from verify.statements.vocabulary import Vocabulary, word_pattern

_PEOPLE = frozenset({"人", "名", "位"})
_NOUN_REACH = 12
_NO_NOUN = regexes.compile(r"[0-9０-９,，。；;:：!！?？、()（）“”\n]")
_TIME_NOUNS = ("月", "年", "天", "日", "周", "星期", "小时", "世纪", "季度")


@functools.cache
def _set_end(openers: tuple[str, ...]) -> re.Pattern[str]:
    """中 (当中, 之中) ending a counted set's noun, an optional comma and an opener, then the member."""
    words = "|".join(map(re.escape, sorted(openers, key=len, reverse=True)))
    return regexes.compile(rf"(?:当中|之中|中)(?:,|，)?(?:{words})?$")


def _same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit   # (24名渔民中6人: 名 and 人 are not compared, as no rule compares two units)


def _counts(q: Quantity, counters: frozenset[str]) -> bool:
    return q.kind == "count" and not q.label and q.unit in counters and q.value is not None


def members(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
            vocab: Vocabulary) -> list:
    """N个Y中M个: each member count against its set."""
    view = layout.text
    counters = frozenset(vocab.words("list_counters"))
    opener = _set_end(vocab.words("member_openers"))
    predicates = word_pattern(vocab.words("member_predicates"))
    found = []
    for index in range(len(quantities) - 1):
        whole, part = quantities[index], quantities[index + 1]
        if not _counts(whole, counters) or not _counts(part, counters) or not _same_unit(whole, part):
            continue
        st = statements.get(index)
        if st is None or st.role not in (Role.LEVEL, Role.OTHER) or part.start - whole.end > _NOUN_REACH + 6:
            continue
        between = view[whole.end:part.start]
        end = opener.search(between)
        if end is None:
            continue
        noun = between[:end.start()]
        if _NO_NOUN.search(noun) or noun.endswith("其") or noun.startswith(_TIME_NOUNS) or len(noun) > _NOUN_REACH:
            continue
        if not _names_member(view, part, noun, whole.unit in _PEOPLE, predicates):
            continue
        found.append(Fact(index, (("member", index + 1),)))
        sentence_end = layout.sentence(part.start)[1]
        k = index + 1
        while k + 1 < len(quantities):   # 13人获救、47人失踪: the members listed on
            nxt = quantities[k + 1]
            if nxt.start >= sentence_end or not _counts(nxt, counters) or not _same_unit(whole, nxt) \
                    or view[nxt.start - 1] != "、" or not _joined(view, quantities[k].end, nxt.start):
                break
            found.append(Fact(index, (("member", k + 1),)))
            k += 1
    return found


def _names_member(view: str, part: Quantity, noun: str, people: bool, predicates: re.Pattern[str]) -> bool:
    """Whether the count after 中 counts the set's things: it names the noun's head again, names
    nothing (ends its clause), starts with a predicate, or counts people."""
    after = view[part.end:part.end + 8]
    head = noun[-1:] if noun else ""
    if head and head in after:
        return True
    if not after or not ("\u4e00" <= after[0] <= "\u9fff"):
        return True
    return people or predicates.match(after) is not None


def _joined(view: str, end: int, start: int) -> bool:
    """The words between two listed counts: a short predicate and 、, no other figure or comma."""
    gap = view[end:start - 1]
    return len(gap) <= 8 and not _NO_NOUN.search(gap)

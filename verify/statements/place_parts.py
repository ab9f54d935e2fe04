"""A place's count within the world's: 全球累计新冠肺炎确诊病例为13338364例，死亡病例为579319例 and,
in the same or the next paragraph, 美国累计确诊病例达到3499398例，死亡病例达到137420例: the cases and
deaths of a country are some of the world's, so never more (Fact: level the world's figure,
`place_part` the place's).

Both figures are levels of one unit counted by the same word of a named_parts group (确诊; or one of
its parts, 死亡, 治愈, 出院), neither said of one day, of those now ill or of suspected cases
(named_parts_not). The world's is named by a world_scopes word (全球) in its own sentence before it;
the place's by a subject of the vocabulary (a country, a province, a group of countries: its
statement's subject) named in its own sentence too. The place's figure is paired with the nearest
world figure of its word before it, within its paragraph or the two before (a title line may stand
between: 全球…确诊病例为93194922例 / 美国累计病例超2393万 / 美国累计确诊病例达到23936775例), and
not when the two name different days. The subject readers (subjects.py) give both; each figure looks back over a
bounded window of the world figures found before it, so the cost stays linear in the page.
"""

from __future__ import annotations

from verify.reading.numerals import counted_as
from verify.reading.quantity import Quantity
from verify.statements.reader import PERCENT_UNITS
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.records import LEVEL, Statement, of_one_time
from verify.statements.vocabulary import Vocabulary, word_pattern

_REACH = 600   # characters between a world figure and a place's at most


def place_parts(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                vocab: Vocabulary) -> list[Fact]:
    """Each place's count paired with the world's count of the same word before it."""
    view = layout.text
    world = frozenset(vocab.words("world_scopes"))
    words = [w for group in vocab.words("named_parts") for w in group]
    counted = word_pattern(tuple(words))
    daily = word_pattern(vocab.words("named_parts_not"))
    worlds: list[tuple[int, str, str]] = []   # (index, counted word, unit) of each world figure so far
    found = []
    for index in sorted(statements):
        st, q = statements[index], quantities[index]
        if st.role is not LEVEL or st.subject is None or q.value is None or st.note \
                or q.kind not in ("amount", "count") or q.unit in PERCENT_UNITS:
            continue   # counts of cases, not rates (全国确诊病例病死率为2.1%)
        word = counted.findall(view, st.clause[0], q.start)
        if len(set(word)) != 1:
            continue   # one counted word in its clause (确诊 or 死亡)
        before = view[st.sentence[0]:q.start]
        if daily.search(before) or st.subject not in before:
            continue   # not of one day, now ill or suspected; its subject named in its sentence
        key = (word[0], counted_as(q.unit))
        if st.subject in world:
            worlds.append((index, *key))
            continue
        for whole, *whole_key in reversed(worlds):
            w = quantities[whole]
            if q.start - w.end > _REACH or view.count("\n", w.end, q.start) > 2:
                break
            if tuple(whole_key) == key:
                if of_one_time(statements[whole], st):
                    found.append(Fact(whole, (("place_part", index),)))
                break
    return found

"""The word tests of headlines.py: what the words around a title's figure and a body figure name —
the two-character words of a measure, what a figure counts or does, a place, a whole it is a part
of, a running total, a list it stands in. Apart from the pairing because each reads only the
text near one figure, and the pairing reads them all.
"""

from __future__ import annotations

import os

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.reader import shares_a_word
from verify.statements.records import Statement
from verify.statements.stated_times import period_words
from verify.statements.vocabulary import Vocabulary

_NOT_WORDS = regexes.compile(r"[^\u4e00-\u9fffA-Za-z]+")   # runs of what no word holds
_AFTER = regexes.compile(r"([\u4e00-\u9fff]{2,6}?)(?=[\s,，。；;:：、！？)）]|$)")
_AFTER_SHORT = regexes.compile(r"([\u4e00-\u9fff]{1,6}?)(?=[\s,，。；;:：、！？)）]|$)")
_QUALIFIED = regexes.compile(r"的([\u4e00-\u9fff]{2,8}?)(?=[\s,，。；;:：、！？)）]|$)")
_PREPOSITIONS = "在从对向据于由"
_PLACES = regexes.compile(r"[\u4e00-\u9fff]{2,6}?(?:州|省|自治区)")
_DATES = regexes.compile(r"[\d０-９]+(?:年|月份|月|日|季度)?|[〇零一二三四五六七八九]{4}年")   # 2013年 and 二〇一三年 alike


def words(st: Statement, vocab: Vocabulary, periods: dict[str, tuple[str, str]]) -> frozenset[str]:
    """The two-character words of a figure's measure and head, less times, comparisons, verbs of
    change and the subjects every sentence names (全国, 我国), and the family of each indicator
    it names (#进出口 for 外贸)."""
    return words_in(st.measure, st.head or "", vocab, periods)


def words_in(measure: str, head: str, vocab: Vocabulary, periods: dict[str, tuple[str, str]]) -> frozenset[str]:
    """The words of `words` for a measure and a head given as texts."""
    text = period_words(periods).sub(" ", vocab.compare.sub(" ", measure))
    text = _DATES.sub(" ", text)
    for _ in range(2):
        text = vocab.up.sub("", vocab.down.sub("", text.rstrip()))
    text += " " + head
    families = {"#" + vocab.head_family[w] for w in vocab.heads.findall(text)}
    for subject in vocab.words("subject_words"):
        text = text.replace(subject, " ")
    return frozenset(_bigrams(text)) | families   # 外贸 and 货物贸易进出口总值: one family of indicators (measure_heads)


def named_after(view: str, q: Quantity) -> frozenset[str]:
    """The two-character words of the noun a figure qualifies (以3250亿美元的进出口总值): the
    measure named after the figure instead of before it."""
    m = _QUALIFIED.match(view, q.end)
    if not m:
        return frozenset()
    noun = m.group(1)
    return frozenset(noun[k:k + 2] for k in range(len(noun) - 1))


def after(view: str, q: Quantity, short: bool = False) -> str:
    """The words right after a figure that say what it counts or does (140万人流离失所, 12人死亡;
    with `short`, a single character too: 约70公里处)."""
    m = (_AFTER_SHORT if short else _AFTER).match(view, q.end)
    return m.group(1) if m else ""


def same_thing(a: str, b: str) -> bool:
    """Two counted things that may be one (城市 and 城市空气质量超标; 大型活动顺利举行 and 大型活动安全顺利
    举行: four characters alike before they part), not 大单位 and 组, 高速公路 and 高速铁路."""
    return not a or not b or a.startswith(b) or b.startswith(a) or len(os.path.commonprefix((a, b))) >= 4


def in_series(view: str, st: Statement, q: Quantity) -> bool:
    """A number in a series, no amount (播出第二十一 二十二集, 第37、38颗)."""
    return "第" in view[max(st.clause[0], q.start - 8):q.start]


_ONE_CLAUSE = regexes.lazy(r"[^，,。；;:：！？]{0,12}")
_JOINED = regexes.lazy(r"[、和及与]")


def listed(st: Statement, q: Quantity, quantities: list[Quantity], statements: dict[int, Statement],
           view: str) -> bool:
    """A figure read through 分别, or one of a list of figures of its unit counting kinds of one
    thing (1054家国家级绿色矿山、4055家省级绿色矿山): a part, whose total a title may state."""
    if "分别" in view[st.clause[0]:q.start]:
        return True
    for i in (st.index - 1, st.index + 1):
        other = statements.get(i)
        if other is not None and quantities[i].unit == q.unit and st.head and other.head \
                and shares_a_word(st.head, other.head):
            a, b = sorted((quantities[i], q), key=lambda x: x.start)
            gap = view[a.end:b.start]
            if _ONE_CLAUSE.fullmatch(gap) and _JOINED.search(gap):
                return True
    return False


def other_subject(words_before: str, title: str) -> bool:
    """The body figure's words name a place the title does not (在佛罗里达州已造成83人死亡 under
    飓风在美国致87人死亡): another subject, perhaps a part of the title's. Not a place the title's event
    is said to have happened in, the words after it naming that event as the title does (西苏拉威西省15日
    发生的6.2级地震已导致81人死亡 under 印尼地震导致的遇难人数升至81人: 地震, 导致)."""
    return any(place.group().lstrip(_PREPOSITIONS) not in title
               and len(_bigrams(words_before[place.end():]) & _bigrams(title)) < 2
               for place in _PLACES.finditer(words_before))


def _bigrams(text: str) -> set[str]:
    """The two-character words of a text, figures and marks left out: those of each run of word
    characters (one split, not a search of every pair)."""
    return {run[k:k + 2] for run in _NOT_WORDS.split(text) for k in range(len(run) - 1)}


_IN_SET = regexes.lazy(r"\s*[\u4e00-\u9fff]{0,8}?(?:中的|之中|当中|中(?=[,，]|(?:已经?|就|共|仍|还)?有))")


def whole_or_total(view: str, st: Statement, q: Quantity, title: tuple[int, int], vocab: Vocabulary) -> bool:
    """90名志愿者中的6人, 200万人口中已有140万人 (a whole some of which the title speaks of), 至此…共有十条 (a running total
    the title does not name), 累计 under a title's 新增 (new_counts): another measure than the title's."""
    if _IN_SET.match(view[q.end:q.end + 12]):
        return True
    before, title_words = view[st.sentence[0]:q.start], view[title[0]:title[1]]
    if any(w in title_words for w in vocab.words("new_counts")) and "累计" in before \
            and not any(w in before for w in vocab.words("new_counts")):
        return True   # 累计确诊病例 under 单日新增确诊病例: a running total, not the new ones
    return any(w in before and w not in title_words for w in vocab.words("running_totals"))

"""Lists: names joined by 、 and 和/及/与, and the numbers that count them.

The names of a list and how many items they can be are read in names.py (split_items).
Counted lists (Tally records): a count right after the names (A、B、C等N个Y: N ≥ names; without
等, N = names, read only where the count is plainly the list's apposition and checked as a warning:
北京、上海、广州、深圳4个一线城市), a count before them (8个主要产油国：A、B…; 这4座核电站分别是…; 五种主要农业机械（…）)
and a counted label with its names (“一匠五创”（…）, A、B等“五大行动”, “七条底线”是：…). 分别 lists
are in respectively.py, count partitions in count_partitions.py.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace

from verify import regexes
from verify.reading.numerals import read_chinese
from verify.reading.quantity import Quantity
from verify.statements.names import TITLE, Split, patterns, split_items
from verify.statements.records import Tally

_COUNTED = regexes.lazy(r"[一二两三四五六七八九十]{2}|[一二两三四五六七八九十](?:个|国|省|市|县|区|类|种|大|条|地)")
_BARE_CLASSIFIERS = frozenset("个位家项座枚类种条名所支部件款处只门批")
_DIGIT = regexes.lazy(r"\d")
_DATED = regexes.lazy(r"(?:[^、\d]*\d+(?:年|月|日))+")   # the clause's lead through its last date
_CLAUSE_REST = regexes.lazy(r"[^,;:。；！？!?\n]{0,40}")   # the rest of a clause, at most 40 characters
_FIGURE = regexes.lazy(r"\d|[一二两三四五六七八九十]+[个位家项座类种条名所]")
_BOUNDARY = set(",;:。；！？!?\n“”")
_LAST_BOUNDARY = regexes.lazy(r"(?s:.*)[,;:。；！？!?\n“”]")   # through the last of _BOUNDARY


@functools.lru_cache(maxsize=4096)
def number(text: str) -> int | None:
    """A small whole number written in digits or Chinese numerals (kept: the same few recur)."""
    if text.isdigit():
        return int(text)
    reading = read_chinese(text)
    return int(reading.value) if reading and reading.value.denominator == 1 else None


def _names_start(view: str, end: int) -> int:
    """Where the names ending at `end` start: after the clause's last boundary within 200
    characters, a parenthetical skipped whole (长三角（含江西）大飞机) and an unclosed one ending them.
    Without brackets, the boundary is found by one search; with them, by walking back."""
    low = max(0, end - 200)
    if "(" not in view[low:end] and ")" not in view[low:end]:
        last = _LAST_BOUNDARY.match(view, low, end)
        return last.end() if last else low
    pos, depth = end, 0
    while pos > 0 and end - pos < 200:
        ch = view[pos - 1]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in _BOUNDARY:
            break
        pos -= 1
    return pos


_LEAD = regexes.lazy(r"[向把给等](?=[^、]{2})")


def list_before(view: str, end: int) -> tuple[int, str] | None:
    """The names that end at `end`, back to their clause's start (a parenthetical is skipped
    whole: 长三角（含江西）大飞机), cut after a 的 in the first name; None without a join."""
    pos = _names_start(view, end)
    text = view[pos:end]
    first = text.find("、")
    if first < 0:   # no 、: only a soft join (和, 及) can make a list, and none of the cuts below applies
        return (pos, text) if patterns().soft.search(text) else None
    lead = text.rfind("的", 0, first) if first > 0 else -1
    if lead >= 0:
        pos, text = pos + lead + 1, text[lead + 1:]
    first = text.find("、")
    verb = max((text.rfind(v, 0, first) + len(v) for v in patterns().count_verbs if v in text[:first]), default=-1)
    if 0 < verb <= first - 2:   # 400多名乘客涉及江苏、上海…: the names start after the verb that takes them
        pos, text = pos + verb, text[verb:]
    dated = _DATED.match(text, 0, max(first, 0))
    if dated and dated.end() <= first - 2:   # 1月6日终于…承认犯有诈骗、勒索…: a date dates the clause, no name holds it
        pos, text = pos + dated.end(), text[dated.end():]
    pieces = text.split("、")
    for k in range(len(pieces) - 2, 0, -1):   # 商务部、财政部向新疆、西藏…: the list starts after 向
        lead = _LEAD.search(pieces[k])   # not 消防给水: a name follows the lead
        if lead:
            cut = sum(len(p) + 1 for p in pieces[:k]) + lead.end()
            pos, text = pos + cut, text[cut:]
            break
    if "、" not in text and not patterns().soft.search(text):
        return None
    return pos, text


# Classifiers after which 两 counts the names before it (香港、澳门两个特别行政区, 土地、信贷两个闸门).
_COUNTING_TWO = frozenset({"个", "项", "条", "家", "大"})


def named_lists(view: str, quantities: list[Quantity]) -> list[Tally]:
    """A、B、C等N个Y and N个Y：A、B、C — a count and the names it counts."""
    pat = patterns()
    found: list[Tally] = []
    for m in pat.count.finditer(view):
        before = view[m.start() - 1] if m.start() else ""
        if before and (before.isdigit() or before in ".第后每近约超逾几数多上各"):
            continue
        stated = number(m.group("num"))
        if stated is None or m.group("num") == "两" and m.group("cls") not in _COUNTING_TWO \
                or (stated < 2 and (m.group("num"), m.group("etc")) != ("1", "等")):
            continue   # 两国, 两党: the two the text speaks of, seldom a list's count; A、B等1项 is still counted
        end = m.end()
        more = pat.count.match(view, end)   # 三省一市: one count of two kinds
        if more and not more.group("etc") and "个" not in (m.group("cls"), more.group("cls")) \
                and more.group("cls") != m.group("cls") and (number(more.group("num")) or 0) <= 10:
            stated, end = stated + number(more.group("num")), more.end()
        tally = _counted_before(view, m, stated, end) or _counted_after(view, m, stated, end)
        if tally is None or (tally.exact and tally.most * 2 < stated and tally.start < m.start()
                             and not _members_named(tally)):
            continue   # 取消、下放、转出49项: names far fewer than a count before them are no list of its members
        if found and found[-1].start == tally.start and found[-1].family == tally.family:
            found.pop()   # 滑冰、滑雪、冰球、冬季两项共4个: the later count is the list's, 两项 a name's
        found.append(replace(tally, figures=figures_at(quantities, m.start("num"))))
    return found


def figures_at(quantities: list[Quantity], start: int) -> tuple[int, ...]:
    """The index of the figure written at `start` (a tally's count), so that the count counts as checked."""
    i = bisect.bisect_left(quantities, start, key=lambda q: q.start)   # quantities are in text order
    return (i,) if i < len(quantities) and quantities[i].start == start else ()


def _members_named(tally: Tally) -> bool:
    """Whether names right before a count are plainly all the things it counts, however far the count is
    from them: every name is a place of the vocabulary (`places`: 北京、上海、广州、深圳4个一线城市;
    巴西、墨西哥和阿根廷3国), which leaves no verb, person or other thing among them (取消、下放、转出
    49项; 覆盖宁夏银川市、吴忠市六个). A 共 is no such sign: 连同腹心区的浮山、翼城、沁水、士敏共9个县
    counts the four named before too."""
    places = patterns().places
    return len(tally.items) >= 2 and all(item in places for item in tally.items)


def _counted_before(view: str, m: re.Match, stated: int, end: int) -> Tally | None:
    """A、B、C等N个 / 北京、天津、上海、重庆四个直辖市: names right before their count."""
    if m.start() and not m.group("etc") and view[m.start() - 1] in "是为有":
        return None   # 拥有五种…: a count stated of something, not of the names before it
    listed = list_before(view, m.start())
    if listed is None:
        return None
    start, text = listed
    if _DIGIT.search(text):
        return None   # a figure among the names: every character but a join's lands in a name
    split = split_items(text)
    if len(split.items) < 2:
        return None
    etc = bool(m.group("etc") == "等")
    if not etc and not (_tight(split.items, text, m.group("cls")) and _apposition(view, m, split, text)):
        sub = _last_sublist(text, split)
        if sub is None or split.fewest <= stated <= split.most:
            return None   # 党的十八大, 和其他四个国家: without 等 the count may not be the list's
        left = text[:len(text) - len(sub)]
        start, text, split = start + len(text) - len(sub), sub, split_items(sub)
        if not (_tight(split.items, text, m.group("cls")) and _apposition(view, m, split, text)):
            return None
        if stated == split.most + 1 and not _listed_left(left):
            return None   # 在全国政协机关和浙江、广东、四川四个会场: the count may take in the one name before the join
    fewest = _after_last_sublist(text, split) if etc else split.fewest
    return Tally("named-list", stated, (m.start("num"), end), split.items, fewest, split.most,
                 not etc, start, end, certain=etc)


_OF_OR_ETC = regexes.lazy("[的等]")


def _apposition(view: str, m: re.Match, split: Split, text: str) -> bool:
    """北京、上海、广州、深圳4个一线城市: a count without 等 is its list's only when it reads as the
    list's apposition — not itself an item (、三区协同, 和‘三个代表’, 及四位副总理), not a count among
    counted names (北欧五国和波罗的海三国), with one plain list before it (no 、 list joined to another
    by 和/及, no 的 or 等 inside a name, no one-character name beside longer ones: 东、中、西部地区5种),
    no name ending in another kind's head (南部、西部和东部军区5个防空编队), and a noun after a bare
    classifier (至少建3个, is the object of a verb)."""
    before = view[max(0, m.start() - 2):m.start()]
    if before[-1:] in "、‘“\"'" or before.endswith(("和", "及", "与", "或")):
        return False
    after = view[m.end("cls"):m.end("cls") + 1]
    if after in ("等", "、", "共") or (m.group("cls") in _BARE_CLASSIFIERS and not _is_cjk(after)):
        return False
    rest = _CLAUSE_REST.match(view, m.end("cls")).group()
    if "、" in rest and not _FIGURE.search(rest, rest.index("、")):
        return False   # 分别是…艰辛历程、防控和救治2个战场协同作战、凝聚…: the counted phrase is one item of a longer
        #                list (not …大飞机2个国家先进制造业集群、总数达3个, where the 、 opens a statement of its own)
    items = split.items
    if any(_COUNTED.search(item) or _OF_OR_ETC.search(item) for item in items) \
            or items[-1].endswith(patterns().count_verbs) or items[-1].endswith(("了", "着", "过")):
        return False
    pieces = _masked(text).split("、")
    plain = text.split("、")
    for k, piece in enumerate(pieces[:-1]):
        join = patterns().soft.search(piece)
        if join and not _flat(plain, k, join):
            return False   # a 、 list joined to another; not 巴西、墨西哥和阿根廷、智利, one list of places
    if any(len(item) == 1 for item in items) and not all(len(item) == 1 for item in items):
        return False
    noun = view[m.start("cls"):m.start("cls") + 12]
    heads = [h for h in patterns().unit_heads if items[-1].endswith(h)]
    return not heads or any(h in noun for h in heads)


def _listed_left(left: str) -> bool:
    """Whether the name right before a join (left ends with the join) is the last of a 、 list, so that
    the join links two lists and a count after the second is of the second alone (…、沿海开放城市、经济特区和
    北京、天津、上海、重庆四个直辖市); not so when the piece before the join holds another join or a
    clause (县政协委员和一位基层群众在全国政协机关和浙江、广东、四川四个会场, where the count is of all four)."""
    join = None
    for join in patterns().soft.finditer(_masked(left)):
        pass
    if join is None:
        return False
    comma = left.rfind("、", 0, join.start())
    piece = left[comma + 1:join.start()].strip()
    return comma >= 0 and 0 < len(piece) <= 12 and not patterns().soft.search(_masked(piece))


def _after_last_sublist(text: str, split: Split) -> int:
    """A、B、C及D、E等2个: the count may cover only the names after a join between two 、 lists (not
    after a join that the shared head shows to be inside one name: 社会和法制委员会、…委员会)."""
    pieces = text.split("、")
    for k in range(len(pieces) - 2, -1, -1):
        join = None
        for join in patterns().soft.finditer(_masked(pieces[k])):
            pass   # not the 和 of 和平安全合作, 阿尔及利亚
        inside = join is not None and pieces[k][join.end():].strip() and pieces[k].strip() in split.items
        if join is not None and _flat(pieces, k, join):
            continue   # 青海和内蒙古、…: two names of one list, not two lists
        if join is not None and not inside:   # 文史和学习委员会: a join inside one name (not 协和 at a piece's end)
            return split_items("、".join(pieces[k + 1:])).fewest + 1
    return split.fewest


def _flat(pieces: list[str], k: int, join: re.Match) -> bool:
    """Whether the join inside piece k joins two names of the one list the pieces make: its right side is,
    word for word, another name of the list (A、B和C、C). Two places are not enough: in 西藏和四川、云南、
    甘肃、青海四省 the count is of the 、 list after the join."""
    return pieces[k][join.end():].strip() in [p.strip() for n, p in enumerate(pieces) if n != k]


def _last_sublist(text: str, split: Split) -> str | None:
    """…、经济特区和北京、天津、上海、重庆四个直辖市: the 、 list after the last join that separates two
    names, when it has two names or more (None without one)."""
    masked = _masked(text)
    joins = [j for j in patterns().soft.finditer(masked) if "、" in masked[j.end():]]
    if not joins:
        return None
    join = joins[-1]
    piece = text[text.rfind("、", 0, join.start()) + 1:text.find("、", join.end())]
    if piece.strip() in split.items:
        return None   # 社会和法制委员会: a join inside one name
    return text[join.end():]


def _masked(text: str) -> str:
    """The text with its compound names and words with joins blanked: 涉及, 和平 hold no join."""
    return patterns().compound.sub(lambda w: "_" * len(w.group()), text)


def _is_cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


_OTHERS = regexes.lazy(r"其他|其它|另外|另|其余")
_NOTE = regexes.lazy(r"\([^()]*\)")


def _tight(items: tuple[str, ...], text: str, counter: str) -> bool:
    """A list without 等 counts only when it is plainly one: 、 between short names, the count right
    after the last, and no word that points elsewhere (其他, 另外, …的, 在内, a group such as 东盟)."""
    last = items[-1]
    if counter == "大" or "、" not in text or last.endswith(("的", "在内")) or _OTHERS.search(last):
        return False
    if any(last.endswith(g) for g in patterns().groups):
        return False   # 中国和东盟10国: the count is the last name's members
    bare = [_NOTE.sub("", item) for item in items]   # 长三角（含江西）大飞机: a note is no part of the name
    return len(bare[0]) <= 12 and all(len(item) <= 6 for item in bare[1:])


_CLAUSE_END = regexes.lazy(r"[,。；;！？!?\n]")


def _counted_after(view: str, m: re.Match, stated: int, end: int) -> Tally | None:
    """8个主要产油国：A、B… / 这4座核电站分别是A、B… / 五种主要农业机械（A、B…）: names after."""
    if m.group("etc"):
        return None
    opens = m.start() == 0 or view[m.start() - 1] in ",;:。；！？!?\n这前共"
    pat = patterns()
    after = pat.after.match(view, end)
    if after is None:
        return None
    pos = after.end()
    opened = after.group("bare") or after.group("colon") or after.group("open") not in (None, "是", "为")
    if opened and not opens:
        return None   # 8个主要产油国：…, 这4座核电站分别是…, 前九位依次是：… — a count that opens its clause
    if opened:
        stop = pos
        while stop < len(view) and view[stop] not in "。；;！？!?\n)," and stop - pos < 300:
            stop += 1
        text, firm = view[pos:stop], "、"
    elif view.startswith("(", pos) and not after.group("open"):
        stop = view.find(")", pos)
        if stop < 0 or stop - pos > 200:
            return None
        text, firm = view[pos + 1:stop], "、,"
        if len(split_items(text, firm).items) * 2 < stated:
            return None   # 31个省（自治区、直辖市）: names far fewer than the count name its kinds, not its members
    else:
        return None
    if "“" in text or "”" in text or "、" not in text:
        return None
    split = split_items(text.rstrip("等"), firm)
    if len(split.items) < 2:
        return None
    last = split.items[-1].split("的")[0]   # 阿曼的代表决定…: the name ends at 的, if it is as short as the others
    names = split.items[:-1] + (last if last and len(last) <= max(map(len, split.items[:-1])) else split.items[-1],)
    if names[-1] != split.items[-1]:
        cut = text.rstrip("等")
        split = split_items(cut[:cut.rfind(split.items[-1]) + len(names[-1])], firm)   # the names read without the rest
    etc = "等" in text[-3:] or "在内" in text or any(item.endswith("的") or (len(item) > 15 and not TITLE.fullmatch(item))
                                                    for item in names)   # 包括军舰、战机在内的: some of them
    ends_clean = stop >= len(view) or view[stop] in "。；;！？!?\n)" or \
        "、" not in _CLAUSE_END.split(view[stop + 1:stop + 80])[0]   # the next clause lists nothing more
    return Tally("named-list", stated, (m.start("num"), end), split.items, split.fewest, split.most,
                 not etc and ends_clean, m.start(), stop, certain=True)


_NOT_ONE = regexes.lazy("[二两三四五六七八九十]")


def counted_labels(view: str, quantities: list[Quantity]) -> list[Tally]:
    """“一匠五创”（新区工匠，创新能手、班组…）, A、B等“五大行动”, “七条底线”是：A、B…"""
    found = []
    for index, q in enumerate(quantities):
        if not q.label or q.value is None or (q.text.count("一") >= 2 and not _NOT_ONE.search(q.text)):
            continue   # 一带一路, 一国一策: names, not counts of items
        stated = int(q.value)   # (“三位一体”: 3, as the reader counts it)
        tally = _label_after(view, q, stated, index) or _label_before(view, q, stated, index)
        if tally is not None:
            found.append(tally)
    return found


_PAREN_AFTER = regexes.lazy(r"[^“”。(]{0,8}\(")
_COLON_AFTER = regexes.lazy(r"(?:是|即|为|就是|也就是)?:")


def _label_after(view: str, q: Quantity, stated: int, index: int) -> Tally | None:
    pos = q.end + 1 if view[q.end:q.end + 1] in ("”", '"') else q.end
    paren = _PAREN_AFTER.match(view[pos:pos + 12])
    if paren:
        start = pos + paren.end()
        close = view.find(")", start)
        if close < 0 or close - start > 200:
            return None
        text, firm, stop = view[start:close], "、,", close
    else:
        colon = _COLON_AFTER.match(view[pos:pos + 6])
        if not colon:
            return None
        start = stop = pos + colon.end()
        while stop < len(view) and view[stop] not in "。；;！？!?\n)," and stop - start < 300:
            stop += 1
        text, firm = view[start:stop], "、"
    if "“" in text or ";" in text or "；" in text:
        return None
    split = split_items(text.rstrip("等"), firm)
    if len(split.items) < 2:
        return None
    exact = "等" not in text[-3:] and (bool(paren) or stop >= len(view) or view[stop] in "。；;！？!?\n)")
    return Tally("counted-label", stated, (q.start, q.end), split.items, split.fewest, split.most, exact,
                 q.start, stop, certain=bool(paren), figures=(index,))


def _label_before(view: str, q: Quantity, stated: int, index: int) -> Tally | None:
    whole = q.text.endswith("位一体")   # 粮食、畜牧、果蔬“三位一体”: made of the things named right before it
    quoted = q.start >= 2 and view[q.start - 1] in "“\""
    if not quoted and not whole:
        return None
    end = q.start - 1 if quoted else q.start
    etc = view[end - 1] == "等"
    if not etc and not whole:
        return None   # 纠正“四风”: a list before a label without 等 is seldom its items
    listed = list_before(view, end - 1 if etc else end)
    if listed is None:
        return None
    start, text = listed
    split = split_items(text)
    if len(split.items) < 2 or "、" not in text or (not etc and not _tight(split.items, text, "")):
        return None   # without 等, only a plain list of short names: 预防、保健、医疗、康复、健康教育“五位一体”
    return Tally("counted-label", stated, (q.start, q.end), split.items, split.fewest, split.most, whole and not etc,
                 start, q.end, certain=False, figures=(index,))

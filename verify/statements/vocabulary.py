"""The statement stage's vocabularies (vocabulary.yaml), loaded once and compiled to regexes."""

from __future__ import annotations

import functools
import re
from pathlib import Path


from verify.frozen import record
from verify import regexes, yaml_data
from verify.reading.numerals import compile_alternation


VOCABULARY = Path(__file__).resolve().parent / "vocabulary.yaml"


@record
class Vocabulary:
    """Word lists as data, and the regexes made from them."""

    lists: dict[str, tuple[str, ...]]
    up: re.Pattern[str]            # a change verb of direction up, at the end of a label
    down: re.Pattern[str]
    change_to: re.Pattern[str]     # 增长到, 降至: the figure after is a level
    change_verb_to: re.Pattern[str]   # 增加到, 降至 anywhere in a gap (由A增加到B)
    from_word: re.Pattern[str]
    base_word: re.Pattern[str]
    compare: re.Pattern[str]
    share: re.Pattern[str]
    completion: re.Pattern[str]
    average: re.Pattern[str]
    net: re.Pattern[str]
    daily: re.Pattern[str]         # 日均, 平均每天: a total divided by its days
    extreme: re.Pattern[str]
    plan: re.Pattern[str]          # in the words before a figure
    plan_average_net: re.Pattern[str]   # plan, average or net: what a match of one of them holds a match of
    plan_after: re.Pattern[str]    # just after a figure (1.8万亿元投资目标)
    subpart: re.Pattern[str]       # at the start of a figure's words
    whole_of_share: re.Pattern[str]
    breaker: re.Pattern[str]       # at the start of a clause
    heads: re.Pattern[str]
    head_family: dict[str, str]    # each indicator head -> its family's first name
    partitions: tuple              # each partition: its members, each a tuple of synonyms
    share_partitions: tuple        # partitions only shares name (the demand side of growth), as partitions
    balances: tuple                # (net word, the flow it adds, the flow it takes away)
    verb_nets: tuple[str, ...]     # the balances named by a verb of change (自然增长), which a figure's sign would take for a change
    named_sums: tuple              # (total word, (part words…)): a total and all its parts, named apart
    flow_sums: tuple               # (total word, (flow words…)): a total of flows, the flows stated in its paragraph
    dimension: re.Pattern[str]     # 从隶属关系看，分地域看: a breakdown along one dimension follows
    periods: dict[str, tuple[str, str]]   # period_words: 一季度 -> (to-date, 03), 去年 -> (year, last)
    # up, down, change_to, from_word, base_word -> the characters a match of each can end with (each
    # ends at $): a label that ends with none of them is not searched (reader._role asks all of them
    # of most figures); a list with an empty word ends anywhere (_ANYWHERE)
    tails: dict[str, frozenset[str]]
    non_additive_units: frozenset[str]   # the lists of units the role reader tests each figure's unit
    scaled_additive_units: frozenset[str]   # of those, the ones that add up when written with 万 or 亿 (8000亿度)
    ordered_units: frozenset[str]        # against, as sets (tuples were scanned word by word)

    def words(self, name: str) -> tuple[str, ...]:
        """One named list."""
        return self.lists[name]

    def adds_up(self, unit: str | None, scale: str | None) -> bool:
        """Whether figures of a unit add up: not magnitudes, grades, ages, temperatures (non_additive_units),
        unless written with 万 or 亿 where that makes them amounts (8000亿度: scaled_additive_units)."""
        return unit not in self.non_additive_units or bool(scale) and unit in self.scaled_additive_units

    def one_name(self, words: str) -> str:
        """外贸总值 -> 进出口总值: each indicator by the first of its names (indicator_synonyms)."""
        for group in self.lists["indicator_synonyms"]:
            for word in sorted(group[1:], key=len, reverse=True):
                words = words.replace(word, group[0])
        return words


# A period a change may name after its verb: 超去年同期38亿元, 多增上年同期…
_PERIOD_WORDS = ("上年同期", "去年同期", "上年末", "上年", "去年", "同期", "上月", "上季度", "年初")
_PERIOD = f"(?:{'|'.join(_PERIOD_WORDS)})?"
_AFTER_VERB = ("了", "为", "达", "达到")   # what may follow a verb of change before the period


class _Anywhere(frozenset):
    """The tail of a pattern that may end with any character: holds every one."""

    def __contains__(self, item: object) -> bool:
        return True


_ANYWHERE = _Anywhere()


def _ends(*lists: tuple[str, ...]) -> frozenset[str]:
    """The last characters of the words of the lists (_ANYWHERE if one of them is empty)."""
    words = [word for words in lists for word in words]
    return frozenset(word[-1] for word in words) if all(words) else _ANYWHERE


def _compiled(pattern: str) -> re.Pattern[str]:
    """A vocabulary pattern, behind a test of its first characters where re would try it at
    every place (regexes.guarded): the same matches, found sooner."""
    return regexes.compile(regexes.guarded(pattern))


def _alternation(words) -> str:
    return compile_alternation(set(words))


@functools.cache
def word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Literal words as one compiled alternation, longest first (cached: a vocabulary list is a tuple)."""
    return regexes.lazy(compile_alternation(words))


@functools.cache
def vocabulary() -> Vocabulary:
    """Load vocabulary.yaml (safe_load) and compile its lists."""
    raw, _ = yaml_data.parse(VOCABULARY.read_text(encoding="utf-8"))
    families = [tuple(str(w) for w in group) for group in raw.pop("measure_heads")]
    balances = tuple((str(b["net"]), str(b["plus"]), str(b["minus"])) for b in raw.pop("balances"))
    named_sums = tuple((str(b["total"]), tuple(str(p) for p in b["parts"])) for b in raw.pop("named_sums"))
    flow_sums = tuple((str(b["total"]), tuple(str(p) for p in b["parts"])) for b in raw.pop("flow_sums"))
    partitions = tuple(tuple(tuple(str(member).split("|")) for member in group) for group in raw.pop("partitions"))
    share_partitions = tuple(tuple(tuple(str(member).split("|")) for member in group)
                             for group in raw.pop("share_partitions"))
    lists = {name: tuple(tuple(str(m) for m in w) if isinstance(w, list) else str(w) for w in words)
             for name, words in raw.items()}   # a list of groups (count_partitions) stays one
    patterns = _word_patterns(lists)
    rises, falls = patterns["up"], patterns["down"]
    return Vocabulary(
        lists=lists,
        **patterns,
        heads=_compiled(_alternation(w for group in families for w in group)),
        head_family={w: group[0] for group in families for w in group},
        partitions=partitions,
        share_partitions=share_partitions,
        balances=balances,
        verb_nets=tuple(net for net, _, _ in balances if rises.search(net) or falls.search(net)),
        named_sums=named_sums,
        flow_sums=flow_sums,
        periods={word: (kind, last) for word, kind, last in (str(entry).split() for entry in lists["period_words"])},
        tails={"up": _ends(lists["change_up"], _AFTER_VERB, _PERIOD_WORDS),
               "down": _ends(lists["change_down"], _AFTER_VERB, _PERIOD_WORDS),
               "change_to": frozenset("到至"),
               "from_word": _ends(lists["from_words"], lists["per_unit_words"]),
               "base_word": _ends(lists["base_words"], ("的",))},
        non_additive_units=frozenset(lists["non_additive_units"]),
        scaled_additive_units=frozenset(lists["scaled_additive_units"]),
        ordered_units=frozenset(lists["ordered_units"]),
    )


def _word_patterns(lists: dict[str, tuple]) -> dict[str, re.Pattern[str]]:
    """The compiled patterns the statement reader searches, by the Vocabulary field each fills."""
    up, down = _alternation(lists["change_up"]), _alternation(lists["change_down"])
    plan = rf"(?!{_alternation(lists['not_plan_words'])})(?:{_alternation(lists['plan_words'])})"
    average, net = rf"(?:{_alternation(lists['average_words'])})", rf"(?:{_alternation(lists['net_words'])})"
    verbs = f"{up}|{down}"
    return dict(
        up=_compiled(rf"(?:{up})(?:{'|'.join(_AFTER_VERB)})?{_PERIOD}$"),
        down=_compiled(rf"(?:{down})(?:{'|'.join(_AFTER_VERB)})?{_PERIOD}$"),
        change_to=_compiled(rf"(?:{verbs})(?:了)?(?:到|至)$|^(?:降|升|增|减)至$"),
        change_verb_to=_compiled(rf"(?:{verbs})了?(?:到|至)"),
        from_word=_compiled(rf"(?:{_alternation(lists['from_words'])})(?:{_alternation(lists['per_unit_words'])})?$"),
        base_word=_compiled(rf"(?:{_alternation(lists['base_words'])})(?:[^，。；]{{0,8}}的)?$"),
        compare=_compiled(rf"(?:{_alternation(lists['compare_marks'])})"),
        share=_compiled(rf"占[^，。；]{{0,24}}?(?:{_alternation(lists['share_words'])})?(?:为|达|达到|是)?$|(?:比重|占比|份额)(?:为|达|达到|是)?$"),
        completion=_compiled(rf"完成[^，,。；;]{{0,24}}?(?:{_alternation(lists['completion_words'])})$"),
        average=_compiled(average),
        net=_compiled(net),
        daily=_compiled(rf"(?:{_alternation(lists['daily_words'])})"),
        extreme=_compiled(rf"(?:{_alternation(lists['extreme_words'])})"),
        plan=_compiled(plan),
        plan_average_net=_compiled(f"(?:{plan})|{average}|{net}"),
        plan_after=_compiled(rf"[^，,。；;]{{0,6}}?(?!{_alternation(lists['not_plan_words'])})"
                             rf"(?:{_alternation(lists['plan_words'])})"),
        subpart=_compiled(rf"^[,，;；、\s]*(?:{_alternation(lists['subpart_words'])})"),
        whole_of_share=_compiled(r"占[^，,。；;]{0,24}的?$"),
        breaker=_compiled(rf"(?!{_alternation(lists['not_scope_breakers'])})(?:{_alternation(lists['scope_breakers'])})"),
        dimension=_compiled(_alternation(lists["dimension_marks"]) + "|" + "|".join(   # (one flat alternation, each
            rf"{lead}[^，,。；;]{{1,8}}(?:来看|看|分)(?=[,，:：])" for lead in "从分按")),   # branch led by its character:
        # re then skips to the characters a match starts with, rather than trying a guard at every place
    )

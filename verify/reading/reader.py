"""Document -> [Quantity]: every stated number, with the interval of values it can mean.

One pass of one compiled pattern over the normalised view. Each alternative of the pattern is a
named group; a small builder per alternative turns a match into quantities. Numerals that are
not quantities (统一, 十四五, 一是) are consumed by the pattern first, so they never become one.

Precision convention (see README): a figure means every value that rounds to it as printed,
i.e. value ± half its last stated place (33.88万 -> [338750, 338850]). Chinese numerals state
only their non-zero places (两万 -> [15000, 25000]). Qualifiers then set the bounds:
约/左右/上下 widen to ±10%; 近/不到/以下 leave only an upper bound (the value itself; below, 0,
as a stated figure is a magnitude whose sign the words give);
超过/逾/突破 a lower bound and one step above it, 以上 only a lower bound; 余/多 mean "at least,
below the next step" (800余万 -> [800万, 900万]). Checks that need leniency for truncated figures
widen these intervals themselves.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from fractions import Fraction

from verify import regexes

from verify.reading import calendar
from verify.reading.document import Document, sections
from verify.reading.figure_lists import listed_months, share_list_units
from verify.reading.figure_pattern import anchors, master_pattern, reread_patterns
from verify.reading.named_digits import with_named_years, without_names
from verify.reading.bounds import QUALIFIER_BOUND, bounded
from verify.reading.interval import Interval
from verify.reading.ratios import ratio_parts
from verify.reading.small_figures import cn_percent, fraction, interned, label, ordinal, read_numeral
from verify.reading.quantity import Quantity
from verify.reading.numerals import (
    MULTIPLIERS, Reading, compile_alternation, lexicon, read_adjacent, read_arabic, _last_place,
)




MAX_DIGITS = 30  # a run of more digits is no figure a report states (a serial, a hash): not read
_TOO_LONG = regexes.lazy(rf"\d{{{MAX_DIGITS + 1}}}")


def quantities_by_section(doc: Document) -> Iterator[Quantity]:
    """read_quantities of a long document a section at a time (document.sections), placed in the
    whole document: a listing of a 10 M-character file never holds all its figures at once."""
    for offset, section in sections(doc):
        for q in read_quantities(section):
            yield q.shifted(offset) if offset else q


def read_quantities(doc: Document) -> list[Quantity]:
    """Every stated quantity of the document, in text order."""
    found: list[Quantity] = []
    view, text = doc.view, doc.text
    pattern, anchored, reread = master_pattern(), anchors(), reread_patterns()
    pos, size = 0, len(view)
    while (m := _next_match(pattern, anchored, view, pos)) is not None:
        group, stop = m.lastgroup, size
        if group == "number" and text.find("，", *m.span("NCORE")) >= 0:
            # 215，306，412: a full-width comma ends a clause; it never groups thousands
            stop = text.index("，", m.start("NCORE"))
            m = pattern.match(view, m.start(), stop) or m
            group = m.lastgroup
        if group in reread:   # matched without its groups (figure_pattern._REREAD): read with them
            m = reread[group].match(view, m.start(), stop)
        start, end = m.span()
        builder = _BUILDERS.get(group)
        if builder is not None and not (end - start > MAX_DIGITS and _TOO_LONG.search(view, start, end)):
            found.extend(builder(m, text))
        pos = end if end > pos else pos + 1
    return share_list_units(listed_months(with_named_years(without_names(found, view), view, text), view), view)


def read_label(words: str, path: str = "") -> Quantity | None:
    """The words read alone as a quoted counted label (“一带一路”, “九大行动”), or None when the reader
    reads them otherwise: what a rule's fixed terms and a report's notes are held to."""
    read = read_quantities(Document(path, f"“{words}”"))
    return read[0] if len(read) == 1 and read[0].label and read[0].text == words else None


def _next_match(pattern: re.Pattern[str], anchored: tuple[re.Pattern[str], int] | None, view: str,
                pos: int) -> re.Match[str] | None:
    """pattern.search(view, pos), searched from at most `reach` characters before the next anchor
    (figure_pattern.anchors): no match starts farther before it, so the same match, found sooner."""
    if anchored is None:
        return pattern.search(view, pos)
    anchor, reach = anchored
    found = anchor.search(view, pos)
    if found is None:
        return None
    start = found.start() - reach
    return pattern.search(view, start if start > pos else pos)


# --- builders: one per alternative (labels, ordinals, fractions and 百分之: small_figures.py) ---


def _number(m: re.Match, text: str) -> list[Quantity]:
    """A figure with whatever may stand around it: a qualifier, a sign, 万/亿 and a tail, a unit,
    a range to a second end (its ends kept), a range in one numeral (三四个月)."""
    if not any(m.group("QB", "NMORE", "QA", "RSEP", "NTAIL", "SIGN", "GEQ", "HALF")):   # (one call: the common case)
        return _plain_number(m, text) if m.group("NCORE")[0].isdigit() else _plain_chinese(m, text)
    chinese = not m.group("NCORE")[0].isdigit()
    unit_group = next((g for g in ("UNIT", "RUNIT", "UNIT2") if m.group(g)), None)
    unit_word = m.group(unit_group) if unit_group else None
    end = m.end()
    if unit_word and _starts_longer_word(text, m.start(unit_group)):
        unit_word, end = None, m.start(unit_group)  # 11部门: the figure ends before 部
    if chinese and not _chinese_is_quantity(m.group("NCORE"), m.group("NMULT"), unit_word):
        return []
    adjacent = read_adjacent(m.group("NCORE")) if chinese else None
    core = adjacent[0] if adjacent else read_numeral(m.group("NCORE"))
    if core is None:
        return []
    unit = _UNIT_NAMES.get(unit_word, unit_word)
    scale = "万亿" if m.group("NTAIL") in _MORE_TAILS else m.group("NMULT") or m.group("RMULT")
    value, step = _scaled(core, m.group("NMULT") or (m.group("RMULT") if _first_end_scaled(m, core) else None),
                          m.group("NTAIL"))
    if m.group("GEQ") == "半" or m.group("HALF"):  # ５天半, 3个半小时: half of one unit more, stated to the half
        factor = MULTIPLIERS.get(m.group("NMULT") or "", 1)
        value, step = value + Fraction(factor, 2), Fraction(factor, 2)
    negative = m.group("SIGN") in ("负", "零下", "-")
    start, qualifier = _start_and_qualifier(m, text, unit)
    if unit == "年" and m.group("QB") and not m.group("RSEP") and _calendar_year(m, text, end):
        return calendar.year_figure_at(m.start("NCORE"), end, text, int(m.group("NCORE")))   # 超过2019年同期
    more_step = _qualifier_step(core, m, qualifier)
    interval = bounded(value, step, qualifier, more_step)
    if adjacent is not None:  # 三四个月: a range in one numeral
        low, _ = _scaled(adjacent[0], m.group("NMULT"), None)
        high, _ = _scaled(adjacent[1], m.group("NMULT"), None)
        interval, value = Interval(low, high), None
    if negative:  # the sign belongs to the first figure: -5至3度
        interval = -interval
        value = -value if value is not None else None
    if m.group("RSEP") and m.group("UNIT") and m.group("RUNIT") and m.group("UNIT") != m.group("RUNIT"):
        return _two_figures(m, text, value, interval, unit, core, scale, chinese, qualifier)
    kind = _kind(unit, core, scale, chinese)
    ends = None
    if m.group("RSEP"):
        second = _second_end(m)
        if second is None:
            return []
        ends = _range_ends(m, text, (start, end), (value, interval, qualifier), second, unit, kind, core)
        interval, value = interval.hull(second[1]), None
    return [Quantity(text[start:end], start, end, value, interval, interned(unit), kind,
                     interned(qualifier), interned(scale), ends=ends)]


_YEAR_DIGITS = regexes.lazy(r"(?:19|20)\d\d")
_SPAN_AFTER = regexes.lazy(r"[来前后的多之以左里间内中历]")   # 近2000年来, 超过2000年的历史: years counted


def _calendar_year(m: re.Match, text: str, end: int) -> bool:
    """超过2019年同期, 超过2016年全年, 超过2021年，…: a year of the calendar after a verb, not a count of
    years with a qualifier (超过2000年的历史, 近2000年来)."""
    return _YEAR_DIGITS.fullmatch(m.group("NCORE")) is not None and not m.group("NMULT") and not m.group("NTAIL") \
        and not _SPAN_AFTER.match(text, end)


# 多/余 between 万 and 亿 (开展营改增试点累计减税1万多亿元): the figure is 万亿 and more, as 1多万亿 would be
_MORE_TAILS = {"多亿": "多", "余亿": "余"}


def _start_and_qualifier(m: re.Match, text: str, unit: str | None) -> tuple[int, str | None]:
    """Where a figure starts and its qualifier: 近 of 近30多年来 means recent, so the figure starts
    after it and only 多 or a qualifier after it bounds the value."""
    more = m.group("NMORE") or _MORE_TAILS.get(m.group("NTAIL")) or (m.group("GEQ") if m.group("GEQ") == "多" else None)
    if _recent(m, text, unit):
        return m.end("QB"), more or m.group("QA")
    before = m.group("QB")
    return m.start(), (before and before.removesuffix("了")) or more or m.group("QA")   # 突破了 is 突破


def _second_end(m: re.Match) -> tuple[Fraction, Interval, str | None] | None:
    """The second end of a range (至12亿, 到20%多, 至-3): its value, interval and qualifier; None
    when its numeral cannot be read, and then the figure is not read either."""
    second = read_numeral(m.group("RCORE"))
    if second is None:
        return None
    value2, step2 = _scaled(second, m.group("RMULT"), None)
    qualifier2 = m.group("RMORE") or m.group("QA")
    end_interval = bounded(value2, step2, qualifier2, None)
    if m.group("RSIGN"):
        end_interval, value2 = -end_interval, -value2
    return value2, end_interval, qualifier2


def _range_ends(m: re.Match, text: str, span: tuple[int, int], first: tuple, second: tuple, unit: str | None,
                kind: str, core: Reading) -> tuple[Quantity, Quantity]:
    """The two ends of a range as figures of the range's unit, each with its own text, so a rule
    can compare them (5.5%—7.6%: 5.5% and 7.6%; 9～16亿: 9亿 and 16亿)."""
    (start, end), sep_start, sep_end = span, m.start("RSEP"), m.end("RSEP")
    first_scale = m.group("NMULT") or (m.group("RMULT") if _first_end_scaled(m, core) else None)
    value, interval, qualifier = first
    value2, interval2, qualifier2 = second
    return (Quantity(text[start:sep_start], start, sep_start, value, interval, interned(unit), kind,
                     interned(qualifier), interned(first_scale)),
            Quantity(text[sep_end:end], sep_end, end, value2, interval2, interned(unit), kind,
                     interned(qualifier2), interned(m.group("RMULT"))))


def _two_figures(m: re.Match, text: str, value, interval, unit, core, scale, chinese, qualifier) -> list[Quantity]:
    """大降16.4%至4039亿美元: ends of two units make no range, but a figure and where it went."""
    first_end = m.start("RSEP")
    value, step = _scaled(core, m.group("NMULT"), m.group("NTAIL"))   # the second's 亿 is not the first's
    more_step = _qualifier_step(core, m, qualifier)
    interval = bounded(value, step, qualifier, more_step)
    if m.group("SIGN") in ("负", "零下", "-"):
        interval, value = -interval, -value
    scale = m.group("NMULT")
    first = Quantity(text[m.start():first_end], m.start(), first_end, value, interval, interned(unit),
                     _kind(unit, core, scale, chinese), interned(qualifier), interned(scale))
    second = read_numeral(m.group("RCORE"))
    if second is None:
        return [first]
    value2, step2 = _scaled(second, m.group("RMULT"), None)
    unit2 = "百分点" if m.group("RUNIT") == "个百分点" else m.group("RUNIT")
    start2, end2 = m.start("RCORE"), m.end("RUNIT")
    kind2 = _kind(unit2, second, m.group("RMULT"), not m.group("RCORE")[0].isdigit())
    return [first, Quantity(text[start2:end2], start2, end2, value2, bounded(value2, step2, None, None),
                            interned(unit2), kind2, None, interned(m.group("RMULT")))]


def _first_end_scaled(m: re.Match, core: Reading) -> bool:
    """9～16亿: the first end takes the second's 万/亿; 2000到40万元: a first end larger than the
    second cannot, so it is read as it stands (2000 to 400000)."""
    if not m.group("RSEP") or not m.group("RMULT"):
        return False
    second = read_numeral(m.group("RCORE"))
    return second is None or core.value <= second.value


def _plain_number(m: re.Match, text: str) -> list[Quantity]:
    """The common case, in integers: digits, a multiplier and a unit, no qualifier, sign or range."""
    numeral, scale, unit, unit2 = m.group("NCORE", "NMULT", "UNIT", "UNIT2")   # (one call for the four)
    start, end = m.span()
    if unit or unit2:
        at = m.start("UNIT" if unit else "UNIT2")
        unit = unit or unit2
        if _starts_longer_word(text, at):
            unit, end = None, at
    value, interval, kind, unit, scale = _plain_reading(numeral, scale, unit)
    return [Quantity(text[start:end], start, end, value, interval, unit, kind, None, scale)]


@functools.lru_cache(maxsize=4096)
def _plain_reading(numeral: str, multiplier: str | None, unit: str | None) -> tuple:
    """Value, interval, kind, unit and 万/亿 of digits, a multiplier and a unit, as _plain_number
    gives them (a page states the same few over and over: 1个, 10%, 2万人)."""
    value, interval, core = _plain_value(numeral, multiplier)
    unit = "百分点" if unit == "个百分点" else unit
    return value, interval, _kind(unit, core, multiplier, False), interned(unit), interned(multiplier)


@functools.lru_cache(maxsize=4096)
def _plain_value(numeral: str, multiplier: str | None) -> tuple[Fraction, Interval, Reading]:
    """Value, interval and reading of digits and a 万/亿 (33.88万): the exact Fractions of the
    figures of a page, most of which recur (years, 1, 10%), are worked out once per numeral."""
    whole, _, decimals = numeral.replace(",", "").replace(" ", "").partition(".")   # 15. 8: a space after the point
    places = 10 ** len(decimals)
    digits = int(whole + decimals)
    factor = MULTIPLIERS.get(multiplier or "", 1)
    value = Fraction(digits * factor, places)
    interval = Interval(Fraction((2 * digits - 1) * factor, 2 * places), Fraction((2 * digits + 1) * factor, 2 * places))
    return value, interval, Reading(value, Fraction(1, places))


def _plain_chinese(m: re.Match, text: str) -> list[Quantity]:
    """A Chinese numeral with no qualifier, sign, tail or range (两万元, 三四个月): as _number reads it."""
    numeral, scale, unit, runit, unit2 = m.group("NCORE", "NMULT", "UNIT", "RUNIT", "UNIT2")
    unit_word = unit or runit or unit2 or None
    start, end = m.span()
    if unit_word:
        at = m.start("UNIT" if unit else "RUNIT" if runit else "UNIT2")
        if _starts_longer_word(text, at):
            unit_word, end = None, at
    if not _chinese_is_quantity(numeral, scale, unit_word):
        return []
    read = _chinese_value(numeral, scale)
    if read is None:
        return []
    core, value, interval = read
    unit = "百分点" if unit_word == "个百分点" else unit_word
    return [Quantity(text[start:end], start, end, value, interval, interned(unit),
                     _kind(unit, core, scale, True), None, interned(scale))]


@functools.lru_cache(maxsize=4096)
def _chinese_value(numeral: str, multiplier: str | None) -> tuple[Reading, Fraction | None, Interval] | None:
    """The reading, value and interval of a Chinese numeral and its 万/亿, once per numeral; a
    range in one numeral (三四) has no value; None when the numeral cannot be read."""
    adjacent = read_adjacent(numeral)
    core = adjacent[0] if adjacent else read_numeral(numeral)
    if core is None:
        return None
    if adjacent is not None:
        low, _ = _scaled(adjacent[0], multiplier, None)
        high, _ = _scaled(adjacent[1], multiplier, None)
        return core, None, Interval(low, high)
    value, step = _scaled(core, multiplier, None)
    return core, value, bounded(value, step, None, None)


# Units as written -> as the checks compare them: 个百分点 is 百分点; 月 after 个多/个半 is 个月.
_UNIT_NAMES = {"个百分点": "百分点", "月": "个月"}
_DURATIONS = frozenset(["年", "个月", "天", "日", "周", "个星期", "小时", "个小时"])


def _recent(m: re.Match, text: str, unit: str | None) -> bool:
    """近30多年来, 近十年以来: 近 means recent there, not nearly; it qualifies no figure."""
    return m.group("QB") == "近" and unit in _DURATIONS and text.startswith(("来", "以来"), m.end())


@functools.cache
def _not_unit_words() -> re.Pattern[str]:
    return regexes.compile(compile_alternation(lexicon().not_unit_words))


def _starts_longer_word(text: str, unit_start: int) -> bool:
    """部门, 个人, 项目: the measure word is really the start of another word."""
    return _not_unit_words().match(text, unit_start) is not None


def _chinese_is_quantity(numeral: str, multiplier: str | None, unit: str | None) -> bool:
    """Chinese numerals count only with a unit; a lone 一 with a classifier (一件, 一批) is an article."""
    if unit is None:
        return False
    return not (numeral == "一" and multiplier is None and unit in lexicon().classifiers)


def _scaled(core: Reading, multiplier: str | None, tail: str | None) -> tuple[Fraction, Fraction]:
    """Value and precision step of 'core × multiplier (+ tail)': 10亿零817万 -> 1008170000, 10000."""
    factor = MULTIPLIERS.get(multiplier or "", 1)
    if factor == 1 and not tail:
        return core.value, core.step   # (most figures: no product of Fractions to work out)
    if tail in _MORE_TAILS:   # 1万多亿: 1万亿 and more
        return core.value * MULTIPLIERS["万亿"], core.step * MULTIPLIERS["万亿"]
    value, step = core.value * factor, core.step * factor
    if tail and tail.endswith("亿"):  # 63万6463亿, 3万零500亿, 1万2千亿: the 万 counts 亿s
        tail_value, tail_step = _tail(tail[:-1])
        return (core.value * 10**4 + tail_value) * 10**8, tail_step * 10**8
    if tail:  # 10亿零817万, 1亿2千万, 2万4000, 1万5千: the tail's last place is the step
        tail_value, step = _tail(tail)
        return value + tail_value, step
    return value, step


def _tail(tail: str) -> tuple[Fraction, Fraction]:
    """Value and step of what follows a 亿 or 万: 零817万, 2千万, 4000, 5千, 两千."""
    stripped = tail.lstrip("零")
    digits = stripped.rstrip("千万")
    tail_factor = MULTIPLIERS.get(stripped[len(digits):], 1)
    reading = read_numeral(digits)   # 1万两千多名: a numeral after digits and 万
    return reading.value * tail_factor, reading.step * tail_factor


def _qualifier_step(core: Reading, m: re.Match, qualifier: str | None) -> Fraction | None:
    """How far from the value 余/多 and 超 (up) or 近 (down) reach; None for other qualifiers."""
    bound = QUALIFIER_BOUND.get(qualifier or "")
    if bound == "more":
        return _more_step(core, m)
    if bound in ("near", "over") and not m.group("RSEP") and not m.group("NTAIL"):
        return _last_digit_step(core, m)
    return None


def _last_digit_step(core: Reading, m: re.Match) -> Fraction:
    """One step of the last significant digit: 近3000亿 -> 1000亿, 近14亿 -> 1亿, 近1.6万 -> 0.1万."""
    factor = MULTIPLIERS.get(m.group("NMULT") or "", 1)
    if core.value.denominator == 1:
        return Fraction(_last_place(int(core.value)) * factor)   # (in integers: one Fraction, no product of two)
    return core.step * factor


def _more_step(core: Reading, m: re.Match) -> Fraction:
    """How far 余/多 reach: 800余万 -> 100万 (next hundred); 10万余 -> 1万; 1.5万余 -> 1000."""
    tail = m.group("NTAIL")
    if tail in _MORE_TAILS:   # 1万多亿 -> up to 2万亿, as 1多万亿
        return _last_digit_step(core, m) * MULTIPLIERS["亿"]
    if tail:   # 1万5千多 -> below 1万6千; 10亿零817万多 -> 1万
        value, step = _tail(tail.rstrip("亿"))
        factor = MULTIPLIERS["亿"] if tail.endswith("亿") else 1
        return (Fraction(_last_place(int(value))) if value.denominator == 1 and value else step) * factor
    if m.group("NMORE") or not m.group("NMULT"):
        return _last_digit_step(core, m)
    return core.step * MULTIPLIERS.get(m.group("NMULT"), 1)  # 1.5万余 -> below 1.6万; 10万余 -> below 11万


def _kind(unit: str | None, core: Reading, scale: str | None, chinese: bool) -> str:
    if unit in ("%", "‰", "成"):
        return "percent"
    if unit == "百分点":
        return "point"
    if unit == "倍":
        return "ratio"
    value, step = core.value, core.step   # (compared as ints, exactly: a Fraction's denominator is positive)
    if unit in lexicon().classifiers and scale is None and value.denominator == 1 and (
            step.numerator <= step.denominator or chinese and value.numerator < 10000):
        return "count"
    return "amount"


_BUILDERS = {
    "label": label, "ordinal": ordinal, "iso_date": calendar.iso_date_figure, "date": calendar.date_figure,
    "period": calendar.period_figure, "year": calendar.year_figure, "time": calendar.time_figure,
    "weekday": calendar.weekday_figure, "fraction": fraction, "score": ratio_parts, "cnpercent": cn_percent,
    "number": _number,
}
